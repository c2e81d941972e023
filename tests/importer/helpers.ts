/** Shared helpers of the importer tests (not a test file itself). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { InputFile } from '../../src/lib/importer/index.ts';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/importer/fixtures');
/** The seeds in ../shared/seeds beside the project (as on the team's machines and in CI). */
export const SEEDS_DIR = process.env['PARTNER_KB_SEEDS'] ?? join(ROOT, '..', 'shared', 'seeds');
export const SEEDS = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

const tempDirs: string[] = [];
// Registered in each test file that imports these helpers (vitest isolates modules per file).
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-import-'));
  tempDirs.push(dir);
  return dir;
}

export function seed(name: string): InputFile {
  const file = SEEDS.find((f) => f.startsWith(name));
  if (!file) throw new Error(`no seed ${name}`);
  return { file, text: readFileSync(join(SEEDS_DIR, file), 'utf8') };
}

export function fixture(path: string): InputFile {
  return { file: `fixtures/${path}`, text: readFileSync(join(FIXTURES, path), 'utf8') };
}

/** 1-based line of the first line containing `marker` (so tests never hard-code a line number). */
export function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker not found: ${marker}`);
  return index + 1;
}

/** Every file under a directory (relative path → content and mtime), to prove nothing changed. */
export function snapshotDir(dir: string): Record<string, { text: string; mtimeMs: number }> {
  const out: Record<string, { text: string; mtimeMs: number }> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = { text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
    }
  };
  walk(dir);
  return out;
}

export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const node = join(ROOT, 'node_modules/.bin/node');
  const result = spawnSync(node, [join(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
