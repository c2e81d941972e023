/**
 * `npm run kb -- <command>`: author and translator tools over the content model. The commands,
 * their usage lines and what they do are in `COMMANDS` below (`npm run kb -- --help` prints them).
 *
 * Common option: --root DIR (project root, default the current folder).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { styleText, type parseArgs } from 'node:util';
import { parseCommandLine, usageError } from './lib/cli.ts';
import { runChecks } from '../src/lib/checks/index.ts';
import { loadProject, projectFromInput, readProjectInput } from '../src/lib/checks/project.ts';
import { ackText, planAck } from '../src/lib/model/ack.ts';
import { englishChangeSince } from '../src/lib/model/english-change.ts';
import { contentDirectory } from '../src/lib/model/load.ts';
import { SourceHistory } from '../src/lib/model/history.ts';
import { diffSections } from '../src/lib/model/section-diff.ts';
import { statusRows, translationPathOf, type CellState } from '../src/lib/model/status.ts';
import { formatEnglishChange, formatVariantDiff, type Paint } from '../src/lib/report/diff.ts';
import { formatStatusJson, formatStatusMarkdown, formatStatusText } from '../src/lib/report/status.ts';
import { isLocale, SOURCE_LOCALE, type Locale } from '../src/lib/site.ts';
import { ExportError, exportXliff } from '../src/lib/xliff/export.ts';
import { planImport } from '../src/lib/xliff/import.ts';

const OPTIONS = {
  root: { type: 'string', default: '.' },
  format: { type: 'string', default: 'text' },
  locale: { type: 'string' },
  variants: { type: 'string' },
  method: { type: 'string' },
  wide: { type: 'boolean', default: false },
  stale: { type: 'boolean', default: false },
  missing: { type: 'boolean', default: false },
  article: { type: 'string', multiple: true },
  out: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
type Project = Awaited<ReturnType<typeof loadProject>>;

interface Command {
  usage: string;
  summary: string;
  run(project: Project, args: string[], values: Values, root: string): number | Promise<number>;
}

/** Colour for standard output where it is a terminal (and NO_COLOR is not set): node's `styleText` checks. */
function terminalPaint(): Paint {
  const style = (format: Parameters<typeof styleText>[0]) => (text: string) => styleText(format, text, { stream: process.stdout });
  return { added: style('green'), removed: style('red'), heading: style('bold'), dim: style('dim') };
}

const COMMANDS: Record<string, Command> = {
  status: {
    usage: 'status [--format text|json|markdown] [--wide]',
    summary: 'each article variant per language: up to date, machine, outdated, missing',
    run({ kb }, _args, values) {
      const rows = statusRows(kb);
      const colour: Record<CellState, Parameters<typeof styleText>[0]> = { current: 'green', machine: 'yellow', stale: 'red', missing: 'magenta' };
      const paint = (state: CellState, text: string) => styleText(colour[state], text, { stream: process.stdout });
      const render = { text: (r: typeof rows) => formatStatusText(r, { wide: values.wide, paint }), json: formatStatusJson, markdown: formatStatusMarkdown }[values.format];
      if (!render) return fail('--format must be text, json or markdown');
      process.stdout.write(render(rows));
      return 0;
    },
  },
  diff: {
    usage: 'diff <slug> [--locale ko] [--variants a,b]',
    summary: 'with --locale: what changed in English since the translation; else two variants',
    run({ kb }, [slug], values, root) {
      if (!slug) return fail('diff needs an article slug');
      const article = kb.article(slug);
      if (!article) return fail(`no article "${slug}" (content/en/${slug}.mdx does not exist)`);
      const locale = values.locale ?? SOURCE_LOCALE;
      if (!isLocale(locale)) return fail(`unknown locale "${locale}"`);
      const paint = terminalPaint();
      if (values.variants === undefined && locale !== SOURCE_LOCALE) {
        const history = new SourceHistory(root);
        for (const variant of article.variants) {
          const translation = variant.files[locale];
          const english = variant.files[SOURCE_LOCALE];
          if (!translation) {
            if (english) process.stdout.write(`${translationPathOf(english.path, locale)}: not translated yet (npm run kb -- export --locale ${locale} --missing --article ${slug} --out ${locale}.xlf).\n`);
            continue;
          }
          const change = englishChangeSince(kb, history, translation);
          if (change) process.stdout.write(formatEnglishChange(translation.path, change, paint));
        }
        return 0;
      }
      const keys = values.variants?.split(',').map((k) => (k === 'base' ? '' : k)) ?? article.variants.slice(0, 2).map((v) => v.key);
      if (keys.length !== 2) {
        return fail(
          values.variants === undefined
            ? `"${slug}" has one variant, so there are no variants to compare. To see what changed in English since a translation, add --locale ko (or zh, ja).`
            : `--variants needs two variant keys, such as base,china (variants of "${slug}": ${article.variants.map((v) => v.key || 'base').join(', ')})`,
        );
      }
      const files = keys.map((k) => article.variants.find((v) => v.key === k)?.files[locale as Locale]);
      const [a, b] = files;
      if (!a || !b) return fail(`"${slug}" has no ${locale} file for variant(s) ${keys.filter((_, i) => !files[i]).map((k) => k || 'base').join(', ')} (variants: ${article.variants.map((v) => v.key || 'base').join(', ')})`);
      process.stdout.write(formatVariantDiff(a.path, b.path, diffSections(a.parsed.sections, b.parsed.sections, locale), paint));
      return 0;
    },
  },
  ack: {
    usage: 'ack <file> [--method human|machine]',
    summary: 'after review: record the hash of the source the file now matches',
    run({ kb }, [arg], values, root) {
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
      writeAtomically(absolute, after);
      process.stdout.write(`${path}: ${plan.key} = ${plan.hash} (${plan.against})${values.method ? `, method: ${values.method}` : ''}.\n`);
      return 0;
    },
  },
};

