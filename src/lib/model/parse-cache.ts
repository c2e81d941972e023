/**
 * A content-hash cache of `parseMdx` results, so a re-check parses only the files that changed,
 * and a cold run parses on every core. Entries are `<dir>/<key>.json`, where the key hashes the
 * parser's fingerprint (`parserFingerprint`: our parse code and the installed packages) and the
 * text, so a new parser never reads an old parser's entries.
 *
 * The folder is restored by CI from earlier runs and can be written by anything on the machine, so
 * an entry is used only if it verifies (`decodeEntry`): its header names its key and the SHA-256 of
 * its JSON, and the JSON has the shape of a parse (a tree no deeper than the parse allows). Any
 * other file is parsed again and overwritten. Whatever an entry holds, the renderer's allow-list
 * (`render/sanitize.ts`) decides what reaches a page.
 *
 * Usage: `const cache = createParseCache({ dir }); await cache.prime(texts);` then pass
 * `cache.parse` to `loadKnowledgeBase({ root, parse })` or `buildModel`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { MAX_NESTING_DEPTH, treeDepth } from '../mdx/depth.ts';
import { MdxSyntaxError, parseMdx, type ParsedMdx } from '../mdx/parse.ts';
import type { SourcePosition, TextEdit } from '../diagnostics.ts';

/**
 * Bump when the entry format or the shape of `ParsedMdx` changes (changes to the files under
 * `src/lib/mdx/` and to installed packages change the fingerprint by themselves).
 */
export const PARSER_VERSION = '9';

/** What is stored for one text: its parse, or the error that stopped it. */
export type CacheEntry =
  | { ok: true; parsed: ParsedMdx }
  | { ok: false; message: string; position: SourcePosition; rule: MdxSyntaxError['rule']; hint?: string | undefined; edits?: TextEdit[] | undefined };

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let fingerprint: string | undefined;

/**
 * The parser's version: `PARSER_VERSION`, the text of every file of our parse code
 * (`src/lib/mdx/*.ts`, and `src/lib/layout-ids.ts`, which heading ids avoid), and npm's record of the installed packages (`node_modules/.package-lock.json`,
 * which names the version of every package of the parse stack: micromark, mdast, remark, yaml …).
 * Computed once per process. Where the files cannot be read (a bundled copy of this module), the
 * fingerprint says so, and only `PARSER_VERSION` keys the cache.
 */
export function parserFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256').update(`partner-kb parse ${PARSER_VERSION}\0`);
  try {
    const mdxDir = fileURLToPath(new URL('../mdx/', import.meta.url));
    for (const name of readdirSync(mdxDir).filter((n) => n.endsWith('.ts')).sort()) {
      hash.update(`${name}\0`).update(readFileSync(join(mdxDir, name))).update('\0');
    }
    // The ids a derived heading id must avoid are part of what a parse gives.
    hash.update(readFileSync(fileURLToPath(new URL('../layout-ids.ts', import.meta.url)))).update('\0');
    hash.update(readFileSync(fileURLToPath(new URL('../../../node_modules/.package-lock.json', import.meta.url))));
  } catch {
    hash.update('sources unavailable');
  }
  return (fingerprint = hash.digest('hex'));
}

export function cacheKey(text: string): string {
  return createHash('sha256').update(parserFingerprint()).update('\0').update(text, 'utf8').digest('hex');
}

/** Parses one text into a cache entry (never throws for bad MDX). Also used by the worker. */
export function parseEntry(text: string): CacheEntry {
  try {
    return { ok: true, parsed: parseMdx(text) };
  } catch (error) {
    if (error instanceof MdxSyntaxError) return { ok: false, message: error.message, position: error.position, rule: error.rule, hint: error.hint, edits: error.edits };
    throw error;
  }
}

const ENTRY_HEADER = 'partner-kb-parse';

/** The on-disk form of an entry: `partner-kb-parse <key> <sha256 of json>\n<json>`. */
export function encodeEntry(key: string, json: string): string {
  return `${ENTRY_HEADER} ${key} ${sha256(json)}\n${json}`;
}

/**
 * The entry stored as `file` for `key`, if it verifies: the header names this key and the digest
 * of the JSON that follows, and the JSON has the shape of a `CacheEntry`. Undefined otherwise.
 */
