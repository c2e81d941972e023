/**
 * Builds the site from another content folder in a throwaway project root, so that builds never
 * share Astro's `.astro/` folder or content cache with each other or with the working copy (two
 * builds in one root at the same time corrupt each other's content modules). Used by the build
 * tests, the browser tests and the benchmark; `content/` of the project is never touched.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

const COPIED = ['src', 'locales', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface IsolatedRoot {
  root: string;
  content: string;
  dist: string;
  remove(): void;
}

/** A fresh project root whose `content/` is a copy of `contentDir` (or empty, to be filled). */
export function createIsolatedRoot(contentDir?: string, prefix = 'kb-site-'): IsolatedRoot {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of COPIED) {
    const from = join(PROJECT_ROOT, entry);
    if (existsSync(from)) cpSync(from, join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const content = join(root, 'content');
  if (contentDir) cpSync(contentDir, content, { recursive: true });
  else mkdirSync(content);
  return { root, content, dist: join(root, 'dist'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface BuildResult {
  ok: boolean;
  output: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** The output's lines, each with the milliseconds from the start to its arrival. */
  lines: Array<{ text: string; at: number }>;
}

/**
 * Commits the root's content/ in a fresh one-commit repository with a fixed date, so pages get
 * the same "Last updated" dates on every run (comparable screenshots). Without git: no dates.
 */
export function commitContent(root: string, date = '2025-01-15T12:00:00Z'): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: 'fixture',
    GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
    GIT_COMMITTER_NAME: 'fixture',
    GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
  };
  try {
    for (const args of [['init', '-q'], ['add', 'content'], ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'fixture']]) {
      execFileSync('git', args, { cwd: root, env, stdio: 'ignore' });
    }
  } catch {
    // No git on the machine: pages simply have no dates.
  }
}

/**
 * The environment of a build: not a test runner's (with NODE_ENV=test or VITEST set, Astro builds
 * many times slower and in the wrong mode).
 */
function buildEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$|PROD$|DEV$|SSR$|BASE_URL$)/.test(key)),
  );
  return {
    ...inherited,
    NODE_ENV: 'production',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    PATH: `${join(PROJECT_ROOT, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
    ...extra,
  };
}

/** Runs `astro build` (with `args`, such as `--shard 1/2`) in a root with the project's own Node (24) and Astro. */
export function buildIn(root: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<BuildResult> {
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const node = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(existsSync(node) ? node : process.execPath, [astro, 'build', ...args], {
      cwd: root,
      env: buildEnvironment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const lines: BuildResult['lines'] = [];
    const pending = { stdout: '', stderr: '' };
    const take = (stream: keyof typeof pending) => (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const parts = (pending[stream] + text).split('\n');
      pending[stream] = parts.pop()!;
      const at = performance.now() - started;
      for (const line of parts) lines.push({ text: line, at });
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      for (const rest of [pending.stdout, pending.stderr]) if (rest) lines.push({ text: rest, at: ms });
      resolvePromise({ ok: code === 0, output, ms, lines });
    });
  });
}

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Runs `astro dev` in a root on a free port of 127.0.0.1; resolves once it serves `/`. */
export async function devIn(root: string, timeoutMs = 60_000): Promise<DevServer> {
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const node = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');
  const port = await freePort();
  const child = spawn(existsSync(node) ? node : process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: buildEnvironment({ NODE_ENV: 'development' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const server: DevServer = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev stopped (exit code ${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${server.url}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`astro dev did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
}
