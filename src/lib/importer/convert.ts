/**
 * Converts the Markdown of one side of a DocFX file (target or source text, after the sentence pairs
 * were split) into an MDX body in the format of CONTRIBUTING.md. The Markdown is parsed as plain
 * CommonMark + GFM (DocFX is not MDX), rewritten on the syntax tree, and printed by the MDX
 * serializer, which escapes whatever MDX would read as syntax (`{`, `<`, …).
 *
 * Line numbers in the Markdown are the input file's line numbers (the caller keeps the line
 * structure), so every position reported here names the line of the DocFX file.
 */
import type {
  BlockContent,
  Blockquote,
  Heading,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxTextExpression } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import { DOCUMENT_ELEMENTS, htmlDepth, htmlToMdast, tagName, type HtmlContext } from './html.ts';
import { importRule } from './rules.ts';
import { asciiSectionId, docfxHeadingIds } from './heading-ids.ts';
import { visit } from 'unist-util-visit';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import { append } from '../append.ts';
import { deepestNode, deepPrefix, MAX_NESTING_DEPTH } from '../mdx/depth.ts';

/**
 * Width of text in a monospace editor: East Asian wide and full-width characters take two columns,
 * so that table columns of Korean, Chinese and Japanese line up.
 */
export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const parser = unified().use(remarkParse).use(remarkGfm);
const printer = unified()
  .use(remarkStringify, {
    bullet: '-',
    listItemIndent: 'one',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    incrementListMarker: true,
    // MDX reads a line that starts with `import ` or `export ` as JavaScript (ESM): such prose gets
    // its first letter as a character reference (`&#x69;mport`), as `{` and `<` get a backslash.
    unsafe: [
      { character: 'i', atBreak: true, after: 'mport\\b' },
      { character: 'e', atBreak: true, after: 'xport\\b' },
    ],
  })
  .use(remarkGfm, { stringLength: displayWidth })
  .use(remarkMdx);

export interface ConvertContext {
  /** The input file as shown in diagnostics. */
  file: string;
  report: (diagnostic: Diagnostic) => void;
  /**
   * The URL a link of the input becomes (default `rewriteLink`): in a repository, the article link
   * of the file the URL names (see `Repository.resolveLink`). `line` is the input line of the link.
   */
  link?: (url: string, line: number) => string;
  /** Told of every image URL of the input, as written (to find the image files). */
  image?: (url: string, line: number) => void;
  /** The ids given so far in this body (lower-cased), set by the conversion. */
  ids?: Set<string>;
}

export interface AppliesToItem {
  text: string;
  line: number;
  column: number;
}

export interface ConvertedBody {
  /** Plain text of the first `#` heading, without its anchor. */
  title: string | undefined;
  /** The `<a name>` (or `id`) anchor of the first `#` heading: the article's slug in DocFX. */
  titleAnchor: string | undefined;
  /** Line of the first `#` heading (or 1). */
  titleLine: number;
  /** The "Applies to" block, when `appliesTo` was asked for and one was found. */
  appliesTo: { line: number; items: AppliesToItem[] } | undefined;
  /** Plain text of the first paragraph of the body (after the title and the "Applies to" block). */
  firstParagraph: string | undefined;
  /** The MDX body: blocks separated by one blank line, ending with one newline (or empty). */
  body: string;
  /** English side: how many pieces of text outside the pairs were left out (a translation's script). */
  left: number;
  /**
   * English side: every piece of text outside the pairs with letters, in document order, as the
   * Markdown has it (`''` when left out). Inputs in other locales are compared piece by piece;
   * `ConvertOptions.clear` leaves pieces out by their index here.
   */
  outside: string[];
  /** The ids given to headings without an anchor (DocFX's), by input line, in document order. */
  headingIds: Map<number, string[]>;
}

export interface ConvertOptions {
  /**
   * Find the "Applies to" block by its English text (source side), and remove it when `remove`
   * returns true for its items. On the target side the label is translated, so the caller passes
   * the input line the source side found it on, and whether it was removed.
   */
  appliesTo?: { find: true; remove: (items: AppliesToItem[]) => boolean } | { line: number; remove: boolean };
  /** The input line of each line of `markdown` (see `MappedText`); default: the same line. */
  lines?: readonly number[];
  /**
   * Set when converting the English of a translation: the ranges of `markdown` (offsets) that are
   * outside every sentence pair. Text there in a translation's script is left out of the English.
   */
  outside?: readonly [number, number][];
  /** With `outside`: indices of pieces (see `ConvertedBody.outside`) to leave out of the English as well. */
  clear?: ReadonlySet<number>;
  /**
   * A translation's side: the ids the English side gave its headings without an anchor
   * (`ConvertedBody.headingIds`), which the translation's headings on the same lines take.
   */
  headingIds?: ReadonlyMap<number, string[]>;
}

const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
const HEADING_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ANCHOR_OPEN = /^<a\s+(?:[^>]*?\s)?(?:id|name)\s*=\s*"([^"]*)"[^>]*>$/i;
const ANCHOR_CLOSE = /^<\/a\s*>$/i;
const BR = /^<\/?br\s*\/?>$/i;
const HTML_COMMENT = /^<!--[\s\S]*-->$/;
const APPLIES_TO = /^applies to\s*:?$/i;
const APPLIES_TO_INLINE = /^applies to\s*:?\s*(.*)$/i;
const NBSP = /\u00a0/g;

