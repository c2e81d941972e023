/**
 * The check baseline: a committed list of accepted findings, so that a repository migrated with
 * real, known faults (broken links DocFX tolerated) can land, and from then on only improve.
 *
 * `npm run check -- --update-baseline` writes every current error and warning to
 * `<content>/.check-baseline.json`, next to the content it describes. Later runs (and the build)
 * leave out findings that are in it, fail only on the others, and always say how many were left
 * out. An entry that no longer occurs (the fault was fixed) is reported as stale, and
 * `--prune-baseline` removes such entries without accepting anything new, so the file only shrinks.
 *
 * An entry is keyed by rule, file and a fingerprint that survives edits elsewhere in the file:
 * a hash of the rule, the file, the message with line numbers and hashes taken out, and the text
 * of the line the finding is on (the idea of GitHub code scanning's line hash). Moving the line
 * keeps the entry; changing the line itself makes the finding new. Paths in the file, and those of
 * other files a message names, are relative to the file's own folder, so content moved with its
 * baseline (an import in `../kb-import` that becomes `content/`) keeps it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { UserError } from '../user-error.ts';

/** The baseline's file name, in the content folder. */
export const BASELINE_FILE = '.check-baseline.json';

export interface BaselineEntry {
  rule: string;
  /** Relative to the baseline file's folder, forward slashes (`en/x.mdx`, `../locales/ko/ui.json`). */
  file: string;
  fingerprint: string;
  /** The message when it was accepted, for people reading the file; not part of the key. */
  message: string;
}

export interface Baseline {
  /** Absolute path of the file. */
  path: string;
  /** Whether the file exists (a run with a baseline always says how many findings it left out). */
  exists: boolean;
  entries: BaselineEntry[];
}

export interface BaselineOutcome {
  /** Findings not in the baseline: what is reported and decides the exit code. */
  reported: Diagnostic[];
  /** Findings the baseline accepts. */
  baselined: Diagnostic[];
  /** Entries that matched no finding: the fault was fixed, the entry can go (`--prune-baseline`). */
  stale: BaselineEntry[];
}

/** A baseline file that cannot be read: a user error with the file and what to do. */
export class BaselineError extends UserError {}

/** Severities a baseline records: errors and warnings (info lines never fail anything). */
const RECORDED = new Set(['error', 'warning']);

/** The text of a line of a project file (root-relative path), or undefined when not known. */
export type LineText = (file: string, line: number) => string | undefined;

/** Reads the baseline next to a content folder; an empty one when there is no file. */
export function readBaseline(contentDir: string): Baseline {
  const path = join(contentDir, BASELINE_FILE);
  if (!existsSync(path)) return { path, exists: false, entries: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineError(`${path}: not valid JSON (${(error as Error).message}); restore it from git, or write a new one with npm run check -- --update-baseline`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings) || !findings.every(isEntry)) {
    throw new BaselineError(`${path}: expected { "findings": [{ "rule", "file", "fingerprint", "message" }] }; restore it from git, or write a new one with npm run check -- --update-baseline`);
  }
  return { path, exists: true, entries: findings };
}

function isEntry(value: unknown): value is BaselineEntry {
  const e = value as Record<string, unknown> | null;
  return e !== null && typeof e === 'object' && ['rule', 'file', 'fingerprint', 'message'].every((k) => typeof e[k] === 'string');
}

/**
 * The message without what changes when unrelated text moves: line numbers, hashes, and the path
 * of the content folder (`folder`, root-relative with a trailing `/`) before the other files it
 * names, as in the entries' own `file`.
 */
function stableMessage(message: string, folder: string): string {
  return (folder === '' ? message : message.split(folder).join(''))
    .replace(/(\.mdx?|\.ya?ml|\.json|\.html):\d+(?::\d+)?/g, '$1:N')
    .replace(/\b(line|column)s? \d+/g, '$1 N')
    .replace(/\b[0-9a-f]{16}\b/g, 'HASH');
}

