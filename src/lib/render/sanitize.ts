/**
 * The renderer's own allow-list: every article body passes through it after `body.ts` rendered it,
 * whatever the parse, the parse cache or the checks said (defence in depth: a poisoned cache entry,
 * a dev server that skipped the checks, or a bug in a check must still not put script in a page).
 *
 * The schema (`hast-util-sanitize`, GitHub's way of cleaning HTML) lists exactly what our Markdown
 * (CommonMark + GFM tables, strikethrough, task lists, footnotes) and our components (`<Callout>`,
 * `<CloudFact>`, `<CloudOnly>`, `<br />`) become in `render/body.ts`: those elements, those
 * attributes (class names by value), and links only to the page's own site (relative URLs) or to
 * `http:`, `https:` and `mailto:`. Anything else is removed: an element not listed is replaced by
 * its children, the contents of script-like elements are dropped, comments and doctypes go.
 * A renderer change that emits a new element or attribute must add it here (the security tests
 * render every construct and fail when the schema drops one).
 */
import type { ElementContent, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

type AttributeRule = string | [string, ...Array<RegExp | boolean | number | string>];

const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'];
const heading: AttributeRule[] = ['id'];
// Cells and paragraphs carry the ids of anchors in the text (`{/* #id */}`, see CONTRIBUTING.md).
const tableCell: AttributeRule[] = [['align', 'left', 'center', 'right'], 'id'];

export const BODY_SCHEMA: Schema = {
  tagNames: [
    // Markdown
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'hr', 'br', 'pre', 'code',
    'em', 'strong', 'del', 'a', 'img', 'sup', 'section', 'input',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
    // Components and link markers (render/body.ts)
    'aside', 'div', 'span',
  ],
  attributes: {
    a: [
      'href',
      'title',
      ['rel', 'noopener'],
      ['hrefLang', 'en'],
      // GFM footnotes: the reference (`id`, `dataFootnoteRef`, `ariaDescribedBy`) and the back link.
      'id',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'ariaDescribedBy',
      'ariaLabel',
      ['className', 'data-footnote-backref', 'heading-anchor'],
      'lang',
    ],
    img: ['src', 'alt', 'title', ['loading', 'lazy'], ['decoding', 'async']],
    h1: heading,
    h2: [...heading, ['className', 'sr-only'], 'lang'],
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], 'checked', ['disabled', true]],
    code: [['className', /^language-[\w+#-]+$/]],
    th: tableCell,
    td: tableCell,
    section: ['dataFootnotes', ['className', 'footnotes']],
    aside: ['ariaLabel', ['className', 'callout', ...CALLOUT_TYPES.map((type) => `callout-${type}`)]],
    p: [['className', 'callout-label'], 'id'],
    div: [['className', 'callout-body', 'heading-wrap']],
    span: ['title', ['className', 'lang-marker', 'unavailable-link'], 'id'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: {
    li: ['ol', 'ul'],
    thead: ['table'],
    tbody: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    input: ['li'],
  },
  // Relative URLs (the resolver's `/en/global/…`, `#id`) are always kept; absolute ones only with these.
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Section ids are the authors' language-independent anchors (`#billingdisputes`): never prefixed.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'noscript', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'math', 'svg'],
  allowComments: false,
  allowDoctypes: false,
};

/** A rendered body made safe: the nodes that survive `BODY_SCHEMA`, in order. */
export function sanitizeBody(nodes: ElementContent[]): ElementContent[] {
  const clean = sanitize({ type: 'root', children: nodes }, BODY_SCHEMA) as Root;
  return clean.children as ElementContent[];
}
