/**
 * Raw HTML in DocFX Markdown → Markdown (mdast), through the unified ecosystem: the HTML is parsed
 * as a browser would (`hast-util-from-html`, so stray and unclosed tags are read the way DocFX's
 * readers saw them) and converted by `hast-util-to-mdast`. What this module adds is what our MDX
 * needs on top:
 *
 * - `<a name="x">` / `<a id="x">` without `href` become anchors (`{/* #x *\/}`);
 * - HTML comments (editorial notes) are dropped;
 * - elements that are not HTML a document uses (prose pseudo-tags such as `<token>`) become text,
 *   escaped by the MDX printer, with a warning;
 * - table cells hold phrasing only (GFM): lists become `• item` lines and paragraphs lines, joined
 *   with `<br />`, the one element cells may contain;
 * - links go through the importer's link rewriting, images to `/media/`.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { Parser } from 'htmlparser2';
import { MAX_NESTING_DEPTH } from '../mdx/depth.ts';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import type { Nodes, PhrasingContent, RootContent, TableCell } from 'mdast';
import type { MdxJsxTextElement, MdxTextExpression } from 'mdast-util-mdx';
import { append } from '../append.ts';

/** Elements of documents that the conversion understands; any other tag is prose (`<token>`). */
export const DOCUMENT_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'div', 'dl', 'dt',
  'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'samp', 'section',
  'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
]);

/** The tag name of an HTML fragment's opening or closing tag (`<strong>`, `</td>`), lower-cased. */
export function tagName(html: string): string | undefined {
  return /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.trim())?.[1]?.toLowerCase();
}

export interface HtmlContext {
  /** A new anchor id (made unique in its file), or undefined when the id is not valid. */
  anchor: (id: string, line: number) => string | undefined;
  /** The URL a link becomes. */
  link: (url: string, line: number) => string;
  image: (url: string) => string;
  /** A tag that is not a document element was kept as text. */
  pseudoTag: (tag: string, line: number, column: number) => void;
  /** Input line of line 1 of the HTML (positions of the result are shifted to the input). */
  line: number;
}

function anchorExpression(id: string): MdxTextExpression {
  return { type: 'mdxTextExpression', value: `/* #${id} */` };
}

function br(): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] };
}

/** Turns pseudo-tags into text and drops comments, in place. */
function clean(node: HastRoot | Element, ctx: HtmlContext): void {
  const out: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'comment') continue;
    if (child.type === 'element' && !DOCUMENT_ELEMENTS.has(child.tagName)) {
      const line = ctx.line + (child.position?.start.line ?? 1) - 1;
      ctx.pseudoTag(child.tagName, line, child.position?.start.column ?? 1);
      const attributes = Object.entries(child.properties).map(([k, v]) => ` ${k}${v === true || v === '' ? '' : `="${String(v)}"`}`).join('');
      out.push({ type: 'text', value: `<${child.tagName}${attributes}>` });
      clean(child, ctx);
      append(out, child.children);
      continue;
    }
    if (child.type === 'element') clean(child, ctx);
    out.push(child);
  }
  node.children = out as never;
}

/** Lines of a cell's block content, as phrasing joined by `<br />` (GFM cells hold one line). */
function cellPhrasing(children: readonly Nodes[]): PhrasingContent[] {
  const lines: PhrasingContent[][] = [];
  const walk = (nodes: readonly Nodes[], bullet: string): void => {
    let inline: PhrasingContent[] = [];
    const flush = (): void => {
      if (inline.length > 0) lines.push(inline);
      inline = [];
    };
    for (const node of nodes) {
      if (node.type === 'list') {
        flush();
        node.children.forEach((item, i) => {
          const mark = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
          const before = lines.length;
          walk(item.children, mark);
          const first = lines[before];
          if (first) first.unshift({ type: 'text', value: mark });
        });
      } else if (node.type === 'paragraph' || node.type === 'heading') {
        flush();
        let line: PhrasingContent[] = [];
        for (const child of node.children) {
          if (child.type === 'break') {
            lines.push(line);
            line = [];
          } else line.push(child);
        }
        lines.push(line);
      } else if ('children' in node && node.type !== 'link' && node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'delete') {
        flush();
        walk(node.children as Nodes[], bullet);
      } else if (node.type === 'break') {
        flush();
      } else {
        inline.push(node as PhrasingContent);
      }
    }
    flush();
  };
  walk(children, '');
  const out: PhrasingContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(br());
    append(out, line);
  });
  return out;
}

/**
 * How deeply the elements of an HTML fragment nest, counted by htmlparser2's tokenizer (iterative;
 * implied and void elements close as HTML says), stopping at `max + 1`. hast-util-from-html builds
 * and walks the tree recursively, so a fragment of 3,000 nested `<b>` overflows the stack there:
 * `convertHtml` asks this first.
 */
export function htmlDepth(html: string, max = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag() {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) parser.pause();
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
  return deepest;
}

/**
 * Converts an HTML fragment into Markdown nodes. `flow` tells whether the fragment stands for
 * blocks (a table) or for phrasing inside a paragraph.
 */
export function htmlToMdast(html: string, flow: boolean, ctx: HtmlContext): RootContent[] {
  const hast = fromHtml(html, { fragment: true });
  clean(hast, ctx);
  const lineOf = (node: HastNodes): number => ctx.line + (node.position?.start.line ?? 1) - 1;
  const a: Handle = (state, node) => {
    const props = node.properties;
    const id = props['id'] ?? props['name'];
    if (props['href'] === undefined && typeof id === 'string') {
      const unique = ctx.anchor(id, lineOf(node));
      const children = state.all(node);
      return unique === undefined ? children : [anchorExpression(unique) as never, ...children];
    }
    return defaultHandlers.a(state, node);
  };
  // `<summary>` is the heading of a `<details>` block: bold text.
  const summary: Handle = (state, node) => ({ type: 'paragraph', children: [{ type: 'strong', children: state.all(node) as PhrasingContent[] }] });
  const root = toMdast(hast, { handlers: { a, summary } });
  const shift = (node: Nodes): void => {
    if (node.position) {
      node.position.start.line += ctx.line - 1;
      node.position.end.line += ctx.line - 1;
    }
    if (node.type === 'link') node.url = ctx.link(node.url, node.position?.start.line ?? ctx.line);
    if (node.type === 'image') node.url = ctx.image(node.url);
    if (node.type === 'tableCell') (node as TableCell).children = cellPhrasing((node as TableCell).children as Nodes[]);
    if (node.type === 'break' && !flow) return;
    if ('children' in node) for (const child of node.children as Nodes[]) shift(child);
  };
  shift(root);
  const children = (root as { children: RootContent[] }).children;
  // Phrasing HTML comes back wrapped in a paragraph: unwrap it.
  if (!flow) return children.flatMap((c): RootContent[] => (c.type === 'paragraph' ? c.children : [c]));
  return children;
}
