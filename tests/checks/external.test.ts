import { describe, expect, it } from 'vitest';
import { checkExternalLinks, type ExternalCache, type FetchOutcome } from '../../src/lib/checks/external.ts';
import { buildLinkIndex } from '../../src/lib/checks/link-index.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { at, brief, mdx, modelInput } from './helpers.ts';

const page = mdx({ clouds: ['global', 'usgov'], body: '[ok](https://example.com/ok) and [gone](https://example.com/gone) and [slow](https://example.com/slow)\n' });
const links = buildLinkIndex(buildModel(modelInput({ files: { 'content/en/page.mdx': page } })).kb);

function memoryCache(): ExternalCache & { data: Map<string, FetchOutcome & { checkedAt: number }> } {
  const data = new Map<string, FetchOutcome & { checkedAt: number }>();
  return { data, get: (u) => data.get(u), set: (u, o) => void data.set(u, o), save: () => undefined };
}

describe('external links (opt-in, fetcher injected)', () => {
  it('fetches each URL once, reports failures and timeouts at every link, and caches answers', async () => {
    const calls: string[] = [];
    const fetcher = (url: string, signal: AbortSignal): Promise<FetchOutcome> => {
      calls.push(url);
      if (url.endsWith('/slow')) return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ok: false, status: 0, reason: 'timeout' })));
      return Promise.resolve(url.endsWith('/gone') ? { ok: false, status: 404 } : { ok: true, status: 200 });
    };
    const cache = memoryCache();
    const d = await checkExternalLinks(links, { fetcher, cache, timeoutMs: 20, now: () => 1000 });
    expect(calls.sort()).toEqual(['https://example.com/gone', 'https://example.com/ok', 'https://example.com/slow']);
    expect(d.map(brief)).toEqual([
      { file: 'content/en/page.mdx', ...at(page, '[gone]'), rule: 'link/external-unreachable', message: 'The external URL "https://example.com/gone" answered 404.' },
      { file: 'content/en/page.mdx', ...at(page, '[slow]'), rule: 'link/external-unreachable', message: 'The external URL "https://example.com/slow" did not answer (timeout).' },
    ]);
    calls.length = 0;
    const again = await checkExternalLinks(links, { fetcher, cache, timeoutMs: 20, now: () => 2000 });
    expect(calls).toEqual([]);
    expect(again).toHaveLength(2);
  });
});