/** Lines of nothing but white space and `&nbsp;` (DocFX pads articles with them). */
const BLANKISH_LINE = /^(?:[\s\u00a0]|&nbsp;|&#160;|&#xa0;)*$/i;
const IMAGE_DIRECTIVE = /:::image\s+((?:[a-z-]+\s*=\s*"[^"]*"\s*)*):::/gi;
const NO_LOC = /:::no-loc\s+text\s*=\s*"([^"]*)"\s*:::/gi;
const DIRECTIVE_LINE = /^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*:::/;

function position(node: { position?: { start: { line: number; column: number } } | undefined }): { line: number; column: number } {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
}

function attributesOf(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of source.matchAll(/([a-z-]+)\s*=\s*"([^"]*)"/gi)) map.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
  return map;
}

function escapeAlt(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => '\\' + c);
}

/** Letters of the scripts our translations are written in: text in them is never English. */
export const TRANSLATED_SCRIPT = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Preprocessed {
  text: string;
  /** Lines (1-based) that the pass rewrote: offsets on them are not those of the input. */
  changed: Set<number>;
  /** `line:column` of the images made from `:::image` directives (their alt text is outside the pairs). */
  directiveImages: Set<string>;
}

/**
 * Line-level rewrites done before parsing: DocFX `:::image` directives become Markdown images (with
 * `lightbox`, linked to the large image), `:::no-loc text="…":::` its text, other `:::` directives
 * are reported, and lines of white space or `&nbsp;` become empty lines. The number of lines is
 * kept. On the English side (`englishSide`), alt text in a translation's script is left out.
 */
function preprocess(markdown: string, ctx: ConvertContext, englishSide: { left: number } | undefined): Preprocessed {
  let fence: string | undefined;
  const changed = new Set<number>();
  const directiveImages = new Set<string>();
  const text = markdown
    .split('\n')
    .map((line, index) => {
      const lineNumber = index + 1;
      // Code blocks are kept as they are.
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      if (BLANKISH_LINE.test(line)) return line === '' ? line : (changed.add(lineNumber), '');
      let shift = 0;
      let out = line.replace(IMAGE_DIRECTIVE, (whole, attrs: string, offset: number) => {
        const a = attributesOf(attrs);
        // Paths are trimmed (`source="images/x.png "` is written, and meant, as images/x.png).
        const src = a.get('source')?.trim();
        const type = (a.get('type') ?? 'content').toLowerCase();
        if (!src || type === 'complex') {
          ctx.report({
            file: ctx.file, line: lineNumber, column: offset + 1, ...importRule('import/unknown-directive'),
            message: `cannot convert this :::image directive${type === 'complex' ? ' (type="complex" with a long description)' : ' (no source)'}; kept as text`,
            hint: 'Rewrite it as ![Alt text](/media/file.png) and put the long description in the text.',
          });
          return whole;
        }
        let alt = a.get('alt-text') ?? '';
        if (englishSide && TRANSLATED_SCRIPT.test(alt)) {
          alt = '';
          englishSide.left++;
        }
        const lightbox = a.get('lightbox')?.trim();
        const image = `![${escapeAlt(alt)}](${src.replace(/ /g, '%20')})`;
        const replacement = lightbox ? `[${image}](${rewriteImage(lightbox).replace(/ /g, '%20')})` : image;
        directiveImages.add(`${lineNumber}:${offset + shift + (lightbox ? 2 : 1)}`);
        shift += replacement.length - whole.length;
        return replacement;
      });
      out = out.replace(NO_LOC, (_whole, value: string) => value);
      if (DIRECTIVE_LINE.test(out)) {
        const column = out.indexOf(':::') + 1;
        ctx.report({
          file: ctx.file, line: lineNumber, column, ...importRule('import/unknown-directive'),
          message: `cannot convert the DocFX directive "${out.trim().slice(0, 40)}"; kept as text`,
          hint: 'Rewrite it in plain Markdown or with a component listed in CONTRIBUTING.md, or remove it.',
        });
      }
      if (out !== line) changed.add(lineNumber);
      return out;
    })
    .join('\n');
  return { text, changed, directiveImages };
}

/** `foo.md#bar` → `foo.mdx#bar`; absolute URLs, `#anchors` and other files are kept. */
export function rewriteLink(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) return url;
  return url.replace(/^([^?#]*?)\.md(?=$|[?#])/i, '$1.mdx');
}

/** Images are served from `public/media/`: `media/x.png`, `./images/x.png` → `/media/…`. */
export function rewriteImage(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return url;
  const path = url.replace(/^(?:\.\.?\/)+/, '').replace(/^(?:media|images)\//, '');
  return '/media/' + path;
}

function text(value: string, from?: Nodes): Text {
  const node: Text = { type: 'text', value };
  if (from?.position) node.position = from.position;
  return node;
}

function mergeTexts(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else out.push(child);
  }
  return out;
}

function isBlank(children: PhrasingContent[]): boolean {
  return children.every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break');
}

/**
 * Phrasing content without white space or hard line breaks at its edges: a hard break (two trailing
 * spaces, common after DocFX's `> [!NOTE]  `) at the start or end of a paragraph only adds an empty
 * line.
 */
function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const edge = (c: PhrasingContent | undefined): boolean => c?.type === 'break' || (c?.type === 'text' && c.value.trim() === '');
  children = [...children];
  while (children.length > 0 && edge(children[0])) children.shift();
  while (children.length > 0 && edge(children.at(-1))) children.pop();
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[ \t]+/, '');
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
  return children.filter((c) => !(c.type === 'text' && c.value === ''));
}

