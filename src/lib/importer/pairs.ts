/**
 * Sentence pairs of DocFX localized Markdown:
 * `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`.
 * One line of input becomes one line of target text and one line of source text, so every position
 * in either text is on the same line as in the input.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { importRule, type ImportRuleId } from './rules.ts';

export interface SplitLine {
  target: string;
  source: string;
  /** The English (source) half of every sentence pair on the line, in order. */
  pairs: string[];
}

const OPEN_TTU = /<span\s+data-ttu-id\s*=\s*"([^"]*)"\s*>/gi;
const ANY_PAIR_TAG = /<span\s+(?:data-ttu-id|class\s*=\s*"sxs-lookup"|data-stu-id)\b/i;
const LOOKUP_OPEN = /^<span\s+class\s*=\s*"sxs-lookup"\s*>\s*<span\s+data-stu-id\s*=\s*"([^"]*)"\s*>/i;
const CLOSE = '</span>';
const LOOKUP_CLOSE = /^<\/span>\s*<\/span>/i;

/**
 * Splits one line into its target and source text. `report` receives errors with the line's
 * 1-based number; columns are 1-based columns of the input line.
 */
export function splitPairs(line: string, lineNumber: number, file: string, report: (d: Diagnostic) => void): SplitLine {
  let target = '';
  let source = '';
  let index = 0;
  OPEN_TTU.lastIndex = 0;
  const fail = (column: number, rule: ImportRuleId, message: string, hint: string): SplitLine => {
    report({ file, line: lineNumber, column, ...importRule(rule), message, hint });
    return { target: line, source: line, pairs: [] };
  };
  const pairs: string[] = [];
  for (;;) {
    OPEN_TTU.lastIndex = index;
    const open = OPEN_TTU.exec(line);
    const between = line.slice(index, open ? open.index : line.length);
    const stray = ANY_PAIR_TAG.exec(between);
    if (stray) {
      return fail(index + stray.index + 1, 'import/unpaired-span', 'a sxs-lookup <span> without the <span data-ttu-id> before it', 'Every sentence must be <span data-ttu-id="ID">target</span><span class="sxs-lookup"><span data-stu-id="ID">source</span></span>.');
    }
    target += between;
    source += between;
    if (!open) break;
    const id = open[1] ?? '';
    const targetStart = open.index + open[0].length;
    const targetEnd = line.indexOf(CLOSE, targetStart);
    const hint = `Complete the pair: <span data-ttu-id="${id}">…</span><span class="sxs-lookup"><span data-stu-id="${id}">…</span></span>, on one line.`;
    if (targetEnd < 0) {
      return fail(open.index + 1, 'import/unpaired-span', `<span data-ttu-id="${id}"> is not closed on its line`, hint);
    }
    const afterTarget = targetEnd + CLOSE.length;
    const lookup = LOOKUP_OPEN.exec(line.slice(afterTarget));
    if (!lookup) {
      return fail(open.index + 1, 'import/unpaired-span', `<span data-ttu-id="${id}"> has no <span class="sxs-lookup"> partner after it`, hint);
    }
    const sourceId = lookup[1] ?? '';
    if (sourceId !== id) {
      return fail(afterTarget + 1, 'import/span-id-mismatch', `the pair's ids differ: data-ttu-id="${id}" but data-stu-id="${sourceId}"`, 'Both halves of a sentence pair carry the same id; fix the one that was edited by hand.');
    }
    const sourceStart = afterTarget + lookup[0].length;
    const sourceEnd = line.indexOf(CLOSE, sourceStart);
    const close = sourceEnd < 0 ? null : LOOKUP_CLOSE.exec(line.slice(sourceEnd));
    if (sourceEnd < 0 || !close) {
      return fail(afterTarget + 1, 'import/unpaired-span', `the sxs-lookup <span> of pair "${id}" is not closed by </span></span> on its line`, hint);
    }
    const targetText = line.slice(targetStart, targetEnd);
    const sourceText = line.slice(sourceStart, sourceEnd);
    if (ANY_PAIR_TAG.test(targetText) || ANY_PAIR_TAG.test(sourceText)) {
      return fail(open.index + 1, 'import/unpaired-span', `pair "${id}" contains another sentence-pair <span>`, hint);
    }
    target += targetText;
    source += sourceText;
    pairs.push(sourceText);
    index = sourceEnd + close[0].length;
  }
  return { target, source, pairs };
}
