/**
 * `npm run kb -- <command>`: author tools over the content model.
 *
 *   status [--format text|json|markdown]          article × locale × cloud translation matrix
 *   diff <slug> [--locale ko] [--variants a,b]    how two variants differ, section by section
 *                                                 (`base` names the base variant; default: base and the next)
 *   ack <file> [--method human|machine]           record the source hash after review
 *
 * Common option: --root DIR (project root, default the current folder).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommandLine, usageError } from './lib/cli.ts';
import { loadProject } from '../src/lib/checks/project.ts';
import { ackText, planAck } from '../src/lib/model/ack.ts';
import { translationMatrix } from '../src/lib/model/status.ts';
import { diffFiles } from '../src/lib/model/variant-diff.ts';
import { formatVariantDiff } from '../src/lib/report/diff.ts';
import { formatMatrixJson, formatMatrixMarkdown, formatMatrixText } from '../src/lib/report/status.ts';
import { isLocale, SOURCE_LOCALE } from '../src/lib/site.ts';

const USAGE = `usage: npm run kb -- <command> [options]

  status [--format text|json|markdown]          article × locale × cloud translation matrix
  diff <slug> [--locale ko] [--variants a,b]    how two variants of an article differ, section by section
  ack <file> [--method human|machine]           record the source hash after review; <file> is the
                                                file's path from the current folder or the project
                                                root, for example content/ko/customer-support.mdx
  --root DIR                                    project root (default: the current folder)
  --help                                        this text
`;
const CLI = {
  name: 'npm run kb',
  usage: USAGE,
  allowPositionals: true,
  options: {
    root: { type: 'string', default: '.' },
    format: { type: 'string', default: 'text' },
    locale: { type: 'string', default: SOURCE_LOCALE },
    variants: { type: 'string' },
    method: { type: 'string' },
  },
} as const;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, CLI);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const [command, arg] = positionals;
  if (!command) return usageError(CLI, 'a command is needed').exit;
  if (!['status', 'diff', 'ack'].includes(command)) return usageError(CLI, `unknown command "${command}"`).exit;
  const root = resolve(values.root);
  const { kb } = await loadProject({ root });

  switch (command) {
    case 'status': {
      const rows = translationMatrix(kb);
      const render = { text: formatMatrixText, json: formatMatrixJson, markdown: formatMatrixMarkdown }[values.format];
      if (!render) return fail('--format must be text, json or markdown');
      process.stdout.write(render(rows));
      return 0;
    }
    case 'diff': {
      if (!arg) return fail('diff needs an article slug');
      const article = kb.article(arg);
      if (!article) return fail(`no article "${arg}"`);
      if (!isLocale(values.locale)) return fail(`unknown locale "${values.locale}"`);
      const keys = values.variants?.split(',').map((k) => (k === 'base' ? '' : k)) ?? article.variants.slice(0, 2).map((v) => v.key);
      if (keys.length !== 2) return fail(`"${arg}" has ${article.variants.length} variant(s); name two with --variants a,b`);
      const files = keys.map((k) => article.variants.find((v) => v.key === k)?.files[values.locale as 'en']);
      const [a, b] = files;
      if (!a || !b) return fail(`"${arg}" has no ${values.locale} file for variant(s) ${keys.filter((_, i) => !files[i]).map((k) => k || 'base').join(', ')} (variants: ${article.variants.map((v) => v.key || 'base').join(', ')})`);
      process.stdout.write(formatVariantDiff(a.path, b.path, diffFiles(a, b)));
      return 0;
    }
    case 'ack': {
      if (!arg) return fail('ack needs a file');
      if (values.method !== undefined && values.method !== 'human' && values.method !== 'machine') return fail('--method must be human or machine');
      const found = [resolve(arg), resolve(root, arg)].find((p) => existsSync(p));
      if (!found) {
        const inContent = ['content', ''].map((d) => join(root, d, arg)).find((p) => existsSync(p));
        return fail(
          `${arg}: file not found. Give the file's path from the current folder or from the project root, such as content/ko/customer-support.mdx${inContent ? `; did you mean ${relative(process.cwd(), inContent).split('\\').join('/')}?` : '.'}`,
        );
      }
      const path = relative(root, found).split('\\').join('/');
      const plan = planAck(kb, path);
      if (!plan.ok) return fail(plan.message);
      const absolute = join(root, path);
      const before = readFileSync(absolute, 'utf8');
      const after = ackText(before, plan, values.method as 'human' | 'machine' | undefined);
      if (after === before) {
        process.stdout.write(`${path}: already records ${plan.hash} (${plan.against}).\n`);
        return 0;
      }
      const tmp = `${absolute}.${process.pid}.tmp`;
      writeFileSync(tmp, after);
      renameSync(tmp, absolute);
      process.stdout.write(`${path}: ${plan.key} = ${plan.hash} (${plan.against})${values.method ? `, method: ${values.method}` : ''}.\n`);
      return 0;
    }
    default:
      return usageError(CLI, `unknown command "${command}"`).exit;
  }
}

function fail(message: string): number {
  process.stderr.write(`npm run kb: ${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kb failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
