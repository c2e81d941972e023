/** Worker thread of `parse-cache.ts`: parses the texts it is given and posts their cache entries. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseEntry } from './parse-cache.ts';

parentPort?.postMessage((workerData as string[]).map(parseEntry));
