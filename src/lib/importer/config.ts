/**
 * How the importer reads a DocFX repository: which files are cloud variants of which article, which
 * clouds an article without an "Applies to" list serves, and where site-absolute links to other
 * documentation go. The defaults below fit the localized Partner Center repositories; a team whose
 * repository is laid out otherwise passes `--config FILE` (YAML with the same keys; each key given
 * replaces the default).
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { cloudSchema } from '../schema.ts';
import type { Cloud } from '../site.ts';

export interface VariantPattern {
  /**
   * A repository-relative path with one `{slug}` (matched without regard to letter case):
   * `Archive/China-{slug}.md` is the variant of the article `{slug}` of the main docset.
   */
  pattern: string;
  cloud: Cloud;
}

export interface ImportConfig {
  /** File-name patterns of cloud variants, tried in order. */
  variants: VariantPattern[];
  /** The clouds of an article that has no "Applies to" list: by repository folder, else `default`. */
  clouds: { default: Cloud[]; folders: Record<string, Cloud[]> };
  /**
   * Where DocFX published the other documentation that site-absolute links (`/azure/…`) name: such a
   * link becomes an absolute link to this site. Links into an imported docset stay article links.
   */
  externalBase: string;
}

export const DEFAULT_IMPORT_CONFIG: ImportConfig = {
  variants: [
    { pattern: 'Archive/China-{slug}.md', cloud: 'china' },
    { pattern: 'China/{slug}.md', cloud: 'china' },
  ],
  clouds: { default: ['global'], folders: { Archive: ['china'], China: ['china'] } },
  externalBase: 'https://learn.microsoft.com',
};

const configSchema = z
  .object({
    variants: z.array(z.object({ pattern: z.string().regex(/\{slug\}/, 'must contain {slug}'), cloud: cloudSchema }).strict()).optional(),
    clouds: z.object({ default: z.array(cloudSchema).min(1), folders: z.record(z.string(), z.array(cloudSchema).min(1)).default({}) }).strict().optional(),
    externalBase: z.url().optional(),
  })
  .strict();

/** Reads a `--config` file; throws an Error whose message names the field that is wrong. */
export function parseImportConfig(text: string): ImportConfig {
  const result = configSchema.safeParse(parseYaml(text) ?? {});
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; '));
  }
  return { ...DEFAULT_IMPORT_CONFIG, ...Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) } as ImportConfig;
}
