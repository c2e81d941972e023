/**
 * Content safety. MDX compiles to code that runs at build time and content arrives in pull
 * requests, so content may use only the site's own components with their known attributes: no
 * import/export, no JS expressions (except the heading-id comment), no script-like elements, no
 * event handlers, no expression attributes or spreads, no javascript:/data: URLs.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ParsedAttribute, ParsedElement } from '../mdx/parse.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile } from '../model/types.ts';
import { CLOUD_IDS, isCloud, type Cloud } from '../site.ts';
import { diagnostic, listing } from './context.ts';

export interface AllowedAttribute {
  required?: boolean;
  /** The accepted values, when the attribute is an enumeration. */
  values?: readonly string[];
}

/**
 * The components content may use (provided globally by the site, never imported), each with the
 * attributes it accepts. This is the one list: the safety check and the docs read it.
 */
export const ALLOWED_COMPONENTS: Readonly<Record<string, Readonly<Record<string, AllowedAttribute>>>> = {
  Callout: { type: { required: true, values: ['note', 'tip', 'important', 'warning', 'caution'] }, title: {} },
  CloudFact: { name: { required: true } },
  CloudOnly: { clouds: { required: true } },
  br: {},
};

const SCRIPT_LIKE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset']);
const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;

export function checkSafety(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    for (const esm of file.parsed.esm) {
      out.push(diagnostic('safety/esm', file.path, esm, `Content may not use import or export ("${firstLine(esm.value)}").`, 'Components are provided globally; remove the statement.'));
    }
    for (const expression of file.parsed.expressions) {
      if (expression.headingId) continue;
      out.push(diagnostic('safety/expression', file.path, expression, `Content may not contain a JS expression ({${firstLine(expression.value)}}).`, 'Escape a literal brace as \\{. The only allowed form is a heading id at the end of a heading: ## Title {/* #id */}.'));
    }
    for (const element of file.parsed.elements) out.push(...checkElement(kb, file, element));
  }
  return out;
}

