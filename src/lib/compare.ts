/**
 * The compare view (`/<locale>/<cloud>/<slug>/compare/`): a translation beside today's English,
 * section by section (aligned by section id), both rendered as the reader sees them (links kept,
 * through the same renderer as the article, ids and in-page links scoped per side), with what changed in English since the translation
 * was made marked under each section, and the translation's status (machine or human; outdated
 * since when) at the top.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { englishChangeSince, type EnglishChange } from './model/english-change.ts';
import type { SourceHistory } from './model/history.ts';
import type { KnowledgeBase } from './model/kb.ts';
import type { SectionChange } from './model/section-diff.ts';
import type { ArticleFile, Page } from './model/types.ts';
import { renderBodyTree, type Translate } from './render/body.ts';
import { SOURCE_LOCALE, type Locale } from './site.ts';

/** Prefixes of the ids (and in-page links) of each side of the compare view. */
export const TRANSLATION_ID_PREFIX = 'translation-';
export const ENGLISH_ID_PREFIX = 'english-';

export interface CompareRow {
  /** Section id (`''` for the text before the first heading). */
  id: string;
  /** The translation's section as HTML, or undefined when it has no section with this id. */
  translation: string | undefined;
  /** Today's English section as HTML, or undefined when English no longer has it. */
  english: string | undefined;
  /** How this section of the English changed since the translation (undefined: unchanged or unknown). */
  change: SectionChange | undefined;
}

export interface CompareView {
  translationPath: string;
  englishPath: string;
  method: 'human' | 'machine';
  /** `current`: made from today's English; `stale`: the English changed since. */
  state: 'current' | 'stale';
  /** For `stale`: the change, as history tells it (`unknown` with a reason when it cannot). */
  change: EnglishChange | undefined;
  rows: CompareRow[];
}

/** The top-level nodes of a rendered body, split at `<h2>`/`<h3>` (the parse's section boundaries). */
function splitSections(nodes: readonly ElementContent[]): Map<string, ElementContent[]> {
  const sections = new Map<string, ElementContent[]>();
  let current: ElementContent[] = [];
  sections.set('', current);
  for (const node of nodes) {
    const heading = sectionHeading(node);
    if (heading) {
      const id = typeof heading.properties['id'] === 'string' ? heading.properties['id'] : '';
      current = [];
      sections.set(id, current);
    }
    current.push(node);
  }
  return sections;
}

/** The `<h2>`/`<h3>` a top-level node is, or wraps (with its self-link). */
function sectionHeading(node: ElementContent): Element | undefined {
  if (node.type !== 'element') return undefined;
  if (node.tagName === 'h2' || node.tagName === 'h3') return node;
  const first = node.children.find((c) => c.type === 'element');
  return node.tagName === 'div' && first?.type === 'element' && (first.tagName === 'h2' || first.tagName === 'h3') ? first : undefined;
}

/**
 * Both columns hold the same section ids: each side's ids get a prefix of their own, and the
 * links within the page (`#id`, heading self-links) the same prefix, so ids stay unique and every
 * such link still lands on its side.
 */
function scopeIds(nodes: readonly ElementContent[], prefix: string): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const properties = { ...node.properties };
    if (typeof properties['id'] === 'string') properties['id'] = prefix + properties['id'];
    const href = properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) properties['href'] = `#${prefix}${href.slice(1)}`;
    return { ...node, properties, children: scopeIds(node.children, prefix) } satisfies Element;
  });
}

function renderSections(kb: KnowledgeBase, file: ArticleFile, locale: Locale, page: Page, t: Translate, prefix: string): Map<string, string> {
  const tree = renderBodyTree(file.parsed.hast, { kb, locale, cloud: page.cloud, slug: page.article.slug, t });
  const out = new Map<string, string>();
  for (const [id, nodes] of splitSections(tree)) {
    const html = toHtml({ type: 'root', children: scopeIds(nodes, prefix) }).trim();
    if (html !== '' || id !== '') out.set(id, html);
  }
  return out;
}

/**
 * The compare view of a translated page, or undefined for an English or fallback page. `t` is
 * the reader's UI strings (the body's callout labels); the English column uses English ones.
 */
export function compareView(kb: KnowledgeBase, history: SourceHistory, page: Page, t: Translate, tEnglish: Translate): CompareView | undefined {
  if (page.fallback || page.locale === SOURCE_LOCALE) return undefined;
  const translation = page.file;
  const english = kb.sourceOf(translation);
  if (!english) return undefined;
  const method = translation.frontmatter.translation?.method === 'human' ? 'human' : 'machine';
  const stale = translation.frontmatter.translation?.sourceHash !== english.hash;
  const change = stale ? englishChangeSince(kb, history, translation) : undefined;
  const translated = renderSections(kb, translation, page.locale, page, t, TRANSLATION_ID_PREFIX);
  const current = renderSections(kb, english, SOURCE_LOCALE, page, tEnglish, ENGLISH_ID_PREFIX);
  const changes = change?.status === 'changed' ? new Map(change.sections.map((s) => [s.id, s])) : new Map<string, SectionChange>();

  // Today's English order; sections English no longer has (or never had) follow where the
  // English change puts them, else at the end.
  const order: string[] = change?.status === 'changed' ? change.sections.map((s) => s.id) : [...current.keys()];
  for (const id of current.keys()) if (!order.includes(id)) order.push(id);
  for (const id of translated.keys()) if (!order.includes(id)) order.push(id);
  const rows = order
    .filter((id) => current.has(id) || translated.has(id) || changes.get(id)?.status === 'removed')
    .map((id) => {
      const c = changes.get(id);
      return { id, translation: translated.get(id), english: current.get(id), change: c && c.status !== 'same' ? c : undefined };
    });
  return { translationPath: translation.path, englishPath: english.path, method, state: stale ? 'stale' : 'current', change, rows };
}
