/**
 * Byte counting for the page-weight and search-cost measurements: gzip sizes, the scripts a page
 * runs before any interaction, and a fetch wrapper that counts response bytes.
 */
import { gzipSync } from 'node:zlib';

/** Bytes of a text in UTF-8. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The gzip size of a text or buffer at level 9 (as a static host would precompress it). */
export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 }).length;
}

export interface PageScripts {
  /** Bodies of inline classic/module scripts (run on load). */
  inline: string[];
  /** URLs of external scripts and module preloads the page loads on its own. */
  external: string[];
}

const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  if (m) return m[1] ?? m[2] ?? m[3] ?? '';
  return new RegExp(`(?:^|\\s)${name}(?=\\s|$)`, 'i').test(attrs) ? '' : undefined;
}

/**
 * The JavaScript an HTML page loads before any interaction: inline `<script>` elements and
 * external `<script src>` / `<link rel="modulepreload">`. JSON and other data scripts are not
 * JavaScript and are left out; a script imported only on an event (for example on focus) is not
 * loaded before interaction and does not appear here.
 */
export function scriptsBeforeInteraction(html: string): PageScripts {
  const inline: string[] = [];
  const external: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const src = attribute(attrs, 'src');
    if (src !== undefined && src !== '') external.push(src);
    else inline.push(m[2] ?? '');
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    if ((attribute(attrs, 'rel') ?? '').toLowerCase().split(/\s+/).includes('modulepreload')) {
      const href = attribute(attrs, 'href');
      if (href) external.push(href);
    }
  }
  return { inline, external };
}

export interface FetchRecord {
  url: string;
  bytes: number;
  status: number;
}

/**
 * Wraps a fetch function so that every response's body bytes are counted. The body is read once
 * and handed on in a new Response, so the caller sees the same data.
 */
export function countingFetch(inner: typeof fetch): { fetch: typeof fetch; records: FetchRecord[]; total(): number } {
  const records: FetchRecord[] = [];
  const wrapped = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const response = await inner(input, init);
    const body = new Uint8Array(await response.arrayBuffer());
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    records.push({ url, bytes: body.byteLength, status: response.status });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
  return { fetch: wrapped, records, total: () => records.reduce((s, r) => s + r.bytes, 0) };
}
