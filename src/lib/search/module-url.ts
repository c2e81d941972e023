/** Where pages load the search module from in a built site (bundled by `bundle.ts`). */
export const SEARCH_MODULE_URL = '/_kb/search.js';
/** Where `astro dev` serves the same module, straight from source. */
export const SEARCH_MODULE_DEV_URL = '/src/search/ui.ts';
