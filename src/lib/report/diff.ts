/**
 * Renders section-by-section differences (`diffSections`) for the terminal: the English change
 * since a translation (`npm run kb -- diff <slug> --locale ko`) and how two variants differ.
 * Changed words are marked `[-removed-]{+added+}` (as `git diff --word-diff=plain` does), so the
 * output reads without colour; `paint` adds colour where the caller's terminal has it.
 */
import type { EnglishChange } from '../model/english-change.ts';
import type { LineChange, SectionChange, WordChange } from '../model/section-diff.ts';

/** Colours for a terminal; identity functions where there is no colour. */
export interface Paint {
  added(text: string): string;
  removed(text: string): string;
  heading(text: string): string;
  dim(text: string): string;
}

export const NO_PAINT: Paint = { added: (s) => s, removed: (s) => s, heading: (s) => s, dim: (s) => s };

function words(changes: readonly WordChange[], paint: Paint): string {
  return changes.map((w) => (w.op === '=' ? w.text : w.op === '+' ? paint.added(`{+${w.text}+}`) : paint.removed(`[-${w.text}-]`))).join('');
}

function line(change: LineChange, paint: Paint): string | undefined {
  switch (change.op) {
    case 'same':
      return undefined;
    case 'added':
      return change.text.trim() === '' ? undefined : paint.added(`    + ${change.text}`);
    case 'removed':
      return change.text.trim() === '' ? undefined : paint.removed(`    - ${change.text}`);
    case 'changed':
      return `    ~ ${words(change.words, paint)}`;
  }
}

/** One block of lines per section; unchanged sections in one line each. */
export function formatSections(sections: readonly SectionChange[], paint: Paint, labels = { added: 'added', removed: 'removed' }): string[] {
  const out: string[] = [];
  for (const s of sections) {
    const head = `${s.id ? `#${s.id} ` : ''}${s.title || '(introduction)'}`;
    if (s.status === 'same') {
      out.push(paint.dim(`  ${head}: unchanged`));
      continue;
    }
    if (s.status === 'added') out.push(paint.added(`+ ${head}: ${labels.added}`));
    else if (s.status === 'removed') out.push(paint.removed(`- ${head}: ${labels.removed}`));
    else out.push(paint.heading(`~ ${head}: changed`));
    if (s.titleChange) out.push(`    title: ${words(s.titleChange, paint)}`);
    for (const l of s.lines) {
      const text = line(l, paint);
      if (text !== undefined) out.push(text);
    }
  }
  return out;
}

/** How two files differ (`a` older or base, `b` newer or other). */
export function formatVariantDiff(a: string, b: string, sections: readonly SectionChange[], paint: Paint = NO_PAINT): string {
  return [paint.removed(`--- ${a}`), paint.added(`+++ ${b}`), ...formatSections(sections, paint, { added: `only in ${b}`, removed: `only in ${a}` })].join('\n') + '\n';
}

const short = (commit: string) => commit.slice(0, 7);
const day = (iso: string) => iso.slice(0, 10);

/** What changed in English since `translationPath` was made. */
export function formatEnglishChange(translationPath: string, change: EnglishChange, paint: Paint = NO_PAINT): string {
  const english = change.english.path;
  if (change.status === 'current') return `${translationPath}: up to date with ${english}; nothing changed in English since it was translated.\n`;
  if (change.status === 'unknown') return `${translationPath}: outdated, but the change cannot be shown. ${change.message}\n`;
  const since = change.changedBy ? `changed in ${short(change.changedBy.commit)} (${day(change.changedBy.date)})` : 'changed in the working tree (not committed yet)';
  const out = [
    paint.heading(`${translationPath}: translated from ${english} as of ${short(change.from.commit)} (${day(change.from.date)}); the English ${since}.`),
    paint.removed(`--- ${english} @ ${short(change.from.commit)}`),
    paint.added(`+++ ${english} (today)`),
  ];
  for (const f of change.fields) out.push(`  ${f.field}: ${words(f.words, paint)}`);
  out.push(...formatSections(change.sections, paint));
  out.push(`After updating the translation, run: npm run kb -- ack ${translationPath}`);
  return out.join('\n') + '\n';
}
