/**
 * What `npm run import` reads: the files and folders named on the command line, each file decoded
 * as strict UTF-8 and placed in its DocFX repository (see `repository.ts`) when it has one.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { DEFAULT_IMPORT_CONFIG, type ImportConfig } from './config.ts';
import type { InputFile } from './docfx.ts';
import { findRepositoryRoot, scanRepository, type Repository } from './repository.ts';
import { importRule } from './rules.ts';
import { decodeUtf8 } from './utf8.ts';
import { readYamlPage } from './yaml-pages.ts';

export interface CollectedInputs {
  inputs: InputFile[];
  /** Files that could not be read or decoded (errors), and Markdown files that are not articles (info). */
  diagnostics: Diagnostic[];
  /** The repositories the inputs belong to (for navigation and redirects). */
  repositories: Repository[];
}

/** A Markdown file of a folder that is navigation, not an article (`TOC.md`). */
const TOC = /(^|\/)toc\.md$/i;

/**
 * Reads the inputs named by `args` (files, docset folders or whole repositories). A folder gives
 * its Markdown files (hidden folders left out); a Markdown file named inside a folder that has no
 * front matter (README.md, TOC.md) is not an article and is listed as info. `display` turns an
 * absolute path into the path shown in diagnostics.
 */
export function collectInputs(args: readonly string[], display: (absolute: string) => string, config: ImportConfig = DEFAULT_IMPORT_CONFIG): CollectedInputs {
  const inputs: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const repositories = new Map<string, Repository>();
  const seen = new Set<string>();
  const repositoryOf = (absolute: string): Repository | undefined => {
    const root = findRepositoryRoot(absolute);
    if (root === undefined) return undefined;
    let repository = repositories.get(root);
    if (!repository) repositories.set(root, (repository = scanRepository(root, config)));
    return repository;
  };
  const read = (absolute: string, repository: Repository | undefined, explicit: boolean): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const file = display(absolute);
    const path = repository ? relative(repository.root, absolute).split(sep).join('/') : undefined;
    if (!explicit && path !== undefined && TOC.test(path)) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      diagnostics.push({ file, line: 1, column: 1, ...importRule('import/read'), message: `cannot read the file: ${(error as Error).message}`, hint: 'Check the path and that the file is readable.' });
      return;
    }
    const decoded = decodeUtf8(bytes, file);
    if ('error' in decoded) {
      diagnostics.push(decoded.error);
      return;
    }
    const page = readYamlPage(decoded.text);
    if (page?.kind === 'not-imported') {
      diagnostics.push({ file, line: 1, column: 1, ...importRule('import/not-imported-page'), message: `is ${page.reason}` });
      return;
    }
    if (page?.kind === 'faq') {
      inputs.push({ file, text: page.markdown, ...(repository && path !== undefined ? { repository: { repository, path } } : {}) });
      return;
    }
    if (/\.yml$/i.test(absolute)) return;
    if (!explicit && !/^\uFEFF?---\r?\n/.test(decoded.text)) {
      diagnostics.push({ file, line: 1, column: 1, ...importRule('import/not-an-article'), message: 'has no front matter, so it is not a DocFX article; not imported' });
      return;
    }
    inputs.push({ file, text: decoded.text, ...(repository && path !== undefined ? { repository: { repository, path } } : {}) });
  };
  for (const arg of args) {
    const absolute = resolve(arg);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      // read() reports a path that does not exist.
    }
    const repository = repositoryOf(absolute);
    if (!isDirectory) {
      read(absolute, repository, true);
      continue;
    }
    if (repository) {
      const below = relative(repository.root, absolute).split(sep).join('/');
      for (const path of repository.paths()) {
        if (/\.(md|yml)$/i.test(path) && !/(^|\/)toc\.yml$/i.test(path) && (below === '' || path.startsWith(below + '/'))) read(resolve(repository.root, path), repository, false);
      }
    } else {
      // A folder outside any repository: its Markdown files, each a loose file.
      for (const path of scanRepository(absolute, config).paths()) if (/\.md$/i.test(path)) read(resolve(absolute, path), undefined, false);
    }
  }
  return { inputs, diagnostics, repositories: [...repositories.values()] };
}
