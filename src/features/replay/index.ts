/** The replay feature's public face for other pages (the page itself is routed lazily by app/). */
export { CompareWithReference } from './CompareWithReference';
