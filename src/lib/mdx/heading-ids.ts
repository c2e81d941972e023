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

/** The only JS expression content may contain: a heading-id comment. */
export const HEADING_ID_COMMENT = /^\s*\/\*\s*#([A-Za-z0-9][A-Za-z0-9_-]*)\s*\*\/\s*$/;

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

/** Text of a heading without its id comment. */
export function headingText(heading: Heading): string {
  return heading.children
    .filter((child) => !(isExpression(child) && HEADING_ID_COMMENT.test(child.value)))
    .map((child) => toString(child))
    .join('')
    .trim();
}

/**
 * Assigns ids to every heading of a tree, in document order. Explicit ids are taken as written;
 * other headings get a slug that does not collide with an explicit id.
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
  for (const heading of headings) {
    const id = explicitHeadingId(heading);
    if (id) slugger.slug(id);
  }
  for (const heading of headings) {
    const explicit = explicitHeadingId(heading);
    const id = explicit ?? slugger.slug(headingText(heading));
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
