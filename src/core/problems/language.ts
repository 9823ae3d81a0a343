/** Kept for the modules that import the language helpers from here; the registry is core/languages. */
export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, languageOr, languageSpec, type Language } from '../languages/registry';
