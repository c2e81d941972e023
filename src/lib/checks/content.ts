/**
 * Content structure: the navigation names existing articles once each and lists every article,
 * and every section heading carries an explicit, language-independent id that is not an id of the
 * page layout.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { Subject, type Diagnostic, type SourcePosition } from '../diagnostics.ts';
import { BODY_IDS, isReservedId, reservedIdOwner } from '../layout-ids.ts';
import { proposeHeadingId } from '../mdx/heading-ids.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { suggest } from '../model/resolve.ts';
import { idOtherLocalesGive } from '../model/section-ids.ts';
import type { ArticleFile } from '../model/types.ts';
import { SOURCE_LOCALE } from '../site.ts';
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
        const position = at(s, i);
        const near = candidates.find((c) => !seen.has(c) && !kb.navigation.sections.some((x) => x.items.includes(c)));
        out.push(
          diagnostic('content/navigation', file, position, `"${slug}" is not an article (no content/en/${slug}.mdx).`, near ? `Replace "${slug}" with "${near}".` : candidates.length > 0 ? `Did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}?` : 'Remove it, or add the article.', {
            fix: near ? { edits: [{ file, line: position.line, column: position.column, find: slug, replace: near }] } : undefined,
            dependsOn: [Subject.slug(slug)],
            // The article it misspells then looks unlisted: that warning is this error's consequence.
            subjects: near ? [`listed:${near}`] : undefined,
          }),
        );
      }
    });
  });
  return out;
}

/**
 * `content/missing-heading-id`. The proposed id is ASCII (the only form the heading-id comment
 * accepts): in a translation, the id the English source gives the same heading (or would, if it
 * followed its own hint); in English, the heading's text without accents. A heading whose text has
 * nothing ASCII in it needs a person to name it.
 */
export function checkHeadingIds(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    const taken = new Set(file.parsed.headings.filter((h) => h.explicit).map((h) => h.id));
    const english = file.locale === SOURCE_LOCALE ? undefined : kb.article(file.slug)?.variants.find((v) => v.key === file.variantKey)?.files[SOURCE_LOCALE];
    file.parsed.headings.forEach((heading, index) => {
      if (heading.explicit || (heading.depth !== 2 && heading.depth !== 3)) return;
      const id = proposeFor(file, english, index, taken);
      const extras = { dependsOn: [Subject.heading(file.path, heading.line)] };
      if (heading.invalidId !== undefined) {
        const message = `The heading id "#${heading.invalidId}" is not valid: ids are ASCII letters, digits, "-" and "_", the same in every locale.`;
        if (id !== undefined) taken.add(id);
        out.push(
          diagnostic('content/missing-heading-id', file.path, heading, message, id !== undefined ? `Replace "#${heading.invalidId}" with "#${id}".` : 'Replace it with an id of ASCII letters, digits and hyphens.', {
            ...extras,
            fix: id !== undefined ? { edits: [{ line: heading.line, column: heading.column, find: `#${heading.invalidId}`, replace: `#${id}` }] } : undefined,
          }),
        );
        return;
      }
      const message = `The heading "${heading.text}" has no explicit id, so links to it break when it is reworded or translated.`;
      if (id === undefined) {
        out.push(diagnostic('content/missing-heading-id', file.path, heading, message, 'Add an id of ASCII letters, digits and hyphens at the end of the heading, the same in every locale: ## … {/* #short-name */}.', extras));
        return;
      }
      taken.add(id);
      const comment = `{/* #${id} */}`;
      out.push(
        diagnostic('content/missing-heading-id', file.path, heading, message, `Add ${comment} at the end of the heading (line ${heading.endLine ?? heading.line}).`, {
          ...extras,
          fix: { edits: [{ line: heading.endLine ?? heading.line, column: heading.endColumn ?? heading.column, find: '', replace: ` ${comment}` }] },
        }),
      );
    });
  }
  return out;
}

