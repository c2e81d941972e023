/**
 * The judged query set: per language, queries people type with the articles that must come first,
 * and the measures of how well search answers them (success@1, success@3, mean reciprocal rank),
 * per language and cloud. Read by `npm run search:eval`, the benchmark and the search tests.
 *
 * A file is `<dir>/<locale>.yaml`: a list of `{ query, kind, cloud?, expect }` (see
 * tests/search/queries/en.yaml). A judgement names articles by slug; `validateJudgedQueries` checks
 * them against the content model, so the set cannot silently drift from the content it judges.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeBase } from '../model/kb.ts';
import { CLOUD_IDS, LOCALE_CODES, type Cloud, type Locale } from '../site.ts';

export const QUERY_KINDS = ['everyday', 'question', 'exact'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** How many results count: a right answer below this rank scores 0 (as if not found). */
export const RESULT_DEPTH = 10;

const judgedQuerySchema = z
  .object({
    query: z.string().trim().min(1),
    /** everyday: the word people use rather than the articles'; question: a whole question; exact: a term the articles use. */
    kind: z.enum(QUERY_KINDS),
    /** The reader's cloud. */
    cloud: z.enum(CLOUD_IDS as unknown as [Cloud, ...Cloud[]]).default('global'),
    /** Every article slug that is a right first answer; any of them counts. */
    expect: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type JudgedQuery = z.infer<typeof judgedQuerySchema> & { locale: Locale };

/**
 * Reads `<dir>/<locale>.yaml` for every locale that has one.
 * Throws an Error naming the file and the entry for malformed input.
 */
export function readJudgedQueries(dir: string): JudgedQuery[] {
  const out: JudgedQuery[] = [];
  for (const locale of LOCALE_CODES) {
    const path = join(dir, `${locale}.yaml`);
    if (!existsSync(path)) continue;
    const data: unknown = parseYaml(readFileSync(path, 'utf8'));
    const parsed = z.array(judgedQuerySchema).safeParse(data ?? []);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}: entry ${issue.path.join('.')}: ${issue.message}`);
    }
    out.push(...parsed.data.map((q) => ({ ...q, locale })));
  }
  return out;
}

/** Problems that make a judgement meaningless: an unknown article, or one its cloud does not have. */
export function validateJudgedQueries(queries: readonly JudgedQuery[], kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const q of queries) {
    for (const slug of q.expect) {
      const article = kb.article(slug);
      if (!article) problems.push(`${q.locale}: "${q.query}" expects "${slug}", which is not an article`);
      else if (!article.clouds.includes(q.cloud)) problems.push(`${q.locale}: "${q.query}" expects "${slug}", which is not published for ${q.cloud}`);
    }
  }
  return problems;
}

export interface JudgedOutcome {
  query: JudgedQuery;
  /** Slugs of the results, best first (at most RESULT_DEPTH). */
  results: string[];
  /** 1-based rank of the first right answer, or undefined when none is in the results. */
  rank: number | undefined;
}

export interface Scores {
  queries: number;
  /** Share of queries whose first result is right, 0..1. */
  successAt1: number;
  /** Share of queries with a right answer in the first three results, 0..1. */
  successAt3: number;
  /** Mean reciprocal rank of the first right answer (0 when none), 0..1. */
  mrr: number;
}

/** Runs every query through `search` (slugs, best first) and ranks the right answers. */
export async function runJudgedQueries(
  queries: readonly JudgedQuery[],
  search: (query: JudgedQuery) => Promise<string[]>,
): Promise<JudgedOutcome[]> {
  const out: JudgedOutcome[] = [];
  for (const query of queries) {
    const results = (await search(query)).slice(0, RESULT_DEPTH);
    const index = results.findIndex((slug) => query.expect.includes(slug));
    out.push({ query, results, rank: index < 0 ? undefined : index + 1 });
  }
  return out;
}

export function score(outcomes: readonly JudgedOutcome[]): Scores {
  const n = outcomes.length;
  const share = (test: (o: JudgedOutcome) => boolean): number => (n === 0 ? 0 : outcomes.filter(test).length / n);
  return {
    queries: n,
    successAt1: share((o) => o.rank === 1),
    successAt3: share((o) => o.rank !== undefined && o.rank <= 3),
    mrr: n === 0 ? 0 : outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
  };
}

export interface ScoreRow extends Scores {
  locale: Locale;
  /** A cloud, or `all` for the language as a whole. */
  cloud: Cloud | 'all';
}

/** Scores per language and cloud (only the clouds the set has queries for), then per language. */
export function scoreByLanguageAndCloud(outcomes: readonly JudgedOutcome[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const locale of LOCALE_CODES) {
    const mine = outcomes.filter((o) => o.query.locale === locale);
    if (mine.length === 0) continue;
    for (const cloud of CLOUD_IDS) {
      const inCloud = mine.filter((o) => o.query.cloud === cloud);
      if (inCloud.length > 0) rows.push({ locale, cloud, ...score(inCloud) });
    }
    rows.push({ locale, cloud: 'all', ...score(mine) });
  }
  return rows;
}

const percent = (x: number): string => `${(x * 100).toFixed(0)} %`;

/** The scores as a Markdown table. */
export function scoresTable(rows: readonly ScoreRow[]): string {
  const lines = ['| language | cloud | queries | success@1 | success@3 | MRR |', '|---|---|--:|--:|--:|--:|'];
  for (const r of rows) lines.push(`| ${r.locale} | ${r.cloud} | ${r.queries} | ${percent(r.successAt1)} | ${percent(r.successAt3)} | ${r.mrr.toFixed(2)} |`);
  return lines.join('\n');
}

/** One line per query not answered first: what was expected and what came. */
export function misses(outcomes: readonly JudgedOutcome[]): string[] {
  return outcomes
    .filter((o) => o.rank !== 1)
    .map((o) => `${o.query.locale}/${o.query.cloud} [${o.query.kind}] "${o.query.query}": rank ${o.rank ?? '-'}; expected ${o.query.expect.join(' | ')}; got ${o.results.slice(0, 3).join(', ') || '(nothing)'}`);
}
