/**
 * The translation status matrix: for every article, every locale and every cloud the article is
 * published for, where the page a reader gets stands (`npm run kb -- status` and the site's status
 * page render the same rows).
 */
import { LOCALE_CODES, SOURCE_LOCALE, type Cloud, type Locale } from '../site.ts';
import type { KnowledgeBase } from './kb.ts';

/** `source`: English; `current`: reviewed translation of the current English; `machine`: unreviewed
 * machine translation of the current English; `stale`: the English changed since; `missing`: readers
 * get the English page. */
export type CellState = 'source' | 'current' | 'machine' | 'stale' | 'missing';

export const CELL_STATES: readonly CellState[] = ['source', 'current', 'machine', 'stale', 'missing'];

export interface MatrixCell {
  locale: Locale;
  cloud: Cloud;
  state: CellState;
  /** The variant serving this cloud (`''` for the base variant). */
  variantKey: string;
  /** The file a reader sees there, if any (the translation, or the English fallback). */
  file: string | undefined;
}

export interface MatrixRow {
  slug: string;
  /** English title. */
  title: string;
  clouds: Cloud[];
  /** One cell per locale × cloud of the article, locales in registry order. */
  cells: MatrixCell[];
}

export function translationMatrix(kb: KnowledgeBase): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const article of kb.articles.values()) {
    const cells: MatrixCell[] = [];
    for (const locale of LOCALE_CODES) {
      for (const cloud of article.clouds) {
        const variant = kb.variantFor(article.slug, cloud);
        if (!variant) continue;
        const t = kb.translationState(variant, locale);
        const state: CellState =
          t.state === 'source' ? 'source'
          : t.state === 'missing' ? 'missing'
          : t.state === 'current' ? (t.machine ? 'machine' : 'current')
          : 'stale'; // stale, or a translation that records no source: not known to be current
        const file = variant.files[locale] ?? variant.files[SOURCE_LOCALE];
        cells.push({ locale, cloud, state, variantKey: variant.key, file: file?.path });
      }
    }
    rows.push({ slug: article.slug, title: kb.title(article.slug, SOURCE_LOCALE) ?? article.slug, clouds: article.clouds, cells });
  }
  return rows;
}

/** Count of cells per state, over all rows. */
export function matrixTotals(rows: readonly MatrixRow[]): Record<CellState, number> {
  const totals = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  for (const row of rows) for (const cell of row.cells) totals[cell.state]++;
  return totals;
}
