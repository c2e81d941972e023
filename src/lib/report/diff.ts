/** Renders a section-by-section variant diff (`diffFiles`) for the terminal. */
import type { SectionDiff } from '../model/variant-diff.ts';

export function formatVariantDiff(a: string, b: string, sections: readonly SectionDiff[]): string {
  const out = [`--- ${a}`, `+++ ${b}`];
  for (const s of sections) {
    const head = `#${s.id} ${s.title}`.trim();
    if (s.status === 'same') out.push(`  ${head}: same`);
    else if (s.status === 'a') out.push(`- ${head}: only in ${a}`);
    else if (s.status === 'b') out.push(`+ ${head}: only in ${b}`);
    else {
      out.push(`~ ${head}: differs`);
      for (const l of s.lines) if (l.op !== ' ' || l.text.trim() !== '') out.push(`    ${l.op} ${l.text}`);
    }
  }
  return out.join('\n') + '\n';
}