interface PhrasingContext {
  inHeading: boolean;
  inTableCell: boolean;
  /** Anchor ids found (headings take them as their id). */
  anchors: string[];
  /** Anchors opened (`<a name="x">`) whose `</a>` is still to come. */
  openAnchors: number;
}

/**
 * The id itself, or `id-2`, `id-3` … when the file already has it (DocFX pages repeat anchors such
 * as `#summary`; a browser, like the link check, takes the first, so links keep their target).
 */
function uniqueId(id: string, ctx: ConvertContext, node: Nodes): string {
  const ids = (ctx.ids ??= new Set());
  let unique = id;
  for (let n = 2; ids.has(unique.toLowerCase()); n++) unique = `${id}-${n}`;
  ids.add(unique.toLowerCase());
  if (unique !== id) {
    const { line, column } = position(node);
    ctx.report({
      file: ctx.file, line, column, ...importRule('import/duplicate-anchor'),
      message: `the anchor #${id} is used again in this file; this one is #${unique} (links to #${id} reach the first, as in DocFX)`,
      hint: 'Give the section an id of its own if a link should reach it.',
    });
  }
  return unique;
}

function unconvertedHtml(node: Nodes, value: string, ctx: ConvertContext): void {
  const { line, column } = position(node);
  const shown = value.replace(/\s+/g, ' ').slice(0, 60);
  ctx.report({
    file: ctx.file, line, column, ...importRule('import/unconverted-html'),
    message: `raw HTML ${JSON.stringify(shown)} cannot be converted to MDX; kept as text`,
    hint: 'Rewrite it in Markdown (or a component listed in CONTRIBUTING.md), or remove it.',
  });
}

function transformPhrasing(children: PhrasingContent[], pc: PhrasingContext, ctx: ConvertContext): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    switch (node.type) {
      case 'text':
        node.value = node.value.replace(NBSP, ' ');
        out.push(node);
        break;
      case 'html': {
        const value = node.value.trim();
        const anchor = ANCHOR_OPEN.exec(value);
        const next = children[i + 1];
        if (HTML_COMMENT.test(value)) break;
        if (ANCHOR_CLOSE.test(value) && pc.openAnchors > 0) {
          pc.openAnchors--;
          break;
        }
        if (anchor) {
          // A legacy anchor (`<a name="x"></a>`, `<a id="x"/>`, `<a href="" id="x">`): the first of a
          // heading is its id; any other is an anchor in the text, the same in every locale.
          if (next?.type === 'html' && ANCHOR_CLOSE.test(next.value.trim())) i++;
          else if (!/\/>$/.test(value)) pc.openAnchors++;
          const id = anchor[1] ?? '';
          if (HEADING_ID.test(id)) {
            const unique = uniqueId(id, ctx, node);
            if (pc.inHeading && pc.anchors.length === 0) pc.anchors.push(unique);
            else {
              out.push(headingId(unique));
              // The line break after an anchor's own line goes: alone on a line, MDX would read the
              // id comment as a block of JavaScript.
              const after = children[i + 1];
              if (after?.type === 'text') after.value = after.value.replace(/^\s+/, '');
            }
          } else {
            const { line, column } = position(node);
            ctx.report({
              file: ctx.file, line, column, ...importRule('import/bad-anchor'),
              message: `anchor id ${JSON.stringify(id)} is not a valid heading id (ASCII letters, digits, - and _); dropped`,
              hint: 'Give the heading an id by hand: ## Heading {/* #id */}.',
            });
          }
        } else if (BR.test(value)) {
          if (pc.inTableCell) {
            const br: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] };
            out.push(br);
          } else {
            out.push({ type: 'break' });
          }
        } else {
          const converted = convertHtml(children, i, false, ctx);
          if (converted) {
            append(out, transformPhrasing(converted.nodes, pc, ctx));
            i = converted.last;
          } else {
            unconvertedHtml(node, node.value, ctx);
            out.push(text(node.value, node));
          }
        }
        break;
      }
      case 'link':
        node.url = ctx.link ? ctx.link(node.url, position(node).line) : rewriteLink(node.url);
        node.children = transformPhrasing(node.children, pc, ctx);
        out.push(node);
        break;
      case 'linkReference':
      case 'emphasis':
      case 'strong':
      case 'delete':
        node.children = transformPhrasing(node.children, pc, ctx) as typeof node.children;
        out.push(node);
        break;
      case 'image':
        ctx.image?.(node.url, position(node).line);
        node.url = rewriteImage(node.url);
        node.alt = (node.alt ?? '').replace(NBSP, ' ');
        out.push(node);
        break;
      default:
        out.push(node);
    }
  }
  return mergeTexts(out);
}

function headingId(id: string): MdxTextExpression {
  return { type: 'mdxTextExpression', value: `/* #${id} */` };
}

