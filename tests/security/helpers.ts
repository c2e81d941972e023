/** Helpers of the security suite: render an article body with the real model, renderer and UI strings. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { readUiStrings } from '../../src/lib/checks/project.ts';
import { resourcesFromFiles, translators } from '../../src/lib/i18n.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { renderBody, type Translate } from '../../src/lib/render/body.ts';
import type { Cloud, Locale } from '../../src/lib/site.ts';
import { OPERATOR_FACT } from '../model/helpers.ts';
import { PROJECT_ROOT } from '../../scripts/lib/isolated-build.ts';

export { PROJECT_ROOT };

const t = translators(resourcesFromFiles(readUiStrings(PROJECT_ROOT).locales));

/** The front matter of a valid English article for every cloud. */
export const FRONT_MATTER = '---\ntitle: A page\nclouds: [global, usgov, germany, china]\n---\n\n';

/**
 * The HTML a reader in `locale`/`cloud` gets for `content/en/page.mdx` with this body (and the
 * other articles given, by content path), rendered from the parse as the site renders it.
 */
export function renderPage(body: string, options: { locale?: Locale; cloud?: Cloud; others?: Record<string, string>; parse?: Parameters<typeof buildModel>[0]['parse'] } = {}): string {
  const locale = options.locale ?? 'en';
  const cloud = options.cloud ?? 'global';
  const articles = [{ path: 'content/en/page.mdx', text: FRONT_MATTER + body }, ...Object.entries(options.others ?? {}).map(([path, text]) => ({ path, text }))];
  const { kb, diagnostics } = buildModel({ articles, cloudFacts: OPERATOR_FACT, assets: ['/favicon.svg', '/media/x.png'], ...(options.parse ? { parse: options.parse } : {}) });
  const page = kb.page(locale, cloud, 'page');
  if (!page) throw new Error(`no page: ${JSON.stringify(diagnostics)}`);
  return renderBody(page.file.parsed.hast, { kb, locale, cloud, slug: 'page', t: t(locale) as unknown as Translate });
}

/**
 * A temporary project root (removed after the test file) with `content/en/page.mdx` holding
 * `body` and each of `files` (project-relative path → text or bytes).
 */
export function temporaryProject(prefix: string, body: string, files: Record<string, string | Uint8Array> = {}): string {
  const root = temporaryDirectory(prefix);
  mkdirSync(join(root, 'content', 'en'), { recursive: true });
  writeFileSync(join(root, 'content', 'en', 'page.mdx'), FRONT_MATTER + body);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A temporary folder, removed after the test file. */
export function temporaryDirectory(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryRoots.push(dir);
  return dir;
}

const temporaryRoots: string[] = [];
afterAll(() => temporaryRoots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
