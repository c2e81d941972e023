/**
 * Renders an article body for one reader (locale and cloud) from the reader-independent tree the
 * parse made (`mdx/to-hast.ts`). Pure: the same tree serves every cloud URL of a variant, and
 * nothing is parsed again.
 *
 * - Links go through `resolveLink`, the function the link check uses, so what the check accepts
 *   is what the reader gets. A link to an untranslated article is marked; a link to an article
 *   that does not exist in the reader's cloud is not a link.
 * - `<Callout>` becomes a labelled `aside`, `<CloudFact>` the fact's text for the reader's cloud
 *   and language, `<CloudOnly>` its children or nothing.
 * - A section heading (`h2`, `h3` with its id) gets a visible self-link `#` beside it, outside the
 *   heading so that the heading's name stays its text:
 *   `<div class="heading-wrap"><h2 id="x">…</h2><a class="heading-anchor" href="#x" aria-label="…">#</a></div>`.
 * - GFM footnotes keep their ids and ARIA links; their hidden heading and back-link labels are in
 *   the reader's language.
 * - The result always passes the renderer's own allow-list (`sanitize.ts`), whatever the tree holds.
 * - Everything that depends on the reader's cloud is asked of a `ReaderCloud` (`reader-cloud.ts`),
 *   and the cloud is written as its `shown` form, so that one rendering can serve several clouds.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { KnowledgeBase } from '../model/kb.ts';
import { BODY_IDS } from '../layout-ids.ts';
import { MAX_NESTING_DEPTH } from '../mdx/depth.ts';
import { localeInfo, type Cloud, type Locale } from '../site.ts';
import { cloudShortName } from './cloud-token.ts';
import { ReaderCloud } from './reader-cloud.ts';
import { sanitizeBody } from './sanitize.ts';

/** The UI strings the body needs (i18next keys in `locales/`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface BodyReader {
  kb: KnowledgeBase;
  locale: Locale;
  cloud: Cloud;
  /** The article being rendered, for error messages. */
  slug: string;
  t: Translate;
  /**
   * How the body learns about the cloud and where it names it (default: a `ReaderCloud` of `kb`,
   * `locale` and `cloud`, naming `cloud`).
   */
  asking?: ReaderCloud;
}

/** A body reader with its `ReaderCloud`. */
type Asking = BodyReader & { asking: ReaderCloud };

const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
type CalloutType = (typeof CALLOUT_TYPES)[number];

