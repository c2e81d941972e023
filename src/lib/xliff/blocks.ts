/**
 * The translatable blocks of an article file, as XLIFF units see them: the title, the
 * description, and every heading, paragraph (also inside list items, block quotes and flow
 * components) and table cell of the body. Each has a stable id from its section id and its place
 * in the section (`billingdisputes.0` is the section's heading, `billingdisputes.1` the first block
 * after it; `_intro.1` the first block before any heading; `_meta.title`, `_meta.description`),
 * its inline content as an XLIFF value (text plus protected placeholders), and its offsets in the
 * file, so that an import rewrites exactly that span and nothing else.
 *
 * Inline markup becomes placeholders a translator moves but cannot change: inline code, line
 * breaks, `<CloudFact />` and other components without children are `<ph>`; links, images (their
 * alt text stays translatable), emphasis, strong, strike-through and components with children are
 * `<pc>` around translatable content. Their ids number them in document order within the block.
 */
import type { Heading, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { isMap, isScalar, parseDocument, stringify as yamlStringify } from 'yaml';
import { assignIds, HEADING_ID_COMMENT } from '../mdx/heading-ids.ts';
import { parseMdxTree } from '../mdx/parse.ts';

/** An inline element of an XLIFF value, as the `xliff` library represents `<ph>` and `<pc>`. */
export interface InlineAttributes {
  id: string;
  type?: string;
  subType?: string;
  disp?: string;
  [attribute: string]: unknown;
}
export type XliffPart = string | { Standalone: InlineAttributes } | { Span: InlineAttributes & { contents: XliffPart[] } };
export type XliffValue = XliffPart[];

export type BlockKind = 'title' | 'description' | 'heading' | 'paragraph' | 'cell';

/** What a placeholder stands for in the file: the syntax node it protects. */
export interface Placeholder {
  element: 'ph' | 'pc';
  node: PhrasingContent;
  /** What identifies it across languages (the URL of a link, the text of inline code…). */
  signature: string;
}

export interface Block {
  id: string;
  /** Section id; `_intro` before the first heading; `_meta` for title and description. */
  section: string;
  kind: BlockKind;
  value: XliffValue;
  placeholders: Map<string, Placeholder>;
  /** Offsets of the block's text in the file: [start, end). */
  start: number;
  end: number;
  /** False when the block is only markup (an image without alt text, a lone inline code). */
  translatable: boolean;
}

/** XML readers drop white space between two tags: such a run is a placeholder of its own. */
export const SPACE_SUBTYPE = 'kb:space';

const PHRASING_FORMAT: Record<string, string> = { emphasis: 'xlf:i', strong: 'xlf:b', delete: 'xlf:s' };

/**
 * Text for a `disp` attribute (what a translation tool shows for a placeholder). The library
 * escapes only `"` in attribute values, and `<` or `&` there is not well-formed XML: they are
 * shown as look-alikes. Nothing is read back from `disp`.
 */
function display(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›').replace(/&/g, '＆');
}

interface Numbering {
  next: number;
  placeholders: Map<string, Placeholder>;
}

function offsetsOf(node: { position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }): [number, number] | undefined {
  const p = node.position;
  return p && p.start.offset !== undefined && p.end.offset !== undefined ? [p.start.offset, p.end.offset] : undefined;
}

function jsxName(node: { name?: string | null }): string {
  return node.name ?? 'Fragment';
}

function jsxAttributes(node: { attributes?: unknown[] }): string {
  return (node.attributes ?? [])
    .map((a) => {
      const attr = a as { type: string; name?: string; value?: unknown };
      return attr.type === 'mdxJsxAttribute' && typeof attr.value === 'string' ? ` ${attr.name}="${attr.value}"` : attr.type === 'mdxJsxAttribute' ? ` ${attr.name}` : '';
    })
    .join('');
}

/** Converts inline syntax nodes to an XLIFF value, numbering placeholders. Soft line breaks are spaces. */
function toValue(nodes: readonly PhrasingContent[], numbering: Numbering): XliffValue {
  const out: XliffValue = [];
  const text = (value: string) => {
    const last = out.at(-1);
    if (typeof last === 'string') out[out.length - 1] = last + value;
    else out.push(value);
  };
  const placeholder = (element: 'ph' | 'pc', node: PhrasingContent, signature: string, attributes: Omit<InlineAttributes, 'id'>, contents?: XliffValue) => {
    const id = String(++numbering.next);
    numbering.placeholders.set(id, { element, node, signature });
    if (element === 'ph') out.push({ Standalone: { id, ...attributes } });
    else out.push({ Span: { id, ...attributes, contents: contents ?? [] } });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value !== '') text(node.value.replace(/\r?\n/g, ' '));
        break;
      case 'inlineCode':
        placeholder('ph', node, `code:${node.value}`, { type: 'other', subType: 'kb:code', disp: display(`\`${node.value}\``) });
        break;
      case 'break':
        placeholder('ph', node, 'break', { type: 'fmt', subType: 'xlf:lb' });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete': {
        const id = numbering.next + 1;
        numbering.next++;
        const contents = toValue(node.children, numbering);
        numbering.placeholders.set(String(id), { element: 'pc', node, signature: node.type });
        out.push({ Span: { id: String(id), type: 'fmt', subType: PHRASING_FORMAT[node.type]!, contents } });
        break;
      }
      case 'link':
      case 'linkReference': {
        const id = ++numbering.next;
        const contents = toValue(node.children, numbering);
        const target = node.type === 'link' ? node.url : `[${node.identifier}]`;
        numbering.placeholders.set(String(id), { element: 'pc', node, signature: `link:${target}` });
        out.push({ Span: { id: String(id), type: 'link', contents } });
        break;
      }
      case 'image':
      case 'imageReference': {
        const target = node.type === 'image' ? node.url : `[${node.identifier}]`;
        placeholder('pc', node, `image:${target}`, { type: 'image' }, node.alt ? [node.alt] : []);
        break;
      }
      case 'mdxJsxTextElement': {
        const tag = `<${jsxName(node)}${jsxAttributes(node)}`;
        if (node.children.length === 0) {
          placeholder('ph', node, `jsx:${tag}`, { type: 'other', subType: 'kb:component', disp: display(`${tag} />`) });
        } else {
          const id = ++numbering.next;
          const contents = toValue(node.children, numbering);
          numbering.placeholders.set(String(id), { element: 'pc', node, signature: `jsx:${tag}` });
          out.push({ Span: { id: String(id), type: 'other', subType: 'kb:component', dispStart: display(`${tag}>`), dispEnd: display(`</${jsxName(node)}>`), contents } });
        }
        break;
      }
      default: {
        // Footnote references, expressions and anything else: protected as they are.
        const value = 'value' in node && typeof node.value === 'string' ? node.value : node.type;
        placeholder('ph', node, `${node.type}:${value}`, { type: 'other', disp: display(value) });
      }
    }
  }
  return protectSpaces(out, numbering);
}

