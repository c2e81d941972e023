/**
 * The ids the layouts put around an article body are one list (src/lib/layout-ids.ts) that the
 * content check reads (content/reserved-id): a layout or component that writes an id by hand
 * would escape it (issue 14, 6).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignHeadingIds } from '../../src/lib/mdx/heading-ids.ts';
import { isReservedId, LAYOUT_IDS, RESERVED_IDS } from '../../src/lib/layout-ids.ts';
import type { Heading, Root } from 'mdast';

const src = join(import.meta.dirname, '..', '..', 'src');

describe('layout ids', () => {
  it('the article layout and every component around the body write no id by hand', () => {
    // Article.astro and what it imports, transitively (Base, the header, the search box, …).
    const seen = new Set<string>();
    const visit = (path: string): void => {
      if (seen.has(path)) return;
      seen.add(path);
      const text = readFileSync(path, 'utf8');
      expect(text.match(/\sid="[^"]*"/g) ?? [], path).toEqual([]);
      for (const m of text.matchAll(/^import \w+ from '(\.[^']+\.astro)';$/gm)) visit(join(dirname(path), m[1]!));
    };
    visit(join(src, 'layouts', 'Article.astro'));
    expect(seen.size).toBeGreaterThan(3);
  });

  it('lists the main element, the table of contents, the theme toggle and the search box', () => {
    expect([...RESERVED_IDS].sort()).toEqual(['content', 'search-hint', 'search-input', 'search-results', 'theme-toggle', 'toc-title']);
    expect(isReservedId('search-results-opt-12')).toBe(true);
    expect(isReservedId(LAYOUT_IDS.main)).toBe(true);
    expect(isReservedId('billingdisputes')).toBe(false);
  });

  it('a heading whose text would give a reserved id gets another one', () => {
    const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Content' }] };
    const tree: Root = { type: 'root', children: [heading] };
    assignHeadingIds(tree);
    expect(heading.data?.id).toBe('content-1');
  });
});
