/**
 * Renders the translation status (`statusRows`) as a terminal table, Markdown or JSON. The
 * terminal table fits 100 columns (long slugs and cloud lists are cut with "…"); `wide` shows
 * them whole. States are words, so the table reads without colour; `paint` colours them where
 * the terminal has colour.
 */
import { statusTotals, TRANSLATION_LOCALES, type CellState, type StatusCell, type StatusRow } from '../model/status.ts';

export const STATE_LABEL: Record<CellState, string> = { current: 'up to date', machine: 'machine', stale: 'outdated', missing: 'missing' };

/** Terminal colour per state; identity where there is none. */
export type StatePaint = (state: CellState, text: string) => string;

/** The width the terminal table keeps to unless `wide`. */
export const STATUS_COLUMNS = 100;

function cellText(cell: StatusCell): string {
  return cell.state === 'stale' && cell.machine ? 'outdated*' : STATE_LABEL[cell.state];
}

function rowName(row: StatusRow): string {
  return row.variantKey ? `${row.slug}.${row.variantKey}` : row.slug;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…';
}

function totalsLine(rows: readonly StatusRow[]): string {
  const totals = statusTotals(rows);
  const cells = rows.reduce((n, r) => n + r.cells.length, 0);
  return `${cells} translations: ` + Object.entries(totals).map(([s, n]) => `${n} ${STATE_LABEL[s as CellState]}`).join(', ');
}

export function formatStatusText(rows: readonly StatusRow[], options: { wide?: boolean; paint?: StatePaint } = {}): string {
  const paint = options.paint ?? ((_s: CellState, t: string) => t);
  const gap = '  ';
  const localeWidth = Math.max(...TRANSLATION_LOCALES.map((l) => l.length), ...Object.values(STATE_LABEL).map((s) => s.length), 'outdated*'.length);
  const clouds = (row: StatusRow) => row.clouds.join(' ');
  let nameWidth = Math.max('article'.length, ...rows.map((r) => rowName(r).length));
  let cloudWidth = Math.max('clouds'.length, ...rows.map((r) => clouds(r).length));
  const fixed = TRANSLATION_LOCALES.length * (localeWidth + gap.length);
  if (!options.wide) {
    // Keep to STATUS_COLUMNS: the cloud list gives way first (down to "clouds"), then the name.
    const room = STATUS_COLUMNS - fixed - 2 * gap.length;
    cloudWidth = Math.max('clouds'.length, Math.min(cloudWidth, room - nameWidth));
    nameWidth = Math.min(nameWidth, room - cloudWidth);
  }
  const line = (name: string, cells: string[], cloudList: string) =>
    (cut(name, nameWidth).padEnd(nameWidth) + gap + cells.join(gap) + gap + cut(cloudList, cloudWidth)).trimEnd();
  const header = line('article', TRANSLATION_LOCALES.map((l) => l.padEnd(localeWidth)), 'clouds');
  const body = rows.map((row) =>
    line(
      rowName(row),
      row.cells.map((c) => paint(c.state, cellText(c).padEnd(localeWidth))),
      clouds(row),
    ),
  );
  const legend = rows.some((r) => r.cells.some((c) => c.state === 'stale' && c.machine)) ? ['outdated* = outdated machine translation'] : [];
  return [header, ...body, '', totalsLine(rows), ...legend].join('\n') + '\n';
}

export function formatStatusMarkdown(rows: readonly StatusRow[]): string {
  const lines = [`| Article | Clouds | ${TRANSLATION_LOCALES.join(' | ')} |`, `|---|---|${TRANSLATION_LOCALES.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${rowName(row).replace(/\|/g, '\\|')} | ${row.clouds.join(', ')} | ${row.cells.map(cellText).join(' | ')} |`);
  lines.push('', totalsLine(rows));
  return lines.join('\n') + '\n';
}

export function formatStatusJson(rows: readonly StatusRow[]): string {
  return JSON.stringify({ totals: statusTotals(rows), rows }, null, 2) + '\n';
}