/** A blockquote that is a DocFX callout (`> [!NOTE]`), as a `<Callout>`; undefined otherwise. */
function callout(node: Blockquote, ctx: ConvertContext): MdxJsxFlowElement | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const lead = first.children[0];
  if (lead?.type !== 'text') return undefined;
  const match = /^\s*\[!([A-Za-z-]+)\]\s*/.exec(lead.value);
  if (!match) return undefined;
  const kind = (match[1] ?? '').toLowerCase();
  if (!(CALLOUT_TYPES as readonly string[]).includes(kind)) {
    const { line, column } = position(lead);
    ctx.report({
      file: ctx.file, line, column, ...importRule('import/unknown-directive'),
      message: `cannot convert the DocFX block [!${match[1]}]; kept as a quotation`,
      hint: `Callouts are ${CALLOUT_TYPES.map((t) => `[!${t.toUpperCase()}]`).join(', ')}; rewrite or remove this block.`,
    });
    return undefined;
  }
  lead.value = lead.value.slice(match[0].length);
  const children = [...node.children];
  if (isBlank(first.children.filter((c) => !(c.type === 'text' && c.value === '')))) children.shift();
  else first.children = trimEdges(first.children);
  return {
    type: 'mdxJsxFlowElement',
    name: 'Callout',
    attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: kind }],
    children: children as BlockContent[],
  };
}

function htmlContext(ctx: ConvertContext, line: number): HtmlContext {
  return {
    line,
    anchor: (id, at) => (HEADING_ID.test(id) ? uniqueId(id, ctx, { type: 'text', value: '', position: { start: { line: at, column: 1 }, end: { line: at, column: 1 } } }) : undefined),
    link: (url, at) => (ctx.link ? ctx.link(url, at) : rewriteLink(url)),
    image: rewriteImage,
    pseudoTag: (tag, at, column) =>
      ctx.report({
        file: ctx.file, line: at, column, ...importRule('import/unconverted-html'),
        message: `<${tag}> is not an HTML element of documents; kept as text`,
        hint: 'If it stands for a value to fill in, write it in code (`<token>`) or in words.',
      }),
  };
}

/** Markdown nodes as HTML (for the parts between the tags of an HTML run). */
function asHtml(node: Nodes): string {
  if (node.type === 'html') return node.value;
  if (node.type === 'text') return node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return toHtml(toHast(node as never, { allowDangerousHtml: true }), { allowDangerousHtml: true });
}

/** Whether an HTML string closes every `<tag>` it opens. */
function balanced(html: string, tag: string): boolean {
  const opens = html.match(new RegExp(`<${tag}(?=[\\s>/])`, 'gi'))?.length ?? 0;
  const closes = html.match(new RegExp(`</${tag}\\s*>`, 'gi'))?.length ?? 0;
  return closes >= opens;
}

/**
 * An HTML element that starts at `children[start]` and the siblings up to where its tags close
 * (Markdown ends an HTML block at a blank line, and splits inline HTML into one node per tag; the
 * browser did neither), converted to Markdown. `flow`: a block (a table, a list, a `<p>`) among
 * blocks, else an inline element (`<strong>…</strong>`, `<sup>`, `<code>`) in a paragraph, which
 * is converted alone when it never closes. Undefined when the tag is not a document element.
 */
function convertHtml<T extends Nodes>(children: readonly T[], start: number, flow: boolean, ctx: ConvertContext): { nodes: T[]; last: number } | undefined {
  const node = children[start] as Nodes & { value: string };
  const tag = tagName(node.value);
  if (!tag || !DOCUMENT_ELEMENTS.has(tag) || node.value.trim().startsWith('</')) return undefined;
  let html = node.value;
  let last = start;
  while (!balanced(html, tag) && last + 1 < children.length) html += (flow ? '\n\n' : '') + asHtml(children[++last]!);
  if (!flow && !balanced(html, tag)) {
    html = node.value;
    last = start;
  }
  if (htmlDepth(html) > MAX_NESTING_DEPTH) {
    reportTooDeep(ctx, position(node));
    return { nodes: [], last };
  }
  return { nodes: htmlToMdast(html, flow, htmlContext(ctx, position(node).line)) as T[], last };
}

/** The first paragraph, heading or table cell of a block (where an anchor before it goes). */
function firstPhrasingParent(node: RootContent | undefined): { children: PhrasingContent[] } | undefined {
  for (let n: Nodes | undefined = node; n; ) {
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') return n;
    if (!('children' in n) || n.type === 'link' || n.type === 'emphasis' || n.type === 'strong') return undefined;
    n = (n.children as Nodes[])[0];
  }
  return undefined;
}

/** A DocFX tab heading (`# [Label](#tab/id)`): the tab's label and id, else undefined. */
function tabOf(node: RootContent): { label: PhrasingContent[]; id: string } | undefined {
  if (node.type !== 'heading') return undefined;
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const link = meaningful[0];
  if (meaningful.length !== 1 || link?.type !== 'link') return undefined;
  const id = /^#tab\/([A-Za-z0-9_-]+)/.exec(link.url)?.[1];
  return id === undefined ? undefined : { label: link.children, id };
}

