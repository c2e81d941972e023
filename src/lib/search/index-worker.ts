/**
 * Worker thread of `indexer.ts`: drives Pagefind's service process. It runs off the main thread so
 * that documents reach Pagefind as fast as it takes them, while the main thread computes more of
 * them and then renders pages.
 *
 * Each language is indexed by its own Pagefind process, one after the other, so that only one
 * language's index is in memory at a time; `merge-bundles.ts` then joins their bundles.
 *
 * workerData: `{ stagingDir }`. Messages in: `{ add: documents }` (each with its `locale`; a
 * language's documents come together, in the order the languages are indexed), `{ end: true }` once
 * every document is added, `{ stop: true }` to get the result (no more documents come). The index is
 * written to `stagingDir` as soon as the last language is indexed, while pages may still be
 * rendering. Message out, once the index is written: `{ pages, errors, ms }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchDocument, SearchIndexResult } from './indexer.ts';
import { mergePagefindBundles } from './merge-bundles.ts';
import { append } from '../append.ts';

const { stagingDir } = workerData as { stagingDir: string };
const errors: string[] = [];
let pages = 0;
const started = performance.now();
let ms = 0;

/** The languages in the order their first document arrived, and each one's documents not yet sent. */
const languages: string[] = [];
const queues = new Map<string, Array<SearchDocument | undefined>>();
/** Languages whose documents have all been sent to Pagefind: a late one would be lost. */
const closed = new Set<string>();
let ended = false;

/** Resolved at the next message: what a sender waits for when it has nothing to send. */
let arrival = Promise.withResolvers<void>();
const arrived = (): void => {
  const signal = arrival;
  arrival = Promise.withResolvers<void>();
  signal.resolve();
};

function receive(documents: ReadonlyArray<SearchDocument & { locale: string }>): void {
  for (const { locale, ...document } of documents) {
    if (closed.has(locale)) {
      errors.push(`search document ${document.path} of "${locale}" arrived after its index was made (a language's documents must come together)`);
      continue;
    }
    let queue = queues.get(locale);
    if (!queue) {
      languages.push(locale);
      queue = [];
      queues.set(locale, queue);
    }
    queue.push(document);
  }
}

async function indexLanguage(at: number, outputPath: string): Promise<void> {
  const queue = queues.get(languages[at]!)!;
  // The language is complete once another one has begun, or no more documents come.
  const complete = (): boolean => ended || languages.length > at + 1;
  try {
    const created = await pagefind.createIndex({});
    append(errors, created.errors);
    const index = created.index;
    if (!index) return;
    // Several documents in flight: Pagefind parses one while the next is on its way.
    let next = 0;
    const sender = async (): Promise<void> => {
      for (;;) {
        if (next < queue.length) {
          const i = next++;
          const document = queue[i]!;
          // Pagefind has it once sent: this thread need not keep it.
          queue[i] = undefined;
          const added = await index.addHTMLFile({ sourcePath: document.path, content: document.html });
          append(errors, added.errors.map((e) => `${document.path}: ${e}`));
          if (added.file) pages++;
        } else if (complete()) {
          return;
        } else {
          await arrival.promise;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    closed.add(languages[at]!);
    const written = await index.writeFiles({ outputPath });
    append(errors, written.errors);
  } finally {
    closed.add(languages[at]!);
    queue.length = 0;
    // The process and its memory go; the next language starts a new one.
    await pagefind.close();
  }
}

const indexing = (async () => {
  const parts: string[] = [];
  for (let at = 0; ; at++) {
    while (languages.length <= at && !ended) await arrival.promise;
    if (languages.length <= at) break;
    parts.push(`${stagingDir}.part-${at}`);
    await indexLanguage(at, parts[at]!);
    if (errors.length > 0) return;
  }
  if (parts.length > 0) mergePagefindBundles(parts, stagingDir);
  ms = performance.now() - started;
})().catch((error: unknown) => {
  errors.push(error instanceof Error ? error.message : String(error));
});

parentPort?.on('message', (message: { add?: Array<SearchDocument & { locale: string }>; end?: true; stop?: true }) => {
  if (message.add) receive(message.add);
  if (message.end || message.stop) ended = true;
  arrived();
  if (message.stop) {
    void indexing.then(() => {
      const result: SearchIndexResult = { pages, errors, ms };
      parentPort?.postMessage(result);
    });
  }
});
