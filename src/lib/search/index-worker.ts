/**
 * Worker thread of `indexer.ts`: drives Pagefind's service process. It runs off the main thread so
 * that documents reach Pagefind as fast as it takes them, while the main thread renders pages.
 *
 * workerData: the documents. Messages in: `{ outputPath }` to write the index and stop.
 * Messages out: `{ pages, errors }` once written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchDocument, SearchIndexResult } from './indexer.ts';

const documents = workerData as SearchDocument[];
const errors: string[] = [];
let pages = 0;

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
  return index;
})();

parentPort?.once('message', (message: { outputPath: string | null }) => {
  void (async () => {
    try {
      const index = await indexing;
      if (index && message.outputPath) {
        const written = await index.writeFiles({ outputPath: message.outputPath });
        errors.push(...written.errors);
      }
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    } finally {
      await pagefind.close();
    }
    const result: SearchIndexResult = { pages, errors };
    parentPort?.postMessage(result);
  })();
});