export function decodeEntry(key: string, file: string): CacheEntry | undefined {
  const newline = file.indexOf('\n');
  if (newline < 0) return undefined;
  const [header, entryKey, digest, ...rest] = file.slice(0, newline).split(' ');
  const json = file.slice(newline + 1);
  if (header !== ENTRY_HEADER || entryKey !== key || rest.length > 0 || digest !== sha256(json)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return isCacheEntry(value) ? value : undefined;
}

type Shape = (value: unknown) => boolean;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Shape = (value) => typeof value === 'string';
const isLine: Shape = (value) => Number.isInteger(value) && (value as number) >= 1;
const isPosition: Shape = (value) => isObject(value) && isLine(value['line']) && isLine(value['column']);
const arrayOf = (item: Shape): Shape => (value) => Array.isArray(value) && value.every(item);
const withFields = (fields: Record<string, Shape>): Shape => (value) => isObject(value) && Object.entries(fields).every(([name, shape]) => shape(value[name]));
const positioned = (fields: Record<string, Shape>): Shape => (value) => isPosition(value) && withFields(fields)(value);
const optional = (shape: Shape): Shape => (value) => value === undefined || shape(value);

/** A hast tree as `to-hast.ts` makes it: roots, elements, text; iteratively, within the depth limit. */
function isHastRoot(value: unknown): boolean {
  if (!isObject(value) || value['type'] !== 'root') return false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) return false;
    if (node['type'] === 'text') {
      if (!isString(node['value'])) return false;
      continue;
    }
    if (node['type'] === 'element' ? !isString(node['tagName']) || !isObject(node['properties']) : node !== value) return false;
    const children = node['children'];
    if (!Array.isArray(children)) return false;
    for (const child of children) stack.push(child);
  }
  return treeDepth(value as Parameters<typeof treeDepth>[0]) <= MAX_NESTING_DEPTH * 2;
}

const isParsed = withFields({
  frontmatter: withFields({ keyLines: isObject, errors: arrayOf(withFields({ message: isString, position: isPosition })), startLine: optional(isLine) }),
  body: isString,
  bodyStartLine: isLine,
  headings: arrayOf(positioned({ depth: isLine, id: isString, text: isString })),
  links: arrayOf(positioned({ url: isString, kind: isString, text: isString })),
  elements: arrayOf(positioned({ attributes: arrayOf(positioned({ name: isString })) })),
  expressions: arrayOf(positioned({ value: isString })),
  esm: arrayOf(positioned({ value: isString })),
  sections: arrayOf(withFields({ id: isString, title: isString, text: isString, line: isLine })),
  hast: isHastRoot,
});

const ENTRY_RULES: ReadonlySet<unknown> = new Set<MdxSyntaxError['rule']>(['content/mdx-syntax', 'content/nesting-depth']);

function isCacheEntry(value: unknown): value is CacheEntry {
  if (!isObject(value)) return false;
  if (value['ok'] === true) return isParsed(value['parsed']);
  const isEdit = positioned({ find: isString, replace: isString });
  return (
    value['ok'] === false &&
    isString(value['message']) &&
    isPosition(value['position']) &&
    ENTRY_RULES.has(value['rule']) &&
    optional(isString)(value['hint']) &&
    optional(arrayOf(isEdit))(value['edits'])
  );
}

export interface ParseCacheOptions {
  /** Folder of the on-disk cache; memory only when absent. */
  dir?: string | undefined;
  /** Worker threads for `prime` (default: the machine's parallelism). 0 parses on the main thread. */
  workers?: number;
  /** Fewer cold texts than this are parsed on the main thread (a worker costs ~0.3 s to start). */
  minWorkerBatch?: number;
  /** Old-generation heap limit of each worker, in MB (default 256). */
  workerHeapMb?: number;
}

export interface ParseCacheStats {
  memory: number;
  disk: number;
  parsed: number;
  /** Texts parsed on worker threads (a subset of `parsed`). */
  inWorkers: number;
}

export interface ParseCache {
  /** `parseMdx` with the cache in front; throws `MdxSyntaxError` as `parseMdx` does. */
  parse(text: string): ParsedMdx;
  /** Parses the texts that are in no cache, on worker threads, and stores the results. */
  prime(texts: Iterable<string>): Promise<void>;
  /**
   * Keeps the disk cache to what is in use: removes the entries this cache has not used that are
   * older than `maxAgeMs` (default 7 days), and marks those it used as fresh. Call it after a run
   * that read the whole content. Runs at most once a day per folder (a `.swept` marker).
   */
  sweep(options?: SweepOptions): SweepResult;
  readonly stats: ParseCacheStats;
}

export interface SweepOptions {
  maxAgeMs?: number;
  /** The current time (tests). */
  now?: number;
}