/**
 * A finding's fingerprint (see the file comment). `folder` is the baseline's folder relative to the
 * project root, with a trailing `/` (`content/`, `../kb-import/`), or '' for the root itself.
 */
export function fingerprint(d: Diagnostic, file: string, lineText: LineText, folder = ''): string {
  const line = (lineText(d.file, d.line) ?? '').trim().replace(/\s+/g, ' ');
  return createHash('sha256').update([d.rule, file, stableMessage(d.message, folder), line].join('\0')).digest('hex').slice(0, 16);
}

/** The baseline's folder as `fingerprint` takes it. */
function folderOf(baseline: Pick<Baseline, 'path'>, root: string): string {
  const folder = relative(root, dirname(baseline.path)).split(sep).join(posix.sep);
  return folder === '' ? '' : `${folder}/`;
}

/** A root-relative path as the baseline writes it (relative to the baseline's folder). */
function entryFile(baseline: Pick<Baseline, 'path'>, root: string, file: string): string {
  return relative(dirname(baseline.path), join(root, file)).split(sep).join(posix.sep);
}

const key = (e: Pick<BaselineEntry, 'rule' | 'file' | 'fingerprint'>): string => `${e.rule}\0${e.file}\0${e.fingerprint}`;

/**
 * Splits findings into reported and baselined. Entries match as a multiset: two identical
 * findings need two entries. A baselined root takes its consequences with it.
 */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, root: string, lineText: LineText): BaselineOutcome {
  const available = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) available.set(key(e), [...(available.get(key(e)) ?? []), e]);
  const reported: Diagnostic[] = [];
  const baselined: Diagnostic[] = [];
  const folder = folderOf(baseline, root);
  for (const d of diagnostics) {
    const file = entryFile(baseline, root, d.file);
    const list = RECORDED.has(d.severity) ? available.get(key({ rule: d.rule, file, fingerprint: fingerprint(d, file, lineText, folder) })) : undefined;
    if (list && list.length > 0) {
      list.pop();
      baselined.push(d);
    } else reported.push(d);
  }
  return { reported, baselined, stale: [...available.values()].flat() };
}

/** A baseline that accepts every current error and warning. */
export function baselineOf(diagnostics: readonly Diagnostic[], path: string, root: string, lineText: LineText): Baseline {
  const folder = folderOf({ path }, root);
  const entries = diagnostics
    .filter((d) => RECORDED.has(d.severity))
    .map((d) => {
      const file = entryFile({ path }, root, d.file);
      return { rule: d.rule, file, fingerprint: fingerprint(d, file, lineText, folder), message: d.message };
    });
  return { path, exists: true, entries };
}

/** The baseline without its stale entries (never adds one). */
export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const drop = new Map<string, number>();
  for (const e of stale) drop.set(key(e), (drop.get(key(e)) ?? 0) + 1);
  const entries = baseline.entries.filter((e) => {
    const n = drop.get(key(e)) ?? 0;
    if (n === 0) return true;
    drop.set(key(e), n - 1);
    return false;
  });
  return { path: baseline.path, exists: true, entries };
}

/** Writes a baseline atomically, sorted, one entry per line (small diffs in review). */
export function writeBaseline(baseline: Baseline): void {
  const text = (s: string, t: string): number => (s < t ? -1 : s > t ? 1 : 0);
  const entries = [...baseline.entries].sort((a, b) => text(a.file, b.file) || text(a.rule, b.rule) || text(a.fingerprint, b.fingerprint));
  const lines = entries.map((e) => `    ${JSON.stringify({ rule: e.rule, file: e.file, fingerprint: e.fingerprint, message: e.message })}`);
  const body = [
    '{',
    '  "about": "Findings of npm run check accepted when this tree was baselined. npm run check and the build fail only on findings not listed here. Fix one, then run npm run check -- --prune-baseline; never add entries by hand.",',
    `  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]`,
    '}',
    '',
  ].join('\n');
  const tmp = `${baseline.path}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, baseline.path);
}
