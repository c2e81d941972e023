/**
 * The Astro side's access to the content model: built once per process, on first use (not at
 * import), and failing the build with every content error named by file, line and field.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { GIT_LOG_ARGS, parseGitLog } from './lib/git-dates.ts';
import { format } from './lib/report/index.ts';
import { resourcesFromModules, translators } from './lib/i18n.ts';
import type { KnowledgeBase } from './lib/model/kb.ts';
import { loadKnowledgeBase } from './lib/model/load.ts';
import { createParseCache } from './lib/model/parse-cache.ts';
import { cacheDir } from './lib/checks/project.ts';
import { contentGeneration, sharedModel } from './shared-model.ts';
import type { Locale } from './lib/site.ts';

let model: KnowledgeBase | undefined;
let modelGeneration = -1;

export function getKb(): KnowledgeBase {
  // In `astro dev` the model is rebuilt after each change under content/ (the integration's watcher
  // counts them), so that an edit shows at once and other requests reuse the model.
  if (model && (!import.meta.env.DEV || modelGeneration === contentGeneration())) return model;
  const generation = contentGeneration();
  // In a build, the integration has already built and checked it.
  const shared = import.meta.env.DEV ? undefined : sharedModel();
  if (shared) return (model = shared);
  const parseCache = createParseCache({ dir: cacheDir(process.cwd(), 'parse') });
  const { kb, diagnostics } = loadKnowledgeBase({ root: process.cwd(), parse: parseCache.parse });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`Content has ${errors.length} error(s):\n${format(errors, 'human')}`);
  model = kb;
  modelGeneration = generation;
  return kb;
}

const translator = translators(resourcesFromModules(import.meta.glob('../locales/*/*.json', { eager: true })));

export function getT(locale: Locale): TFunction {
  return translator(locale);
}

let gitDates: Map<string, string> | undefined;

/** Last-updated date (ISO) of a content file from git history; undefined when unknown. */
export function lastUpdated(path: string): string | undefined {
  if (!gitDates) {
    gitDates = new Map();
    try {
      const output = execFileSync('git', GIT_LOG_ARGS, { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      let boundaries = new Set<string>();
      const shallowFile = join(process.cwd(), '.git', 'shallow');
      if (existsSync(shallowFile)) boundaries = new Set(readFileSync(shallowFile, 'utf8').split('\n').filter(Boolean));
      gitDates = parseGitLog(output, boundaries);
    } catch {
      // Not a git checkout (a tarball, a fixture): no dates.
    }
  }
  return gitDates.get(path);
}
