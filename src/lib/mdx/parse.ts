/**
 * Parses one MDX article file (front matter + body) into the facts the content model needs:
 * headings with their ids, links, components, expressions, ESM, and sections. Positions are
 * file-absolute, taken from the syntax tree, never recovered by searching text.
 *
 * The result is plain JSON so that it can be cached by content hash.
 */
import type { Root as HastRoot } from 'hast';
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { SourcePosition, TextEdit } from '../diagnostics.ts';
import { deepestNode, deepPrefix, MAX_NESTING_DEPTH } from './depth.ts';
import { assignIds, explicitHeadingId, headingText, HEADING_ID_COMMENT, invalidHeadingId } from './heading-ids.ts';
import { adviseSyntaxError } from './syntax-advice.ts';
import { bodyToHast } from './to-hast.ts';
import { append } from '../append.ts';

export interface ParsedHeading extends SourcePosition {
  /** 1 to 6; 0 for an anchor in the text (`{/* #id *\/}` outside a heading's end), which has no text. */
  depth: number;
  id: string;
  /** True when the id was written by the author (`{/* #id *\/}`), false when derived from text. */
  explicit: boolean;
  /** An id comment at the end of the heading that is not a valid id (`{/* #résumé *\/}`). */
  invalidId?: string;
  text: string;
}

export interface ParsedLink extends SourcePosition {
  /** The URL exactly as written. */
  url: string;
  /** `link` and `image` from Markdown; `definition` for `[x]: url`; `attribute` for JSX `href`/`src`. */
  kind: 'link' | 'image' | 'definition' | 'attribute';
  text: string;
}

export interface ParsedAttribute extends SourcePosition {
  name: string;
  /** The string value; null for a bare attribute; undefined when the value is an expression. */
  value: string | null | undefined;
  /** The expression source, when the attribute (or a spread) is an expression. */
  expression?: string;
}

export interface ParsedElement extends SourcePosition {
  /** Element name (`Callout`, `br`), or null for a fragment. */
  name: string | null;
  flow: boolean;
  attributes: ParsedAttribute[];
}

export interface ParsedExpression extends SourcePosition {
  value: string;
  /** True for the one allowed form: an id comment (`{/* #id *\/}`), a heading's id or an anchor. */
  headingId: boolean;
}

/** A literal `**`, `__` (or longer run) in rendered text: emphasis that did not pair up. */
export interface ParsedLiteralDelimiter extends SourcePosition {
  run: string;
}

export interface ParsedEsm extends SourcePosition {
  value: string;
}

/** A part of the body under one heading (level 2 or 3), for diffs and side-by-side views. */
export interface ParsedSection {
  id: string;
  depth: number;
  title: string;
  /** Plain text of the section, headings excluded. */
  text: string;
  line: number;
}

export interface FrontmatterResult {
  /** The parsed YAML value (unvalidated), or undefined if it did not parse. */
  data: unknown;
  /** 1-based line of each top-level and nested key path, joined with `.` (`translation.method`). */
  keyLines: Record<string, SourcePosition>;
  /** The line on which the front matter starts (the opening `---`), or undefined if none. */
  startLine: number | undefined;
  errors: FrontmatterError[];
}

/** A front matter that does not parse: where the YAML parser says, and what would fix it. */
export interface FrontmatterError {
  message: string;
  position: SourcePosition;
  /** What to do, when the parser's error says it exactly (a quote or bracket to close, a missing `---`). */
  hint?: string;
  edits?: TextEdit[];
}

export interface ParsedMdx {
  frontmatter: FrontmatterResult;
  /** The body (everything after the front matter) exactly as written. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  headings: ParsedHeading[];
  links: ParsedLink[];
  elements: ParsedElement[];
  expressions: ParsedExpression[];
  esm: ParsedEsm[];
  sections: ParsedSection[];
  /**
   * Runs of two or more `*` or `_` that the parser left as text (so a reader sees them literally),
   * at their position in the file; escaped (`\*`) or encoded (`&#42;`) characters are not runs.
   */
  literalDelimiters: ParsedLiteralDelimiter[];
  /** The body as a reader-independent HTML tree; `render/body.ts` renders it for one reader. */
  hast: HastRoot;
}

