import { describe, expect, it } from 'vitest';
import { readableEvent } from '../../src/build-log.ts';

describe('the build log destination', () => {
  it('ends a route line that Astro leaves open while the page renders', () => {
    expect(readableEvent({ level: 'info', label: null, message: '  \u001b[34m├─\u001b[39m /ko/global/a/index.html', newLine: false })).toEqual({
      level: 'info',
      label: null,
      message: '  \u001b[34m├─\u001b[39m /ko/global/a/index.html',
      newLine: true,
    });
  });

  it('leaves out render times, which no longer follow their route', () => {
    expect(readableEvent({ level: 'info', label: 'SKIP_FORMAT', message: ' \u001b[2m(+6ms)\u001b[22m ', newLine: true })).toBeUndefined();
    expect(readableEvent({ level: 'info', label: 'SKIP_FORMAT', message: ' (cached)', newLine: true })).toBeUndefined();
  });

  it('passes everything else through unchanged', () => {
    const events = [
      { level: 'info', label: 'build', message: '✓ Completed in 1.2s.', newLine: true },
      { level: 'info', label: 'SKIP_FORMAT', message: '\n generating static routes ', newLine: true },
      { level: 'error', label: null, message: 'failed', newLine: true },
    ] as const;
    for (const event of events) expect(readableEvent(event)).toBe(event);
  });
});