function transformBlocks(parent: Parents, ctx: ConvertContext): void {
  const children = parent.children as RootContent[];
  const out: RootContent[] = [];
  /** Depth of the last heading that is not a tab (tabs become sections one level below it). */
  let sectionDepth = 1;
  let inTabs = false;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    // DocFX tabs: each `# [Label](#tab/id)` becomes a section heading; the `---` after the last
    // tab's content (which closes the group) goes.
    const tab = tabOf(node);
    if (tab && node.type === 'heading') {
      if (!inTabs) {
        const { line, column } = position(node);
        ctx.report({
          file: ctx.file, line, column, ...importRule('import/tabs'),
          message: 'DocFX tabs become sections, one heading per tab; readers see every tab, one after the other',
          hint: 'Check that the sections read well one after another; reword their introduction if it speaks of tabs.',
        });
      }
      inTabs = true;
      node.depth = Math.min(6, sectionDepth + 1) as Heading['depth'];
      // The tab's id becomes the section's (as an anchor, made unique like any other).
      node.children = [{ type: 'html', value: `<a name="tab-${tab.id}">` }, { type: 'html', value: '</a>' }, ...tab.label];
    } else if (inTabs && node.type === 'thematicBreak') {
      inTabs = false;
      continue;
    } else if (node.type === 'heading') {
      if (inTabs && node.depth <= sectionDepth) inTabs = false;
      sectionDepth = Math.max(2, node.depth);
    }
    switch (node.type) {
      case 'heading': {
        const pc: PhrasingContext = { inHeading: true, inTableCell: false, anchors: [], openAnchors: 0 };
        node.children = trimEdges(transformPhrasing(node.children, pc, ctx));
        node.depth = Math.max(2, node.depth) as Heading['depth'];
        const id = pc.anchors[0];
        if (id) {
          const last = node.children.at(-1);
          if (last?.type === 'text') last.value += ' ';
          else node.children.push(text(' '));
          node.children.push(headingId(id));
        }
        out.push(node);
        break;
      }
      case 'paragraph': {
        // A paragraph of nothing but an anchor right before a heading: the heading's id (DocFX
        // often writes `<a name="x"></a>` on the line above a heading).
        const nextNode = children[i + 1];
        const anchorOnly =
          node.children.length === 2 &&
          node.children[0]?.type === 'html' &&
          ANCHOR_OPEN.test(node.children[0].value.trim()) &&
          node.children[1]?.type === 'html' &&
          ANCHOR_CLOSE.test(node.children[1].value.trim());
        if (anchorOnly && nextNode?.type === 'heading' && !nextNode.children.some((c) => c.type === 'html' && ANCHOR_OPEN.test(c.value.trim()))) {
          nextNode.children = [...(node.children as PhrasingContent[]), ...nextNode.children];
          break;
        }
        // A line of nothing but anchors (and comments) marks the block after it: the anchors move
        // into that block's first text, where they become its ids.
        const onlyAnchors = node.children.length > 0 && node.children.every((c) => (c.type === 'html' && (ANCHOR_OPEN.test(c.value.trim()) || ANCHOR_CLOSE.test(c.value.trim()) || HTML_COMMENT.test(c.value.trim()))) || (c.type === 'text' && c.value.trim() === ''));
        const into = onlyAnchors ? firstPhrasingParent(nextNode) : undefined;
        if (into) {
          // Not unshift(...children): a line of 200,000 anchors would overflow the stack as arguments.
          into.children = [...(node.children as PhrasingContent[]), ...into.children];
          break;
        }
        const pc: PhrasingContext = { inHeading: false, inTableCell: false, anchors: [], openAnchors: 0 };
        node.children = transformPhrasing(node.children, pc, ctx);
        if (isBlank(node.children)) break;
        node.children = trimEdges(node.children);
        const lead = node.children[0];
        if (lead?.type === 'text' && /^\[!(INCLUDE|div|VIDEO)/i.test(lead.value)) {
          const { line, column } = position(lead);
          ctx.report({
            file: ctx.file, line, column, ...importRule('import/unknown-directive'),
            message: `cannot convert the DocFX ${lead.value.slice(1, lead.value.indexOf(']') + 1 || 10)} directive; kept as text`,
            hint: 'Paste the included content or rewrite it in Markdown, or remove it.',
          });
        }
        out.push(node);
        break;
      }
      case 'html': {
        const value = node.value.trim();
        // Comments are editorial notes: they never reach readers.
        if (BR.test(value) || HTML_COMMENT.test(value)) break;
        const converted = convertHtml(children, i, true, ctx);
        if (converted) {
          const holder = { type: 'root', children: converted.nodes } as Root;
          transformBlocks(holder, ctx);
          append(out, holder.children);
          i = converted.last;
          break;
        }
        unconvertedHtml(node, node.value, ctx);
        const paragraph: Paragraph = { type: 'paragraph', children: [text(node.value, node)] };
        if (node.position) paragraph.position = node.position;
        out.push(paragraph);
        break;
      }
      case 'blockquote': {
        const converted = callout(node, ctx);
        const target = converted ?? node;
        transformBlocks(target as Parents, ctx);
        out.push(target);
        break;
      }
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const pc: PhrasingContext = { inHeading: false, inTableCell: true, anchors: [], openAnchors: 0 };
            cell.children = trimEdges(transformPhrasing(cell.children, pc, ctx)) as typeof cell.children;
          }
        }
        out.push(node);
        break;
      case 'definition':
        node.url = ctx.link ? ctx.link(node.url, position(node).line) : rewriteLink(node.url);
        out.push(node);
        break;
      case 'list':
      case 'listItem':
        transformBlocks(node, ctx);
        if (node.type === 'listItem' || node.children.length > 0) out.push(node);
        break;
      default:
        out.push(node);
    }
  }
  (parent as { children: RootContent[] }).children = out;
}

