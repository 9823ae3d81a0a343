/** Kept for the modules that import the language helpers from here; the registry is core/languages. */
export { isLanguage, type Language } from '../languages/registry';
