/**
 * The partner-kb Astro integration: wiring only (the logic lives in src/lib/).
 *
 * - Before the build: loads the content model (parse cache shared with `npm run check`), runs every
 *   check and stops on any error the check baseline does not accept, printing the diagnostics and
 *   one line that says so (no stack trace: the fault is in content, not in the build). The checked
 *   model is handed to the pages, so content is parsed once.
 * - The build's plan (`lib/build/plan.ts`): the distinct article pages Astro renders, and with
 *   `--shard K/N` the shard's part of the site (`lib/build/shard.ts`).
 * - Pagefind indexes the model's documents in its own process as the plan makes them and while
 *   Astro renders, and writes the index to a staging folder as soon as it is done.
 * - After the build: the search and page modules, the search data (synonyms), the built-HTML link pass (links made by layouts and
 *   navigation), which also writes the article pages derived from another cloud's rendering, a
 *   shard's manifest for `npm run build:merge`, and the index is moved into the site.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { applyBaseline, type Baseline, type LineText } from './lib/checks/baseline.ts';
import { checkBuiltHtmlInParallel } from './lib/checks/html-parallel.ts';
import { cacheDir, checkProject, readBuiltSite } from './lib/checks/project.ts';
import { contentDirectory } from './lib/model/load.ts';
import type { Diagnostic } from './lib/diagnostics.ts';
import { format } from './lib/report/index.ts';
import { UserError } from './lib/user-error.ts';
import { bundleBrowserModule, bundleSearchModule } from './lib/search/bundle.ts';
import { PAGE_MODULE_URL } from './lib/client-scripts.ts';
import { SEARCH_MODULE_URL } from './lib/search/module-url.ts';
import { openSearchIndex, type SearchIndexing } from './lib/search/indexer.ts';
import { writeSearchData } from './lib/search/search-data.ts';
import type { KnowledgeBase } from './lib/model/kb.ts';
import { resourcesFromFiles, translators } from './lib/i18n.ts';
import type { Translate } from './lib/render/body.ts';
import { sourceFingerprint, writeManifest } from './lib/build/merge.ts';
import { planBuild, siteToCheck, type BuildPlan } from './lib/build/plan.ts';
import { shardFromCommandLine, shardLabel, type Shard } from './lib/build/shard.ts';
import { contentChanged, shareDerivationPlan, shareModel, shareShardPlan, sitePages } from './shared-model.ts';

/**
 * Logs the findings that fail the build and stops it: the diagnostics as `npm run check` prints
 * them, then one line saying why the build stopped. Astro would print an "unhandled error" with a
 * stack trace for a thrown error, which points at this file instead of the content.
 */
function stopOnErrors(reported: Diagnostic[], baselined: number, logger: AstroIntegrationLogger, what: string, beforeExit?: () => Promise<void>): Promise<void> | void {
  const errors = reported.filter((d) => d.severity === 'error');
  const warnings = reported.filter((d) => d.severity === 'warning');
  const accepted = baselined > 0 ? `, ${baselined} baselined` : '';
  if (errors.length === 0) {
    logger.info(`${what}: no errors${warnings.length ? `, ${warnings.length} warning(s) (npm run check)` : ''}${accepted}`);
    return;
  }
  for (const line of format(errors, 'human').trimEnd().split('\n').slice(0, -1)) logger.error(line);
  logger.error(`The build stopped: ${what} found ${errors.length} error${errors.length === 1 ? '' : 's'}${accepted} (above; npm run check lists every finding).`);
  return (beforeExit?.() ?? Promise.resolve()).then(() => process.exit(1));
}

