/**
 * The ids the renderer itself gives parts of a body (GFM footnotes: the notes' hidden heading
 * `footnote-label`, the calls and notes `user-content-fn…`) can never be an author's section id
 * too: an explicit id that would collide is `content/reserved-id`, and a heading id derived from
 * the heading's text never takes one. Otherwise a page has two elements with one id and a link
 * lands on the first.
 */
import { describe, expect, it } from 'vitest';
import { pageFacts } from '../../src/lib/checks/html.ts';
import { isReservedId } from '../../src/lib/layout-ids.ts';
import { check } from '../checks/helpers.ts';
import { FRONT_MATTER, renderPage } from './helpers.ts';

const PATH = 'content/en/page.mdx';
const NOTE = 'Text with a note[^1].\n\n[^1]: The note.\n';
const reserved = (body: string) => check({ files: { [PATH]: FRONT_MATTER + body } }).filter((d) => d.rule === 'content/reserved-id');

describe('ids of footnotes', () => {
  it.each([
    ['a section id', '## Notes {/* #footnote-label */}\n\n'],
    ['an anchor in a paragraph', '{/* #footnote-label */}Anchored text.\n\n'],
    ['the id of a note', '## First {/* #user-content-fn-1 */}\n\n'],
    ['the id of a call', '## Second {/* #user-content-fnref-1 */}\n\n'],
  ])('%s that the footnotes use is content/reserved-id, and its hint gives a free id', (_what, section) => {
    const [finding, ...more] = reserved(section + NOTE);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ file: PATH, line: 6, rule: 'content/reserved-id' });
    expect(finding!.message).toMatch(/footnote/);
    const fix = finding!.fix;
    if (!fix || !('edits' in fix)) throw new Error('content/reserved-id gives text edits');
    const edit = fix.edits[0]!;
    const fixed = (section + NOTE).replace(edit.find, edit.replace);
    expect(reserved(fixed)).toEqual([]);
    expect(isReservedId(edit.replace.slice(1))).toBe(false);
  });

  it('a heading whose text would give a footnote id gets another id, and the page has each id once', () => {
    const html = renderPage('## Footnote label\n\nText.\n\n## User content fn 1\n\n' + NOTE);
    const { ids, duplicateIds } = pageFacts(html);
    expect(duplicateIds).toEqual([]);
    expect(ids.has('footnote-label')).toBe(true);
    expect(ids.has('user-content-fn-1')).toBe(true);
    const headingIds = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    expect(headingIds).toHaveLength(2);
    for (const id of headingIds) expect(isReservedId(id!), id).toBe(false);
  });

  it('stays silent on ids that only look alike', () => {
    expect(reserved('## Notes {/* #footnotes */}\n\n## Labels {/* #footnote-labels */}\n\n' + NOTE)).toEqual([]);
  });
});
