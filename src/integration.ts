/**
 * The partner-kb Astro integration: wiring only (the logic lives in src/lib/).
 *
 * - Before the build: loads the content model (parse cache shared with `npm run check`), runs every
 *   check and fails on any error with `file:line:column` diagnostics (Astro's own schema error has
 *   no line). The checked model is handed to the pages, so content is parsed once.
 * - Then Pagefind starts indexing the model's documents in its own process, while Astro renders,
 *   and writes the index to a staging folder as soon as it is done.
 * - After the build: the search and page modules, the built-HTML link pass (links made by layouts and
 *   navigation), and the index is moved into the site.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { runChecks } from './lib/checks/index.ts';
import { checkBuiltHtmlInParallel } from './lib/checks/html-parallel.ts';
import { cacheDir, loadProject, readBuiltSite } from './lib/checks/project.ts';
import { contentDirectory } from './lib/model/load.ts';
import type { Diagnostic } from './lib/diagnostics.ts';
import { format } from './lib/report/index.ts';
import { bundleBrowserModule, bundleSearchModule } from './lib/search/bundle.ts';
import { PAGE_MODULE_URL } from './lib/client-scripts.ts';
import { SEARCH_MODULE_URL } from './lib/search/module-url.ts';
import { startSearchIndex, type SearchIndexing } from './lib/search/indexer.ts';
import { resourcesFromFiles, translators } from './lib/i18n.ts';
import type { Translate } from './lib/render/body.ts';
import { contentChanged, shareModel } from './shared-model.ts';

function failOnErrors(diagnostics: Diagnostic[], logger: AstroIntegrationLogger, what: string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (errors.length > 0) {
    throw new Error(`${what}: ${errors.length} error(s); run \`npm run check\` for details.\n${format(errors, 'human')}`);
  }
  logger.info(`${what}: no errors${warnings.length ? `, ${warnings.length} warning(s) (npm run check)` : ''}`);
}

export default function partnerKb(): AstroIntegration {
  const root = process.cwd();
  let search: SearchIndexing | undefined;
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
        const project = await loadProject({ root });
        failOnErrors(runChecks(project.kb, project.checkOptions), logger, 'content checks');
        shareModel(project.kb);
        logger.info(`content model and checks: ${Math.round(performance.now() - started)} ms`);
        if (process.env['KB_SKIP_SEARCH'] !== '1') {
          // Pagefind indexes the model's documents in its own process while Astro renders pages.
          const t = translators(resourcesFromFiles(project.checkOptions.ui?.locales ?? []));
          search = startSearchIndex(project.kb, (locale) => t(locale) as unknown as Translate, cacheDir(root, 'search-index'));
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await bundleSearchModule(fileURLToPath(new URL('.' + SEARCH_MODULE_URL, dir)));
        await bundleBrowserModule(fileURLToPath(new URL('./client/page.ts', import.meta.url)), fileURLToPath(new URL('.' + PAGE_MODULE_URL, dir)));
        const started = performance.now();
        try {
          failOnErrors(await checkBuiltHtmlInParallel(readBuiltSite(root, out)), logger, 'built-HTML links');
          logger.info(`built-HTML pass: ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          await search?.abort();
          throw error;
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