/** White space alone between (or around) inline elements becomes a space placeholder. */
function protectSpaces(value: XliffValue, numbering: Numbering): XliffValue {
  if (!value.some((p) => typeof p !== 'string')) return value;
  return value.map((part) => {
    if (typeof part !== 'string' || part.trim() !== '') return part;
    const id = `s${++numbering.next}`;
    numbering.placeholders.set(id, { element: 'ph', node: { type: 'text', value: part }, signature: 'space' });
    return { Standalone: { id, type: 'other', subType: SPACE_SUBTYPE, disp: part } };
  });
}

function hasText(value: XliffValue): boolean {
  return value.some((p) => (typeof p === 'string' ? p.trim() !== '' : 'Span' in p && hasText(p.Span.contents)));
}

/** The inline content of a heading: `assignIds` has taken the id comment off and trimmed the text before it. */
function headingContent(heading: Heading): PhrasingContent[] {
  const children = [...heading.children];
  while (children.length > 0) {
    const last = children.at(-1)!;
    if (last.type === 'mdxTextExpression' && HEADING_ID_COMMENT.test(last.value)) children.pop();
    else if (last.type === 'text' && last.value.trim() === '') children.pop();
    else break;
  }
  return children;
}

/** The blocks of an article file, in document order (title and description first). */
export function blocksOf(source: string): Block[] {
  const tree: Root = parseMdxTree(source);
  const headings: Heading[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  assignIds(headings);

  const blocks: Block[] = [...metaBlocks(source)];
  let section = '_intro';
  let position = 0;
  const add = (kind: BlockKind, nodes: PhrasingContent[], container: Nodes, trimEnd = false) => {
    const numbering: Numbering = { next: 0, placeholders: new Map() };
    const value = toValue(nodes, numbering);
    if (trimEnd && typeof value.at(-1) === 'string') value[value.length - 1] = (value.at(-1) as string).trimEnd();
    const first = nodes[0] ? offsetsOf(nodes[0]) : undefined;
    const last = nodes.at(-1) ? offsetsOf(nodes.at(-1)!) : undefined;
    const own = offsetsOf(container);
    let start = first?.[0] ?? own?.[0] ?? 0;
    let end = last?.[1] ?? own?.[1] ?? start;
    if (trimEnd) end = start + source.slice(start, end).trimEnd().length;
    if (nodes.length === 0) end = start;
    const id = kind === 'heading' ? `${section}.0` : `${section}.${++position}`;
    blocks.push({ id, section, kind, value, placeholders: numbering.placeholders, start, end, translatable: hasText(value) });
  };
  const walk = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        if (node.depth <= 3) {
          section = node.data?.id || `_section${blocks.length}`;
          position = 0;
        }
        add('heading', headingContent(node), node, true);
        return;
      case 'paragraph':
        add('paragraph', node.children, node);
        return;
      case 'table':
        for (const row of node.children) for (const cell of row.children) if (cell.children.length > 0) add('cell', cell.children, cell);
        return;
      case 'code':
      case 'yaml':
      case 'thematicBreak':
      case 'html':
      case 'definition':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
        return;
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
    }
  };
  for (const node of tree.children) walk(node);
  return blocks;
}

