/**
 * partner-kb's Astro log destination (Astro's `logger` setting): Astro's own Node destination, with the
 * page list kept readable.
 *
 * Astro prints a page's route without a line break when it starts rendering it, and the render time
 * (` (+6ms)`) as a separate event when the file is written. With `build.concurrency` above 1 (our
 * config: pages render a few at a time) the halves of different pages interleave, so routes ran
 * together on one line and times stood alone on others. Each route is printed as a whole line; the
 * times, which can no longer be told apart, are left out. Everything else passes through unchanged.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination, { type NodeHandlerConfig } from 'astro/logger/node';


const ROUTE_START = '├─';
const RENDER_TIME = /^\s*(?:\x1b\[[\d;]*m)*\((?:\+[^)]*|cached|restored)\)/;

/** The event to print instead of `event`, or `undefined` to print nothing (see the module comment). */
export function readableEvent(event: AstroLoggerMessage): AstroLoggerMessage | undefined {
  if (!event.newLine && event.label === null && event.message.includes(ROUTE_START)) return { ...event, newLine: true };
  if (event.label === 'SKIP_FORMAT' && RENDER_TIME.test(event.message)) return undefined;
  return event;
}

export default function readableBuildLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  const inner = nodeDestination(config);
  return {
    write(event) {
      const shown = readableEvent(event);
      if (shown) inner.write(shown);
    },
  };
}
