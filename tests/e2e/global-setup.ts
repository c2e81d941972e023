/**
 * Vitest globalSetup of the e2e project: builds the fixture site once, serves it on 127.0.0.1,
 * starts one Chromium that every test file connects to, and stops both in teardown.
 *
 * Provided to tests (`inject`): `e2eBaseURL`, `e2eWsEndpoint`, `e2eSiteDir`.
 * Env: E2E_SITE_DIR=<built dist> skips the build and serves that folder (for a quick re-run, or to
 * prove a test fails against a deliberately broken copy); E2E_KEEP=1 keeps the temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/browser.ts';
import { buildFixtureSite } from './fixture.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseURL: string;
    e2eWsEndpoint: string;
    e2eSiteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  let remove: (() => void) | undefined;
  let siteDir = process.env['E2E_SITE_DIR'] ? resolve(process.env['E2E_SITE_DIR']) : undefined;
  if (!siteDir) {
    // buildFixtureSite removes its folder itself when the build fails (teardown does not run then).
    const site = await buildFixtureSite();
    siteDir = site.dist;
    remove = site.remove;
  }
  // Whatever fails after this point must still stop what was started: an open server or browser keeps
  // vitest from exiting ("close timed out … something prevents Vite server from exiting").
  const server = await serveStatic(siteDir).catch((error: unknown) => {
    if (remove && process.env['E2E_KEEP'] !== '1') remove();
    throw error;
  });
  // Playwright makes its profile and artifact folders in os.tmpdir() and, when the machine is busy, can
  // leave them behind on close: give it a folder of ours for the launch, and remove that at teardown.
  const browserTmp = mkdtempSync(join(tmpdir(), 'partner-kb-e2e-browser-'));
  const removeBrowserTmp = (): void => rmSync(browserTmp, { recursive: true, force: true, maxRetries: 5 });
  let browserServer: Awaited<ReturnType<typeof chromium.launchServer>>;
  const tmpBefore = process.env['TMPDIR'];
  try {
    process.env['TMPDIR'] = browserTmp;
    browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    removeBrowserTmp();
    if (remove && process.env['E2E_KEEP'] !== '1') remove();
    throw error;
  } finally {
    if (tmpBefore === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmpBefore;
  }
  project.provide('e2eBaseURL', server.url);
  project.provide('e2eWsEndpoint', browserServer.wsEndpoint());
  project.provide('e2eSiteDir', siteDir);
  console.log(`[e2e] site ${siteDir} on ${server.url}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return async () => {
    await browserServer.close();
    removeBrowserTmp();
    await server.close();
    if (remove && process.env['E2E_KEEP'] !== '1') remove();
  };
}
