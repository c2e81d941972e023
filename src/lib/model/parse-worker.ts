/**
 * Worker thread of `parse-cache.ts`: parses the texts it is given, writes their cache entries to
 * disk, and posts them as JSON in batches while it goes on parsing; then posts null.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseEntry, writeEntry, type WorkerBatch } from './parse-cache.ts';

const { jobs, dir } = workerData as { jobs: Array<[key: string, text: string]>; dir: string | undefined };
const BATCH = 32;
let batch: WorkerBatch = [];
for (const [key, text] of jobs) {
  const json = JSON.stringify(parseEntry(text));
  if (dir) writeEntry(dir, key, json);
  batch.push([key, json]);
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
parentPort!.postMessage(null);
