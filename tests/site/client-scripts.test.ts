import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bodyScript, THEME_SCRIPT } from '../../src/lib/client-scripts.ts';

describe('scripts run before any interaction', () => {
  const full = THEME_SCRIPT + bodyScript({ remember: { locale: 'ko', cloud: 'china' }, searchModule: '/_kb/search.js' });

  it('stay under 1 KB on an article page (raw, not only gzip)', () => {
    expect(Buffer.byteLength(full)).toBeLessThan(1024);
    expect(gzipSync(full).length).toBeLessThan(600);
  });

  it('are valid JavaScript that remembers the cloud and loads search only on use', () => {
    expect(() => new Function(full)).not.toThrow();
    expect(full).toContain('localStorage.setItem("kb-cloud","china")');
    expect(full).toMatch(/addEventListener\("focus",l,\{once:!0\}\)/);
  });

  it('leave out what a page does not need', () => {
    const plain = bodyScript({});
    expect(plain).not.toContain('kb-cloud');
    expect(plain).not.toContain('import(');
  });
});
