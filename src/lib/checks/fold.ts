/**
 * One fault, one diagnostic. Findings depend on each other: a file that did not parse or whose
 * front matter did not validate is left out of the model, and everything that reads it then looks
 * wrong (a translation "has no English source", links "point to nothing"); a broken link or an
 * unsafe element in an English source makes every translation "differ" from it. Checks say so as
 * they report: a finding names what would explain it (`dependsOn`), and a root names what it is the
 * cause of (`subjects`; every error is also the subject of its own position and of "errors in its
 * file"). Here each finding whose cause is an error is folded into that error, which carries it
 * as a consequence; then one finding is kept per (file, position, rule).
 *
 * Only errors are roots: a warning never hides anything.
 */
import { compareForReport, Subject, type Diagnostic } from '../diagnostics.ts';

/** What an error is the cause of: what it names, then its own position and "errors in its file". */
function subjectsOf(d: Diagnostic): { named: string[]; own: string[] } {
  if (d.severity !== 'error') return { named: [], own: [] };
  return { named: d.subjects ?? [], own: [Subject.at(d.file, d), Subject.errorsIn(d.file)] };
}

/** The causes of a finding, nearest first, following chains (a consequence of a consequence). */
function chainOf(d: Diagnostic, roots: ReadonlyMap<string, Diagnostic>): Diagnostic[] {
  const chain: Diagnostic[] = [];
  const seen = new Set<Diagnostic>([d]);
  let current = d;
  for (;;) {
    const cause = (current.dependsOn ?? []).map((s) => roots.get(s)).find((r) => r !== undefined && !seen.has(r));
    if (!cause) return chain;
    chain.push(cause);
    seen.add(cause);
    current = cause;
  }
}

/**
 * Folds consequences into their roots and keeps one finding per (file, line, column, rule) (a
 * second one is folded into the first). Returns the findings in report order, without the
 * `subjects`/`dependsOn` bookkeeping; a root lists what it absorbed in `consequences`.
 */
export function foldConsequences(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const ordered = [...diagnostics].sort(compareForReport);
  const roots = new Map<string, Diagnostic>();
  // A subject an error names (an unknown fact names its element's position) wins over an error
  // that merely stands at that position (the translation's element that differs from English).
  for (const d of ordered) for (const s of subjectsOf(d).named) if (!roots.has(s)) roots.set(s, d);
  for (const d of ordered) for (const s of subjectsOf(d).own) if (!roots.has(s)) roots.set(s, d);

  const folded = new Map<Diagnostic, Diagnostic[]>();
  const kept: Diagnostic[] = [];
  for (const d of ordered) {
    const chain = chainOf(d, roots);
    const root = chain.at(-1);
    // Two findings that would explain each other (a cycle): the first in report order stays.
    if (root && !chainOf(root, roots).includes(d)) folded.set(root, [...(folded.get(root) ?? []), d]);
    else kept.push(d);
  }

  const byPlace = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of kept) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}`;
    const first = byPlace.get(key);
    if (first) {
      folded.set(first, [...(folded.get(first) ?? []), d]);
      continue;
    }
    byPlace.set(key, d);
    out.push(d);
  }

  /** A finding as reported: its own consequences and theirs, flattened, without bookkeeping. */
  const finish = (d: Diagnostic): Diagnostic => {
    const { subjects: _s, dependsOn: _d, consequences: earlier = [], ...rest } = d;
    const absorbed = [...earlier, ...(folded.get(d) ?? [])].flatMap((c) => {
      const own = finish(c);
      const nested = own.consequences ?? [];
      delete own.consequences;
      return [own, ...nested];
    });
    return absorbed.length > 0 ? { ...rest, consequences: absorbed } : rest;
  };
  return out.map(finish);
}
