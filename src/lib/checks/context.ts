/**
 * What every check receives besides the model, and the one helper that makes a diagnostic from a
 * rule id (so a rule's severity is written only in `rules.ts`).
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { SourceText } from '../model/build.ts';
import type { ArticleFile } from '../model/types.ts';
import type { LinkIndex } from './link-index.ts';

/** Inputs some checks need that the model does not hold. All optional: a check skips what is absent. */
export interface CheckContext {
  /** Every link of every page, resolved once (see `link-index.ts`). */
  links: LinkIndex;
  /** `content/navigation.yaml` as written, to report navigation problems at their line. */
  navigation?: SourceText | undefined;
  /** `content/redirects.yaml` as written, to report redirect problems at their line. */
  redirects?: SourceText | undefined;
  /**
   * The text of each article file by path (what the model was built from). Used to place positions
   * computed from an offset into the body; see `bodyStartLine`.
   */
  texts?: ReadonlyMap<string, string> | undefined;
  /** UI-string sources: code under `src/` and the `locales/<lng>/*.json` dictionaries. */
  ui?: UiStringInput | undefined;
  /** `content/terminology.yaml` as written, to report search synonyms at their line. */
  terminology?: SourceText | undefined;
}

export interface UiStringInput {
  /** `.astro`/`.ts` files under `src/` (paths project-relative). */
  sources: SourceText[];
  /** `locales/<lng>/<namespace>.json` files. */
  locales: SourceText[];
}

/** A check: one rule family, a pure function of the model. */
export type Check = (kb: import('../model/kb.ts').KnowledgeBase, context: CheckContext) => Diagnostic[];

export { diagnostic } from '../rules.ts';

/** `a, b and c`. */
export function listing(items: readonly string[], quote = false): string {
  const q = items.map((i) => (quote ? `"${i}"` : i));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/** A file-absolute position from an offset into a text that starts at `startLine` (1-based). */
export function positionAt(text: string, offset: number, startLine = 1): SourcePosition {
  let line = startLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Maps offsets to positions quickly for many lookups in one text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly startLine: number;
  constructor(text: string, startLine = 1) {
    this.startLine = startLine;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.startLine, column: offset - this.starts[lo]! + 1 };
  }
}

/** The file line on which the body starts. */
export function bodyStartLine(file: ArticleFile, _context?: Pick<CheckContext, 'texts'>): number {
  return file.parsed.bodyStartLine;
}

/**
 * The exact source text of a node (from its start to its end position), for a fix that removes or
 * replaces it. Undefined when the file's text or the node's end is not known.
 */
export function sourceOf(context: Pick<CheckContext, 'texts'>, path: string, position: SourcePosition): string | undefined {
  const text = context.texts?.get(path);
  if (text === undefined || position.endLine === undefined || position.endColumn === undefined) return undefined;
  const offset = (line: number, column: number): number => {
    let at = 0;
    for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
    return at + column - 1;
  };
  return text.slice(offset(position.line, position.column), offset(position.endLine, position.endColumn));
}
