/**
 * The bytes one cold search downloads, per language: serves a built site on 127.0.0.1, loads the
 * site's own `pagefind.js` in Node as a browser would, searches once (the query prepared as the
 * search UI prepares it) and loads the first result's data. Every fetched byte is counted, plus
 * `pagefind.js` itself at its gzip size (what a browser downloads from a compressing host).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { countingFetch, gzipBytes, type FetchRecord } from './bytes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** Text a compressing host sends gzip-encoded (Pagefind's own files are gzip already). */
const COMPRESSED = new Set(['.html', '.js', '.json', '.css']);

/**
 * A minimal static server for a built site. With `gzip`, text files are sent gzip-encoded, as a
 * static host that compresses does (for measuring transfer sizes in a browser).
 */
export async function serveStatic(dir: string, options: { gzip?: boolean } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.gzip && COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SearchCost {
  language: string;
  query: string;
  results: number;
  firstUrl: string | undefined;
  /** pagefind.js at gzip size. */
  pagefindJsGzip: number;
  /** Everything fetched: entry, meta, wasm, index chunks, filters, the first fragment. */
  fetched: number;
  total: number;
  records: FetchRecord[];
}

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(language?: string): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
  destroy?(): Promise<void>;
}

/**
 * One cold search on a page whose `<html lang>` is `htmlLang` (`en`, `ko`, `zh-CN`, `ja`), with the
 * reader's cloud filter as the site's search UI sends it.
 *
 * Pagefind 1.6 ignores any language passed to `init()`: it reads `<html lang>` of the document
 * (lower-cased, so `zh-CN` selects the `zh-cn` index; an unknown language falls back to the index
 * with the most pages). In Node there is no document, so a stub answers that one question for the
 * duration of the measurement; without it every language would search the English index.
 */
export async function measureSearch(distDir: string, baseUrl: string, htmlLang: string, query: string, filters: Record<string, string> = {}): Promise<SearchCost> {
  const language = htmlLang.toLowerCase();
  const script = join(distDir, 'pagefind', 'pagefind.js');
  const counter = countingFetch(globalThis.fetch);
  const original = globalThis.fetch;
  const g = globalThis as { document?: unknown };
  const hadDocument = 'document' in g;
  const originalDocument = g.document;
  globalThis.fetch = counter.fetch;
  try {
    // A fresh module instance per measurement: Pagefind keeps its state at module level.
    const pf = (await import(`${pathToFileURL(script).href}?bench=${language}-${Date.now()}`)) as PagefindModule;
    // After the import: at load time the module takes a document to mean a browser with `location`.
    g.document = { currentScript: null, querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? htmlLang : null) } : null) };
    await pf.options({ basePath: `${baseUrl}/pagefind/`, excerptLength: 24 });
    await pf.init();
    const search = await pf.search(query, { filters });
    const first = search.results[0] ? await search.results[0].data() : undefined;
    await pf.destroy?.();
    const pagefindJsGzip = gzipBytes(readFileSync(script));
    const fetched = counter.total();
    return { language, query, results: search.results.length, firstUrl: first?.url, pagefindJsGzip, fetched, total: pagefindJsGzip + fetched, records: [...counter.records] };
  } finally {
    globalThis.fetch = original;
    if (hadDocument) g.document = originalDocument;
    else delete g.document;
  }
}
