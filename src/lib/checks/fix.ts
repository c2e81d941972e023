/**
 * Applies the text edits of a fix (`Diagnostic.fix`) to a file's text: what an author does when
 * following a hint literally, done by a program (the fault-injection tests apply every automatic
 * hint this way and check again).
 */
import type { TextEdit } from '../diagnostics.ts';
import { UserError } from '../user-error.ts';

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/**
 * The text with every edit applied. Each edit replaces the first occurrence of its `find` at or
 * after its line and column (an empty `find` inserts there); edits are located in the original
 * text and must not overlap. Throws `UserError` when a `find` is not there (the text changed since
 * the check).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit) => {
    const from = offsetOf(text, edit.line, edit.column);
    const at = edit.find === '' ? from : text.indexOf(edit.find, from);
    if (at < 0) throw new UserError(`"${edit.find}" is not at or after line ${edit.line}, column ${edit.column}: the file changed since it was checked`);
    return { at, end: at + edit.find.length, replace: edit.replace };
  });
  located.sort((a, b) => b.at - a.at);
  let out = text;
  let limit = Infinity;
  for (const { at, end, replace } of located) {
    if (end > limit) throw new UserError('two edits of one fix overlap');
    out = out.slice(0, at) + replace + out.slice(end);
    limit = at;
  }
  return out;
}