function stringProperty(properties: Properties, name: string): string | undefined {
  const value = properties[name];
  return typeof value === 'string' ? value : undefined;
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function calloutLabel(type: CalloutType, t: Translate): string {
  // Keys written out so that the UI-string check sees each of them.
  switch (type) {
    case 'note':
      return t('callout.note');
    case 'tip':
      return t('callout.tip');
    case 'important':
      return t('callout.important');
    case 'warning':
      return t('callout.warning');
    case 'caution':
      return t('callout.caution');
  }
}

/** The properties of `properties` named in `names` (those that are set). */
function pick(properties: Properties, names: readonly string[]): Properties {
  const out: Properties = {};
  for (const name of names) if (properties[name] !== undefined && properties[name] !== null) out[name] = properties[name];
  return out;
}

/** What a footnote call or back link carries besides its href (mdast-util-to-hast's GFM footnotes). */
const FOOTNOTE_LINK_PROPERTIES = ['id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'className'] as const;

/**
 * A footnote call or back link (GFM footnotes, `to-hast.ts`): a link within the body itself, so it
 * keeps its `#user-content-fn…` fragment, id and ARIA properties. The parse leaves a back link's
 * label as the reference's number; the reader gets it in words, in their language.
 */
function renderFootnoteLink(node: Element, reader: Asking, children: ElementContent[]): ElementContent[] {
  const href = stringProperty(node.properties, 'href') ?? '';
  const properties: Properties = { href: href.startsWith('#') ? href : undefined, ...pick(node.properties, FOOTNOTE_LINK_PROPERTIES) };
  if (node.properties['dataFootnoteBackref'] !== undefined) {
    properties['ariaLabel'] = reader.t('footnote.backref', { reference: stringProperty(node.properties, 'ariaLabel') ?? '' });
    // The body may be another language's (an untranslated article): the label is the reader's.
    properties['lang'] = localeInfo(reader.locale).htmlLang;
  }
  return [element('a', properties, children)];
}

function renderLink(node: Element, hrefName: 'href', reader: Asking, children: ElementContent[]): ElementContent[] {
  if (node.properties['dataFootnoteRef'] !== undefined || node.properties['dataFootnoteBackref'] !== undefined) return renderFootnoteLink(node, reader, children);
  const href = stringProperty(node.properties, hrefName) ?? '';
  const title = stringProperty(node.properties, 'title');
  const resolution = reader.asking.link(href, reader.slug);
  const { t } = reader;
  switch (resolution.kind) {
    case 'external':
      return [element('a', { href: resolution.href, title, rel: ['noopener'] }, children)];
    case 'asset':
      // A file that is not in public/ (link/missing-asset): never a link to nothing.
      if (!resolution.exists) return [element('span', { className: ['unavailable-link'], title: t('article.brokenLink') }, children)];
      return [element('a', { href: resolution.href, title }, children)];
    case 'article':
      if (resolution.status === 'ok' || resolution.status === 'missing-anchor') {
        // A section the page does not have (link/missing-anchor): the reader lands on the page, where
        // a browser would have left them anyway, and the built-HTML pass does not report the check's
        // finding a second time (one fault, one diagnostic; a migration's baseline accepts it once).
        const href = resolution.status === 'missing-anchor' ? resolution.href.replace(/#.*$/, '') : resolution.href;
        if (!resolution.fallback) return [element('a', { href, title }, children)];
        const marker = element('span', { className: ['lang-marker'] }, [text(` ${t('article.untranslatedMarker')}`)]);
        return [element('a', { href, title: t('article.untranslatedTitle'), hrefLang: 'en' }, [...children, marker])];
      }
      // Not a link, with the reason a reader can act on (the check reports the author's reason).
      return [
        element('span', { className: ['unavailable-link'], title: resolution.status === 'not-in-cloud' ? t('article.notInCloud', { cloud: cloudShortName(reader.asking.shown, reader.locale) }) : t('article.brokenLink') }, children),
      ];
    default:
      // unsafe, malformed or a bare site path: reported by the link check, never a live link.
      return [element('span', { className: ['unavailable-link'], title: t('article.brokenLink') }, children)];
  }
}

function renderImage(node: Element, reader: Asking): ElementContent[] {
  const src = stringProperty(node.properties, 'src') ?? '';
  const resolution = reader.asking.link(src, reader.slug);
  if (resolution.kind !== 'asset' && resolution.kind !== 'external') return [];
  // An image that is not in public/ (link/missing-asset): its alternative text, as a browser shows a
  // broken image's, without a request for a file that is not there.
  if (resolution.kind === 'asset' && !resolution.exists) {
    const alt = stringProperty(node.properties, 'alt') ?? '';
    return alt ? [element('span', { className: ['unavailable-link'], title: reader.t('article.brokenLink') }, [text(alt)])] : [];
  }
  return [element('img', { ...pick(node.properties, ['alt', 'title']), src: resolution.href, loading: 'lazy', decoding: 'async' }, [])];
}

/** The footnotes section, with its hidden heading in the reader's language (and saying so). */
function renderFootnotes(node: Element, reader: Asking, depth: number): ElementContent[] {
  // The hidden heading is a label, not a section: no self-link, and the reader's words.
  const label = (child: RootContent): child is Element => child.type === 'element' && child.properties['id'] === BODY_IDS.footnoteLabel;
  const children = node.children.flatMap((child) =>
    label(child)
      ? [{ ...child, properties: { ...child.properties, lang: localeInfo(reader.locale).htmlLang }, children: [text(reader.t('footnote.label'))] }]
      : renderChildren([child], reader, depth),
  );
  return [element('section', pick(node.properties, ['dataFootnotes', 'className']), children)];
}

function renderChildren(nodes: readonly (ElementContent | RootContent)[], reader: Asking, depth: number): ElementContent[] {
  // The parse limits nesting (`mdx/depth.ts`), and so does the cache's check of its entries: a tree
  // deeper than that reached the renderer some other way, and is refused rather than overflow the stack.
  if (depth > MAX_NESTING_DEPTH * 2) throw new Error(`The body of ${reader.slug} is nested more than ${MAX_NESTING_DEPTH} levels deep (run npm run check)`);
  const out: ElementContent[] = [];
  for (const node of nodes) for (const rendered of renderNode(node, reader, depth)) out.push(rendered);
  return out;
}

function renderNode(node: ElementContent | RootContent, reader: Asking, depth: number): ElementContent[] {
  if (node.type === 'text') return [node];
  // Comments, raw HTML, doctypes and MDX expression nodes never reach a reader.
  if (node.type !== 'element') return [];
  const children = (): ElementContent[] => renderChildren(node.children, reader, depth + 1);
  switch (node.tagName) {
    case 'a':
      return renderLink(node, 'href', reader, children());
    case 'img':
      return renderImage(node, reader);
    case 'Callout': {
      const declared = stringProperty(node.properties, 'type');
      const type: CalloutType = CALLOUT_TYPES.includes(declared as CalloutType) ? (declared as CalloutType) : 'note';
      const label = stringProperty(node.properties, 'title') ?? calloutLabel(type, reader.t);
      return [
        element('aside', { className: ['callout', `callout-${type}`], ariaLabel: label }, [
          element('p', { className: ['callout-label'] }, [text(label)]),
          element('div', { className: ['callout-body'] }, children()),
        ]),
      ];
    }
    case 'CloudFact': {
      const name = stringProperty(node.properties, 'name') ?? '';
      const fact = reader.asking.fact(name);
      if (fact === undefined) {
        throw new Error(`<CloudFact name="${name}"> in ${reader.slug}: no such fact in content/cloud-facts.yaml (run npm run check)`);
      }
      return [text(fact)];
    }
    case 'CloudOnly': {
      const clouds = (stringProperty(node.properties, 'clouds') ?? '').split(/[\s,]+/).filter(Boolean);
      return reader.asking.includes(clouds) ? children() : [];
    }
    case 'br':
      return [element('br', {}, [])];
    case 'h2':
    case 'h3': {
      const heading: Element = { ...node, children: children() };
      const id = stringProperty(node.properties, 'id');
      if (!id) return [heading];
      const label = reader.t('article.headingLink', { heading: toText(heading).trim() });
      return [element('div', { className: ['heading-wrap'] }, [heading, element('a', { className: ['heading-anchor'], href: `#${id}`, ariaLabel: label }, [text('#')])])];
    }
    case 'section':
      if (node.properties['dataFootnotes'] !== undefined) return renderFootnotes(node, reader, depth + 1);
      return [{ ...node, children: children() }];
    default:
      if (/^[A-Z]/.test(node.tagName) || node.tagName === 'Fragment') {
        throw new Error(`<${node.tagName}> in ${reader.slug} is not a component the site provides (run npm run check)`);
      }
      return [{ ...node, children: children() }];
  }
}

/** The body for one reader, as a tree (for documents that embed it), through the allow-list. */
export function renderBodyTree(tree: Root, reader: BodyReader): ElementContent[] {
  const asking = reader.asking ?? new ReaderCloud(reader.kb, reader.locale, reader.cloud);
  return sanitizeBody(renderChildren(tree.children, { ...reader, asking }, 0));
}

/** The HTML of a body for one reader. */
export function renderBody(tree: Root, reader: BodyReader): string {
  return toHtml({ type: 'root', children: renderBodyTree(tree, reader) });
}
