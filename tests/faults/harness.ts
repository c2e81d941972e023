/**
 * The fault-injection harness: a small, clean project (`base/`) copied to a temporary folder, one
 * fault written into it, `npm run check`'s own pipeline (checkProject) run on it, and the hint's fix
 * applied as an author would follow it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits } from '../../src/lib/checks/fix.ts';
import { checkProject } from '../../src/lib/checks/project.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { format } from '../../src/lib/report/index.ts';

export const BASE = fileURLToPath(new URL('./base/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of the base project that a fault is written into. */
export class Tree {
  readonly root: string;
  constructor(from = BASE) {
    this.root = mkdtempSync(join(tmpdir(), 'kb-fault-'));
    cpSync(from, this.root, { recursive: true });
  }
  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }
  write(path: string, text: string): void {
    writeFileSync(join(this.root, path), text);
  }
  /** Replaces the first occurrence of `find` (which must be there) in a file. */
  edit(path: string, find: string | RegExp, replace: string): void {
    const text = this.read(path);
    const next = text.replace(find, replace);
    if (next === text) throw new Error(`fixture: ${String(find)} not found in ${path}`);
    this.write(path, next);
  }
  append(path: string, text: string): void {
    this.write(path, this.read(path) + text);
  }
  remove(path: string): void {
    rmSync(join(this.root, path));
  }
  rename(from: string, to: string): void {
    renameSync(join(this.root, from), join(this.root, to));
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface Checked {
  /** Every finding, folded, in report order. */
  all: Diagnostic[];
  /** The human report with every line and consequence (`npm run check -- --verbose`). */
  output: string;
}

/** `npm run check` on a tree, in process (no parse cache on disk). */
export async function checkTree(root: string): Promise<Checked> {
  const { outcome } = await checkProject({ root, diskCache: false });
  return { all: outcome.reported, output: format(outcome.reported, 'human', { verbose: true }) };
}

/** Follows a finding's fix in a tree: its edits, its rename, or its command (run for real). */
export function applyFix(root: string, d: Diagnostic): void {
  const fix = d.fix;
  if (!fix) throw new Error(`${d.rule} has no fix`);
  if ('rename' in fix) {
    renameSync(join(root, fix.rename.from), join(root, fix.rename.to));
  } else if ('command' in fix) {
    const [npm, run, script, dashes, ...args] = fix.command;
    if (npm !== 'npm' || run !== 'run' || dashes !== '--' || !script) throw new Error(`unexpected command ${fix.command.join(' ')}`);
    const r = spawnSync(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'scripts', `${script}.ts`), ...args, '--root', root], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${fix.command.join(' ')} failed: ${r.stderr}`);
  } else {
    const byFile = new Map<string, typeof fix.edits>();
    for (const edit of fix.edits) {
      const file = edit.file ?? d.file;
      byFile.set(file, [...(byFile.get(file) ?? []), edit]);
    }
    for (const [file, edits] of byFile) {
      const path = join(root, file);
      writeFileSync(path, applyEdits(readFileSync(path, 'utf8'), edits));
    }
  }
}

/**
 * What a hint must say for its fix: the command it runs, the new name, or for each edit the words
 * it changes (what is written, or for a deletion the start of what is deleted).
 */
export function fixWords(d: Diagnostic): string[] {
  const fix = d.fix;
  if (!fix) return [];
  if ('rename' in fix) return [fix.rename.to];
  if ('command' in fix) return [fix.command.join(' ')];
  return fix.edits.map((e) => changedWords(e.find, e.replace));
}

/** The part of `replace` that differs from `find`, widened to whole words; for a deletion, the first word deleted. */
function changedWords(find: string, replace: string): string {
  let start = 0;
  while (start < find.length && start < replace.length && find[start] === replace[start]) start++;
  let end = 0;
  while (end < find.length - start && end < replace.length - start && find[find.length - 1 - end] === replace[replace.length - 1 - end]) end++;
  const deleted = replace.length - start - end <= 0;
  const text = deleted ? find : replace;
  let from = start;
  let to = text.length - end;
  // Widen to whole words only where the difference starts or ends inside one.
  while (from > 0 && from < text.length && /[\w#-]/.test(text[from]!) && /[\w#-]/.test(text[from - 1]!)) from--;
  while (to > 0 && to < text.length && /[\w#-]/.test(text[to - 1]!) && /[\w#-]/.test(text[to]!)) to++;
  const words = text.slice(from, to).replace(/^[\s,]+|[\s,]+$/g, '');
  return deleted ? (/^<?[\w-]+|^\S/.exec(words)?.[0] ?? words) : words;
}

/** 1-based line and column of the first occurrence of `text` in a file's text. */
export function positionOf(fileText: string, text: string): { line: number; column: number } {
  const offset = fileText.indexOf(text);
  if (offset < 0) throw new Error(`fixture: "${text}" not found`);
  const before = fileText.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