function checkElement(kb: KnowledgeBase, file: ArticleFile, element: ParsedElement): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = element.name;
  const allowedNames = Object.keys(ALLOWED_COMPONENTS).map((n) => `<${n}>`);
  if (name !== null && SCRIPT_LIKE.has(name.toLowerCase())) {
    out.push(diagnostic('safety/script', file.path, element, `Content may not contain a <${name}> element.`, 'Remove it; pages get their scripts and styles from the site\'s layouts.'));
  } else if (name === null || !Object.hasOwn(ALLOWED_COMPONENTS, name)) {
    out.push(diagnostic('safety/component', file.path, element, name === null ? 'Content may not contain a fragment (<>…</>).' : `<${name}> is not a component the site provides.`, `Use Markdown, or one of ${listing(allowedNames)}.`));
  }
  const allowed = name !== null && Object.hasOwn(ALLOWED_COMPONENTS, name) ? ALLOWED_COMPONENTS[name]! : undefined;
  for (const attribute of element.attributes) {
    out.push(...checkAttribute(file, element, attribute, allowed));
  }
  if (!allowed || name === null) return out;
  for (const [attrName, spec] of Object.entries(allowed)) {
    const attribute = element.attributes.find((a) => a.name === attrName);
    if (spec.required && !attribute) {
      out.push(diagnostic('content/component-attribute', file.path, element, `<${name}> needs a ${attrName} attribute.`, spec.values ? `Add ${attrName}="${spec.values[0]}" (one of ${listing(spec.values)}).` : `Add ${attrName}="…".`));
    } else if (attribute && spec.values && typeof attribute.value === 'string' && !spec.values.includes(attribute.value)) {
      out.push(diagnostic('content/component-attribute', file.path, attribute, `<${name} ${attrName}="${attribute.value}"> is not a known ${attrName}.`, `Use one of ${listing(spec.values)}.`));
    }
  }
  if (name === 'CloudFact') {
    const attribute = element.attributes.find((a) => a.name === 'name');
    if (attribute && typeof attribute.value === 'string' && !Object.hasOwn(kb.cloudFacts, attribute.value)) {
      const known = Object.keys(kb.cloudFacts);
      out.push(diagnostic('content/unknown-fact', file.path, attribute, `<CloudFact name="${attribute.value}"> names a fact that is not in content/cloud-facts.yaml.`, known.length > 0 ? `Use one of ${listing(known)}, or add the fact to content/cloud-facts.yaml for every cloud and locale.` : 'Add the fact to content/cloud-facts.yaml for every cloud and locale.'));
    }
  }
  if (name === 'CloudOnly') {
    const attribute = element.attributes.find((a) => a.name === 'clouds');
    if (attribute && typeof attribute.value === 'string') {
      const listed = attribute.value.split(/[\s,]+/).filter(Boolean);
      const unknown = listed.filter((c) => !isCloud(c));
      if (unknown.length > 0 || listed.length === 0) {
        out.push(diagnostic('content/unknown-cloud', file.path, attribute, listed.length === 0 ? '<CloudOnly clouds=""> lists no cloud.' : `<CloudOnly clouds="${attribute.value}"> lists ${listing(unknown, true)}, which ${unknown.length === 1 ? 'is not a cloud' : 'are not clouds'} of this site.`, `List clouds separated by spaces, from: ${CLOUD_IDS.join(', ')}.`));
      } else {
        // A block for clouds this variant does not serve is never shown to anyone.
        const served = kb.article(file.slug)?.variants.find((v) => v.key === file.variantKey)?.clouds ?? [];
        if (served.length > 0 && !listed.some((c) => served.includes(c as Cloud))) {
          out.push(diagnostic('content/unreachable-cloud-block', file.path, attribute, `<CloudOnly clouds="${attribute.value}"> is never shown: this variant serves ${listing(served)}.`, 'Remove the block, or move its content to the variant that serves those clouds.'));
        }
      }
    }
  }
  return out;
}

function checkAttribute(file: ArticleFile, element: ParsedElement, attribute: ParsedAttribute, allowed: Readonly<Record<string, AllowedAttribute>> | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tag = element.name ?? '';
  if (attribute.name === '...') {
    return [diagnostic('safety/attribute', file.path, attribute, `<${tag}> has a spread attribute ({${firstLine(attribute.expression ?? '')}}), which content may not use.`, 'Write each attribute as name="value".')];
  }
  if (/^on/i.test(attribute.name)) {
    out.push(diagnostic('safety/event-handler', file.path, attribute, `<${tag}> has an event-handler attribute ${attribute.name}.`, 'Remove it: content may not run scripts.'));
  } else if (attribute.value === undefined) {
    out.push(diagnostic('safety/attribute', file.path, attribute, `<${tag} ${attribute.name}={…}> has an expression value, which content may not use.`, `Write a plain string: ${attribute.name}="…".`));
  } else if (allowed && !Object.hasOwn(allowed, attribute.name)) {
    const known = Object.keys(allowed);
    out.push(diagnostic('safety/attribute', file.path, attribute, `<${tag}> does not accept the attribute ${attribute.name}.`, known.length > 0 ? `<${tag}> accepts ${listing(known)}.` : `<${tag}> takes no attributes.`));
  }
  // href/src are links: the link check judges them. Every other value is checked here.
  if (typeof attribute.value === 'string' && attribute.name !== 'href' && attribute.name !== 'src' && UNSAFE_URL.test(attribute.value)) {
    out.push(diagnostic('link/unsafe-url', file.path, attribute, `The attribute ${attribute.name} of <${tag}> holds a ${attribute.value.trim().split(':')[0]!.toLowerCase()}: URL.`, 'Remove it: content may not carry script or inline-data URLs.'));
  }
  return out;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}
