/**
 * Prints article front matter in the order and style of CONTRIBUTING.md: keys in schema order,
 * clouds as a flow list, nested maps in block style. The `yaml` library's serializer writes every
 * key and value, quoting whatever YAML would otherwise read differently (a key from an `ms.*` field
 * can hold any text), so the front matter always reads back as the object that was printed.
 */
import { Document, isSeq } from 'yaml';
import type { ArticleFrontmatter } from '../schema.ts';

/** Keys in the order of `articleSchema`. */
const ORDER = ['title', 'description', 'clouds', 'assetId', 'baseHash', 'translation', 'author', 'docfx'] as const;

export function printFrontmatter(fm: ArticleFrontmatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = fm[key];
    if (value === undefined) continue;
    ordered[key] = typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;
  }
  const doc = new Document(ordered);
  const clouds = doc.get('clouds', true);
  if (isSeq(clouds)) clouds.flow = true;
  return '---\n' + doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false }) + '---\n';
}

/** A whole article file: front matter, one blank line, the body (which ends with a newline). */
export function printArticle(fm: ArticleFrontmatter, body: string): string {
  return printFrontmatter(fm) + (body.trim() === '' ? '' : '\n' + body);
}
