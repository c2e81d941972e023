/**
 * The body of an article as a reader-independent HTML tree (hast), made once per file from the
 * same parse the checks read, and cached with it by content hash.
 *
 * Content is data, not code: it may use only the site's components with literal attributes (the
 * safety check enforces that, and the build fails otherwise). So a component stays in the tree as
 * an element named like the component (`Callout`, `CloudFact`, `CloudOnly`) with its literal
 * attributes, and `render/body.ts` turns it into HTML for one reader's locale and cloud. No content
 * is ever compiled to JavaScript or executed.
 */
import type { Element, ElementContent, Nodes, Properties, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { BODY_IDS } from '../layout-ids.ts';
import { HEADING_ID_COMMENT } from './heading-ids.ts';

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: unknown;
}

interface JsxElementNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: never[];
}

/** Literal string attributes only; expression attributes are a safety error and never rendered. */
function literalProperties(attributes: JsxAttribute[]): Properties {
  const properties: Properties = {};
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    if (attribute.value === null || attribute.value === undefined) properties[attribute.name] = '';
    else if (typeof attribute.value === 'string') properties[attribute.name] = attribute.value;
  }
  return properties;
}

const jsxElement: Handler = (state: State, node) => {
  const jsx = node as unknown as JsxElementNode;
  const element: Element = {
    type: 'element',
    // A fragment (`<>…</>`) is a safety error; kept as a neutral wrapper so nothing is lost.
    tagName: jsx.name ?? 'Fragment',
    properties: literalProperties(jsx.attributes),
    children: state.all(node as never) as ElementContent[],
  };
  return element;
};

const drop: Handler = () => undefined;

/**
 * An anchor in the text (`{/* #id *\/}` anywhere but at a heading's end, whose comment is removed
 * before this runs): an empty element with the id, moved onto its block when it opens it.
 */
const anchor: Handler = (_state, node) => {
  const id = HEADING_ID_COMMENT.exec((node as { value: string }).value)?.[1];
  return id === undefined ? undefined : { type: 'element', tagName: 'span', properties: { id }, children: [] };
};

/** `<p><span id="x"></span>…` → `<p id="x">…` (also `li`, `td`, `th`), when the block has no id. */
function hoistAnchors(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children) hoistAnchors(child);
  if (node.type !== 'element' || !['p', 'li', 'td', 'th'].includes(node.tagName) || node.properties['id'] !== undefined) return;
  const first = node.children[0];
  if (first?.type === 'element' && first.tagName === 'span' && first.children.length === 0 && typeof first.properties['id'] === 'string' && Object.keys(first.properties).length === 1) {
    node.properties['id'] = first.properties['id'];
    node.children.shift();
  }
}

const handlers: Record<string, Handler> = {
  mdxJsxFlowElement: jsxElement,
  mdxJsxTextElement: jsxElement,
  // Expressions and ESM are safety errors; heading-id comments are removed before this runs, and
  // other id comments are anchors.
  mdxFlowExpression: drop,
  mdxTextExpression: anchor,
  mdxjsEsm: drop,
  yaml: drop,
  toml: drop,
};

/**
 * Footnotes are numbered in the order they are first called (`[^a"b]` becomes note 1), and their
 * ids are made from that number (`user-content-fn-1`, `user-content-fnref-1`), not from the label:
 * a label with quotes or CJK would otherwise give a percent-encoded id (`fn-a%22b`), which link
 * checkers and browsers resolve differently. Changes the identifiers in place.
 */
function numberFootnotes(tree: MdastRoot): void {
  const numbers = new Map<string, string>();
  const references: Array<{ identifier: string }> = [];
  const definitions: Array<{ identifier: string }> = [];
  type Node = { type: string; identifier?: string; children?: Node[] };
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'footnoteReference') references.push(node as { identifier: string });
    else if (node.type === 'footnoteDefinition') definitions.push(node as { identifier: string });
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  for (const node of [...references, ...definitions]) if (!numbers.has(node.identifier)) numbers.set(node.identifier, String(numbers.size + 1));
  for (const node of [...references, ...definitions]) node.identifier = numbers.get(node.identifier)!;
}

/** Converts a parsed body (heading ids already assigned) into a position-free hast tree. */
export function bodyToHast(tree: MdastRoot): HastRoot {
  numberFootnotes(tree);
  const hast = toHast(tree, {
    handlers,
    // Footnote ids: `user-content-fn-1` (the library's default, named here because section ids
    // may not start with it: `content/reserved-id`).
    clobberPrefix: BODY_IDS.footnotePrefix,
    // Labels are in the reader's language: the tree keeps the reference's number (`2`, or `2-3` for
    // the third call of the second note), and `render/body.ts` says "Back to reference 2" in words.
    footnoteBackLabel: (referenceIndex, rereferenceIndex) => `${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  }) as HastRoot;
  hoistAnchors(hast);
  // Positions are for diagnostics, which read the mdast; the cached tree stays small without them.
  strip(hast);
  return hast;
}

function strip(node: Nodes): void {
  delete node.position;
  if ('data' in node) delete node.data;
  if ('children' in node) for (const child of node.children) strip(child);
}