/**
 * Why a file cannot be parsed at all: its MDX does not parse (`content/mdx-syntax`), or its body
 * nests deeper than `MAX_NESTING_DEPTH` (`content/nesting-depth`).
 */
export class MdxSyntaxError extends Error {
  /** Where the cause is (see `syntax-advice.ts`), which can be before where the parser stopped. */
  readonly position: SourcePosition;
  /** What to do, and the edits that do it when they are certain. */
  readonly hint: string | undefined;
  readonly edits: TextEdit[] | undefined;
  readonly rule: 'content/mdx-syntax' | 'content/nesting-depth';
  constructor(
    message: string,
    position: SourcePosition,
    advice: { hint?: string | undefined; edits?: TextEdit[] | undefined; rule?: MdxSyntaxError['rule'] | undefined } = {},
  ) {
    super(message);
    this.name = 'MdxSyntaxError';
    this.position = position;
    this.hint = advice.hint;
    this.edits = advice.edits;
    this.rule = advice.rule ?? 'content/mdx-syntax';
  }
}

interface TagToken {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
type OnError = (this: unknown, closing: TagToken | undefined, open: TagToken) => void;
interface CompileContext {
  enter: (node: unknown, token: unknown, onError?: OnError) => unknown;
}
type ExitHandler = (this: CompileContext, token: unknown) => void;

/**
 * mdast-util-mdx-jsx reports a tag left open at the end of a file or of a paragraph at no position
 * (or the paragraph's), with the tag's real position only in its message text. This wraps its exit
 * handlers for JSX tags so that the error it raises carries the open tag's position, taken from the
 * token the library hands to its own error handler.
 */
function remarkJsxErrorPositions(this: Processor): void {
  const withOpenTag = (onError: OnError): OnError =>
    function (this: unknown, closing, open) {
      try {
        onError.call(this, closing, open);
      } catch (error) {
        const e = error as { place?: unknown; line?: number; column?: number; containerEnd?: unknown };
        // Where the paragraph (or other container) that had to close the tag ends, for the fix.
        if (closing) e.containerEnd = { type: (closing as { type?: string }).type, ...closing.end };
        e.place = { start: open.start, end: open.end };
        e.line = open.start.line;
        e.column = open.start.column;
        throw error;
      }
    };
  const wrapExit = (original: ExitHandler): ExitHandler =>
    function (this: CompileContext, token) {
      const enter = this.enter;
      this.enter = (node, opened, onError) => enter.call(this, node, opened, onError && withOpenTag(onError));
      try {
        original.call(this, token);
      } finally {
        this.enter = enter;
      }
    };
  const visit = (extension: unknown): void => {
    if (Array.isArray(extension)) return extension.forEach(visit);
    const exit = (extension as { exit?: Record<string, ExitHandler> } | undefined)?.exit;
    if (!exit) return;
    for (const type of ['mdxJsxFlowTag', 'mdxJsxTextTag']) if (exit[type]) exit[type] = wrapExit(exit[type]);
  };
  (this.data().fromMarkdownExtensions ?? []).forEach(visit);
}

/**
 * GFM as remark-gfm adds it, less one tokenizer: bare URLs (`https://…`, `www.…`, e-mail addresses)
 * are linked by mdast-util-gfm-autolink-literal's transform on text nodes instead of by micromark's
 * autolink-literal tokenizer, which tries every character of every file and was a fifth of the
 * parse time. Tables, strikethrough, footnotes and task lists are tokenized as usual.
 *
 * Emphasis and strikethrough follow the CJK-friendly amendment of CommonMark
 * (micromark-extension-cjk-friendly and its GFM strikethrough companion, which must come after
 * gfmStrikethrough): `**파트너 센터(Partner Center)**에서` is strong text, not literal asterisks,
 * although the closing `**` follows punctuation and a letter comes next. They change only how
 * delimiter runs are tokenized; the tokens are the usual ones, so mdast-util-from-markdown (and
 * mdast-util-gfm-strikethrough) build the tree with no extension of their own.
 */
function remarkGfmParse(this: Processor, options: { bareUrls: boolean }): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem(), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly());
  (data.fromMarkdownExtensions ??= []).push(
    ...(options.bareUrls ? [gfmAutolinkLiteralFromMarkdown()] : []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const parser = (bareUrls: boolean) =>
  unified().use(remarkParse).use(remarkMdx).use(remarkJsxErrorPositions).use(remarkGfmParse, { bareUrls }).use(remarkFrontmatter, ['yaml']);
const processor = parser(true);
const withoutBareUrls = parser(false);

/**
 * Every bare URL or e-mail address the transform links contains `http`, `www` or `@`, possibly
 * written as a character reference (`&#64;`): a file with none of these has none, and skips the
 * transform's pass over every text node.
 */
const MAY_HAVE_BARE_URL = /http|www|@|&/i;

/**
 * The syntax tree of an MDX file (front matter node included, positions kept), parsed by the same
 * processor as `parseMdx`: for tools that edit a file in place (the XLIFF export and import), on
 * texts that `parseMdx` accepted. Heading ids are not assigned (`assignIds` does that).
 */
export function parseMdxTree(source: string): Root {
  return (MAY_HAVE_BARE_URL.test(source) ? processor : withoutBareUrls).parse(source);
}

interface Positioned {
  position?: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
}

function pos(node: Positioned): SourcePosition {
  const p = node.position;
  if (!p) return { line: 1, column: 1 };
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

interface JsxNode extends Positioned {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<
    | (Positioned & { type: 'mdxJsxAttribute'; name: string; value: string | null | undefined | (Positioned & { value: string }) })
    | (Positioned & { type: 'mdxJsxExpressionAttribute'; value: string })
  >;
}

/**
 * Splits the front matter off a file; returns its YAML, the body and their line offsets. A UTF-8
 * byte order mark before the opening `---` is not part of the text (editors on Windows write one).
 */
export function splitFrontmatter(source: string): { yaml: string | undefined; yamlStartLine: number; body: string; bodyStartLine: number; unclosed: boolean } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { yaml: undefined, yamlStartLine: 1, body: source, bodyStartLine: 1, unclosed: /^\uFEFF?---[ \t]*\r?\n/.test(source) };
  const consumed = match[0];
  const bodyStartLine = consumed.split('\n').length - (consumed.endsWith('\n') ? 0 : 1);
  return { yaml: match[1] ?? '', yamlStartLine: 2, body: source.slice(consumed.length), bodyStartLine, unclosed: false };
}

/** A YAML key line (`title: …`), a list item or an indented continuation: what a front matter holds. */
const FRONTMATTER_LINE = /^(?:[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)|[ \t]+\S|-[ \t]|#)/;

/**
 * The error of a front matter opened by `---` on the first line and never closed. The block is taken
 * to end at its last YAML-looking line (`key: value`, a list item, an indented line), so the hint can
 * say where the closing `---` goes.
 */
function unclosedFrontmatter(source: string): FrontmatterError {
  const lines = source.split(/\r?\n/);
  let last = 1;
  while (last < lines.length && FRONTMATTER_LINE.test(lines[last]!)) last++;
  return {
    message: 'The front matter that starts with --- on line 1 is not closed by a line ---',
    position: { line: 1, column: 1 },
    hint: `Add a line --- after line ${last}, the last line of the front matter.`,
    edits: [{ line: last + 1, column: 1, find: '', replace: '---\n' }],
  };
}

/**
 * Where a YAML error's cause is: the parser reports an unclosed quote or flow collection where it
 * gave up (often the end of the front matter); the node it could not close starts at the cause.
 * Returns that node's start and the edit that closes it, when there is one.
 */
function unclosedNode(doc: ReturnType<typeof parseDocument>, offset: number): { start: number; close: string } | undefined {
  let found: { start: number; close: string } | undefined;
  visit(doc, {
    Node(_key, node) {
      const range = node.range;
      if (!range || range[1] !== offset) return;
      if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
        found = { start: range[0], close: node.type === 'QUOTE_DOUBLE' ? '"' : "'" };
      } else if (isCollection(node) && node.flow) {
        found = { start: range[0], close: isSeq(node) ? ']' : '}' };
      }
    },
  });
  return found;
}

/** A `key: value` line whose value is plain (not quoted, not a list or map). */
const PLAIN_PAIR = /^(\s*(?:- )?[\w.-]+:[ \t]+)([^"'\[{\s][^"]*?)[ \t]*$/;

/**
 * What to do about a YAML syntax error, by the `yaml` library's error code (the codes are listed in
 * its documentation, "Errors"): the hint, and an edit where the fix is certain (quoting a plain
 * value on a `key: value` line). `line` is the file line of the error, `text` that line.
 */
function yamlAdvice(code: string, line: number, text: string): { hint: string; edits?: TextEdit[] } {
  const pair = PLAIN_PAIR.exec(text);
  const quote = (why: string): { hint: string; edits?: TextEdit[] } => {
    if (!pair) return { hint: `${why} Put the value in double quotes: key: "…".` };
    const quoted = JSON.stringify(pair[2]!);
    return { hint: `${why} Replace ${pair[2]} with ${quoted}.`, edits: [{ line, column: pair[1]!.length + 1, find: pair[2]!, replace: quoted }] };
  };
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return quote('A value that contains ": " must be quoted.');
    case 'BAD_SCALAR_START':
      return quote('A value that starts with a YAML sign (@, `, %, * or &) must be quoted.');
    case 'TAB_AS_INDENT':
      return { hint: `YAML indents with spaces only: replace the tab at the start of this line with spaces, as many as the lines around it use.` };
    case 'BAD_INDENT':
      return { hint: `This line is indented differently from the keys it belongs with: start it at the same column as they do (spaces only).` };
    case 'MISSING_CHAR':
      return { hint: `This line is indented differently from the lines around it, so YAML reads it as part of a list: indent it like the other keys of its entry, or start a list item with "- ".` };
    case 'MULTILINE_IMPLICIT_KEY':
      return { hint: `Write a key and its value on one line (key: value); a value that goes on must be indented below its key. A line of text needs a key before it.` };
    case 'DUPLICATE_KEY':
      return { hint: 'Each key may appear once: remove this one or merge it into the first.' };
    default:
      return { hint: 'Quote values that contain ": " or " #", and indent nested keys with spaces.' };
  }
}

/** Parses front matter YAML and records the line of every key, for errors that name the field. */
export function parseFrontmatter(source: string): FrontmatterResult {
  const { yaml, yamlStartLine, unclosed } = splitFrontmatter(source);
  if (yaml === undefined) {
    return { data: undefined, keyLines: {}, startLine: unclosed ? 1 : undefined, errors: unclosed ? [unclosedFrontmatter(source)] : [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + yamlStartLine - 1, column: col };
  };
  const yamlLines = yaml.split('\n');
  const errors: FrontmatterError[] = doc.errors.map((e) => {
    const message = e.message.split('\n')[0] ?? e.message;
    const node = e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT' || e.code === 'UNEXPECTED_TOKEN' ? unclosedNode(doc, e.pos[0]) : undefined;
    if (!node) {
      const position = toPosition(e.pos[0]);
      return { message: `This is not valid YAML: ${message}`, position, ...yamlAdvice(e.code, position.line, (yamlLines[position.line - yamlStartLine] ?? '').replace(/\r$/, '')) };
    }
    // Report where the value opens, and close it at the end of that line.
    const position = toPosition(node.start);
    const lineText = (yamlLines[position.line - yamlStartLine] ?? '').replace(/\r$/, '');
    const end = lineText.replace(/[ \t]+$/, '').length + 1;
    return {
      message: `${node.close === '"' || node.close === "'" ? 'This quoted value is never closed' : 'This list or map is never closed'} (YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')})`,
      position,
      hint: `Add ${node.close} at the end of line ${position.line}.`,
      edits: [{ line: position.line, column: end, find: '', replace: node.close }],
    };
  });
  const keyLines: Record<string, SourcePosition> = {};
  const walk = (node: YamlNode | null | undefined, prefix: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const path = prefix ? `${prefix}.${key}` : key;
        const range = isScalar(pair.key) ? pair.key.range : undefined;
        if (range) keyLines[path] = toPosition(range[0]);
        walk(pair.value as YamlNode, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const path = `${prefix}.${index}`;
        const range = (item as YamlNode).range;
        if (range) keyLines[path] = toPosition(range[0]);
        walk(item as YamlNode, path);
      });
    }
  };
  walk(doc.contents as YamlNode, '');
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      errors.push({ message: (error as Error).message, position: { line: yamlStartLine, column: 1 } });
    }
  }
  return { data, keyLines, startLine: 1, errors };
}

