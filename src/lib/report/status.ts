/** Renders the translation matrix (`translationMatrix`) as text, Markdown or JSON. */
import { matrixTotals, type CellState, type MatrixRow } from '../model/status.ts';
import { LOCALE_CODES } from '../site.ts';

const LABEL: Record<CellState, string> = { source: 'source', current: 'up to date', machine: 'machine', stale: 'stale', missing: 'missing' };

function cellsText(row: MatrixRow, locale: string): string {
  const cells = row.cells.filter((c) => c.locale === locale);
  const states = new Set(cells.map((c) => c.state));
  if (states.size === 1) return LABEL[cells[0]!.state];
  return cells.map((c) => `${c.cloud}: ${LABEL[c.state]}`).join(', ');
}

export function formatMatrixText(rows: readonly MatrixRow[]): string {
  const header = ['article', ...LOCALE_CODES];
  const body = rows.map((row) => [row.slug, ...LOCALE_CODES.map((l) => cellsText(row, l))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const totals = matrixTotals(rows);
  return [line(header), ...body.map(line), '', Object.entries(totals).map(([s, n]) => `${n} ${LABEL[s as CellState]}`).join(', ')].join('\n') + '\n';
}

export function formatMatrixMarkdown(rows: readonly MatrixRow[]): string {
  const lines = [`| Article | ${LOCALE_CODES.join(' | ')} |`, `|---|${LOCALE_CODES.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.slug.replace(/\|/g, '\\|')} | ${LOCALE_CODES.map((l) => cellsText(row, l)).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

export function formatMatrixJson(rows: readonly MatrixRow[]): string {
  return JSON.stringify({ totals: matrixTotals(rows), rows }, null, 2) + '\n';
}