/** Plain text of a block, white space collapsed. */
function plain(node: Nodes, options: { includeImageAlt?: boolean } = {}): string {
  return textOf(node, options.includeImageAlt ?? true).replace(/\s+/g, ' ').trim();
}

/** `toString` without the id comments (`{/* #id *\/}`), which are not text. */
function textOf(node: Nodes, includeImageAlt: boolean): string {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  if ('children' in node) return (node.children as Nodes[]).map((c) => textOf(c, includeImageAlt)).join('');
  return toString(node, { includeImageAlt });
}

/** Rewrites every position of a tree from lines of the converted text to lines of the input. */
function mapLines(node: Nodes, lines: readonly number[]): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.line = lines[n.position.start.line - 1] ?? n.position.start.line;
      n.position.end.line = lines[n.position.end.line - 1] ?? n.position.end.line;
    }
    if ('children' in n) append(stack, n.children as Nodes[]);
  }
}

/**
 * Finds, on the English side, the text that came from outside the sentence pairs: text in a
 * translation's script is left out at once (`counter.left`); other text with letters is listed in
 * `found`, so that inputs in other locales can be compared with it, and left out when its index is
 * in `clear`. `ranges` are sorted and disjoint (as `splitPairs` makes them).
 */
function markOutside(tree: Root, markdown: string, pre: Preprocessed, ranges: readonly [number, number][], counter: { left: number }, found: string[], clear: ReadonlySet<number> | undefined): void {
  const lineStarts = [0];
  for (let i = markdown.indexOf('\n'); i >= 0; i = markdown.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  /** The outside ranges that overlap [start, end): a binary search for the first, as a file has thousands. */
  const overlapping = (start: number, end: number): [number, number][] => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![1] <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: [number, number][] = [];
    for (let i = lo; i < ranges.length && ranges[i]![0] < end; i++) if (ranges[i]![1] > start) out.push(ranges[i] as [number, number]);
    return out;
  };
  const lineRange = (line: number): [number, number] => [lineStarts[line - 1] ?? 0, (lineStarts[line] ?? markdown.length + 1) - 1];
  /** A line the line-level pass rewrote has no offsets; all of it is outside the pairs or it is left alone. */
  const wholeLineOutside = (line: number): boolean => {
    const [a, b] = lineRange(line);
    return overlapping(a, b).some(([x, y]) => x <= a && y >= b);
  };
  const offset = (point: { line: number; column: number }, end = false): number | undefined => {
    if (!pre.changed.has(point.line)) return (lineStarts[point.line - 1] ?? 0) + point.column - 1;
    if (!wholeLineOutside(point.line)) return undefined;
    return lineRange(point.line)[end ? 1 : 0];
  };
  /** Lists a piece (even one already left out, so that the pieces of two locales line up by position). */
  const list = (value: string, leaveOut: () => void): void => {
    if (clear?.has(found.length)) {
      leaveOut();
      value = '';
    }
    found.push(value);
  };
  /**
   * The text [start, end) of `markdown` (`value` as parsed): when all of it is outside the pairs and
   * has letters, returns it, or '' when it is in a translation's script (left out of the English).
   * When only parts of it are (and `raw`: `value` is the text as written), `cut` gets each such part
   * in a translation's script, by offsets in `markdown`.
   */
  const outsideText = (start: number, end: number, value: string, raw: boolean, cut: (from: number, to: number) => void): string | undefined => {
    const parts = overlapping(start, end);
    if (parts.some(([a, b]) => a <= start && b >= end)) {
      if (!/\p{L}/u.test(value)) return undefined;
      if (!TRANSLATED_SCRIPT.test(value)) return value;
      counter.left++;
      return '';
    }
    if (!raw) return undefined;
    for (const [a, b] of parts) {
      const from = Math.max(a, start);
      const to = Math.min(b, end);
      if (TRANSLATED_SCRIPT.test(markdown.slice(from, to))) {
        counter.left++;
        cut(from, to);
      }
    }
    return undefined;
  };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'inlineCode' || node.type === 'code') continue;
    if (node.type === 'image' && node.position) {
      const key = `${node.position.start.line}:${node.position.start.column}`;
      const start = offset(node.position.start);
      const end = offset(node.position.end);
      const outside = pre.directiveImages.has(key) || (start !== undefined && end !== undefined && overlapping(start, end).some(([a, b]) => a <= start && b >= end));
      if (outside && node.alt && /\p{L}/u.test(node.alt)) {
        if (TRANSLATED_SCRIPT.test(node.alt)) {
          node.alt = '';
          counter.left++;
        }
        list(node.alt, () => (node.alt = ''));
      } else if (outside && pre.directiveImages.has(key)) list(node.alt ?? '', () => (node.alt = ''));
      continue;
    }
    if (node.type === 'html' && node.position) {
      // Raw HTML (a table, a <p>, <details>) is converted later: its text is found with the HTML
      // parser, and what is left out is cut from the HTML, its tags untouched.
      const start = offset(node.position.start);
      const end = offset(node.position.end, true);
      if (start === undefined || end === undefined || markdown.slice(start, end) !== node.value || overlapping(start, end).length === 0) continue;
      const cuts: [number, number][] = [];
      visitHtmlText(node.value, (from, to) => {
        const whole = outsideText(start + from, start + to, markdown.slice(start + from, start + to), true, (a, b) => cuts.push([a - start, b - start]));
        if (whole === '') cuts.push([from, to]);
        if (whole !== undefined) list(whole, () => cuts.push([from, to]));
      });
      node.value = cutRanges(node.value, cuts);
      continue;
    }
    if (node.type === 'text' && node.position) {
      const start = offset(node.position.start);
      const end = offset(node.position.end, true);
      if (start === undefined || end === undefined) continue;
      const cuts: [number, number][] = [];
      const raw = markdown.slice(start, end) === node.value;
      const whole = outsideText(start, end, node.value, raw, (a, b) => cuts.push([a - start, b - start]));
      if (whole !== undefined) {
        node.value = whole;
        list(node.value, () => (node.value = ''));
      } else if (cuts.length > 0) node.value = cutRanges(node.value, cuts);
      continue;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/** `text` without the [from, to) ranges given (in any order; overlaps are cut once). */
function cutRanges(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [from, to] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (to <= at) continue;
    out += text.slice(at, Math.max(at, from));
    at = to;
  }
  return out + text.slice(at);
}

