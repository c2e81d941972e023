/**
 * `npm run check`: loads the content model, runs every check, prints the diagnostics and exits 1
 * on any error (on any warning too with --strict).
 *
 *   --format human|github|json   output format (default human)
 *   --summary FILE               also write a Markdown summary (appended to $GITHUB_STEP_SUMMARY too)
 *   --strict                     warnings fail as well
 *   --root DIR                   project root (default: the current folder)
 *   --external                   also fetch external links (cached in node_modules/.cache/partner-kb/)
 *   --html DIR                   also check the links of a built site (for example dist)
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { byPosition, checkExternalLinks, fileCache, httpFetcher, runChecks } from '../src/lib/checks/index.ts';
import { buildLinkIndex } from '../src/lib/checks/link-index.ts';
import { cacheDir, loadProject, readBuiltSite } from '../src/lib/checks/project.ts';
import { exitCode, format, FORMATS, formatMarkdownSummary, type Format } from '../src/lib/report/index.ts';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'human' },
      summary: { type: 'string' },
      strict: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
      external: { type: 'boolean', default: false },
      html: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run check -- [--format human|github|json] [--summary FILE] [--strict] [--root DIR] [--external] [--html DIR]\n');
    return 0;
  }
  if (!FORMATS.includes(values.format as Format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const root = resolve(values.root);
  const project = await loadProject({ root });
  const links = buildLinkIndex(project.kb);
  const diagnostics = runChecks(project.kb, {
    ...project.checkOptions,
    links,
    ...(values.html ? { html: readBuiltSite(root, values.html) } : {}),
  });
  if (values.external) {
    diagnostics.push(...(await checkExternalLinks(links, { fetcher: httpFetcher, cache: fileCache(cacheDir(root, 'external.json')), timeoutMs: 10_000 })));
    diagnostics.sort(byPosition);
  }

  process.stdout.write(format(diagnostics, values.format as Format));
  const summary = formatMarkdownSummary(diagnostics);
  if (values.summary) {
    if (values.summary === process.env['GITHUB_STEP_SUMMARY']) appendFileSync(values.summary, summary);
    else writeFileSync(values.summary, summary);
  }
  if (process.env['GITHUB_STEP_SUMMARY'] && values.summary !== process.env['GITHUB_STEP_SUMMARY']) {
    appendFileSync(process.env['GITHUB_STEP_SUMMARY'], summary);
  }
  return exitCode(diagnostics, { strict: values.strict });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
