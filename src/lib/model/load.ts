/**
 * Reads `content/` and `public/` from disk and builds the model. The only part of the model that
 * touches the file system; `buildModel` itself takes texts.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { buildModel, type ModelResult, type SourceText } from './build.ts';
import { checkAsset } from './assets.ts';
import { projectPath, readTextFile, walkFolder } from './read.ts';

export interface LoadOptions {
  /** Project root (the folder holding `content/` and `public/`). */
  root: string;
  /** Content folder, absolute or relative to root. Default: `content`. */
  contentDir?: string | undefined;
  parse?: Parameters<typeof buildModel>[0]['parse'];
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * The content folder: an explicit option, else the `KB_CONTENT_DIR` environment variable (relative
 * to the root), else `content/` of the root. This is the one place the setting is read: check,
 * build, dev and preview all take the folder from here, so `KB_CONTENT_DIR=../my-import npm run
 * build` builds a tree that is not the project's own content (an import to look at before
 * committing it).
 */
export function contentDirectory(root: string, explicit?: string): string {
  return resolve(root, explicit ?? process.env['KB_CONTENT_DIR'] ?? 'content');
}

/** Reads a text file through `read.ts`, adding what it reports to `diagnostics`. */
function readSource(root: string, absolute: string, diagnostics: Diagnostic[]): SourceText {
  const { path, text, diagnostics: found } = readTextFile(root, absolute);
  for (const d of found) diagnostics.push(d);
  return { path, text };
}

/**
 * The files of `public/`: their site paths (`/media/x.png`), and what reading the folder reported
 * (links, and files a browser could run: `assets.ts`).
 */
export function readPublic(root: string): { assets: string[]; diagnostics: Diagnostic[] } {
  const publicDir = join(root, 'public');
  const { files, diagnostics } = walkFolder(root, publicDir);
  // What a browser could run on the site's origin (`assets.ts`): only SVG files are read for it.
  for (const file of files) {
    const path = projectPath(root, file);
    for (const d of checkAsset(path, path.toLowerCase().endsWith('.svg') ? readFileSync(file) : undefined)) diagnostics.push(d);
  }
  return { assets: files.map((p) => '/' + toPosix(relative(publicDir, p))), diagnostics };
}

/** Site paths of the files in `public/` (`/media/x.png`). */
export function readAssets(root: string): string[] {
  return readPublic(root).assets;
}

const DATA_FILES = ['navigation.yaml', 'cloud-facts.yaml', 'terminology.yaml', 'redirects.yaml'] as const;

/** Every source text the model is built from, with what reading them reported (`readDiagnostics`). */
export function readContent(options: LoadOptions): Parameters<typeof buildModel>[0] {
  const { root } = options;
  const content = contentDirectory(root, options.contentDir);
  const walked = walkFolder(root, content);
  const readDiagnostics = [...walked.diagnostics];
  const inContent = (p: string): string => toPosix(relative(content, p));
  const data = (name: (typeof DATA_FILES)[number]): SourceText | undefined => {
    const path = walked.files.find((p) => inContent(p) === name);
    return path === undefined ? undefined : readSource(root, path, readDiagnostics);
  };
  const articles = walked.files
    .filter((p) => p.endsWith('.mdx') || p.endsWith('.md'))
    .map((p) => ({ ...readSource(root, p, readDiagnostics), contentPath: inContent(p) }));
  const publicFiles = readPublic(root);
  for (const d of publicFiles.diagnostics) readDiagnostics.push(d);
  return {
    articles,
    navigation: data('navigation.yaml'),
    cloudFacts: data('cloud-facts.yaml'),
    terminology: data('terminology.yaml'),
    redirects: data('redirects.yaml'),
    assets: publicFiles.assets,
    readDiagnostics,
    ...(options.parse ? { parse: options.parse } : {}),
  };
}

export function loadKnowledgeBase(options: LoadOptions): ModelResult {
  return buildModel(readContent(options));
}
