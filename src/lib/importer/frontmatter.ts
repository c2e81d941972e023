/**
 * Prints article front matter in the order and style of CONTRIBUTING.md: keys in schema order,
 * clouds as a flow list, nested maps in block style, scalars quoted only when YAML needs it.
 */
import { stringify } from 'yaml';
import type { ArticleFrontmatter } from '../schema.ts';

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
}

/** Keys in the order of `articleSchema`. */
const ORDER = ['title', 'description', 'clouds', 'assetId', 'baseHash', 'translation', 'author', 'docfx'] as const;

export function printFrontmatter(fm: ArticleFrontmatter): string {
  const lines: string[] = ['---'];
  for (const key of ORDER) {
    const value = fm[key];
    if (value === undefined) continue;
    if (key === 'clouds') {
      lines.push(`clouds: [${fm.clouds.join(', ')}]`);
    } else if (typeof value === 'string') {
      lines.push(`${key}: ${scalar(value)}`);
    } else if (typeof value === 'object' && value !== null) {
      lines.push(`${key}:`);
      for (const [k, v] of Object.entries(value as Record<string, string>)) {
        if (v !== undefined) lines.push(`  ${k}: ${scalar(v)}`);
      }
    }
  }
  lines.push('---');
  return lines.join('\n') + '\n';
}

/** A whole article file: front matter, one blank line, the body (which ends with a newline). */
export function printArticle(fm: ArticleFrontmatter, body: string): string {
  return printFrontmatter(fm) + (body.trim() === '' ? '' : '\n' + body);
}
