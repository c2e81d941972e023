/**
 * The partner-kb Astro integration: wiring only (the logic lives in src/lib/).
 *
 * - Before the build: loads the content model (parse cache shared with `npm run check`), runs every
 *   check and stops on any error the check baseline does not accept, printing the diagnostics and
 *   one line that says so (no stack trace: the fault is in content, not in the build). The checked
 *   model is handed to the pages, so content is parsed once.
 * - Then Pagefind starts indexing the model's documents in its own process, while Astro renders,
 *   and writes the index to a staging folder as soon as it is done.
 * - After the build: the search and page modules, the built-HTML link pass (links made by layouts and
 *   navigation), which also writes the article pages derived from another cloud's rendering, and
 *   the index is moved into the site.
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
import { searchDocumentOf, startSearchIndex, type SearchDocument, type SearchIndexing } from './lib/search/indexer.ts';
import { resourcesFromFiles, translators } from './lib/i18n.ts';
import type { Translate } from './lib/render/body.ts';
import { newCloudToken } from './lib/render/cloud-token.ts';
import { DerivationPlan } from './lib/render/derive.ts';
import { distinctPages, type RenderedPage } from './lib/render/distinct-pages.ts';
import type { Locale } from './lib/site.ts';
import { isIndexable } from './lib/view.ts';
import { contentChanged, shareDerivationPlan, shareModel } from './shared-model.ts';

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
  let plan: DerivationPlan | undefined;
  // The check baseline read before the build, applied to the built-HTML pass too.
  let accepted: { baseline: Baseline; lineText: LineText } | undefined;
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
        logger.info(`content model and checks: ${Math.round(performance.now() - started)} ms`);
        // Each distinct article page is computed once: its clouds' pages are rendered once by Astro
        // (unless KB_DERIVE=0), and its canonical page becomes a search document.
        const grouping = performance.now();
        const indexing = process.env['KB_SKIP_SEARCH'] !== '1';
        const t = translators(resourcesFromFiles(project.checkOptions.ui?.locales ?? []));
        const token = newCloudToken();
        const documents: Array<SearchDocument & { locale: Locale }> = [];
        const groups = distinctPages(project.kb, (locale) => t(locale) as unknown as Translate, token, {
          ...(indexing ? { also: isIndexable, rendered: (r: RenderedPage) => void (isIndexable(r.page) && documents.push({ locale: r.page.locale, ...searchDocumentOf(r, token) })) } : {}),
        });
        plan = process.env['KB_DERIVE'] === '0' ? undefined : new DerivationPlan(token, groups);
        shareDerivationPlan(plan);
        logger.info(`distinct pages: ${groups.length} of ${project.kb.pages().length} article pages in ${Math.round(performance.now() - grouping)} ms${plan ? '' : ' (KB_DERIVE=0: every page rendered)'}`);
        // Pagefind indexes the documents in its own process while Astro renders pages.
        if (indexing) search = startSearchIndex(documents, cacheDir(root, 'search-index'));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await bundleSearchModule(fileURLToPath(new URL('.' + SEARCH_MODULE_URL, dir)));
        await bundleBrowserModule(fileURLToPath(new URL('./client/page.ts', import.meta.url)), fileURLToPath(new URL('.' + PAGE_MODULE_URL, dir)));
        const started = performance.now();
        let html: Diagnostic[];
        try {
          // The pass reads each distinct page once, checks it as every cloud's page it stands for,
          // and writes those pages' files (lib/render/derive.ts).
          const site = { ...readBuiltSite(root, out), ...(plan ? { derived: { token: plan.token, templates: plan.templates, write: true } } : {}) };
          html = await checkBuiltHtmlInParallel(site);
          if (plan) logger.info(`${plan.templates.reduce((n, t) => n + t.pages.length, 0)} article pages written from ${plan.templates.length} renderings`);
        } catch (error) {
          await search?.abort();
          throw error;
        }
        const outcome = accepted ? applyBaseline(html, accepted.baseline, root, accepted.lineText) : { reported: html, baselined: [] };
        await stopOnErrors(outcome.reported, outcome.baselined.length, logger, 'built-HTML pass', async () => void (await search?.abort()));
        logger.info(`built-HTML pass: ${Math.round(performance.now() - started)} ms`);
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
