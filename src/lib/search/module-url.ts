/** Where pages load the search module from in a built site (bundled by `bundle.ts`). */
export const SEARCH_MODULE_URL = '/_kb/search.js';
/** Where `astro dev` serves the same module, straight from source. */
export const SEARCH_MODULE_DEV_URL = '/src/search/ui.ts';

/** Site path of a locale's search data (synonyms), written by `search-data.ts`. */
export function searchDataUrl(locale: string): string {
  return `/_kb/search-data.${locale}.json`;
}
