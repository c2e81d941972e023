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
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { KnowledgeBase } from '../model/kb.ts';
import { resolveLink } from '../model/resolve.ts';
import { cloudInfo, type Cloud, type Locale } from '../site.ts';

/** The UI strings the body needs (i18next keys in `locales/`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface BodyReader {
  kb: KnowledgeBase;
  locale: Locale;
  cloud: Cloud;
  /** The article being rendered, for error messages. */
  slug: string;
  t: Translate;
}

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

function renderLink(node: Element, hrefName: 'href', reader: BodyReader, children: ElementContent[]): ElementContent[] {
  const href = stringProperty(node.properties, hrefName) ?? '';
  const title = stringProperty(node.properties, 'title');
  const resolution = resolveLink(reader.kb, reader, href);
  const { t } = reader;
  switch (resolution.kind) {
    case 'external':
      return [element('a', { href: resolution.href, title, rel: ['noopener'] }, children)];
    case 'asset':
      return [element('a', { href: resolution.href, title }, children)];
    case 'article':
      if (resolution.status === 'ok' || resolution.status === 'missing-anchor') {
        if (!resolution.fallback) return [element('a', { href: resolution.href, title }, children)];
        const marker = element('span', { className: ['lang-marker'] }, [text(` ${t('article.untranslatedMarker')}`)]);
        return [element('a', { href: resolution.href, title: t('article.untranslatedTitle'), hrefLang: 'en' }, [...children, marker])];
      }
      // Not a link, with the reason a reader can act on (the check reports the author's reason).
      return [
        element('span', { className: ['unavailable-link'], title: resolution.status === 'not-in-cloud' ? t('article.notInCloud', { cloud: cloudInfo(reader.cloud).shortName[reader.locale] }) : t('article.brokenLink') }, children),
      ];
    default:
      // unsafe, malformed or a bare site path: reported by the link check, never a live link.
      return [element('span', { className: ['unavailable-link'], title: t('article.brokenLink') }, children)];
  }
}

function renderImage(node: Element, reader: BodyReader): ElementContent[] {
  const src = stringProperty(node.properties, 'src') ?? '';
  const resolution = resolveLink(reader.kb, reader, src);
  if (resolution.kind !== 'asset' && resolution.kind !== 'external') return [];
  return [element('img', { ...node.properties, src: resolution.href, loading: 'lazy', decoding: 'async' }, [])];
}

function renderChildren(nodes: readonly (ElementContent | RootContent)[], reader: BodyReader): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) out.push(...renderNode(node, reader));
  return out;
}

function renderNode(node: ElementContent | RootContent, reader: BodyReader): ElementContent[] {
  if (node.type === 'text' || node.type === 'comment') return [node];
  // Raw HTML, doctypes and MDX expression nodes never reach a reader.
  if (node.type !== 'element') return [];
  const children = (): ElementContent[] => renderChildren(node.children, reader);
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
      const fact = reader.kb.fact(name, reader.cloud, reader.locale);
      if (fact === undefined) {
        throw new Error(`<CloudFact name="${name}"> in ${reader.slug}: no such fact in content/cloud-facts.yaml (run npm run check)`);
      }
      return [text(fact)];
    }
    case 'CloudOnly': {
      const clouds = (stringProperty(node.properties, 'clouds') ?? '').split(/[\s,]+/).filter(Boolean);
      return clouds.includes(reader.cloud) ? children() : [];
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
    default:
      if (/^[A-Z]/.test(node.tagName) || node.tagName === 'Fragment') {
        throw new Error(`<${node.tagName}> in ${reader.slug} is not a component the site provides (run npm run check)`);
      }
      return [{ ...node, children: children() }];
  }
}

/** The body for one reader, as a tree (for documents that embed it). */
export function renderBodyTree(tree: Root, reader: BodyReader): ElementContent[] {
  return renderChildren(tree.children, reader);
}

/** The HTML of a body for one reader. */
export function renderBody(tree: Root, reader: BodyReader): string {
  return toHtml({ type: 'root', children: renderBodyTree(tree, reader) });
}
