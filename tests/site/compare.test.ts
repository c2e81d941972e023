/**
 * The compare view model: translation and today's English rendered section by section (links
 * kept, ids dropped so the page's ids stay unique), aligned by section id, with the English change
 * since the translation (from a real git history in a temp folder) under each section.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareView } from '../../src/lib/compare.ts';
import { SourceHistory } from '../../src/lib/model/history.ts';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';
import { mdx, model, OPERATOR_FACT } from '../model/helpers.ts';

const t = (key: string) => key;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const enOld = mdx({ title: 'E', clouds: '[china]' }, 'Pay <CloudFact name="operator" />.\n\n## Steps {/* #steps */}\n\n- One\n- Two\n\n## Gone {/* #gone */}\n\nOld.\n');
const enNew = mdx({ title: 'E', clouds: '[china]' }, 'Pay <CloudFact name="operator" />.\n\n## Steps {/* #steps */}\n\n- One\n- Two, see [other](other.mdx#top)\n\n## Only English {/* #extra */}\n\nMore.\n');
const other = mdx({ title: 'O', clouds: '[china]' }, '## Top {/* #top */}\n\nx\n');
const zh = (hash: string, method = 'machine') =>
  mdx({ title: 'Z', clouds: '[china]', translation: `{ sourceHash: ${hash}, method: ${method} }` }, '向<CloudFact name="operator" />付款。\n\n## 步骤 {/* #steps */}\n\n- 一\n- 二\n\n## 旧 {/* #gone */}\n\n旧。\n');

function repoWith(...versions: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-compare-'));
  dirs.push(root);
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
  execFileSync('git', ['init', '-q'], { cwd: root });
  mkdirSync(join(root, 'content/en'), { recursive: true });
  versions.forEach((text, i) => {
    writeFileSync(join(root, 'content/en/x.mdx'), text);
    const date = `2025-0${i + 1}-01T00:00:00Z`;
    execFileSync('git', ['add', '.'], { cwd: root });
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `v${i}`], { cwd: root, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  });
  return root;
}

describe('compare view', () => {
  const kbOf = (zhText: string) => model({ 'en/x.mdx': enNew, 'en/other.mdx': other, 'zh/x.mdx': zhText, 'zh/other.mdx': mdx({ title: 'O', clouds: '[china]', translation: '{ sourceHash: 0, method: human }' }, '## 顶 {/* #top */}\n\nx\n') }, { cloudFacts: OPERATOR_FACT }).kb;

  it('renders both sides per section with links kept, facts filled in and ids unique per side; marks what changed in English', () => {
    const root = repoWith(enOld, enNew);
    const k = kbOf(zh(provenanceHashOfSource(enOld)!));
    const view = compareView(k, new SourceHistory(root), k.page('zh', 'china', 'x')!, t, t)!;
    expect(view).toMatchObject({ translationPath: 'content/zh/x.mdx', englishPath: 'content/en/x.mdx', method: 'machine', state: 'stale', change: { status: 'changed' } });
    expect(view.rows.map((r) => [r.id, r.change?.status, r.translation !== undefined, r.english !== undefined])).toEqual([
      ['', undefined, true, true],
      ['steps', 'changed', true, true],
      ['extra', 'added', false, true],
      ['gone', 'removed', true, false],
    ]);
    expect(view.rows[0]!.translation).toBe('<p>向世纪互联付款。</p>');
    expect(view.rows[0]!.english).toBe('<p>Pay 21Vianet.</p>');
    // The link is a link, to the reader's cloud, in English on the English side.
    expect(view.rows[1]!.english).toContain('<a href="/en/china/other/#top">other</a>');
    // Each side's ids (and links to them) have a prefix of their own, so the page's ids stay unique.
    expect(view.rows[1]!.english).toContain('<h2 id="english-steps">Steps</h2><a class="heading-anchor" href="#english-steps"');
    expect(view.rows[1]!.translation).toContain('<h2 id="translation-steps">步骤</h2><a class="heading-anchor" href="#translation-steps"');
    expect(view.rows[1]!.change!.lines).toEqual([
      { op: 'same', text: '• One' },
      { op: 'changed', words: [{ op: '=', text: '• Two' }, { op: '+', text: ', see other' }] },
    ]);
  });

  it('is current when the translation records today\'s English, and says why when history cannot show the change', () => {
    const current = kbOf(zh(provenanceHashOfSource(enNew)!, 'human'));
    const root = repoWith(enNew);
    expect(compareView(current, new SourceHistory(root), current.page('zh', 'china', 'x')!, t, t)).toMatchObject({ method: 'human', state: 'current', change: undefined });
    const lost = kbOf(zh('0123456789abcdef'));
    expect(compareView(lost, new SourceHistory(root), lost.page('zh', 'china', 'x')!, t, t)).toMatchObject({ state: 'stale', change: { status: 'unknown', reason: 'not-found' } });
  });
});
