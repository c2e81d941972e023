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
    expect(plain).not.toContain('search');
  });

  it('load the page module only on the first click, key press or scroll, and hand it those events', () => {
    expect(full).toContain('import("/_kb/page.js")');
    expect(full).toMatch(/\["click","keydown","scroll"\]\.forEach\(function\(t\)\{d\.addEventListener\(t,u,/);
    // Nothing is imported while the script runs: only inside the event handler.
    const calls: string[] = [];
    const document = { addEventListener: (type: string) => calls.push(type), querySelectorAll: () => [], getElementById: () => null };
    new Function('document', 'localStorage', bodyScript({ pageModule: '/x.js' }))(document, { setItem() {} });
    expect(calls).toEqual(['click', 'keydown', 'scroll']);
  });
});