function proposeFor(file: ArticleFile, english: ArticleFile | undefined, index: number, taken: ReadonlySet<string>): string | undefined {
  const heading = file.parsed.headings[index]!;
  const counterpart = english?.parsed.headings[index];
  if (counterpart && counterpart.depth === heading.depth) {
    if (counterpart.explicit) return taken.has(counterpart.id) ? undefined : counterpart.id;
    const englishTaken = new Set(english!.parsed.headings.filter((h) => h.explicit).map((h) => h.id));
    // What the English file's own hint proposes for the same heading, so both end up alike.
    const earlier = english!.parsed.headings.slice(0, index).filter((h) => !h.explicit && (h.depth === 2 || h.depth === 3));
    for (const h of earlier) {
      const id = proposeHeadingId(h.text, englishTaken, isReservedId);
      if (id) englishTaken.add(id);
    }
    const id = proposeHeadingId(counterpart.text, englishTaken, isReservedId);
    return id !== undefined && !taken.has(id) ? id : undefined;
  }
  return proposeHeadingId(heading.text, taken, isReservedId);
}

/** `content/reserved-id`: an explicit section id that the page layout or the footnotes already give an element. */
export function checkReservedIds(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    const taken = new Set(file.parsed.headings.map((h) => h.id));
    file.parsed.headings.forEach((heading, index) => {
      if (!heading.explicit || !isReservedId(heading.id)) return;
      // The id the heading has in the other locales (a translator's slip), else a new one (the
      // footnotes' prefix dropped first: any id that keeps it is reserved too).
      const before = idOtherLocalesGive(kb, file, index);
      const base = heading.id.startsWith(BODY_IDS.footnotePrefix) ? heading.id.slice(BODY_IDS.footnotePrefix.length) : heading.id;
      const replacement = before !== undefined && !taken.has(before) && !isReservedId(before) ? before : proposeHeadingId(`${base}-section`, taken, isReservedId)!;
      taken.add(replacement);
      const what = reservedIdOwner(heading.id);
      out.push(
        diagnostic('content/reserved-id', file.path, heading, `The section id "#${heading.id}" is already the id of ${what}, so a link to it lands there, not on this section.`, before === replacement ? `Replace "#${heading.id}" with "#${replacement}", the id the other locales give this section.` : `Replace "#${heading.id}" with "#${replacement}" in every locale.`, {
          fix: { edits: [{ line: heading.line, column: heading.column, find: `#${heading.id}`, replace: `#${replacement}` }] },
          subjects: [Subject.heading(file.path, heading.line)],
        }),
      );
    });
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

/**
 * `content/orphan`: an article that no section of `navigation.yaml` lists (the home page shows it
 * under "More articles", the sidebar never). Reported once per article, at its English base file.
 * A tree without any navigation sections has nothing to be an orphan of.
 */
export function checkOrphans(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const sections = kb.navigation.sections;
  if (sections.length === 0) return [];
  const listed = new Set(sections.flatMap((s) => s.items));
  const navigation = context.navigation?.path ?? NAVIGATION;
  const last = lastItem(context);
  const out: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    if (listed.has(article.slug)) continue;
    // An article without English is reported as translation/no-source; it is not in any navigation yet.
    const file = article.variants.map((v) => v.files[SOURCE_LOCALE]).find((f) => f !== undefined);
    if (!file) continue;
    const line = `${last?.indent ?? '      '}- ${article.slug}`;
    const section = sections.at(-1)!;
    out.push(
      diagnostic('content/orphan', file.path, file.parsed.frontmatter.keyLines['title'] ?? { line: 1, column: 1 }, `"${article.slug}" is in no section of ${navigation}, so the sidebar never shows it.`, last ? `Add the line "${line}" after line ${last.line} of ${navigation} (the end of section "${section.id}"), or to the section it belongs in.` : `Add "${article.slug}" to the items of a section in ${navigation}.`, {
        fix: last ? { edits: [{ file: navigation, line: last.line + 1, column: 1, find: '', replace: `${line}\n` }] } : undefined,
        dependsOn: [`listed:${article.slug}`],
      }),
    );
  }
  return out;
}

/** The line of the last item of the last navigation section, and its indentation. */
function lastItem(context: CheckContext): { line: number; indent: string } | undefined {
  const source = context.navigation;
  if (!source) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter });
  const sections = isMap(doc.contents) ? doc.contents.get('sections', true) : undefined;
  const section = isSeq(sections) ? (sections.items.at(-1) as YamlNode | undefined) : undefined;
  const items = isMap(section) ? section.get('items', true) : undefined;
  const item = isSeq(items) ? (items.items.at(-1) as YamlNode | undefined) : undefined;
  if (!item?.range || items === undefined || (isSeq(items) && items.flow)) return undefined;
  const { line } = lineCounter.linePos(item.range[0]);
  const indent = /^\s*/.exec(source.text.split('\n')[line - 1] ?? '')![0];
  return { line, indent };
}