function tooDeep(position: SourcePosition): MdxSyntaxError {
  return new MdxSyntaxError(`Content is nested more than ${MAX_NESTING_DEPTH} levels deep here (lists, block quotes, components or emphasis inside each other)`, position, {
    rule: 'content/nesting-depth',
    hint: 'Nest less: end the list, quote, component or emphasis before opening the next one.',
  });
}

/**
 * Parses an MDX file. Throws `MdxSyntaxError` with a position when the MDX does not parse, or when
 * the body nests deeper than `MAX_NESTING_DEPTH` (checked before the parse too, see `depth.ts`).
 */
export function parseMdx(source: string): ParsedMdx {
  const frontmatter = parseFrontmatter(source);
  // An unclosed front matter would be read as Markdown and fail far from its cause: report only it.
  if (frontmatter.data === undefined && frontmatter.errors.length > 0 && splitFrontmatter(source).unclosed) return unparsedBody(frontmatter, source);
  const split = splitFrontmatter(source);
  const deepLine = deepPrefix(split.body, split.bodyStartLine);
  if (deepLine) throw tooDeep(deepLine);
  let tree: Root;
  try {
    tree = (MAY_HAVE_BARE_URL.test(source) ? processor : withoutBareUrls).parse(source);
  } catch (error) {
    type Point = { line?: number; column?: number; offset?: number };
    const e = error as { reason?: string; message: string; ruleId?: string; line?: number; column?: number; place?: Point & { start?: Point }; containerEnd?: Point & { type?: string } };
    const place: Point | undefined = e.place?.start ?? e.place;
    const line = e.line ?? place?.line;
    const column = e.column ?? place?.column;
    const reason = e.reason ?? e.message;
    const advice = adviseSyntaxError(source, {
      reason,
      ruleId: e.ruleId,
      place: line !== undefined && column !== undefined ? { line, column } : undefined,
      offset: place?.offset,
      containerEnd: e.containerEnd?.line !== undefined && e.containerEnd.column !== undefined && e.containerEnd.type !== undefined ? { type: e.containerEnd.type, line: e.containerEnd.line, column: e.containerEnd.column } : undefined,
    });
    throw new MdxSyntaxError(reason, advice.position, advice);
  }
  const deepest = deepestNode(tree);
  if (deepest) throw tooDeep(deepest.position);

  const facts = collect(tree, source);
  // Read before ids are assigned, which removes the id comments.
  const headings: ParsedHeading[] = facts.headings.map((node) => {
    const invalidId = invalidHeadingId(node);
    return {
      depth: node.depth,
      id: '',
      explicit: explicitHeadingId(node) !== undefined,
      text: headingText(node),
      ...(invalidId !== undefined ? { invalidId } : {}),
      ...pos(node),
    };
  });
  // Ids are assigned on the tree exactly as the site's remark plugin does.
  assignIds(facts.headings);
  facts.headings.forEach((node, i) => (headings[i]!.id = node.data?.id ?? ''));

  // Anchors join the headings as depth 0, in document order: every check of section ids (links,
  // duplicates, translations, variants) sees them, and no table of contents lists them.
  if (facts.anchors.length > 0) {
    for (const a of facts.anchors) headings.push({ depth: 0, id: a.id, explicit: true, text: '', line: a.line, column: a.column });
    headings.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  const { body, bodyStartLine } = split;
  return {
    frontmatter,
    body,
    bodyStartLine,
    headings,
    links: facts.links,
    elements: facts.elements,
    expressions: facts.expressions,
    esm: facts.esm,
    literalDelimiters: facts.literalDelimiters,
    sections: sectionsOf(tree),
    hast: bodyToHast(tree),
  };
}

/** The parse of a file whose body was not read (its front matter is not closed). */
function unparsedBody(frontmatter: FrontmatterResult, source: string): ParsedMdx {
  return { frontmatter, body: source, bodyStartLine: 1, headings: [], links: [], elements: [], expressions: [], esm: [], literalDelimiters: [], sections: [], hast: { type: 'root', children: [] } };
}

interface TreeFacts {
  headings: Heading[];
  /** Id comments that are not a heading's id: anchors in the text. */
  anchors: { id: string; line: number; column: number }[];
  links: ParsedLink[];
  elements: ParsedElement[];
  expressions: ParsedExpression[];
  esm: ParsedEsm[];
  literalDelimiters: ParsedLiteralDelimiter[];
}

/**
 * The runs of two or more `*` or `_` in the source of one text node. A text node's value has lost
 * its escapes and character references, so the runs are found in its source range (from the
 * node's position), where `\*` is an escape and `&#42;` not an asterisk: what is left is a
 * delimiter run the parser could not pair, which a reader sees as literal characters.
 */
function literalDelimitersIn(node: Positioned & { value: string }, source: string): ParsedLiteralDelimiter[] {
  if (!node.value.includes('**') && !node.value.includes('__')) return [];
  const start = node.position?.start as { line: number; column: number; offset?: number } | undefined;
  const end = node.position?.end as { offset?: number } | undefined;
  if (start?.offset === undefined || end?.offset === undefined) return [];
  const out: ParsedLiteralDelimiter[] = [];
  let line = start.line;
  let column = start.column;
  for (let i = start.offset; i < end.offset; ) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < end.offset && source[i + 1] !== '\n') {
      i += 2;
      column += 2;
      continue;
    }
    if (ch === '\n') {
      i += 1;
      line += 1;
      column = 1;
      continue;
    }
    if (ch === '*' || ch === '_') {
      let j = i;
      while (j < end.offset && source[j] === ch) j++;
      if (j - i >= 2) out.push({ run: source.slice(i, j), line, column, endLine: line, endColumn: column + (j - i) });
      column += j - i;
      i = j;
      continue;
    }
    i += 1;
    column += 1;
  }
  return out;
}