export default function partnerKb(): AstroIntegration {
  const root = process.cwd();
  let search: SearchIndexing | undefined;
  let plan: BuildPlan | undefined;
  // The check baseline read before the build, applied to the built-HTML pass too.
  let accepted: { baseline: Baseline; lineText: LineText } | undefined;
  let kb: KnowledgeBase | undefined;
  return {
    name: 'partner-kb',
    hooks: {
      // Content is read by the model, not imported as modules: reload the page when it changes.
      'astro:server:setup': ({ server }) => {
        const content = contentDirectory(root);
        server.watcher.add(content);
        const reload = (path: string): void => {
          if (!path.startsWith(content)) return;
          // The pages rebuild the model once per change (not per request)...
          contentChanged();
          // ...and Astro must forget the getStaticPaths results it cached, whose props are the old
          // model's pages: the event Astro's own content layer sends when content changes.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', reload).on('add', reload).on('unlink', reload);
      },
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        let shard: Shard | undefined;
        try {
          shard = shardFromCommandLine(process.argv, process.env);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
          process.exit(1);
        }
        const started = performance.now();
        let checked: Awaited<ReturnType<typeof checkProject>>;
        try {
          checked = await checkProject({ root });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          logger.error(error.message);
          logger.error('The build stopped: the check baseline cannot be read.');
          process.exit(1);
        }
        const { project, outcome } = checked;
        accepted = { baseline: checked.baseline, lineText: checked.lineText };
        await stopOnErrors(outcome.reported, outcome.baselined.length, logger, 'content checks');
        shareModel(project.kb);
        kb = project.kb;
        logger.info(`content model and checks: ${Math.round(performance.now() - started)} ms`);
        // Each distinct article page is computed once: Astro renders it once for all the clouds it
        // serves (unless KB_DERIVE=0), and its canonical page is a search document.
        const planning = performance.now();
        const t = translators(resourcesFromFiles(project.checkOptions.ui?.locales ?? []));
        // Pagefind indexes the documents in its own process while the plan makes more of them and
        // Astro renders (staged in a folder of this process: two builds may share node_modules).
        const indexing = process.env['KB_SKIP_SEARCH'] !== '1' ? openSearchIndex(cacheDir(root, 'search-index', String(process.pid))) : undefined;
        let documents = 0;
        try {
          plan = planBuild(project.kb, (locale) => t(locale) as unknown as Translate, {
            shard,
            search: indexing !== undefined,
            derive: process.env['KB_DERIVE'] !== '0',
            documents: (made) => {
              documents += made.length;
              indexing?.add(made);
            },
          });
        } catch (error) {
          // The indexing thread and Pagefind's process would keep the build alive.
          await indexing?.abort();
          throw error;
        }
        indexing?.end();
        if (documents > 0) search = indexing;
        else await indexing?.abort();
        shareShardPlan(plan.shard);
        shareDerivationPlan(plan.derivation);
        const what = shard ? `shard ${shardLabel(shard)}: ` : '';
        logger.info(`${what}${plan.distinct} distinct of ${plan.articlePages} article pages in ${Math.round(performance.now() - planning)} ms${plan.derivation ? '' : ' (KB_DERIVE=0: every page is rendered)'}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await bundleSearchModule(fileURLToPath(new URL('.' + SEARCH_MODULE_URL, dir)));
        await bundleBrowserModule(fileURLToPath(new URL('./client/page.ts', import.meta.url)), fileURLToPath(new URL('.' + PAGE_MODULE_URL, dir)));
        if (kb) writeSearchData(kb, out);
        const started = performance.now();
        let html: Diagnostic[];
        // The pass reads each distinct page once, checks it as every cloud's page it stands for,
        // and writes those pages' files (lib/render/derive.ts).
        const site = siteToCheck(readBuiltSite(root, out), plan!, sitePages());
        try {
          html = await checkBuiltHtmlInParallel(site);
          const derivation = plan!.derivation;
          if (derivation) logger.info(`${derivation.templates.reduce((n, t) => n + t.pages.length, 0)} article pages written from ${derivation.templates.length} renderings`);
        } catch (error) {
          await search?.abort();
          throw error;
        }
        const outcome = accepted ? applyBaseline(html, accepted.baseline, root, accepted.lineText) : { reported: html, baselined: [] };
        await stopOnErrors(outcome.reported, outcome.baselined.length, logger, 'built-HTML pass', async () => void (await search?.abort()));
        logger.info(`built-HTML pass: ${Math.round(performance.now() - started)} ms`);
        const shard = plan!.shard?.shard;
        if (shard) {
          writeManifest(out, { shard: shardLabel(shard), fingerprint: sourceFingerprint(root), dir: site.dir, pages: [...sitePages()].sort(), deferred: site.deferred ?? [] });
          logger.info(`shard ${shardLabel(shard)} written; join the shards with npm run build:merge`);
        }
        if (!search) return;
        const waiting = performance.now();
        const { pages, errors, ms } = await search.finish(out);
        if (errors.length > 0) throw new Error(`Pagefind could not index the site:\n${errors.join('\n')}`);
        const done = performance.now();
        logger.info(`search index: ${pages} pages in ${Math.round(ms)} ms, ${Math.round(done - waiting)} ms of it after the HTML pass`);
      },
    },
  };
}