/** The title and description scalars of the front matter, with their offsets in the file. */
function metaBlocks(source: string): Block[] {
  const open = /^---[ \t]*\r?\n/.exec(source);
  const close = open ? /\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.slice(open[0].length - 1)) : null;
  if (!open || !close) return [];
  const yamlStart = open[0].length;
  const doc = parseDocument(source.slice(yamlStart, open[0].length - 1 + close.index));
  if (!isMap(doc.contents)) return [];
  const out: Block[] = [];
  for (const field of ['title', 'description'] as const) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === field);
    if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) continue;
    const value = pair.value.value.replace(/\r?\n/g, ' ');
    out.push({
      id: `_meta.${field}`,
      section: '_meta',
      kind: field,
      value: [value],
      placeholders: new Map(),
      start: yamlStart + pair.value.range[0],
      end: yamlStart + pair.value.range[1],
      translatable: value.trim() !== '',
    });
  }
  return out;
}

// ---- Back from an XLIFF value to file text ----------------------------------------------------

const markdown = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify);
/** In a table cell, `|` ends the cell: the serializer escapes it there. */
const markdownInCell = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify, { unsafe: [{ character: '|', inConstruct: 'phrasing' }] });

/** Rebuilds inline syntax nodes from a value, taking each placeholder's node from `placeholders`. */
export function toPhrasing(value: XliffValue, placeholders: ReadonlyMap<string, Placeholder>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const part of value) {
    if (typeof part === 'string') {
      out.push({ type: 'text', value: part.replace(/\r?\n/g, ' ') });
      continue;
    }
    const attributes = 'Standalone' in part ? part.Standalone : part.Span;
    const original = placeholders.get(attributes.id)!.node;
    if ('Standalone' in part) {
      out.push(structuredClone(original));
      continue;
    }
    const children = toPhrasing(part.Span.contents, placeholders);
    if (original.type === 'image' || original.type === 'imageReference') {
      out.push({ ...structuredClone(original), alt: children.map((c) => ('value' in c ? c.value : '')).join('') });
    } else {
      out.push({ ...structuredClone(original), children } as PhrasingContent);
    }
  }
  return out;
}

/** The file text of a block whose content is `value`: Markdown/MDX with escapes where needed, or a YAML scalar. */
export function blockText(block: Pick<Block, 'kind' | 'placeholders'>, value: XliffValue): string {
  if (block.kind === 'title' || block.kind === 'description') {
    const text = value.map((p) => (typeof p === 'string' ? p : '')).join('');
    return yamlStringify(text, { lineWidth: 0 }).trimEnd();
  }
  const children = toPhrasing(value, block.placeholders);
  const processor = block.kind === 'cell' ? markdownInCell : markdown;
  const out = processor.stringify({ type: 'root', children: [{ type: 'paragraph', children }] }).trimEnd();
  // A heading's text may start with what would open another construct in a paragraph (`#`, `1.`):
  // the serializer escaped it as paragraph text, which reads the same in a heading.
  return out;
}
