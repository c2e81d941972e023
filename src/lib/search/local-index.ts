/**
 * The site's search index without the rest of the site: the same documents and Pagefind bundle the
 * build writes to `dist/pagefind/` (and the search data of `dist/_kb/`), made from a project's content in a few seconds, for measuring
 * search quality (`npm run search:eval`, the search tests) without rendering every page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../checks/project.ts';
import { resourcesFromFiles, translators } from '../i18n.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Translate } from '../render/body.ts';
import { planBuild } from '../build/plan.ts';
import { startSearchIndex } from './indexer.ts';
import { writeSearchData } from './search-data.ts';

export interface LocalSearchSite {
  /** The folder that holds `pagefind/` (serve it as the site root). */
  dir: string;
  kb: KnowledgeBase;
  /** Indexed documents. */
  pages: number;
  remove(): void;
}

/**
 * Loads the project at `root` (its `content/`, `locales/`) and writes its search index into a new
 * temporary folder. Throws when the content has errors the model reports, or Pagefind fails.
 */
export async function buildLocalSearchSite(root: string): Promise<LocalSearchSite> {
  const project = await loadProject({ root, diskCache: false });
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the content has errors; run \`npm run check\`:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`);
  const dir = mkdtempSync(join(tmpdir(), 'kb-search-'));
  try {
    const t = translators(resourcesFromFiles(project.checkOptions.ui?.locales ?? []));
    const plan = planBuild(project.kb, (locale) => t(locale) as unknown as Translate, { search: true, derive: false });
    const indexing = startSearchIndex(plan.documents, join(dir, '.staging'));
    const result = await indexing.finish(dir);
    if (result.errors.length > 0) throw new Error(`Pagefind could not index the content:\n${result.errors.join('\n')}`);
    writeSearchData(project.kb, dir);
    return { dir, kb: project.kb, pages: result.pages, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