/** Writes a file atomically: a temporary file beside it, then a rename. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

COMMANDS['export'] = {
  usage: 'export --locale ko [--stale] [--missing] [--article slug…] --out ko.xlf',
  summary: "XLIFF 2.0 of a language's work, for a vendor",
  async run({ kb }, args, values, root) {
    if (!values.locale || !isLocale(values.locale) || values.locale === SOURCE_LOCALE) return fail('export needs --locale ko (or zh, ja): the language to translate into');
    // `--article a b`: the option parser takes only `a`; the words after it are more slugs.
    if (args.length > 0 && !values.article) return fail(`export takes no words other than options: ${args.map((a) => `"${a}"`).join(', ')}. To choose articles, name them after --article (--article ${args.join(' ')}).`);
    const articles = [...(values.article ?? []), ...args];
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    let result;
    try {
      result = await exportXliff(kb, new SourceHistory(root), read, { locale: values.locale, stale: values.stale, missing: values.missing, articles });
    } catch (error) {
      if (error instanceof ExportError) return fail(error.message);
      throw error;
    }
    if (values.out === undefined) process.stdout.write(result.xml);
    else writeAtomically(resolve(values.out), result.xml);
    const where = values.out ?? 'standard output';
    process.stderr.write(`${where}: ${result.files.length} file(s), ${result.units} unit(s) for ${values.locale}${result.files.length === 0 ? ' (nothing to translate)' : ''}.\n`);
    return 0;
  },
};

COMMANDS['import-xliff'] = {
  usage: 'import-xliff <file.xlf> [--method human|machine]',
  summary: 'write its translations back (checked first; all or nothing)',
  async run(project, [file], values, root) {
    if (!file) return fail('import-xliff needs an XLIFF file: npm run kb -- import-xliff ko.xlf');
    const method = values.method ?? 'human';
    if (method !== 'human' && method !== 'machine') return fail('--method must be human or machine');
    let xml: string;
    try {
      xml = readFileSync(resolve(file), 'utf8');
    } catch {
      return fail(`${file}: cannot read the file (does it exist?)`);
    }
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const check = (texts: ReadonlyMap<string, string>): string[] => {
      const input = readProjectInput(root);
      input.content.articles = [
        ...input.content.articles.filter((a) => !texts.has(a.path)),
        ...[...texts].map(([path, text]) => ({ path, contentPath: relative(contentDirectory(root), join(root, path)).split('\\').join('/'), text })),
      ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const next = projectFromInput(input, project.parseCache);
      return runChecks(next.kb, next.checkOptions)
        .filter((d) => d.severity === 'error' && texts.has(d.file))
        .map((d) => `${d.file}:${d.line}:${d.column} error ${d.rule} ${d.message}`);
    };
    const plan = await planImport(project.kb, new SourceHistory(root), read, file, xml, { method, check });
    if (plan.errors.length > 0) {
      process.stderr.write(plan.errors.map((e) => `${e}\n`).join('') + `${file}: refused (${plan.errors.length} problem(s)); no file was changed.\n`);
      return 1;
    }
    for (const write of plan.writes) {
      writeAtomically(join(root, write.path), write.text);
      process.stdout.write(`${write.path}: ${write.units} unit(s) written; translated from today's English, method: ${method}.\n`);
    }
    process.stdout.write(`${file}: ${plan.writes.length} file(s) written, ${plan.unchanged.length} unchanged.\n`);
    return 0;
  },
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'usage: npm run kb -- <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    `  ${'--root DIR'.padEnd(width)}  project root (default: the current folder)`,
    `  ${'--help'.padEnd(width)}  this text`,
  ].join('\n') + '\n';
}

const CLI = { name: 'npm run kb', usage: usage(), allowPositionals: true, options: OPTIONS } as const;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, CLI);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (!name) return usageError(CLI, 'a command is needed').exit;
  const command = COMMANDS[name];
  if (!command) return usageError(CLI, `unknown command "${name}"`).exit;
  const root = resolve(values.root);
  return await command.run(await loadProject({ root }), args, values, root);
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
