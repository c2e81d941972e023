/**
 * The translation status: one row per article variant (one English file and the clouds it
 * serves), one cell per translation locale, saying where that locale's file stands against its
 * English source. `npm run kb -- status` and the site's status page render the same rows, and
 * their totals count exactly the cells shown.
 */
import { LOCALE_CODES, SOURCE_LOCALE, type Cloud, type Locale } from '../site.ts';
import type { KnowledgeBase } from './kb.ts';
import { articleUrl, compareUrl } from './urls.ts';

/** `current`: reviewed translation of today's English; `machine`: unreviewed machine translation of
 * today's English; `stale`: the English changed since (or the file records no source hash);
 * `missing`: readers get the English page. */
export type CellState = 'current' | 'machine' | 'stale' | 'missing';

export const CELL_STATES: readonly CellState[] = ['current', 'machine', 'stale', 'missing'];

/** The locales a status row has a cell for: every locale but the source. */
export const TRANSLATION_LOCALES: readonly Locale[] = LOCALE_CODES.filter((l) => l !== SOURCE_LOCALE);

export interface StatusCell {
  locale: Locale;
  state: CellState;
  /** For `stale`: also made by machine and not reviewed since. */
  machine: boolean;
  /** The translation's path (for `missing`: where it would be). */
  file: string;
  /** Where the cell links: the compare view of a translation; the page readers get for a missing one. */
  href: string;
}

export interface StatusRow {
  slug: string;
  /** `''` for the base variant. */
  variantKey: string;
  /** The English file. */
  file: string;
  /** English title. */
  title: string;
  /** The clouds the variant serves (registry order). */
  clouds: Cloud[];
  /** One cell per translation locale, in registry order. */
  cells: StatusCell[];
}

/**
 * Where the translation of an English file into `locale` is: the same name in the locale's folder
 * beside `en/` (`content/en/x.mdx` → `content/ko/x.mdx`, also under another content folder).
 */
export function translationPathOf(englishPath: string, locale: Locale): string {
  return englishPath.replace(new RegExp(`(^|/)${SOURCE_LOCALE}/([^/]+)$`), `$1${locale}/$2`);
}

/** Every article variant with an English file, in slug then variant order. */
export function statusRows(kb: KnowledgeBase): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      const english = variant.files[SOURCE_LOCALE];
      const cloud = variant.clouds[0];
      if (!english || !cloud) continue;
      const cells = TRANSLATION_LOCALES.map((locale): StatusCell => {
        const t = kb.translationState(variant, locale);
        const file = variant.files[locale]?.path ?? translationPathOf(english.path, locale);
        if (t.state === 'missing' || t.state === 'source') return { locale, state: 'missing', machine: false, file, href: articleUrl(locale, cloud, article.slug) };
        const href = compareUrl(locale, cloud, article.slug);
        if (t.state === 'current') return { locale, state: t.machine ? 'machine' : 'current', machine: t.machine, file, href };
        // Stale, or a translation that records no source: not known to be current.
        return { locale, state: 'stale', machine: t.state === 'stale' && t.machine, file, href };
      });
      rows.push({ slug: article.slug, variantKey: variant.key, file: english.path, title: english.frontmatter.title, clouds: variant.clouds, cells });
    }
  }
  return rows;
}

/** The rows of the variants that serve a cloud. */
export function rowsForCloud(rows: readonly StatusRow[], cloud: Cloud): StatusRow[] {
  return rows.filter((r) => r.clouds.includes(cloud));
}

/** Count of cells per state, over all rows: the totals add up to the number of cells. */
export function statusTotals(rows: readonly StatusRow[]): Record<CellState, number> {
  const totals = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  for (const row of rows) for (const cell of row.cells) totals[cell.state]++;
  return totals;
}