/**
 * Calls `text(from, to)` for each text node of an HTML fragment, by offsets in `html` (the text as
 * written, entities undecoded), in document order. Comments, and the contents of `<script>` and
 * `<style>`, are not text.
 */
function visitHtmlText(html: string, text: (from: number, to: number) => void): void {
  // Too deep for hast-util-from-html's recursion: `convertHtml` reports it (import/nesting-depth).
  if (htmlDepth(html) > MAX_NESTING_DEPTH) return;
  visit(fromHtml(html, { fragment: true }), 'text', (node, _index, parent) => {
    if (parent?.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style')) return;
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from !== undefined && to !== undefined) text(from, to);
  });
}

/** The positions reported too deep per file (the English and the translation share lines). */
const reportedTooDeep = new WeakMap<ConvertContext, Set<string>>();

/** `import/nesting-depth` at an input position, once per file: the file is not imported. */
function reportTooDeep(ctx: ConvertContext, at: SourcePosition): void {
  const seen = reportedTooDeep.get(ctx) ?? new Set<string>();
  reportedTooDeep.set(ctx, seen);
  if (seen.has(`${at.line}:${at.column}`)) return;
  seen.add(`${at.line}:${at.column}`);
  ctx.report({
    file: ctx.file, line: at.line, column: at.column, ...importRule('import/nesting-depth'),
    message: `the Markdown is nested more than ${MAX_NESTING_DEPTH} levels deep here (lists, block quotes, HTML or emphasis inside each other); the file is not imported`,
    hint: `Nest at most ${MAX_NESTING_DEPTH} levels: fix the source file (an unclosed element or a run of > or * markers is the usual cause), then import it again.`,
  });
}

