/**
 * Search quality on the project's content, against the judged queries (tests/search/queries/):
 * success@1, success@3 and MRR per language and cloud must not fall below the thresholds. The
 * thresholds started at the first measurement (before any tuning) and rise with each improvement;
 * `npm run search:eval -- --misses` shows the table and every query not answered first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/isolated-build.ts';
import { evaluateSearchQuality, type SearchQuality } from '../../src/lib/search/evaluate.ts';
import { misses, QUERY_KINDS, readJudgedQueries, scoresTable, type ScoreRow } from '../../src/lib/search/judged.ts';
import { LOCALE_CODES } from '../../src/lib/site.ts';
import { join } from 'node:path';

type Threshold = Pick<ScoreRow, 'successAt1' | 'successAt3' | 'mrr'>;

/**
 * Per language and cloud: the current measurement, rounded down. History (success@1, success@3, MRR):
 * first measurement before any tuning, then after stop words, partial matches, phrases, Korean
 * stems in the index, synonyms and ranking (src/lib/search/). "+query": a query a reviewer found
 * missed, added to the set honestly (main measured 94 % 94 % 0.95 en, 83 % 91 % 0.87 ko, 91 % 100 %
 * 0.95 zh, 94 % 97 % 0.96 ja on the enlarged set, before Korean compound particles and Pagefind's
 * prefix back-off were fixed).
 */
const THRESHOLDS: Record<string, Threshold> = {
  'en/global': { successAt1: 0.93, successAt3: 0.93, mrr: 0.94 }, // first: 84 % 91 % 0.87 → 97 % 97 % 0.97 → +bill: 94 % 94 % 0.95
  'en/china': { successAt1: 1, successAt3: 1, mrr: 1 }, //           first: 83 % 83 % 0.83 → 100 % 100 % 1.00
  'ko/global': { successAt1: 0.88, successAt3: 1, mrr: 0.93 }, //    first: 61 % 76 % 0.70 → 85 % 94 % 0.89 → +2 (로부터): 89 % 100 % 0.94
  'ko/china': { successAt1: 1, successAt3: 1, mrr: 1 }, //           first: 75 % 75 % 0.77 → 100 % 100 % 1.00
  'zh/global': { successAt1: 0.9, successAt3: 1, mrr: 0.94 }, //     first: 71 % 84 % 0.78 → 94 % 100 % 0.97 → +欠款客户帐户: 91 % 100 % 0.95
  'zh/china': { successAt1: 1, successAt3: 1, mrr: 1 }, //           first: 69 % 77 % 0.73 → 100 % 100 % 1.00
  'ja/global': { successAt1: 0.97, successAt3: 1, mrr: 0.98 }, //    first: 67 % 79 % 0.73 → 97 % 100 % 0.98 → +請求書の誤り: 94 % 97 % 0.96 → 誤り ↔ 誤って: 97 % 100 % 0.99
  'ja/china': { successAt1: 1, successAt3: 1, mrr: 1 }, //           first: 42 % 58 % 0.50 → 92 % 100 % 0.94 → 誤り ↔ 誤って: 100 % 100 % 1.00
};

let quality: SearchQuality;

beforeAll(async () => {
  quality = await evaluateSearchQuality(PROJECT_ROOT);
}, 120_000);

afterAll(() => {
  if (quality) console.log(`${scoresTable(quality.rows)}\n\n${misses(quality.outcomes).join('\n')}`);
});

describe('the judged query set', () => {
  const queries = readJudgedQueries(join(PROJECT_ROOT, 'tests', 'search', 'queries'));

  it.each([...LOCALE_CODES])('has at least 40 queries in %s, a third of each kind, in two clouds', (locale) => {
    const mine = queries.filter((q) => q.locale === locale);
    expect(mine.length).toBeGreaterThanOrEqual(40);
    for (const kind of QUERY_KINDS) expect(mine.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(Math.floor(mine.length / 3) - 1);
    expect(new Set(mine.map((q) => q.cloud)).size).toBeGreaterThanOrEqual(2);
  });

  it.each(Object.keys(THRESHOLDS))('%s meets its thresholds', (key) => {
    const [locale, cloud] = key.split('/');
    const row = quality.rows.find((r) => r.locale === locale && r.cloud === cloud);
    expect(row, `no queries for ${key}`).toBeDefined();
    const threshold = THRESHOLDS[key]!;
    expect(row!.successAt1, 'success@1').toBeGreaterThanOrEqual(threshold.successAt1);
    expect(row!.successAt3, 'success@3').toBeGreaterThanOrEqual(threshold.successAt3);
    expect(row!.mrr, 'MRR').toBeGreaterThanOrEqual(threshold.mrr);
  });
});
