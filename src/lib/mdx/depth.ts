/**
 * The limit on how deeply an article's body may nest (block quotes in lists in components in
 * emphasis …), so that no tree a pull request can write overflows the stack of the walks after the
 * parse (ours, mdast-util-to-hast, the sanitizer, hast-util-to-html, JSON). Real articles nest a
 * handful of levels; 2,000 nested `>` or 20,000 nested `*` are an attack or an accident, and are
 * reported at the line where the limit is crossed (`content/nesting-depth`).
 *
 * Two measures, both iterative: `deepestNode` on the parsed tree (exact, in tree terms), and
 * `deepPrefix` on the text before the parse, because micromark's time grows steeply with the
 * containers one line opens (10,000 nested `- ` on one line take minutes to parse).
 */
import type { SourcePosition } from '../diagnostics.ts';

/** The deepest nesting a body may have, in tree levels (a list item in a list is two). */
export const MAX_NESTING_DEPTH = 100;

interface TreeNode {
  position?: { start: { line: number; column: number } } | undefined;
  children?: readonly TreeNode[];
}

/**
 * The first node (in document order) that is more than `max` levels below the root, with the
 * position of the nearest positioned node on its path; undefined when the tree is within `max`.
 */
export function deepestNode(root: TreeNode, max = MAX_NESTING_DEPTH): { depth: number; position: SourcePosition } | undefined {
  const stack: Array<[node: TreeNode, depth: number, at: SourcePosition]> = [[root, 0, { line: 1, column: 1 }]];
  while (stack.length > 0) {
    const [node, depth, inherited] = stack.pop()!;
    const at = node.position ? { line: node.position.start.line, column: node.position.start.column } : inherited;
    if (depth > max) return { depth, position: at };
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1, at]);
  }
  return undefined;
}

/** Tree depth (root = 0), iteratively; for trees that did not come from our parse (the cache). */
export function treeDepth(root: TreeNode): number {
  let deepest = 0;
  const stack: Array<[TreeNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (node.children) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** One container marker at the start of a line: `>`, or a list marker followed by white space. */
const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))/y;
/** A run of emphasis or strikethrough markers. */
const DELIMITER_RUN = /\*+|_+|~+/g;
/** A thematic break (`***`, `- - -`): a line of one marker character, however long. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$/;

/**
 * Where a line of `text` (starting at file line `startLine`) opens more than `max` nested block
 * containers, or holds a run of more than `max` emphasis markers: the position of the first marker
 * past the limit. Undefined when no line does. Linear in the text.
 */
export function deepPrefix(text: string, startLine = 1, max = MAX_NESTING_DEPTH): SourcePosition | undefined {
  let line = startLine;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end);
    start = end + 1;
    if (content.length <= max) continue;
    CONTAINER_MARKER.lastIndex = 0;
    let markers = 0;
    while (CONTAINER_MARKER.exec(content)) {
      if (++markers > max) return { line, column: CONTAINER_MARKER.lastIndex };
    }
    if (THEMATIC_BREAK.test(content)) continue;
    for (const run of content.matchAll(DELIMITER_RUN)) {
      if (run[0].length > max) return { line, column: run.index + max + 1 };
    }
  }
  return undefined;
}
