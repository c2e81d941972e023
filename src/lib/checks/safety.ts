/**
 * Content safety. MDX compiles to code that runs at build time and content arrives in pull
 * requests, so content may use only the site's own components with their known attributes: no
 * import/export, no JS expressions (comments `{/* … *\/}` compile to nothing and are allowed: the
 * heading-id comment is one), no script-like elements, no event handlers, no expression attributes
 * or spreads, no javascript:/data: URLs.
 */
import { Subject, type Diagnostic, type Fix, type SourcePosition } from '../diagnostics.ts';
import type { ParsedAttribute, ParsedElement } from '../mdx/parse.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile } from '../model/types.ts';
import { CLOUD_IDS, isCloud, type Cloud } from '../site.ts';
import { suggest } from '../model/resolve.ts';
import { diagnostic, listing, sourceOf, type CheckContext } from './context.ts';
import { append } from '../append.ts';

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

/** An expression made only of block comments (`{/* note *\/}`): MDX compiles it to nothing. */
export const COMMENT_ONLY = /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/;
const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;

/** A fix that deletes a node's source text, when it is known. */
function removal(context: Pick<CheckContext, 'texts'>, path: string, position: SourcePosition): Fix | undefined {
  const text = sourceOf(context, path, position);
  return text ? { edits: [{ line: position.line, column: position.column, find: text, replace: '' }] } : undefined;
}

/** A fix that replaces `from` by `to` at a position. */
function replacing(position: SourcePosition, from: string, to: string): Fix {
  return { edits: [{ line: position.line, column: position.column, find: from, replace: to }] };
}

export function checkSafety(kb: KnowledgeBase, context: Pick<CheckContext, 'texts'> = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of kb.files()) {
    for (const esm of file.parsed.esm) {
      out.push(diagnostic('safety/esm', file.path, esm, `Content may not use import or export ("${firstLine(esm.value)}").`, `Delete the statement "${firstLine(esm.value)}": components are provided globally.`, { fix: removal(context, file.path, esm) }));
    }
    for (const expression of file.parsed.expressions) {
      if (expression.headingId || COMMENT_ONLY.test(expression.value)) continue;
      out.push(
        diagnostic('safety/expression', file.path, expression, `Content may not contain a JS expression ({${firstLine(expression.value)}}).`, `For a literal brace, replace "{" with "\\{" at line ${expression.line}, column ${expression.column}. Only comments are allowed in braces: {/* note */}, and a heading id: ## Title {/* #id */}.`, {
          fix: { edits: [{ line: expression.line, column: expression.column, find: '{', replace: '\\{' }] },
        }),
      );
    }
    for (const element of file.parsed.elements) append(out, checkElement(kb, file, element, context));
  }
  return out;
}

/**
 * Whether an element is one content may contain: a site component with attributes it accepts (the
 * same judgement as the check's errors, without reporting). A translation is not asked to copy an
 * element that is not.
 */
export function isAllowedElement(element: ParsedElement): boolean {
  const name = element.name;
  if (name === null || SCRIPT_LIKE.has(name.toLowerCase()) || !Object.hasOwn(ALLOWED_COMPONENTS, name)) return false;
  const allowed = ALLOWED_COMPONENTS[name]!;
  return element.attributes.every((a) => a.name !== '...' && !/^on/i.test(a.name) && a.value !== undefined && Object.hasOwn(allowed, a.name) && !(typeof a.value === 'string' && a.name !== 'href' && a.name !== 'src' && UNSAFE_URL.test(a.value)));
}

