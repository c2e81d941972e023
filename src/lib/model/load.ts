/**
 * Reads `content/` and `public/` from disk and builds the model. The only part of the model that
 * touches the file system; `buildModel` itself takes texts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { buildModel, type ModelResult, type SourceText } from './build.ts';

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

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out.sort();
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

function readSource(root: string, absolute: string): SourceText {
  return { path: toPosix(relative(root, absolute)), text: readFileSync(absolute, 'utf8') };
}

/** Site paths of the files in `public/` (`/media/x.png`). */
export function readAssets(root: string): string[] {
  const publicDir = join(root, 'public');
  return walk(publicDir).map((p) => '/' + toPosix(relative(publicDir, p)));
}

/** Every source text the model is built from. */
export function readContent(options: LoadOptions): Parameters<typeof buildModel>[0] {
  const { root } = options;
  const content = contentDirectory(root, options.contentDir);
  const data = (name: string): SourceText | undefined => {
    const path = join(content, name);
    return existsSync(path) ? readSource(root, path) : undefined;
  };
  const articles = walk(content)
    .filter((p) => p.endsWith('.mdx') || p.endsWith('.md'))
    .map((p) => ({ ...readSource(root, p), contentPath: toPosix(relative(content, p)) }));
  const assets = readAssets(root);
  return {
    articles,
    navigation: data('navigation.yaml'),
    cloudFacts: data('cloud-facts.yaml'),
    terminology: data('terminology.yaml'),
    redirects: data('redirects.yaml'),
    assets,
    ...(options.parse ? { parse: options.parse } : {}),
  };
}

export function loadKnowledgeBase(options: LoadOptions): ModelResult {
  return buildModel(readContent(options));
}
