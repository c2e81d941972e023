/**
 * The files of the pages the build does not render: each group of clouds that share one rendering
 * (`distinct-pages.ts`) has its first cloud's page rendered with cloud tokens (the template), and
 * every cloud's file of the group (that one too) is that rendering with the tokens filled in
 * (`cloud-token.ts`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Cloud, Locale } from '../site.ts';
import { fillCloudTokens, type CloudRef, type CloudToken } from './cloud-token.ts';
import type { PageGroup } from './distinct-pages.ts';

/** The built file of an article page, relative to the site folder. */
export function articleFile(locale: Locale, cloud: Cloud, slug: string): string {
  return `${locale}/${cloud}/${slug}/index.html`;
}

/** A page rendered once for several clouds, and the files written from it. */
export interface PageTemplate {
  /** The file the rendering is written to first (its first cloud's). */
  file: string;
  locale: Locale;
  /** Each cloud's file (the template's own first). */
  pages: Array<{ file: string; cloud: Cloud }>;
}

/** Which article pages the build renders, and with which cloud. */
export class DerivationPlan {
  readonly token: CloudToken;
  readonly templates: PageTemplate[];
  readonly #shown = new Map<string, CloudRef>();

  constructor(token: CloudToken, groups: readonly PageGroup[]) {
    this.token = token;
    this.templates = [];
    for (const group of groups) {
      const [first, ...others] = group.clouds;
      if (!first) continue;
      if (others.length === 0) {
        this.#shown.set(articleFile(group.locale, first, group.slug), first);
        continue;
      }
      const pages = group.clouds.map((cloud) => ({ file: articleFile(group.locale, cloud, group.slug), cloud }));
      this.templates.push({ file: pages[0]!.file, locale: group.locale, pages });
      this.#shown.set(pages[0]!.file, token);
    }
  }

  /**
   * How the page at (locale, cloud, slug) is rendered: naming its own cloud, as a template (the
   * token), or not at all (undefined: its file is written from a template).
   */
  shown(locale: Locale, cloud: Cloud, slug: string): CloudRef | undefined {
    return this.#shown.get(articleFile(locale, cloud, slug));
  }
}

/**
 * Writes each cloud's file of a template into `siteDir`, from the template's text (`text`, read from
 * its own file, which is written last). The built-HTML pass calls it as it reads each template.
 */
export function writeTemplateFiles(siteDir: string, template: PageTemplate, text: string, token: CloudToken): void {
  const own = template.pages.filter((p) => p.file === template.file);
  for (const { file, cloud } of [...template.pages.filter((p) => p.file !== template.file), ...own]) {
    const path = join(siteDir, file);
    if (file !== template.file) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, fillCloudTokens(text, token, template.locale, cloud));
  }
}
