/**
 * `content/redirects.yaml` (`old-slug: new-slug` or `new-slug#anchor`): every old URL must forward
 * to a page. Reported at the entry's line and column, from the YAML parser's positions:
 * - `redirect/loop`: entries that lead back to themselves (`a: b`, `b: a`), once, at the first of
 *   them in the file;
 * - `redirect/missing-target`: an entry whose target is neither an article nor another redirect;
 * - `redirect/missing-anchor`: a `#anchor` that a variant of the target article does not have (the
 *   forward page would land on a missing section in some locale or cloud).
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { CheckContext } from './context.ts';
import { diagnostic, listing } from './context.ts';

interface Entry {
  from: string;
  to: string;
  key: SourcePosition;
  value: SourcePosition;
}

/** The entries of the redirects file, in file order, with the positions of key and value. */
function entriesOf(text: string): Entry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (offset: number | undefined): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  if (!isMap(doc.contents)) return [];
  const out: Entry[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    out.push({ from: String(pair.key.value), to: String(pair.value.value), key: at(pair.key.range?.[0]), value: at(pair.value.range?.[0]) });
  }
  return out;
}

export function checkRedirects(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const source = context.redirects;
  if (!source) return [];
  const file = source.path;
  const out: Diagnostic[] = [];
  const entries = entriesOf(source.text).filter((e) => kb.redirects[e.from] === e.to);
  const slugOf = (target: string): string => target.split('#')[0]!;
  const inLoop = new Set<string>();
  for (const entry of entries) {
    if (kb.articles.has(entry.from) || inLoop.has(entry.from)) continue;
    // Follow the chain; a slug seen twice before an article is a loop.
    const path = [entry.from];
    let slug = slugOf(entry.to);
    while (!kb.articles.has(slug) && kb.redirects[slug] !== undefined && !path.includes(slug)) {
      path.push(slug);
      slug = slugOf(kb.redirects[slug]!);
    }
    if (path.includes(slug)) {
      const cycle = path.slice(path.indexOf(slug));
      if (!cycle.some((member) => inLoop.has(member))) {
        for (const member of cycle) inLoop.add(member);
        // Reported once, at the member that comes first in the file, starting the circle there.
        const first = entries.find((e) => cycle.includes(e.from))!;
        const start = cycle.indexOf(first.from);
        const circle = [...cycle.slice(start), ...cycle.slice(0, start), first.from];
        out.push(
          diagnostic('redirect/loop', file, first.key, `The redirects ${circle.map((s) => `"${s}"`).join(' → ')} lead in a circle: the old URLs reach no article.`, 'Point one of them at the article the pages moved to (a slug with a file in content/en/).'),
        );
      }
      continue;
    }
    const target = slugOf(entry.to);
    if (!kb.articles.has(target) && kb.redirects[target] === undefined) {
      out.push(diagnostic('redirect/missing-target', file, entry.value, `"${entry.from}" redirects to "${target}", which is not an article.`, 'Name an article that exists (content/en/<slug>.mdx), or remove the line.'));
      continue;
    }
    const anchor = entry.to.split('#')[1];
    const article = kb.article(slug);
    if (anchor === undefined || !article) continue;
    const lacking = article.variants.flatMap((variant) => Object.values(variant.files).filter((f) => f && !f.parsed.headings.some((h) => h.id === anchor)).map((f) => f!.path));
    if (lacking.length > 0) {
      out.push(
        diagnostic('redirect/missing-anchor', file, entry.value, `"${entry.from}" redirects to "${entry.to}", but ${listing(lacking)} ${lacking.length === 1 ? 'has' : 'have'} no section #${anchor}.`, `Use a section id that every variant of "${slug}" has, or redirect to "${slug}" without one.`),
      );
    }
  }
  return out;
}
