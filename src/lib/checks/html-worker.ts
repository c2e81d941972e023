/**
 * Worker thread of `html-parallel.ts`. Reads its share of the built pages and posts their ids;
 * then, given the ids of every page, checks its pages' links and posts the diagnostics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkPageIds, checkPageLinks, pageFacts } from './html.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { append } from '../append.ts';

const { absolute, dir, files, pages } = workerData as { absolute: string; dir: string; files: string[]; pages: string[] };
const read = (path: string): string => readFileSync(join(absolute, path), 'utf8');
const facts = pages.map((page) => pageFacts(read(page)));
parentPort!.postMessage(pages.map((page, i): [string, string[]] => [page, [...facts[i]!.ids]]));

parentPort!.once('message', (ids: Map<string, string[]>) => {
  const site = { dir, files: new Set(files) };
  const sets = new Map<string, ReadonlySet<string>>();
  const none: ReadonlySet<string> = new Set();
  const idsOf = (path: string): ReadonlySet<string> => {
    let set = sets.get(path);
    if (!set) sets.set(path, (set = new Set(ids.get(path) ?? none)));
    return set;
  };
  const out: Diagnostic[] = [];
  pages.forEach((page, i) => append(append(out, checkPageIds(page, facts[i]!.duplicateIds, site, read)), checkPageLinks(page, facts[i]!.links, site, idsOf, read)));
  parentPort!.postMessage(out);
});
