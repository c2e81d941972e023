/**
 * Single faults of a built site (the built-HTML pass: links written by layouts and navigation),
 * injected into `site/`, a small built site. Their cause is in a layout or component, so every
 * hint points there and needs a person.
 */
import type { RuleId } from '../../src/lib/rules.ts';
import type { Tree } from './harness.ts';

export interface HtmlFaultCase {
  name: string;
  rule: RuleId;
  issue?: string;
  inject(tree: Tree): void;
  at: { file: string; text: string };
}

const PAGE = 'en/global/billing/index.html';

export const HTML_CASES: HtmlFaultCase[] = [
  {
    name: 'html-link-to-page-not-built',
    rule: 'html/broken-link',
    inject: (t) => t.edit(PAGE, 'href="/en/global/escalate/"', 'href="/en/global/escalation/"'),
    at: { file: PAGE, text: 'href="/en/global/escalation/"' },
  },
  {
    name: 'html-link-to-missing-fragment',
    rule: 'html/broken-fragment',
    inject: (t) => t.edit(PAGE, 'href="/en/global/escalate/#when"', 'href="/en/global/escalate/#whenever"'),
    at: { file: PAGE, text: 'href="/en/global/escalate/#whenever"' },
  },
  {
    name: 'html-javascript-url',
    rule: 'html/unsafe-url',
    inject: (t) => t.edit(PAGE, 'href="/en/global/escalate/"', 'href="javascript:void(0)"'),
    at: { file: PAGE, text: 'href="javascript:void(0)"' },
  },
  {
    name: 'html-duplicate-id',
    rule: 'html/duplicate-id',
    issue: '6 (a section id equal to <main id="content"> passed the built-HTML pass)',
    inject: (t) => t.edit(PAGE, '<h2 id="refunds">', '<h2 id="content">'),
    at: { file: PAGE, text: 'id="content">Refunds' },
  },
];
