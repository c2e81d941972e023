/**
 * Builds the site the e2e tests run against, in a temp folder: a copy of the project (sources,
 * UI strings, public files, config) and of content/, plus the fixture articles of
 * `fixture-content/`, built with `KB_CONTENT_DIR`. Building in a private copy keeps this build from
 * racing other builds in the checkout over `.astro/` and `node_modules/.astro/`.
 *
 * E2E_FROM=worktree (default) copies the files on disk, as the unit tests see them;
 * E2E_FROM=head copies git HEAD's, so a run in a shared checkout is not broken by someone's
 * half-done, uncommitted edit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(REPO, 'tests/e2e/fixture-content');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const PROJECT_FILES = ['src', 'locales', 'public', 'content', 'package.json', 'tsconfig.json', 'astro.config.mjs'];

/** Copies the project files the build needs into `root`, from the working tree or git HEAD. */
function copyProject(root: string): void {
  const from = process.env['E2E_FROM'] ?? 'worktree';
  if (from === 'head') {
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', ...PROJECT_FILES], { cwd: REPO, maxBuffer: 512 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    return;
  }
  if (from !== 'worktree') throw new Error(`E2E_FROM must be "worktree" or "head", not "${from}"`);
  for (const entry of PROJECT_FILES) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
}

/**
 * Lays the fixture articles over the copied content. `always/` files are written as they are;
 * an `if-missing/` group (one English file and its translations) only when the real content does
 * not have the English file. Returns the content paths written.
 */
export function overlayFixtures(content: string): string[] {
  const written: string[] = [];
  for (const rel of filesUnder(join(FIXTURES, 'always'))) {
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    cpSync(join(FIXTURES, 'always', rel), join(content, rel));
    written.push(rel);
  }
  const optional = filesUnder(join(FIXTURES, 'if-missing'));
  const name = (rel: string) => rel.slice(rel.indexOf('/') + 1);
  const missingEnglish = new Set(optional.filter((rel) => rel.startsWith('en/') && !existsSync(join(content, rel))).map(name));
  for (const rel of optional) {
    if (!missingEnglish.has(name(rel)) || existsSync(join(content, rel))) continue;
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    cpSync(join(FIXTURES, 'if-missing', rel), join(content, rel));
    written.push(rel);
  }
  // Hashes only cover title, description and body, never front matter, so one pass is enough.
  for (const rel of written) {
    const path = join(content, rel);
    const text = readFileSync(path, 'utf8');
    const resolved = text.replace(/\{\{hash:([^}]+)\}\}/g, (_, source: string) => {
      const hash = provenanceHashOfSource(readFileSync(join(content, source), 'utf8'));
      if (!hash) throw new Error(`${rel}: cannot hash ${source}`);
      return hash;
    });
    if (resolved !== text) writeFileSync(path, resolved);
  }
  return written;
}

/** The Node that runs Astro: this one if recent enough, else the project's (node_modules/node). */
function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  return join(REPO, 'node_modules/.bin/node');
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-6000)}`))));
  });
}

/** Builds the fixture site under `workDir` and returns the folder of the built HTML. */
export async function buildFixtureSite(workDir: string): Promise<{ dist: string; content: string; written: string[] }> {
  const root = join(workDir, 'root');
  mkdirSync(root, { recursive: true });
  copyProject(root);
  renameSync(join(root, 'astro.config.mjs'), join(root, 'astro.base.mjs'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import base from './astro.base.mjs';\nexport default { ...base, cacheDir: './.astro-cache/' };\n",
  );
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');

  const content = join(root, 'content');
  const written = overlayFixtures(content);

  // A one-commit repository, so "Last updated" dates and the stale notice's date render as in
  // production (and are the same on every run, for comparable screenshots).
  const date = '2025-01-15T12:00:00Z';
  const gitEnv = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid' };
  try {
    await run('git', ['init', '-q'], { cwd: root, env: gitEnv });
    await run('git', ['add', 'content'], { cwd: root, env: gitEnv });
    await run('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'fixture'], { cwd: root, env: gitEnv });
  } catch {
    // Without git the pages have no dates; nothing the tests rely on.
  }

  const dist = join(workDir, 'dist');
  // Not vitest's environment: with NODE_ENV=test (or VITEST set) Astro builds many times slower.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$|PROD$|DEV$|SSR$|BASE_URL$)/.test(key)),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    KB_CONTENT_DIR: content,
    PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  await run(nodeBinary(), [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: root, env });
  return { dist, content, written };
}
