/**
 * The element ids that the layouts put on an article page around its body. A section id of an
 * article must be none of these: a link to `#content` would land on the layout's `<main>`, not on
 * the section. The layouts read their ids from here and the content check reads the same list
 * (`content/reserved-id`); the built-HTML pass reports any duplicate id that slips through.
 */
export const LAYOUT_IDS = {
  /** `<main>`, the target of the skip link. */
  main: 'content',
  /** The "On this page" heading. */
  tocTitle: 'toc-title',
  themeToggle: 'theme-toggle',
  /** The header search box (SearchBox.astro: `search-input`, `search-hint`, `search-results`). */
  search: 'search',
} as const;

/** Ids derived from `LAYOUT_IDS.search` by SearchBox.astro and the search module (`search-results-opt-3`). */
export function searchIds(base: string): { input: string; hint: string; results: string; option: (i: number) => string } {
  return { input: `${base}-input`, hint: `${base}-hint`, results: `${base}-results`, option: (i) => `${base}-results-opt-${i}` };
}

const search = searchIds(LAYOUT_IDS.search);

/** Every id a layout puts on an article page. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([LAYOUT_IDS.main, LAYOUT_IDS.tocTitle, LAYOUT_IDS.themeToggle, search.input, search.hint, search.results]);

/**
 * The ids the renderer itself gives parts of an article body: GFM footnotes as mdast-util-to-hast
 * makes them (`src/lib/mdx/to-hast.ts`). The notes' hidden heading is always `footnote-label` (the
 * library fixes it); calls and notes are `user-content-fnref-1`, `user-content-fn-1` (our
 * `clobberPrefix`). A section id must be none of these either.
 */
export const BODY_IDS = {
  footnoteLabel: 'footnote-label',
  /** The prefix of every footnote call's and note's id. */
  footnotePrefix: 'user-content-',
} as const;

/** What a reserved id belongs to, in words (for `content/reserved-id`); undefined when it is free. */
export function reservedIdOwner(id: string): string | undefined {
  if (id === LAYOUT_IDS.main) return "the page's <main> element";
  if (RESERVED_IDS.has(id) || /^search-results-opt-\d+$/.test(id)) return 'an element of the page layout';
  if (id === BODY_IDS.footnoteLabel) return "the footnotes' heading";
  if (id.startsWith(BODY_IDS.footnotePrefix)) return `the footnotes (every id starting with "${BODY_IDS.footnotePrefix}")`;
  return undefined;
}

/**
 * Whether a section id would collide with an id of the layout (including the search results'
 * options) or one the renderer gives footnotes.
 */
export function isReservedId(id: string): boolean {
  return reservedIdOwner(id) !== undefined;
}