export function convertBody(markdown: string, ctx: ConvertContext, options: ConvertOptions = {}): ConvertedBody {
  const lines = options.lines;
  ctx.ids = new Set();
  const counter = { left: 0 };
  const outside: string[] = [];
  // Diagnostics of the line-level pass name lines of `markdown`: map them to the input too.
  const pre = preprocess(markdown, lines ? { ...ctx, report: (d) => ctx.report({ ...d, line: lines[d.line - 1] ?? d.line }) } : ctx, options.outside ? counter : undefined);
  // Nesting past the limit (as for articles, `mdx/depth.ts`) is an error at its line and the file is
  // not imported: found before the parse (micromark's time grows steeply with the containers one
  // line opens) and in the tree (whose walks here and in mdast-util-to-markdown are recursive).
  const tooDeep = (at: SourcePosition): void => reportTooDeep(ctx, { line: lines?.[at.line - 1] ?? at.line, column: at.column });
  const prefix = deepPrefix(pre.text);
  if (prefix) tooDeep(prefix);
  const tree = parser.parse(prefix ? '' : pre.text) as Root;
  const deepest = deepestNode(tree);
  if (deepest) {
    tooDeep(deepest.position);
    tree.children = [];
  }
  // DocFX's id of every heading, from its text as written (before any is left out of the English);
  // DocFX tabs are not headings there. See heading-ids.ts.
  const docfxIds = new Map<Heading, string>();
  if (!options.headingIds) {
    const ids = docfxHeadingIds();
    visit(tree, 'heading', (heading) => {
      if (!tabOf(heading)) docfxIds.set(heading, ids.next(toString(heading, { includeHtml: false })));
    });
  }
  if (options.outside) markOutside(tree, markdown, pre, options.outside, counter, outside, options.clear);
  if (lines) mapLines(tree, lines);
  const children = tree.children;

  // The first `#` heading is the title; its anchor is the slug.
  let title: string | undefined;
  let titleAnchor: string | undefined;
  let titleLine = 1;
  const h1Index = children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  if (h1Index >= 0) {
    const h1 = children[h1Index] as Heading;
    titleLine = position(h1).line;
    const pc: PhrasingContext = { inHeading: true, inTableCell: false, anchors: [], openAnchors: 0 };
    h1.children = transformPhrasing(h1.children, pc, ctx);
    titleAnchor = pc.anchors[0];
    title = plain(h1);
    children.splice(h1Index, 1);
    // The title's anchor named the page, not a section: the body may use it for a section.
    ctx.ids = new Set();
  }

  // The "Applies to" block: a paragraph of the label and a list of names, or one paragraph
  // `**Applies to**: A | B`. It is removed when `remove` says its items are all clouds.
  let appliesTo: ConvertedBody['appliesTo'];
  const want = options.appliesTo;
  const labelIndex = want === undefined ? -1 : children.findIndex((n, i) => {
    if (n.type !== 'paragraph') return false;
    if ('line' in want) return position(n).line === want.line;
    const text = plain(n);
    return (APPLIES_TO.test(text) && children[i + 1]?.type === 'list') || APPLIES_TO_INLINE.test(text);
  });
  if (want !== undefined && labelIndex >= 0) {
    const label = children[labelIndex]!;
    const list = children[labelIndex + 1];
    const inline = APPLIES_TO_INLINE.exec(plain(label));
    const items: AppliesToItem[] =
      inline && !APPLIES_TO.test(plain(label))
        ? (inline[1] ?? '').split(/\s*[|,]\s*/).filter((t) => t.trim() !== '').map((t) => ({ text: t.replace(NBSP, ' ').trim(), ...position(label) }))
        : list?.type === 'list'
          ? list.children.map((item) => ({ text: plain(item).replace(NBSP, ' ').trim(), ...position(item.children[0] ?? item) }))
          : [];
    appliesTo = { line: position(label).line, items };
    const remove = 'line' in want ? want.remove : want.remove(items);
    if (remove) children.splice(labelIndex, inline && !APPLIES_TO.test(plain(label)) ? 1 : 2);
  }

  transformBlocks(tree, ctx);
  const headingIds = sectionIds(tree, docfxIds, options.headingIds, ctx);
  // Paragraphs left empty by text left out of the English go.
  const keep = (node: Nodes): boolean => !(node.type === 'paragraph' && plain(node) === '' && !node.children.some((c) => c.type !== 'text'));
  const empty = (node: Nodes): boolean => (node.type === 'strong' || node.type === 'emphasis') && plain(node) === '' && node.children.every((c) => c.type === 'text');
  const prune = (node: Nodes): void => {
    if (!('children' in node)) return;
    (node as Parents).children = (node.children as Nodes[]).filter((c) => keep(c) && !empty(c)) as never;
    if (node.type === 'paragraph' && options.outside) node.children = trimEdges(node.children);
    for (const child of node.children as Nodes[]) prune(child);
  };
  prune(tree);
  const printed = tree.children.length === 0 ? '' : printer.stringify(tree);
  // Only text is kept: an import of many files never holds their syntax trees.
  return {
    title,
    titleAnchor,
    titleLine,
    appliesTo,
    firstParagraph: tree.children
      .filter((n) => n.type === 'paragraph')
      .map((n) => plain(n, { includeImageAlt: false }))
      .find((t) => t !== ''),
    body: printed.replace(/\n+$/, '') + (printed.trim() === '' ? '' : '\n'),
    left: counter.left,
    outside,
    headingIds,
  };
}

/**
 * Gives each heading without an anchor the id DocFX gave it (`docfxIds`, made ASCII and unique in
 * the file), so links to it keep working; or, on a translation's side, the id its English heading
 * got (`fromSource`: headings are on the same input lines on both sides). Returns the ids given,
 * by input line, in document order.
 */
function sectionIds(tree: Root, docfxIds: ReadonlyMap<Heading, string>, fromSource: ReadonlyMap<number, string[]> | undefined, ctx: ConvertContext): Map<number, string[]> {
  const given = new Map<number, string[]>();
  visit(tree, 'heading', (heading) => {
    if (heading.children.at(-1)?.type === 'mdxTextExpression') return;
    const { line } = position(heading);
    const onLine = given.get(line) ?? [];
    let id: string | undefined;
    if (fromSource) {
      id = fromSource.get(line)?.[onLine.length];
      if (id !== undefined) ctx.ids?.add(id.toLowerCase());
    } else {
      // An id an anchor of the page has already is left to the anchor: DocFX gave both elements
      // the id, and links reached the first; a second, numbered id would be one no link names.
      const docfx = docfxIds.get(heading);
      const ascii = docfx === undefined ? undefined : asciiSectionId(docfx);
      const ids = (ctx.ids ??= new Set());
      if (ascii !== undefined && !ids.has(ascii.toLowerCase())) {
        id = ascii;
        ids.add(id.toLowerCase());
      }
    }
    if (id === undefined) return;
    const last = heading.children.at(-1);
    if (last?.type === 'text') last.value += ' ';
    else heading.children.push(text(' '));
    heading.children.push(headingId(id));
    given.set(line, [...onLine, id]);
  });
  return given;
}
