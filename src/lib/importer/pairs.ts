/**
 * Sentence pairs of DocFX localized Markdown:
 * `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`.
 *
 * The body is split into the target text (translation) and the source text (English): text outside
 * the pairs goes to both. A pair may run over several lines of a paragraph (real files have pairs
 * split after a link); a half never spans a blank line. Each text keeps, for every one of its
 * lines, the input line it comes from, so every position reported later names the input's line.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { importRule, type ImportRuleId } from './rules.ts';

/** A text with the input line of each of its lines (`lines[i]` is the input line of line i + 1). */
export interface MappedText {
  text: string;
  lines: number[];
}

export interface SplitBody {
  target: MappedText;
  source: MappedText;
  /** The English half of every pair, in order, with its input line. */
  pairs: { line: number; text: string }[];
  /** Offsets in `source.text` of text that is outside every pair ([start, end) ranges). */
  outside: [number, number][];
}

const OPEN_TTU = /<span\s+data-ttu-id\s*=\s*"([^"]*)"\s*>/gi;
const ANY_PAIR_TAG = /<span\s+(?:data-ttu-id|class\s*=\s*"sxs-lookup"|data-stu-id)\b/i;
const LOOKUP_OPEN = /^<span\s+class\s*=\s*"sxs-lookup"\s*>\s*<span\s+data-stu-id\s*=\s*"([^"]*)"\s*>/i;
const CLOSE = '</span>';
const LOOKUP_CLOSE = /^<\/span>\s*<\/span>/i;
const BLANK_LINE = /\n[ \t]*\n/;

class Builder {
  text = '';
  lines: number[] = [];
  private readonly lineOf: (offset: number) => number;
  constructor(lineOf: (offset: number) => number) {
    this.lineOf = lineOf;
  }
  append(value: string, inputOffset: number): void {
    if (value === '') return;
    if (this.lines.length === 0) this.lines.push(this.lineOf(inputOffset));
    for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) this.lines.push(this.lineOf(inputOffset + i) + 1);
    this.text += value;
  }
  result(): MappedText {
    return { text: this.text, lines: this.lines.length > 0 ? this.lines : [1] };
  }
}

/**
 * Splits a whole file (front matter lines already blanked, so offsets are the file's). `report`
 * receives errors at 1-based input lines and columns; the file cannot be imported after one.
 */
export function splitPairs(input: string, file: string, report: (d: Diagnostic) => void): SplitBody | undefined {
  const lineStarts = [0];
  for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (offset: number, rule: ImportRuleId, message: string, hint: string): undefined => {
    const line = lineOf(offset);
    report({ file, line, column: offset - lineStarts[line - 1]! + 1, ...importRule(rule), message, hint });
    return undefined;
  };
  const target = new Builder(lineOf);
  const source = new Builder(lineOf);
  const pairs: SplitBody['pairs'] = [];
  const outside: [number, number][] = [];
  let index = 0;
  for (;;) {
    OPEN_TTU.lastIndex = index;
    const open = OPEN_TTU.exec(input);
    const between = input.slice(index, open ? open.index : input.length);
    const stray = ANY_PAIR_TAG.exec(between);
    if (stray) {
      return fail(index + stray.index, 'import/unpaired-span', 'a sxs-lookup <span> without the <span data-ttu-id> before it', 'Every sentence must be <span data-ttu-id="ID">target</span><span class="sxs-lookup"><span data-stu-id="ID">source</span></span>.');
    }
    target.append(between, index);
    outside.push([source.text.length, source.text.length + between.length]);
    source.append(between, index);
    if (!open) break;
    const id = open[1] ?? '';
    const targetStart = open.index + open[0].length;
    const targetEnd = input.indexOf(CLOSE, targetStart);
    const hint = `Complete the pair: <span data-ttu-id="${id}">…</span><span class="sxs-lookup"><span data-stu-id="${id}">…</span></span>, within one paragraph.`;
    if (targetEnd < 0 || BLANK_LINE.test(input.slice(targetStart, targetEnd)) || ANY_PAIR_TAG.test(input.slice(targetStart, targetEnd))) {
      return fail(open.index, 'import/unpaired-span', `<span data-ttu-id="${id}"> is not closed within its paragraph`, hint);
    }
    const afterTarget = targetEnd + CLOSE.length;
    const lookup = LOOKUP_OPEN.exec(input.slice(afterTarget, afterTarget + 200));
    if (!lookup) {
      return fail(open.index, 'import/unpaired-span', `<span data-ttu-id="${id}"> has no <span class="sxs-lookup"> partner after it`, hint);
    }
    const sourceId = lookup[1] ?? '';
    if (sourceId !== id) {
      return fail(afterTarget, 'import/span-id-mismatch', `the pair's ids differ: data-ttu-id="${id}" but data-stu-id="${sourceId}"`, 'Both halves of a sentence pair carry the same id; fix the one that was edited by hand.');
    }
    const sourceStart = afterTarget + lookup[0].length;
    const sourceEnd = input.indexOf(CLOSE, sourceStart);
    const close = sourceEnd < 0 ? null : LOOKUP_CLOSE.exec(input.slice(sourceEnd, sourceEnd + 200));
    if (sourceEnd < 0 || !close || BLANK_LINE.test(input.slice(sourceStart, sourceEnd)) || ANY_PAIR_TAG.test(input.slice(sourceStart, sourceEnd))) {
      return fail(afterTarget, 'import/unpaired-span', `the sxs-lookup <span> of pair "${id}" is not closed by </span></span> within its paragraph`, hint);
    }
    const targetText = input.slice(targetStart, targetEnd);
    const sourceText = input.slice(sourceStart, sourceEnd);
    target.append(targetText, targetStart);
    source.append(sourceText, sourceStart);
    pairs.push({ line: lineOf(sourceStart), text: sourceText.replace(/\s+/g, ' ').trim() });
    index = sourceEnd + close[0].length;
  }
  return { target: target.result(), source: source.result(), pairs, outside };
}
