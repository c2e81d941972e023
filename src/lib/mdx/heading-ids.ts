/**
 * Explicit, language-independent heading ids.
 *
 * Authors write `## Billing disputes {/* #billingdisputes *\/}`: an MDX comment expression at the
 * end of the heading (the form Docusaurus uses, valid MDX that translation tools leave alone). This
 * plugin moves the id onto the heading (`data.hProperties.id`) and removes the comment, so the same
 * id is used in every locale. Headings without one get a github-slugger id from their text.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { BODY_IDS, RESERVED_IDS } from '../layout-ids.ts';

/** The heading-id comment: `{/* #id *\/}` with an ASCII id. */
export const HEADING_ID_COMMENT = /^\s*\/\*\s*#([A-Za-z0-9][A-Za-z0-9_-]*)\s*\*\/\s*$/;

/** A comment that looks like a heading id but is not a valid one (`{/* #résumé *\/}`): its id. */
const ID_LIKE_COMMENT = /^\s*\/\*\s*#(\S+?)\s*\*\/\s*$/;

/** An expression made only of block comments. */
const COMMENT = /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/;

interface ExpressionNode {
  type: 'mdxTextExpression';
  value: string;
}

function isExpression(node: PhrasingContent | undefined): node is PhrasingContent & ExpressionNode {
  return node?.type === ('mdxTextExpression' as PhrasingContent['type']);
}

/** The explicit id of a heading, if its last child is a heading-id comment. */
export function explicitHeadingId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (!isExpression(last)) return undefined;
  return HEADING_ID_COMMENT.exec(last.value)?.[1];
}

/** The id written at the end of a heading that is not a valid id (non-ASCII, a space), if any. */
export function invalidHeadingId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (!isExpression(last) || HEADING_ID_COMMENT.test(last.value)) return undefined;
  return ID_LIKE_COMMENT.exec(last.value)?.[1];
}

/** Text of a heading without its id comment (or any other comment). */
export function headingText(heading: Heading): string {
  return heading.children
    .filter((child) => !(isExpression(child) && COMMENT.test(child.value)))
    .map((child) => toString(child))
    .join('')
    .trim();
}

/**
 * Assigns ids to every heading of a tree, in document order. Explicit ids are taken as written;
 * other headings get a slug that does not collide with an explicit id or an id of the layout.
 */
export function assignHeadingIds(tree: Root): void {
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    headings.push(node);
  });
  assignIds(headings);
}

/** `assignHeadingIds` for the headings of one tree, already collected in document order. */
export function assignIds(headings: readonly Heading[]): void {
  const slugger = new GithubSlugger();
  // A derived id never takes an id of the page layout (`## Content` → `content-1`, not `content`)
  // or the footnotes' heading.
  for (const id of [...RESERVED_IDS, BODY_IDS.footnoteLabel]) slugger.slug(id);
  for (const heading of headings) {
    const id = explicitHeadingId(heading);
    if (id) slugger.slug(id);
  }
  for (const heading of headings) {
    const explicit = explicitHeadingId(heading);
    let id = explicit ?? slugger.slug(headingText(heading));
    // Nor one the footnotes use (`## User content fn 1` → `fn-1`, not `user-content-fn-1`).
    if (!explicit && id.startsWith(BODY_IDS.footnotePrefix)) id = slugger.slug(id.slice(BODY_IDS.footnotePrefix.length));
    if (explicit) {
      heading.children.pop();
      const previous = heading.children.at(-1);
      if (previous?.type === 'text') previous.value = previous.value.replace(/\s+$/, '');
    }
    heading.data ??= {};
    heading.data.hProperties = { ...heading.data.hProperties, id };
    heading.data.id = id;
  }
}

/** remark plugin: see `assignHeadingIds`. */
export function remarkHeadingIds() {
  return (tree: Root): void => assignHeadingIds(tree);
}

declare module 'mdast' {
  interface HeadingData {
    /** The heading's id, set by `remarkHeadingIds`. */
    id?: string;
  }
}

/**
 * An id an author can write for a heading: ASCII letters, digits and hyphens, from the heading's
 * text with accents removed (`Résumé of options` → `resume-of-options`), different from `taken`
 * and from the layout's ids. Undefined when the text has nothing ASCII to build on (`웹 포털`):
 * then a person has to name the section.
 */
export function proposeHeadingId(text: string, taken: ReadonlySet<string>, isReserved: (id: string) => boolean): string | undefined {
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z0-9]/.test(base)) return undefined;
  const free = (id: string): boolean => !taken.has(id) && !isReserved(id);
  if (free(base)) return base;
  if (free(`${base}-section`)) return `${base}-section`;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}
