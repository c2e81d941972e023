/**
 * Content structure: the navigation names existing articles once each, and every section heading
 * carries an explicit, language-independent id.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { suggest } from '../model/resolve.ts';
import { diagnostic, type CheckContext } from './context.ts';

const NAVIGATION = 'content/navigation.yaml';

/** The position of `sections[i].items[j]` in the navigation source, when it is available. */
function itemPositions(context: CheckContext): (section: number, item: number) => SourcePosition {
  const source = context.navigation;
  if (!source) return () => ({ line: 1, column: 1 });
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter });
  const sections = isMap(doc.contents) ? doc.contents.get('sections', true) : undefined;
  return (section, item) => {
    const s = isSeq(sections) ? (sections.items[section] as YamlNode | undefined) : undefined;
    const items = isMap(s) ? s.get('items', true) : undefined;
    const node = isSeq(items) ? (items.items[item] as YamlNode | undefined) : undefined;
    const offset = isScalar(node) && node.range ? node.range[0] : undefined;
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

export function checkNavigation(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = context.navigation?.path ?? NAVIGATION;
  const at = itemPositions(context);
  const seen = new Map<string, string>();
  kb.navigation.sections.forEach((section, s) => {
    section.items.forEach((slug, i) => {
      const first = seen.get(slug);
      if (first !== undefined) {
        out.push(diagnostic('content/navigation', file, at(s, i), `"${slug}" is already listed in section "${first}".`, 'List each article once.'));
        return;
      }
      seen.set(slug, section.id);
      if (!kb.article(slug)) {
        const candidates = suggest(slug, [...kb.articles.keys()]);
        out.push(diagnostic('content/navigation', file, at(s, i), `"${slug}" is not an article (no content/en/${slug}.mdx).`, candidates.length > 0 ? `Did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}?` : 'Remove it, or add the article.'));
      }
    });
  });
  return out;
}

export function checkHeadingIds(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    for (const heading of file.parsed.headings) {
      if (heading.explicit || (heading.depth !== 2 && heading.depth !== 3)) continue;
      out.push(diagnostic('content/missing-heading-id', file.path, heading, `The heading "${heading.text}" has no explicit id, so links to it break when it is reworded or translated.`, `Add an id at the end of the heading: ${'#'.repeat(heading.depth)} ${heading.text} {/* #${heading.id} */}.`));
    }
  }
  return out;
}

/**
 * Emphasis that readers see as literal `**` or `__`: a delimiter run the parser (CommonMark with the
 * CJK-friendly amendment, src/lib/mdx/parse.ts) could not pair, such as a closing `**` after a space,
 * or one opening and none closing in the same paragraph. Positions are the run's own, from the tree.
 */
export function checkLiteralEmphasis(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    for (const run of file.parsed.literalDelimiters) {
      const escaped = run.run.replace(/./g, (c) => `\\${c}`);
      out.push(
        diagnostic(
          'content/literal-emphasis',
          file.path,
          run,
          `"${run.run}" is shown to readers as it is: it does not pair up with another "${run.run}" as emphasis.`,
          `Write the emphasis as ${run.run}text${run.run} in one paragraph, with no space just inside the markers; if you mean the characters, escape them: ${escaped}.`,
        ),
      );
    }
  }
  return out;
}
