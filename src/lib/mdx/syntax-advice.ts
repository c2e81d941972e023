/**
 * What to do about an MDX syntax error, and where its cause is. The MDX parser (micromark's MDX
 * extensions) reports where it gave up: for a `{` that is never closed that is the end of the file,
 * for an HTML comment the `!` after `<`. Authors need the position of the cause and an edit that
 * makes the file parse, so each kind of error the parser names (`ruleId`) gets its own advice.
 */
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition, TextEdit } from '../diagnostics.ts';

export interface SyntaxErrorReport {
  /** The parser's message. */
  reason: string;
  /** The parser's `ruleId` (`unexpected-eof`, `unexpected-character`, `end-tag-mismatch`, `acorn`, …). */
  ruleId: string | undefined;
  /** Where the parser stopped, or undefined when it did not say. */
  place: SourcePosition | undefined;
  /** Offset of `place` in the source, when known. */
  offset: number | undefined;
  /**
   * For a tag left open: the end of the block that had to close it (micromark's token type, such as
   * `paragraph`, and the position just after its last character), when the parser said.
   */
  containerEnd?: { type: string; line: number; column: number } | undefined;
}

export interface SyntaxAdvice {
  position: SourcePosition;
  hint: string;
  /** The edits that make the file parse, when the error says exactly what they are. */
  edits?: TextEdit[];
}

const GENERIC = 'Content is MDX: escape a literal "{" or "<" with a backslash (\\{, \\<) and close every tag.';

/** Offsets to positions in one text. */
function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function offsetOf(source: string, position: SourcePosition): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset + position.column - 1;
}

const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * The braces that are still open at `until` (offsets of their `{`, outermost first). Braces are
 * counted outside code, front matter and raw HTML, as CommonMark (without MDX) parses the file,
 * and a backslash-escaped brace is text, as in MDX.
 */
function openBraces(source: string, until: number): number[] {
  const skipped: Array<[number, number]> = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || node.type === 'html') {
      const p = node.position;
      if (p?.start.offset !== undefined && p.end.offset !== undefined) skipped.push([p.start.offset, p.end.offset]);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(plain.parse(source));
  skipped.sort((a, b) => a[0] - b[0]);
  const open: number[] = [];
  let skip = 0;
  for (let i = 0; i < Math.min(until, source.length); i++) {
    while (skip < skipped.length && skipped[skip]![1] <= i) skip++;
    if (skip < skipped.length && skipped[skip]![0] <= i) {
      i = skipped[skip]![1] - 1;
      continue;
    }
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}') open.pop();
  }
  return open;
}

function escapeBrace(source: string, offset: number, what: string): SyntaxAdvice {
  const position = positionAt(source, offset);
  return {
    position,
    hint: `${what} Write \\{ for a literal brace: replace "{" with "\\{" at line ${position.line}, column ${position.column}.`,
    edits: [{ line: position.line, column: position.column, find: '{', replace: '\\{' }],
  };
}

/** Where the cause of an MDX syntax error is, and what to do about it. */
export function adviseSyntaxError(source: string, error: SyntaxErrorReport): SyntaxAdvice {
  const place = error.place ?? { line: 1, column: 1 };
  const offset = error.offset ?? offsetOf(source, place);
  const { reason, ruleId } = error;

  if (ruleId === 'unexpected-eof' && reason.includes('closing brace')) {
    // MDX reads from the first `{` that is never closed to the end of the file.
    const first = openBraces(source, source.length)[0];
    if (first !== undefined) return escapeBrace(source, first, 'This "{" is never closed, so MDX reads the rest of the file as an expression.');
  }
  if (ruleId === 'acorn') {
    const last = openBraces(source, offset).at(-1);
    if (last !== undefined) return escapeBrace(source, last, 'This "{" starts a JavaScript expression, which content may not contain.');
  }
  if (ruleId === 'unexpected-character' && source[offset - 1] === '<') {
    const lt = positionAt(source, offset - 1);
    if (source.startsWith('<!--', offset - 1)) {
      return {
        position: lt,
        hint: 'MDX has no HTML comments. Write the comment as {/* … */}: replace "<!--" with "{/*" and "-->" with "*/}".',
        edits: [
          { line: lt.line, column: lt.column, find: '<!--', replace: '{/*' },
          { line: lt.line, column: lt.column, find: '-->', replace: '*/}' },
        ],
      };
    }
    return {
      position: lt,
      hint: `A "<" followed by "${source[offset] ?? ''}" starts a tag. For a literal "<", replace "<" with "\\<" at line ${lt.line}, column ${lt.column}.`,
      edits: [{ line: lt.line, column: lt.column, find: '<', replace: '\\<' }],
    };
  }
  if (ruleId === 'end-tag-mismatch') {
    const expected = /expected corresponding closing tag for `<([^>\s]*)[^`]*>`/.exec(reason)?.[1];
    const found = /Unexpected closing tag `<\/([^>\s]*)>`/.exec(reason)?.[1];
    if (error.place && expected !== undefined && found !== undefined) {
      return {
        position: place,
        hint: `Replace "</${found}>" with "</${expected}>", or close <${expected}> before it.`,
        edits: [{ line: place.line, column: place.column, find: `</${found}>`, replace: `</${expected}>` }],
      };
    }
    // `Expected a closing tag for <X> (l:c-l:c)`: the error's place is the opening tag's token
    // (`remarkJsxErrorPositions` in parse.ts); the message only names the element for the hint.
    const opened = /Expected a closing tag for `<([^>\s]*)[^`]*>`/.exec(reason);
    if (opened) {
      const end = error.containerEnd;
      if (end?.type === 'paragraph') {
        // A tag written inside a paragraph (text before it on an earlier line, or text after it on
        // its line) is inline: it must close in the same paragraph. (A block element needs its
        // opening tag alone on a line after a blank line, and its content and closing tag after it.)
        return {
          position: place,
          hint: `<${opened[1]}> is opened inside a paragraph, so it must be closed in it: add </${opened[1]}> at the end of line ${end.line}. (For a block, put <${opened[1]} …> alone on a line after a blank line.)`,
          edits: [{ line: end.line, column: end.column, find: '', replace: `</${opened[1]}>` }],
        };
      }
      return { position: place, hint: `Close it: add </${opened[1]}> on its own line where its content ends (after a blank line).` };
    }
  }
  return { position: place, hint: GENERIC };
}
