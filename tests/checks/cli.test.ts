/** The CLIs end to end on a fixture project copied to a temp folder (the parse cache writes there). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, lineOf } from './helpers.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const node = join(repo, 'node_modules/.bin/node');
let root: string;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return bare(script, ['--root', root, ...args], env);
}

/** A script with exactly these arguments, run from the project copy. */
function bare(script: string, args: string[], env: Record<string, string> = {}) {
  const { GITHUB_STEP_SUMMARY: _, ...rest } = process.env;
  const r = spawnSync(node, [join(repo, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...rest, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kb-cli-'));
  cpSync(fileURLToPath(new URL('./fixtures/project/', import.meta.url)), root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run check', () => {
  const page = readFileSync(fileURLToPath(new URL('./fixtures/project/content/en/page.mdx', import.meta.url)), 'utf8');

  it('prints human diagnostics and exits 1 on an error', () => {
    const r = run('check.ts', []);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`content/en/page.mdx:${lineOf(page, '[a typo]')}:${page.split('\n')[lineOf(page, '[a typo]') - 1]!.indexOf('[a typo]') + 1} error link/missing-article The link "pagee.mdx" points to an article "pagee" that does not exist.\n  hint: Replace "pagee.mdx" with "page.mdx".`);
    expect(r.out).toMatch(/\n1 error, 1 warning, 2 info\n$/);
  });

  it('--format json and github; --summary writes Markdown and appends to $GITHUB_STEP_SUMMARY', () => {
    const json = JSON.parse(run('check.ts', ['--format', 'json']).out);
    expect(json.summary).toEqual({ errors: 1, warnings: 1, info: 2 });
    const summaryFile = join(root, 'summary.md');
    const stepSummary = join(root, 'step.md');
    writeFileSync(stepSummary, 'before\n');
    const gh = run('check.ts', ['--format', 'github', '--summary', summaryFile], { GITHUB_STEP_SUMMARY: stepSummary });
    expect(gh.out).toContain('::error file=content/en/page.mdx,line=');
    expect(readFileSync(summaryFile, 'utf8')).toContain('### partner-kb check');
    expect(readFileSync(stepSummary, 'utf8')).toMatch(/^before\n### partner-kb check/);
    expect(run('check.ts', ['--format', 'xml']).code).toBe(2);
  });

  it('--output writes the report to a file, so npm\'s banner cannot corrupt it; --quiet keeps errors only (issue 14, 7)', () => {
    const out = join(root, 'report.json');
    const r = run('check.ts', ['--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary).toEqual({ errors: 1, warnings: 1, info: 2 });
    expect(r.out).toBe(`1 error, 1 warning, 2 info (report: ${out})\n`);
    const quiet = run('check.ts', ['--quiet']).out;
    expect(quiet).toContain('error link/missing-article');
    expect(quiet).not.toMatch(/ warning content|info translation/);
    // Errors first, then warnings; info lines summarized per rule.
    const human = run('check.ts', []).out.split('\n');
    expect(human.findIndex((l) => / error /.test(l))).toBeLessThan(human.findIndex((l) => / warning /.test(l)));
    expect(human).toContain('info translation/missing: 2 files (An article variant has no translation in a locale); npm run check -- --verbose lists them');
  });

  it('warnings fail only with --strict', () => {
    writeFileSync(join(root, 'content/en/page.mdx'), page.replace('[a typo](pagee.mdx)', 'text'));
    expect(run('check.ts', []).code).toBe(0);
    expect(run('check.ts', ['--strict']).code).toBe(1);
  });
});

describe('every script answers --help with its usage, and a wrong option with the usage and exit 2 (issue 14, 9)', () => {
  it.each(['check.ts', 'kb.ts', 'bench.ts', 'import.ts'])('%s', (script) => {
    const help = bare(script, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: npm run \w+ --/);
    const wrong = bare(script, ['--no-such-option']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--no-such-option[^\n]*\nusage: npm run \w+ --/);
    expect(wrong.err).not.toMatch(/\n\s+at /);
  });
});

// Issue 14 review, item 10: the scripts that still threw or exited 1 without their usage.
describe('build:merge, lock:repair and npm test answer --help and a wrong option like the others', () => {
  it.each([
    ['merge.ts', 'npm run build:merge'],
    ['repair-lockfile.mjs', 'npm run lock:repair'],
    ['test.ts', 'npm test'],
  ])('%s', (script, name) => {
    const help = bare(script, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out.startsWith(`usage: ${name}`)).toBe(true);
    const wrong = bare(script, ['--bogus']);
    expect(wrong.code).toBe(2);
    expect(wrong.err.startsWith(`${name}: Unknown option`)).toBe(true);
    expect(wrong.err.split('\n')[1]!.startsWith(`usage: ${name}`)).toBe(true);
    expect(wrong.err).not.toMatch(/\n\s+at /);
  });
});

describe('npm run kb', () => {
  it('ack of a path that does not exist says so, with the accepted forms', () => {
    const r = run('kb.ts', ['ack', 'en/page.mdx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("npm run kb: en/page.mdx: file not found. Give the file's path from the current folder or from the project root, such as content/ko/customer-support.mdx; did you mean content/en/page.mdx?\n");
  });

  it('ack records the source hash, status shows the matrix', () => {
    const en = readFileSync(join(root, 'content/en/other.mdx'), 'utf8');
    const ko = '---\ntitle: 다른\nclouds: [global]\ntranslation:\n  sourceHash: aaaaaaaaaaaaaaaa\n  method: machine\n---\n\n## 섹션 {/* #section */}\n';
    mkdirSync(join(root, 'content/ko'), { recursive: true });
    writeFileSync(join(root, 'content/ko/other.mdx'), ko);
    expect(run('kb.ts', ['status', '--format', 'markdown']).out).toContain('| other | global | outdated* | missing | missing |');
    const r = run('kb.ts', ['ack', join(root, 'content/ko/other.mdx'), '--method', 'human']);
    expect(r.err).toBe('');
    expect(readFileSync(join(root, 'content/ko/other.mdx'), 'utf8')).toBe(ko.replace('aaaaaaaaaaaaaaaa', hashOf(en)).replace('machine', 'human'));
    expect(run('kb.ts', ['status', '--format', 'markdown']).out).toContain('| other | global | up to date | missing | missing |');
  });

  it('export --article takes every slug after it (--article page other), and refuses a stray word', () => {
    const both = run('kb.ts', ['export', '--locale', 'ko', '--article', 'page', 'other']);
    expect(both.err).toMatch(/2 file\(s\)/);
    expect(both.out).toContain('<file id="page">');
    expect(both.out).toContain('<file id="other">');
    const stray = run('kb.ts', ['export', '--locale', 'ko', 'page']);
    expect(stray.code).toBe(2);
    expect(stray.out).toBe('');
    expect(stray.err).toBe('npm run kb: export takes no words other than options: "page". To choose articles, name them after --article (--article page).\n');
  });
});
