/**
 * The built-HTML pass on every core: each worker thread parses its share of the pages (the costly
 * part: 20,000 pages at N = 1,000) and reports their ids; once every page's ids are known, each
 * checks its own pages' links. Same diagnostics as `checkBuiltHtml`, in report order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { checkBuiltHtml, htmlPages, type BuiltSite } from './html.ts';

export interface ParallelOptions {
  /** Worker threads (default: the machine's parallelism). */
  workers?: number;
  /** Fewer pages than this per worker are not worth a thread (default 200). */
  minPagesPerWorker?: number;
}

export async function checkBuiltHtmlInParallel(site: BuiltSite, options: ParallelOptions = {}): Promise<Diagnostic[]> {
  const pages = htmlPages(site);
  const count = Math.min(options.workers ?? availableParallelism(), Math.floor(pages.length / (options.minPagesPerWorker ?? 200)));
  if (!site.absolute || count < 2) return checkBuiltHtml(site);
  // Interleaved, so that each worker gets a similar mix of article, compare and index pages.
  const chunks: string[][] = Array.from({ length: count }, () => []);
  pages.forEach((page, i) => chunks[i % count]!.push(page));
  const files = [...site.files];
  const workers = chunks.map(
    (chunk) =>
      new Worker(new URL('./html-worker.ts', import.meta.url), {
        workerData: { absolute: site.absolute, dir: site.dir, files, pages: chunk },
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
    const checked = workers.map((w) => next<Diagnostic[]>(w));
    for (const worker of workers) worker.postMessage(ids);
    return (await Promise.all(checked)).flat().sort(compareDiagnostics);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
