/**
 * Worker thread of `indexer.ts`: drives Pagefind's service process. It runs off the main thread so
 * that documents reach Pagefind as fast as it takes them, while the main thread renders pages.
 *
 * Each language is indexed by its own Pagefind process, one after the other, so that only one
 * language's index is in memory at a time; `merge-bundles.ts` then joins their bundles.
 *
 * workerData: `{ groups, stagingDir }`, the documents of each language. The index is written to
 * `stagingDir` as soon as the last language is indexed, while pages may still be rendering.
 * Message in: `{ stop: true }`; message out, once the index is written: `{ pages, errors }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchDocument, SearchIndexResult } from './indexer.ts';
import { mergePagefindBundles } from './merge-bundles.ts';
import { append } from '../append.ts';

const { groups, stagingDir } = workerData as { groups: SearchDocument[][]; stagingDir: string };
const errors: string[] = [];
let pages = 0;
const started = performance.now();
let ms = 0;

async function indexLanguage(documents: SearchDocument[], outputPath: string): Promise<void> {
  try {
    const created = await pagefind.createIndex({});
    append(errors, created.errors);
    const index = created.index;
    if (!index) return;
    // Several documents in flight: Pagefind parses one while the next is on its way.
    let next = 0;
    const sender = async (): Promise<void> => {
      for (let i = next++; i < documents.length; i = next++) {
        const document = documents[i]!;
        const added = await index.addHTMLFile({ sourcePath: document.path, content: document.html });
        append(errors, added.errors.map((e) => `${document.path}: ${e}`));
        if (added.file) pages++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    const written = await index.writeFiles({ outputPath });
    append(errors, written.errors);
  } finally {
    // The process and its memory go; the next language starts a new one.
    await pagefind.close();
  }
}

const indexing = (async () => {
  const parts = groups.map((_, i) => `${stagingDir}.part-${i}`);
  for (const [i, documents] of groups.entries()) {
    await indexLanguage(documents, parts[i]!);
    // Pagefind has them now: this thread need not keep a language's documents while it indexes the next.
    groups[i] = [];
    if (errors.length > 0) return;
  }
  mergePagefindBundles(parts, stagingDir);
  ms = performance.now() - started;
})().catch((error: unknown) => {
  errors.push(error instanceof Error ? error.message : String(error));
});

parentPort?.once('message', () => {
  void indexing.then(() => {
    const result: SearchIndexResult = { pages, errors, ms };
    parentPort?.postMessage(result);
  });
});
