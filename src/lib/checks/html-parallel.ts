/**
 * The built-HTML pass on every core: each worker thread parses its share of the units (the costly
 * part: a built page, or a template read once for each of its clouds' pages), writes the derived
 * pages when told to, and reports the ids; once every page's ids are known, each checks its own
 * pages' links. Same diagnostics as `checkBuiltHtml`, in report order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { append } from '../append.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { checkBuiltHtml, passUnits, siteFiles, type BuiltSite, type DeferredFragment, type PassUnit } from './html.ts';

export interface ParallelOptions {
  /** Worker threads (default: the machine's parallelism). */
  workers?: number;
  /** Fewer pages than this per worker are not worth a thread (default 200). */
  minPagesPerWorker?: number;
}

export async function checkBuiltHtmlInParallel(site: BuiltSite, options: ParallelOptions = {}): Promise<Diagnostic[]> {
  if (site.elsewhere && !site.deferred) throw new Error('a shard\'s built-HTML pass needs somewhere to put the fragment checks it leaves to the merge');
  const units = passUnits(site);
  const count = Math.min(options.workers ?? availableParallelism(), Math.floor(units.length / (options.minPagesPerWorker ?? 200)));
  if (!site.absolute || count < 2) return checkBuiltHtml(site);
  // Interleaved, so that each worker gets a similar mix of article, compare and index pages.
  const chunks: PassUnit[][] = Array.from({ length: count }, () => []);
  units.forEach((unit, i) => chunks[i % count]!.push(unit));
  const files = [...siteFiles(site)];
  const workers = chunks.map(
    (chunk) =>
      new Worker(new URL('./html-worker.ts', import.meta.url), {
        workerData: { absolute: site.absolute, dir: site.dir, files, elsewhere: site.elsewhere && [...site.elsewhere], units: chunk, derived: site.derived && { ...site.derived, templates: [] } },
        // Each page is garbage once its facts are taken; a smaller young generation collects it
        // sooner (the pass at N = 1,000: 730 -> 520 MB, same time).
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      }),
  );
  const next = <T>(worker: Worker): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: T): void => {
        off();
        resolve(message);
      };
      const onError = (error: Error): void => {
        off();
        reject(error);
      };
      const onExit = (code: number): void => {
        off();
        reject(new Error(`the built-HTML worker stopped (exit code ${code})`));
      };
      const off = (): void => void worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
  try {
    const ids = new Map((await Promise.all(workers.map((w) => next<Array<[string, string[]]>>(w)))).flat());
    const checked = workers.map((w) => next<{ diagnostics: Diagnostic[]; deferred: DeferredFragment[] }>(w));
    for (const worker of workers) worker.postMessage(ids);
    const results = await Promise.all(checked);
    if (site.deferred) for (const r of results) append(site.deferred, r.deferred);
    return results.flatMap((r) => r.diagnostics).sort(compareDiagnostics);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
