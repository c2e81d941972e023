/**
 * Opt-in external link check (`--external`): each distinct http(s) URL is fetched once, with a
 * timeout, and the answer is kept in an on-disk cache for a day. Never on by default and never in
 * tests: the fetcher is injected.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from './context.ts';
import type { LinkIndex } from './link-index.ts';

export interface FetchOutcome {
  ok: boolean;
  /** HTTP status, or 0 when there was no answer. */
  status: number;
  /** Why it failed (`timeout`, `ENOTFOUND` …). */
  reason?: string;
}

export type Fetcher = (url: string, signal: AbortSignal) => Promise<FetchOutcome>;

export interface ExternalCache {
  get(url: string): (FetchOutcome & { checkedAt: number }) | undefined;
  set(url: string, outcome: FetchOutcome & { checkedAt: number }): void;
  save(): void;
}

export interface ExternalOptions {
  fetcher: Fetcher;
  cache?: ExternalCache;
  timeoutMs?: number;
  /** Entries younger than this are trusted. Default one day. */
  maxAgeMs?: number;
  concurrency?: number;
  now?: () => number;
}

/** The default fetcher: HEAD, then GET when HEAD is refused. */
export const httpFetcher: Fetcher = async (url, signal) => {
  try {
    let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal });
    if (response.status === 405 || response.status === 403) response = await fetch(url, { method: 'GET', redirect: 'follow', signal });
    return { ok: response.ok, status: response.status };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string }; message: string };
    return { ok: false, status: 0, reason: e.name === 'AbortError' || e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message) };
  }
};

/** A JSON file cache (`node_modules/.cache/partner-kb/external.json`), written atomically. */
export function fileCache(path: string): ExternalCache {
  let data: Record<string, FetchOutcome & { checkedAt: number }> = {};
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as typeof data;
  } catch {
    data = {};
  }
  return {
    get: (url) => data[url],
    set: (url, outcome) => {
      data[url] = outcome;
    },
    save: () => {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, path);
    },
  };
}

export async function checkExternalLinks(links: LinkIndex, options: ExternalOptions): Promise<Diagnostic[]> {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const timeout = options.timeoutMs ?? 10_000;
  // URL → where it is written (each file position once).
  const where = new Map<string, Map<string, { file: string; line: number; column: number }>>();
  for (const { resolution, file, link } of links.all) {
    if (resolution.kind !== 'external' || !/^https?:/i.test(resolution.href)) continue;
    let at = where.get(resolution.href);
    if (!at) where.set(resolution.href, (at = new Map()));
    at.set(`${file.path}:${link.line}:${link.column}`, { file: file.path, line: link.line, column: link.column });
  }
  const outcomes = new Map<string, FetchOutcome>();
  const queue = [...where.keys()];
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const cached = options.cache?.get(url);
      if (cached && now() - cached.checkedAt < maxAge) {
        outcomes.set(url, cached);
        continue;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeout);
      let outcome: FetchOutcome;
      try {
        outcome = await options.fetcher(url, controller.signal);
      } catch (error) {
        outcome = { ok: false, status: 0, reason: (error as Error).message };
      } finally {
        clearTimeout(timer);
      }
      outcomes.set(url, outcome);
      options.cache?.set(url, { ...outcome, checkedAt: now() });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  options.cache?.save();

  const out: Diagnostic[] = [];
  for (const [url, at] of where) {
    const outcome = outcomes.get(url);
    if (!outcome || outcome.ok) continue;
    const why = outcome.status > 0 ? `answered ${outcome.status}` : `did not answer (${outcome.reason ?? 'no response'})`;
    for (const position of at.values()) {
      out.push(diagnostic('link/external-unreachable', position.file, position, `The external URL "${url}" ${why}.`, 'Check the URL in a browser; update or remove the link if the page has moved.'));
    }
  }
  return out;
}
