/**
 * Worker thread of `html-parallel.ts`. Reads its share of the units (built pages, and templates with
 * their clouds' pages, which it writes when told to) and posts their pages' ids; then, given the ids
 * of every page, checks its pages' ids and links and posts the diagnostics, with the fragment checks
 * a shard leaves to the merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkUnitPage, unitFacts, type DeferredFragment, type DerivedPages, type PassUnit } from './html.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { append } from '../append.ts';

const { absolute, dir, files, elsewhere, units, derived } = workerData as { absolute: string; dir: string; files: string[]; elsewhere: string[] | undefined; units: PassUnit[]; derived: DerivedPages | undefined };
const site = { absolute, read: (path: string): string => readFileSync(join(absolute, path), 'utf8'), ...(derived ? { derived } : {}) };
const read = units.map((unit) => ({ unit, pages: unitFacts(unit, site) }));
parentPort!.postMessage(read.flatMap(({ pages }) => pages.map(({ page, facts }): [string, string[]] => [page.path, [...facts.ids]])));

parentPort!.once('message', (ids: Map<string, string[]>) => {
  const known = { dir, files: new Set(files), elsewhere: elsewhere && new Set(elsewhere) };
  const sets = new Map<string, ReadonlySet<string>>();
  const none: ReadonlySet<string> = new Set();
  const idsOf = (path: string): ReadonlySet<string> => {
    let set = sets.get(path);
    if (!set) sets.set(path, (set = new Set(ids.get(path) ?? none)));
    return set;
  };
  const diagnostics: Diagnostic[] = [];
  const deferred: DeferredFragment[] = [];
  for (const { unit, pages } of read) {
    for (const { page, facts } of pages) append(diagnostics, checkUnitPage(unit, page, facts, known, idsOf, site, (d) => deferred.push(d)));
  }
  parentPort!.postMessage({ diagnostics, deferred });
});