/**
 * Everything the model reads from a tree, in document order, in one walk (a walk per kind of node
 * was a sixth of the parse).
 */
function collect(tree: Root, source: string): TreeFacts {
  const facts: TreeFacts = { headings: [], anchors: [], links: [], elements: [], expressions: [], esm: [], literalDelimiters: [] };
  const walk = (node: Nodes, parent: Parent | undefined): void => {
    switch (node.type) {
      case 'text':
        append(facts.literalDelimiters, literalDelimitersIn(node, source));
        break;
      case 'heading':
        facts.headings.push(node);
        break;
      case 'mdxTextExpression':
      case 'mdxFlowExpression': {
        // An id comment in text: at the end of a heading, the heading's id; anywhere else (a
        // paragraph, list item, table cell, or a second id of a heading), an anchor.
        const id = node.type === 'mdxTextExpression' ? HEADING_ID_COMMENT.exec(node.value)?.[1] : undefined;
        facts.expressions.push({ value: node.value, headingId: id !== undefined, ...pos(node) });
        if (id !== undefined && !(parent?.type === 'heading' && parent.children.at(-1) === node)) facts.anchors.push({ id, ...pos(node) });
        break;
      }
      case 'mdxjsEsm':
        facts.esm.push({ value: node.value, ...pos(node) });
        break;
      case 'link':
        // A bare URL linked by the GFM transform has no position of its own: report its paragraph.
        facts.links.push({ url: node.url, kind: 'link', text: toString(node), ...pos(node.position || !parent ? node : parent) });
        break;
      case 'image':
        facts.links.push({ url: node.url, kind: 'image', text: node.alt ?? '', ...pos(node) });
        break;
      case 'definition':
        facts.links.push({ url: node.url, kind: 'definition', text: node.label ?? node.identifier, ...pos(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const jsx = node as unknown as JsxNode;
        const attributes: ParsedAttribute[] = jsx.attributes.map((attr) => {
          if (attr.type === 'mdxJsxExpressionAttribute') {
            return { name: '...', value: undefined, expression: attr.value, ...pos(attr.position ? attr : jsx) };
          }
          const value = attr.value;
          const base = { name: attr.name, ...pos(attr.position ? attr : jsx) };
          if (value !== null && typeof value === 'object') return { ...base, value: undefined, expression: value.value };
          return { ...base, value: value ?? null };
        });
        facts.elements.push({ name: jsx.name, flow: jsx.type === 'mdxJsxFlowElement', attributes, ...pos(jsx) });
        for (const attr of attributes) {
          if ((attr.name === 'href' || attr.name === 'src') && typeof attr.value === 'string') {
            facts.links.push({ url: attr.value, kind: 'attribute', text: '', line: attr.line, column: attr.column });
          }
        }
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) walk(child, node);
  };
  walk(tree, undefined);
  return facts;
}

/** Splits the body into sections at level-2 and level-3 headings. */
function sectionsOf(tree: Root): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let current: ParsedSection = { id: '', depth: 1, title: '', text: '', line: 1 };
  const flush = (): void => {
    current.text = current.text.trim();
    if (current.id !== '' || current.text !== '') sections.push(current);
  };
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 3) {
      flush();
      current = { id: node.data?.id ?? '', depth: node.depth, title: inlineText(node).trim(), text: '', line: node.position?.start.line ?? 1 };
    } else {
      current.text += blockLines(node).join('\n') + '\n';
    }
  }
  flush();
  return sections;
}

/** A cloud fact in section text: `{{fact:operator}}` (views fill in the reader's value). */
export const FACT_PLACEHOLDER = /\{\{fact:([A-Za-z0-9]+)\}\}/g;

interface AnyNode {
  type: string;
  value?: string;
  name?: string | null;
  children?: AnyNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** One line of text per paragraph, list item, table row or heading: what a reader compares. */
function blockLines(node: AnyNode): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(node)];
    case 'list':
      return (node.children ?? []).flatMap((item) => blockLines(item).map((line, i) => (i === 0 ? '• ' + line : '  ' + line)));
    case 'table':
      return (node.children ?? []).map((row) => (row.children ?? []).map((cell) => inlineText(cell)).join(' | '));
    case 'code':
      return [node.value ?? ''];
    case 'thematicBreak':
      return [];
    default:
      return (node.children ?? []).flatMap((child) => blockLines(child));
  }
}

function inlineText(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return ' ';
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'CloudFact') {
    const name = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value;
    return typeof name === 'string' ? `{{fact:${name}}}` : '';
  }
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  return (node.children ?? []).map((child) => inlineText(child)).join('');
}
