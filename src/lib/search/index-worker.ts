/**
 * Worker thread of `indexer.ts`: drives Pagefind's service process. It runs off the main thread so
 * that documents reach Pagefind as fast as it takes them, while the main thread renders pages.
 *
 * workerData: `{ documents, stagingDir }`. The index is written to `stagingDir` as soon as the last
 * document is indexed, while pages may still be rendering. Message in: `{ stop: true }`; message
 * out, once the index is written: `{ pages, errors }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchDocument, SearchIndexResult } from './indexer.ts';

const { documents, stagingDir } = workerData as { documents: SearchDocument[]; stagingDir: string };
const errors: string[] = [];
let pages = 0;
const started = performance.now();
let ms = 0;

const indexing = (async () => {
  const created = await pagefind.createIndex({});
  errors.push(...created.errors);
  const index = created.index;
  if (!index) return undefined;
  // Several documents in flight: Pagefind parses one while the next is on its way.
  let next = 0;
  const sender = async (): Promise<void> => {
    for (let i = next++; i < documents.length; i = next++) {
      const document = documents[i]!;
      const added = await index.addHTMLFile({ sourcePath: document.path, content: document.html });
      errors.push(...added.errors.map((e) => `${document.path}: ${e}`));
      if (added.file) pages++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  const written = await index.writeFiles({ outputPath: stagingDir });
  errors.push(...written.errors);
  ms = performance.now() - started;
  return index;
})()
  .catch((error: unknown) => {
    errors.push(error instanceof Error ? error.message : String(error));
  })
  .finally(() => pagefind.close());

parentPort?.once('message', () => {
  void indexing.then(() => {
    const result: SearchIndexResult = { pages, errors, ms };
    parentPort?.postMessage(result);
  });
});
