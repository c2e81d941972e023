/**
 * How two files of an article differ, section by section (by heading id): sections only in one,
 * and a line diff of the text of each shared section that changed. `npm run kb -- diff` prints it.
 */
import { diffLines } from 'diff';
import type { ArticleFile } from './types.ts';

export interface DiffLine {
  op: '+' | '-' | ' ';
  text: string;
}

export interface SectionDiff {
  id: string;
  title: string;
  /** `a`/`b`: only in that file; `changed`; `same`. */
  status: 'a' | 'b' | 'changed' | 'same';
  lines: DiffLine[];
}

export function diffFiles(a: ArticleFile, b: ArticleFile): SectionDiff[] {
  const key = (s: { id: string }, i: number): string => s.id || (i === 0 ? '(intro)' : `(untitled ${i})`);
  const aSections = new Map(a.parsed.sections.map((s, i) => [key(s, i), s]));
  const bSections = new Map(b.parsed.sections.map((s, i) => [key(s, i), s]));
  const order = [...aSections.keys(), ...[...bSections.keys()].filter((k) => !aSections.has(k))];
  return order.map((id) => {
    const sa = aSections.get(id);
    const sb = bSections.get(id);
    if (!sb) return { id, title: sa!.title, status: 'a', lines: [] };
    if (!sa) return { id, title: sb.title, status: 'b', lines: [] };
    if (sa.text === sb.text && sa.title === sb.title) return { id, title: sa.title, status: 'same', lines: [] };
    const lines: DiffLine[] = [];
    if (sa.title !== sb.title) lines.push({ op: '-', text: `## ${sa.title}` }, { op: '+', text: `## ${sb.title}` });
    for (const change of diffLines(sa.text + '\n', sb.text + '\n')) {
      const op = change.added ? '+' : change.removed ? '-' : ' ';
      for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ op, text });
    }
    return { id, title: sa.title, status: 'changed', lines };
  });
}
