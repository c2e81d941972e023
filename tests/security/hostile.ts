/**
 * Hostile article bodies: each tries to run script in a reader's browser, and every script it
 * could run sets the sentinel global `window.kbPwned`. The renderer test, the check test and the
 * browser test (built pages and dev-server pages in Chromium) all use this one list.
 */

/** The global every hostile body tries to set. */
export const SENTINEL = 'kbPwned';

export interface Hostile {
  /** Short name, also the article slug suffix (`hostile-<name>`). */
  name: string;
  /** The article body (MDX), after front matter. */
  body: string;
  /** True when `npm run check` accepts the body (it must still render harmlessly). */
  passesCheck?: boolean;
}

const set = (how: string): string => `window.${SENTINEL}='${how}'`;

export const HOSTILE: readonly Hostile[] = [
  { name: 'script', body: `<script>${set('script')}</script>\n` },
  { name: 'script-inline', body: `Text <script>${set('script-inline')}</script> more.\n` },
  { name: 'img-onload', body: `<img src="/favicon.svg" onload="${set('img-onload')}" />\n` },
  { name: 'img-onerror', body: `<img src="/media/none.png" onerror="${set('img-onerror')}" alt="x" />\n` },
  { name: 'svg-onload', body: `<svg onload="${set('svg-onload')}"><circle r="1" /></svg>\n` },
  { name: 'details-ontoggle', body: `<details open ontoggle="${set('details-ontoggle')}">x</details>\n` },
  { name: 'input-onfocus', body: `<input autofocus onfocus="${set('input-onfocus')}" />\n` },
  { name: 'video-onerror', body: `<video src="/media/none.mp4" onerror="${set('video-onerror')}" />\n` },
  { name: 'iframe-srcdoc', body: `<iframe srcdoc="<script>parent.${SENTINEL}='iframe'</script>" />\n` },
  { name: 'object-data', body: `<object data="data:text/html,<script>parent.${SENTINEL}='object'</script>" />\n` },
  { name: 'embed-src', body: `<embed src="data:text/html,<script>parent.${SENTINEL}='embed'</script>" />\n` },
  { name: 'meta-refresh', body: `<meta httpEquiv="refresh" content="0;url=javascript:${set('meta')}" />\n` },
  { name: 'base-href', body: `<base href="javascript:${set('base')}//" />\n\n[relative](other)\n` },
  { name: 'jsx-link', body: `<a href="javascript:${set('jsx-link')}">click</a>\n` },
  { name: 'markdown-link', body: `[click](javascript:${set('markdown-link')})\n` },
  { name: 'data-link', body: `[click](data:text/html,<script>${set('data-link')}</script>)\n` },
  { name: 'form-action', body: `<form action="javascript:${set('form')}"><button>go</button></form>\n` },
  { name: 'callout-handler', body: `<Callout type="note" onmouseover="${set('callout')}">hover</Callout>\n` },
  { name: 'nested-in-cloud-only', body: `<CloudOnly clouds="global china usgov germany"><img src="/none.png" onerror="${set('cloud-only')}" /></CloudOnly>\n` },
  { name: 'table-cell', body: `| a |\n| - |\n| <img src="/none.png" onerror="${set('table')}" /> |\n` },
  { name: 'expression', body: `{${set('expression')}}\n` },
  { name: 'esm', body: `export const x = (${set('esm')})\n\nText.\n` },
  { name: 'expression-attribute', body: `<div dangerouslySetInnerHTML={{ __html: "<img src=x onerror=${SENTINEL}=1>" }} />\n` },
  { name: 'style-attribute', body: `<p style="background:url(javascript:${set('style')})">x</p>\n` },
  { name: 'srcset', body: `<img src="/favicon.svg" srcSet="javascript:${set('srcset')}" alt="x" />\n` },
  // Accepted by the check: quotes and markup in labels, titles and alt text stay text.
  {
    name: 'footnote-label',
    body: `Text[^a"b] and[^x"onmouseover="${SENTINEL}=1].\n\n[^a"b]: A "quoted" note.\n\n[^x"onmouseover="${SENTINEL}=1]: Another <b>note</b>.\n`,
    passesCheck: true,
  },
  { name: 'title-quotes', body: `[x](https://example.com "a\\" onmouseover=\\"${set('title')}") and ![a" onerror="${set('alt')}](/media/x.png)\n`, passesCheck: true },
];
