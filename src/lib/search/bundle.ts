/**
 * The search UI is one browser module at a fixed URL, fetched on first use. Bundling it here (not
 * through Vite's page scripts) keeps the loader on every page to a few hundred bytes: Vite wraps
 * each dynamic import in a 1.5 KB preload helper.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export { SEARCH_MODULE_URL } from './module-url.ts';

export async function bundleSearchModule(outFile: string): Promise<void> {
  await bundleBrowserModule(fileURLToPath(new URL('../../search/ui.ts', import.meta.url)), outFile);
}

/** One minified ES module for the browser from a TypeScript entry (the search and page modules). */
export async function bundleBrowserModule(entry: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
}
