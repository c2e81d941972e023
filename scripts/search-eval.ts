/**
 * `npm run search:eval`: search quality on the project's content, measured against the judged
 * queries (tests/search/queries/<locale>.yaml): success@1, success@3 and MRR per language and cloud.
 *
 *   --root DIR       project root (default: the current folder)
 *   --queries DIR    judged queries (default: <root>/tests/search/queries)
 *   --misses         also list every query whose first result is not a right answer
 */
import { resolve } from 'node:path';
import { misses, scoresTable } from '../src/lib/search/judged.ts';
import { evaluateSearchQuality, judgedQueriesDir } from '../src/lib/search/evaluate.ts';
import { parseCommandLine } from './lib/cli.ts';

const USAGE = `usage: npm run search:eval -- [options]

  --root DIR       project root (default: the current folder)
  --queries DIR    judged queries (default: <root>/tests/search/queries)
  --misses         also list every query whose first result is not a right answer
  --help           this text
`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {
    name: 'npm run search:eval',
    usage: USAGE,
    options: {
      root: { type: 'string', default: '.' },
      queries: { type: 'string' },
      misses: { type: 'boolean', default: false },
    },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const root = resolve(values.root);
  const quality = await evaluateSearchQuality(root, values.queries ? resolve(values.queries) : judgedQueriesDir(root));
  process.stdout.write(`Search quality: ${quality.outcomes.length} judged queries, ${quality.pages} indexed documents\n\n${scoresTable(quality.rows)}\n`);
  if (values.misses) process.stdout.write(`\n${misses(quality.outcomes).join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`search:eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