export interface SweepResult {
  /** False when the folder was swept less than a day ago (or there is no disk cache). */
  swept: boolean;
  removed: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a parse worker posts: `[key, JSON of the entry]` pairs; null once it is done. */
export type WorkerBatch = Array<[key: string, json: string]>;

const madeDirs = new Set<string>();

/** Writes one entry to the disk cache, atomically (a cache that cannot be written only costs time). */
export function writeEntry(dir: string, key: string, json: string): void {
  try {
    if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
    const tmp = join(dir, `${key}.${process.pid}-${threadId}.tmp`);
    writeFileSync(tmp, encodeEntry(key, json));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // The next run parses this text again.
  }
}

export function createParseCache(options: ParseCacheOptions = {}): ParseCache {
  const memory = new Map<string, CacheEntry>();
  const stats: ParseCacheStats = { memory: 0, disk: 0, parsed: 0, inWorkers: 0 };
  const dir = options.dir;
  /** Every key this cache was asked for: the entries the current content needs. */
  const used = new Set<string>();

  const readDisk = (key: string): CacheEntry | undefined => {
    if (!dir) return undefined;
    try {
      return decodeEntry(key, readFileSync(join(dir, `${key}.json`), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const store = (key: string, entry: CacheEntry): void => {
    memory.set(key, entry);
    if (dir) writeEntry(dir, key, JSON.stringify(entry));
  };
  /** The entry of a text from memory or disk, else undefined. */
  const lookup = (key: string): CacheEntry | undefined => {
    const inMemory = memory.get(key);
    if (inMemory) {
      stats.memory++;
      return inMemory;
    }
    const onDisk = readDisk(key);
    if (onDisk) {
      stats.disk++;
      memory.set(key, onDisk);
    }
    return onDisk;
  };

  // A text seen before is not hashed again (V8 keeps a string's own hash, so this lookup is cheap).
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = cacheKey(text)));
    used.add(key);
    return key;
  };

  const sweep = (sweepOptions: SweepOptions = {}): SweepResult => {
    if (!dir || !existsSync(dir)) return { swept: false, removed: 0 };
    const now = sweepOptions.now ?? Date.now();
    const marker = join(dir, '.swept');
    try {
      if (now - statSync(marker).mtimeMs < DAY_MS) return { swept: false, removed: 0 };
    } catch {
      // Never swept.
    }
    const maxAge = sweepOptions.maxAgeMs ?? 7 * DAY_MS;
    const seconds = now / 1000;
    let removed = 0;
    for (const name of readdirSync(dir)) {
      const match = /^([0-9a-f]{64})\.json$/.exec(name);
      const path = join(dir, name);
      try {
        const age = now - statSync(path).mtimeMs;
        if (match && used.has(match[1]!)) {
          if (age > DAY_MS) utimesSync(path, seconds, seconds);
        } else if (age > maxAge && (match || name.endsWith('.tmp'))) {
          rmSync(path, { force: true });
          removed++;
        }
      } catch {
        // Gone meanwhile (another run): nothing to do.
      }
    }
    try {
      writeFileSync(marker, '');
      utimesSync(marker, seconds, seconds);
    } catch {
      // A folder that cannot be written is swept again next time.
    }
    return { swept: true, removed };
  };

  const parse = (text: string): ParsedMdx => {
    const key = keyOf(text);
    let entry = lookup(key);
    if (!entry) {
      entry = parseEntry(text);
      stats.parsed++;
      store(key, entry);
    }
    if (entry.ok) return entry.parsed;
    throw new MdxSyntaxError(entry.message, entry.position, entry);
  };

  const prime = async (texts: Iterable<string>): Promise<void> => {
    const cold = new Map<string, string>();
    for (const text of texts) {
      const key = keyOf(text);
      if (!cold.has(key) && !memory.has(key)) {
        const onDisk = readDisk(key);
        if (onDisk) memory.set(key, onDisk);
        else cold.set(key, text);
      }
    }
    const jobs = [...cold];
    const wanted = options.workers ?? availableParallelism();
    const count = Math.min(wanted, Math.ceil(jobs.length / (options.minWorkerBatch ?? 32)));
    if (count <= 0 || jobs.length < (options.minWorkerBatch ?? 32)) {
      for (const [key, text] of jobs) {
        store(key, parseEntry(text));
        stats.parsed++;
      }
      return;
    }
    // Interleave so each worker gets a similar mix of long and short files.
    const chunks: Array<Array<[string, string]>> = Array.from({ length: count }, () => []);
    jobs.forEach((job, i) => chunks[i % count]!.push(job));
    await Promise.all(
      chunks.map(
        (chunk) =>
          new Promise<void>((resolve) => {
            // Workers write the disk cache themselves and post entries as JSON in batches while
            // they parse, so little is left to do here when the last file is parsed.
            const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
              workerData: { jobs: chunk, dir },
              // A worker keeps nothing between files, but left alone V8 grows its heap for garbage,
              // and a thread's heap stays in the process's memory after it exits: 1.0 -> 0.64 GB
              // at 5,000 files, in the same time. A file too large for it is parsed here instead.
              resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 256, maxYoungGenerationSizeMb: 32 },
            });
            worker.on('message', (batch: WorkerBatch | null) => {
              if (batch === null) {
                void worker.terminate();
                resolve();
                return;
              }
              for (const [key, json] of batch) memory.set(key, JSON.parse(json) as CacheEntry);
              stats.parsed += batch.length;
              stats.inWorkers += batch.length;
            });
            worker.once('error', () => {
              // A worker that fails (for example, no worker support) only costs time.
              for (const [key, text] of chunk) {
                if (memory.has(key)) continue;
                store(key, parseEntry(text));
                stats.parsed++;
              }
              resolve();
            });
          }),
      ),
    );
  };

  return { parse, prime, sweep, stats };
}
