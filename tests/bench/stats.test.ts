/** Statistics, byte counting and report helpers of the benchmark (no timing assertions). */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countingFetch, gzipBytes, scriptsBeforeInteraction, utf8Bytes } from '../../src/lib/bench/bytes.ts';
import { hasBatchim, kebab, withParticle } from '../../src/lib/bench/corpus.ts';
import { createRng } from '../../src/lib/bench/prng.ts';
import { extractNotes } from '../../src/lib/bench/report.ts';
import { formatBytes, formatMs, median, medianOf } from '../../src/lib/bench/stats.ts';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('ignores non-finite values and is NaN for nothing', () => {
    expect(median([1, Number.NaN, 3])).toBe(2);
    expect(median([])).toBeNaN();
  });
  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
  it('takes the median of each field over runs', () => {
    expect(medianOf([{ a: 1, b: 10 }, { a: 3, b: 30 }, { a: 2, b: 20 }])).toEqual({ a: 2, b: 20 });
  });
});

describe('formatting', () => {
  it('formats bytes and milliseconds', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(10 * 1024)).toBe('10.0 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
  });
  it('keeps hand-written notes between the markers', () => {
    expect(extractNotes('x\n<!-- notes -->\nmy note\nline 2\n<!-- /notes -->\n')).toBe('my note\nline 2');
    expect(extractNotes('no notes')).toBe('');
  });
});

describe('byte counting', () => {
  it('counts UTF-8 bytes, three per Hangul syllable', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('청구를')).toBe(9);
  });
  it('gzip size is the length of a valid gzip stream of the input', () => {
    const text = '청구 '.repeat(500);
    const size = gzipBytes(text);
    expect(size).toBeLessThan(utf8Bytes(text));
    expect(size).toBeGreaterThan(0);
    expect(gunzipSync(gzipSync(Buffer.from(text), { level: 9 })).toString()).toBe(text);
    expect(gzipSync(Buffer.from(text), { level: 9 }).length).toBe(size);
  });
  it('finds inline and external scripts run before interaction, not JSON or a lazy import', () => {
    const html = [
      '<script>var a=1</script>',
      '<script type="module" src="/_astro/app.js"></script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<link rel="modulepreload" href="/_astro/chunk.js">',
      '<link rel="stylesheet" href="/x.css">',
      '<script type=module>import("/_kb/search.js")</script>',
    ].join('\n');
    const scripts = scriptsBeforeInteraction(html);
    expect(scripts.inline).toEqual(['var a=1', 'import("/_kb/search.js")']);
    expect(scripts.external).toEqual(['/_astro/app.js', '/_astro/chunk.js']);
  });
  it('counts every response body byte and hands the body on unchanged', async () => {
    const bodies: Record<string, Uint8Array<ArrayBuffer>> = { '/a': new Uint8Array(10), '/b': new TextEncoder().encode('청구') };
    const fake = (async (input: string | URL | Request) => new Response(bodies[String(input)] ?? null, { status: bodies[String(input)] ? 200 : 404 })) as typeof fetch;
    const counter = countingFetch(fake);
    expect((await (await counter.fetch('/a')).arrayBuffer()).byteLength).toBe(10);
    expect(await (await counter.fetch('/b')).text()).toBe('청구');
    expect((await counter.fetch('/missing')).status).toBe(404);
    expect(counter.total()).toBe(16);
    expect(counter.records.map((r) => [r.url, r.bytes, r.status])).toEqual([['/a', 10, 200], ['/b', 6, 200], ['/missing', 0, 404]]);
  });
});

describe('generator helpers', () => {
  it('attaches Korean particles by the final consonant', () => {
    expect(hasBatchim('구독')).toBe(true);
    expect(hasBatchim('청구')).toBe(false);
    expect(withParticle('청구', '을')).toBe('청구를');
    expect(withParticle('구독', '을')).toBe('구독을');
    expect(withParticle('고객', '의')).toBe('고객의');
    expect(withParticle('구독', '에서')).toBe('구독에서');
    expect(withParticle('파트너', '이')).toBe('파트너가');
    expect(withParticle('환율', '으로')).toBe('환율로');
    expect(withParticle('21Vianet', '을')).toBe('21Vianet을');
  });
  it('makes ASCII ids from English headings', () => {
    expect(kebab('Escalate the billing dispute')).toBe('escalate-billing-dispute');
    expect(kebab('Before you change the Azure plan')).toBe('before-you-change-azure-plan');
  });
  it('seeded PRNG is reproducible and forks independently', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRng(42).fork('x').next()).toBe(createRng(42).fork('x').next());
    expect(createRng(42).fork('x').next()).not.toBe(createRng(42).fork('y').next());
    const r = createRng(1);
    for (let i = 0; i < 100; i++) {
      const v = r.int(3, 8);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(8);
    }
  });
});

describe('build log', () => {
  it('reads Astro durations in ms, s and "m s" and the build profile lines', async () => {
    const { astroDuration, parseBuildLog } = await import('../../src/lib/bench/build-log.ts');
    expect(astroDuration('850ms')).toBe(850);
    expect(astroDuration('12.34s')).toBe(12_340);
    expect(astroDuration('1m 5s')).toBe(65_000);
    const log = [
      '[partner-kb] content model and checks: 835 ms',
      '[build] ✓ Completed in 1.94s.',
      '[build] Building static entrypoints...',
      '23:12:07 ✓ Completed in 1m 40s.',
      '23:12:07 [build] ✓ Completed in 2m 5s.',
      '[partner-kb] built-HTML pass: 424 ms',
      '[partner-kb] search index: 238 pages in 3770 ms, 377 ms of it after the HTML pass',
      '[build] 238 page(s) built in 3m 2s',
    ].join('\n');
    expect(parseBuildLog(log)).toEqual({ checksMs: 835, bundleMs: 25_000, renderMs: 100_000, htmlPassMs: 424, searchIndexMs: 3770, searchTailMs: 377, astroTotalMs: 182_000 });
  });
});