function checkElement(kb: KnowledgeBase, file: ArticleFile, element: ParsedElement, context: Pick<CheckContext, 'texts'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = element.name;
  const allowedNames = Object.keys(ALLOWED_COMPONENTS).map((n) => `<${n}>`);
  // An attribute's finding is also about its element: a translation that lacks the element is not
  // asked to carry over what the English may not contain (see translations.ts).
  const subjects = [`at:${file.path}:${element.line}:${element.column}`];
  if (name !== null && SCRIPT_LIKE.has(name.toLowerCase())) {
    out.push(diagnostic('safety/script', file.path, element, `Content may not contain a <${name}> element.`, `Delete the <${name}> element; pages get their scripts and styles from the site's layouts.`, { fix: removal(context, file.path, element) }));
  } else if (name === null || !Object.hasOwn(ALLOWED_COMPONENTS, name)) {
    const near = name === null ? undefined : suggest(name, Object.keys(ALLOWED_COMPONENTS).filter((n) => /^[A-Z]/.test(n)))[0];
    const text = near ? sourceOf(context, file.path, element) : undefined;
    // The opening tag, and the closing tag when the element has one (it ends the element's text).
    const closing = text?.endsWith(`</${name}>`) && element.endLine !== undefined && element.endColumn !== undefined ? { line: element.endLine, column: element.endColumn - `</${name}>`.length, find: `</${name}>`, replace: `</${near}>` } : undefined;
    const fix: Fix | undefined = near && text ? { edits: [{ line: element.line, column: element.column, find: `<${name}`, replace: `<${near}` }, ...(closing ? [closing] : [])] } : undefined;
    out.push(diagnostic('safety/component', file.path, element, name === null ? 'Content may not contain a fragment (<>…</>).' : `<${name}> is not a component the site provides.`, fix ? `Replace <${name}> with <${near}>.` : `Use Markdown, or one of ${listing(allowedNames)}.`, { fix }));
  }
  const allowed = name !== null && Object.hasOwn(ALLOWED_COMPONENTS, name) ? ALLOWED_COMPONENTS[name]! : undefined;
  for (const attribute of element.attributes) {
    out.push(...checkAttribute(file, element, attribute, allowed, context).map((d) => ({ ...d, subjects })));
  }
  if (!allowed || name === null) return out;
  for (const [attrName, spec] of Object.entries(allowed)) {
    const attribute = element.attributes.find((a) => a.name === attrName);
    if (spec.required && !attribute) {
      const fix: Fix | undefined = spec.values ? { edits: [{ line: element.line, column: element.column, find: `<${name}`, replace: `<${name} ${attrName}="${spec.values[0]}"` }] } : undefined;
      out.push(diagnostic('content/component-attribute', file.path, element, `<${name}> needs a ${attrName} attribute.`, spec.values ? `Add ${attrName}="${spec.values[0]}" after <${name} (or another of ${listing(spec.values)}).` : `Add ${attrName}="…" after <${name}.`, { fix }));
    } else if (attribute && spec.values && typeof attribute.value === 'string' && !spec.values.includes(attribute.value)) {
      const near = suggest(attribute.value, [...spec.values])[0];
      out.push(
        diagnostic('content/component-attribute', file.path, attribute, `<${name} ${attrName}="${attribute.value}"> is not a known ${attrName}.`, near ? `Replace "${attribute.value}" with "${near}".` : `Use one of ${listing(spec.values)}.`, {
          fix: near ? replacing(attribute, `"${attribute.value}"`, `"${near}"`) : undefined,
          // In a translation, the element then differs from the English one: \`translation/components\` folds into this.
          subjects: [Subject.at(file.path, element)],
        }),
      );
    }
  }
  if (name === 'CloudFact') {
    const attribute = element.attributes.find((a) => a.name === 'name');
    if (attribute && typeof attribute.value === 'string' && !Object.hasOwn(kb.cloudFacts, attribute.value)) {
      const known = Object.keys(kb.cloudFacts);
      const near = suggest(attribute.value, known)[0];
      out.push(
        diagnostic('content/unknown-fact', file.path, attribute, `<CloudFact name="${attribute.value}"> names a fact that is not in content/cloud-facts.yaml.`, near ? `Replace "${attribute.value}" with "${near}", or add the fact to content/cloud-facts.yaml for every cloud and locale.` : known.length > 0 ? `Use one of ${listing(known)}, or add the fact to content/cloud-facts.yaml for every cloud and locale.` : 'Add the fact to content/cloud-facts.yaml for every cloud and locale.', {
          fix: near ? replacing(attribute, `"${attribute.value}"`, `"${near}"`) : undefined,
          // No facts at all when cloud-facts.yaml did not parse: its error explains this one.
          dependsOn: ['data:cloudFacts'],
          // In a translation, the element then differs from the English one: \`translation/components\` folds into this.
          subjects: [Subject.at(file.path, element)],
        }),
      );
    }
  }
  if (name === 'CloudOnly') {
    const attribute = element.attributes.find((a) => a.name === 'clouds');
    if (attribute && typeof attribute.value === 'string') {
      const listed = attribute.value.split(/[\s,]+/).filter(Boolean);
      const unknown = listed.filter((c) => !isCloud(c));
      if (unknown.length > 0 || listed.length === 0) {
        // Near misses are corrected, other unknown names dropped (if any cloud remains).
        const corrected = listed.map((c) => (isCloud(c) ? c : suggest(c, [...CLOUD_IDS]).find((x) => !listed.includes(x)))).filter((c): c is string => c !== undefined);
        const value = [...new Set(corrected)].join(' ');
        out.push(
          diagnostic('content/unknown-cloud', file.path, attribute, listed.length === 0 ? '<CloudOnly clouds=""> lists no cloud.' : `<CloudOnly clouds="${attribute.value}"> lists ${listing(unknown, true)}, which ${unknown.length === 1 ? 'is not a cloud' : 'are not clouds'} of this site.`, value ? `Replace clouds="${attribute.value}" with clouds="${value}".` : `List clouds separated by spaces, from: ${CLOUD_IDS.join(', ')}.`, {
            fix: value ? replacing(attribute, `"${attribute.value}"`, `"${value}"`) : undefined,
          }),
        );
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

function checkAttribute(file: ArticleFile, element: ParsedElement, attribute: ParsedAttribute, allowed: Readonly<Record<string, AllowedAttribute>> | undefined, context: Pick<CheckContext, 'texts'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tag = element.name ?? '';
  // An attribute goes with the space before it, so the element reads as if it had never been there.
  const remove = (): Fix | undefined => {
    const spaced = { ...attribute, column: attribute.column - 1 };
    return attribute.column > 1 && /^\s/.test(sourceOf(context, file.path, spaced) ?? '') ? removal(context, file.path, spaced) : removal(context, file.path, attribute);
  };
  if (attribute.name === '...') {
    return [diagnostic('safety/attribute', file.path, attribute, `<${tag}> has a spread attribute ({${firstLine(attribute.expression ?? '')}}), which content may not use.`, 'Delete it, and write each attribute as name="value".', { fix: remove() })];
  }
  if (/^on/i.test(attribute.name)) {
    out.push(diagnostic('safety/event-handler', file.path, attribute, `<${tag}> has an event-handler attribute ${attribute.name}.`, `Delete the attribute ${attribute.name}: content may not run scripts.`, { fix: remove() }));
  } else if (attribute.value === undefined) {
    out.push(diagnostic('safety/attribute', file.path, attribute, `<${tag} ${attribute.name}={…}> has an expression value, which content may not use.`, `Write a plain string: ${attribute.name}="…".`));
  } else if (allowed && !Object.hasOwn(allowed, attribute.name)) {
    const known = Object.keys(allowed);
    out.push(diagnostic('safety/attribute', file.path, attribute, `<${tag}> does not accept the attribute ${attribute.name}.`, `Delete the attribute ${attribute.name} (${known.length > 0 ? `<${tag}> accepts ${listing(known)}` : `<${tag}> takes no attributes`}).`, { fix: remove() }));
  }
  // href/src are links: the link check judges them. Every other value is checked here.
  if (typeof attribute.value === 'string' && attribute.name !== 'href' && attribute.name !== 'src' && UNSAFE_URL.test(attribute.value)) {
    out.push(diagnostic('link/unsafe-url', file.path, attribute, `The attribute ${attribute.name} of <${tag}> holds a ${attribute.value.trim().split(':')[0]!.toLowerCase()}: URL.`, `Delete the attribute ${attribute.name}: content may not carry script or inline-data URLs.`, { fix: remove() }));
  }
  return out;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}
