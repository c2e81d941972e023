/**
 * What changed in English since a translation: the history lookup (in real git repositories made
 * in a temp folder, one of them a shallow clone), the section and word diff, and its terminal form.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/lib/mdx/parse.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { englishChangeSince } from '../../src/lib/model/english-change.ts';
import { parseCatFileBatch, SourceHistory } from '../../src/lib/model/history.ts';
import { diffSections, lineDiff, wordDiff } from '../../src/lib/model/section-diff.ts';
import { formatEnglishChange } from '../../src/lib/report/diff.ts';
import { hashOf, mdx } from '../checks/helpers.ts';

const v1 = mdx({
  title: 'Billing',
  clouds: ['global'],
  body: 'Intro text.\n\n## Disputes {/* #disputes */}\n\nOpen a request with [support](other.mdx).\n\n## Refunds {/* #refunds */}\n\nRefunds take ten days.\n',
});
const v2 = mdx({
  title: 'Billing',
  clouds: ['global'],
  body: 'Intro text.\n\n## Disputes {/* #disputes */}\n\nOpen a request with [support](other.mdx) within 30 days.\n\n## Escalation {/* #escalation */}\n\nCall us.\n',
});

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function commitAt(root: string, date: string, message: string): void {
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-am', message], { cwd: root, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

/** A repository with three commits of content/en/billing.mdx: v1, an unrelated change, v2. */
let repo: string;
beforeAll(() => {
  repo = temp('kb-history-');
  git(repo, 'init', '-q');
  write(repo, 'content/en/billing.mdx', v1);
  write(repo, 'content/en/other.mdx', mdx({ title: 'Other', body: 'x\n' }));
  git(repo, 'add', '.');
  commitAt(repo, '2025-01-01T10:00:00Z', 'v1');
  write(repo, 'content/en/other.mdx', mdx({ title: 'Other', body: 'y\n' }));
  commitAt(repo, '2025-02-01T10:00:00Z', 'other');
  write(repo, 'content/en/billing.mdx', v2);
  commitAt(repo, '2025-03-01T10:00:00Z', 'v2');
});

describe('history lookup', () => {
  it('finds the version with the recorded hash, and the commit that changed it', () => {
    const found = new SourceHistory(repo).find('content/en/billing.mdx', hashOf(v1));
    expect(found.found).toBe(true);
    if (!found.found) return;
    expect(found.version.text).toBe(v1);
    expect(found.version.date).toMatch(/^2025-01-01/);
    expect(found.changedBy?.date).toMatch(/^2025-03-01/);
    expect(found.changedBy?.text).toBe(v2);
  });

  it('finds it in a project root that is a folder of the repository, and across a rename', () => {
    const outer = temp('kb-history-outer-');
    git(outer, 'init', '-q');
    write(outer, 'site/content/en/old-name.mdx', v1);
    git(outer, 'add', '.');
    commitAt(outer, '2025-01-01T10:00:00Z', 'v1');
    renameSync(join(outer, 'site/content/en/old-name.mdx'), join(outer, 'site/content/en/billing.mdx'));
    // Renamed with an edit: v1 itself exists only under the old name.
    write(outer, 'site/content/en/billing.mdx', v1 + '\nOne more line.\n');
    git(outer, 'add', '-A');
    commitAt(outer, '2025-01-02T10:00:00Z', 'rename');
    write(outer, 'site/content/en/billing.mdx', v2);
    commitAt(outer, '2025-01-03T10:00:00Z', 'v2');
    const found = new SourceHistory(join(outer, 'site')).find('content/en/billing.mdx', hashOf(v1));
    expect(found).toMatchObject({ found: true, version: { path: 'site/content/en/old-name.mdx' }, changedBy: { path: 'site/content/en/billing.mdx' } });
    if (found.found) expect(found.version.text).toBe(v1);
  });

  it('says the history is shallow when a shallow clone does not reach the version', () => {
    const clone = join(temp('kb-history-shallow-'), 'clone');
    git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${repo}`, clone);
    const found = new SourceHistory(clone).find('content/en/billing.mdx', hashOf(v1));
    expect(found).toMatchObject({ found: false, reason: 'shallow' });
    if (!found.found) expect(found.message).toBe(`content/en/billing.mdx: this clone's history is shallow and does not reach the English version this translation was made from (hash ${hashOf(v1)}). Fetch the whole history with "git fetch --unshallow" and try again.`);
    // What the clone has is still found.
    expect(new SourceHistory(clone).find('content/en/billing.mdx', hashOf(v2))).toMatchObject({ found: true });
  });

  it('says when no committed version has the hash, and when there is no git history', () => {
    const missing = new SourceHistory(repo).find('content/en/billing.mdx', '0123456789abcdef');
    expect(missing).toMatchObject({ found: false, reason: 'not-found' });
    if (!missing.found) expect(missing.message).toContain('content/en/billing.mdx: no committed version of the English file has hash 0123456789abcdef');
    const plain = temp('kb-no-git-');
    write(plain, 'content/en/billing.mdx', v2);
    expect(new SourceHistory(plain).find('content/en/billing.mdx', hashOf(v1))).toMatchObject({ found: false, reason: 'no-git' });
  });

  it('reads git cat-file --batch output, binary sizes and missing objects included', () => {
    const out = Buffer.from('abc blob 5\n한\n\n\nHEAD:nope missing\ndef blob 2\nok\n');
    expect(parseCatFileBatch(out)).toEqual(['한\n\n', undefined, 'ok']);
  });
});

describe('section and word diff', () => {
  it('aligns sections by id: changed, added and removed, with the changed words', () => {
    const sections = diffSections(parseMdx(v1).sections, parseMdx(v2).sections, 'en');
    expect(sections.map((s) => [s.id, s.status])).toEqual([
      ['', 'same'],
      ['disputes', 'changed'],
      ['escalation', 'added'],
      ['refunds', 'removed'],
    ]);
    expect(sections[1]!.lines).toEqual([
      { op: 'changed', words: [{ op: '=', text: 'Open a request with support ' }, { op: '+', text: 'within 30 days' }, { op: '=', text: '.' }] },
    ]);
  });

  it('splits Chinese and Japanese into words with Intl.Segmenter, not whole sentences', () => {
    // Character by character, 客户 → 用户 would keep 户 and パートナーセンター → パートナーポータル keep ー.
    expect(wordDiff('我们的客户很多。', '我们的用户很多。', 'zh')).toEqual([
      { op: '=', text: '我们的' },
      { op: '-', text: '客户' },
      { op: '+', text: '用户' },
      { op: '=', text: '很多。' },
    ]);
    expect(wordDiff('パートナーセンター', 'パートナーポータル', 'ja')).toEqual([
      { op: '=', text: 'パートナー' },
      { op: '-', text: 'センター' },
      { op: '+', text: 'ポータル' },
    ]);
    expect(wordDiff('고객의 청구 관계', '고객의 모든 청구 관계', 'ko').filter((w) => w.op !== '=')).toEqual([{ op: '+', text: '모든 ' }]);
  });

  it('pairs a replaced line as one changed line, and keeps extra lines as added or removed', () => {
    expect(lineDiff('a b\nc', 'a x b\nc\nd', 'en')).toEqual([
      { op: 'changed', words: [{ op: '=', text: 'a ' }, { op: '+', text: 'x ' }, { op: '=', text: 'b' }] },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });
});

describe('English change since a translation', () => {
  const ko = (hash: string) => mdx({ title: '청구', clouds: ['global'], extra: `translation:\n  sourceHash: ${hash}\n  method: human`, body: '소개.\n\n## 분쟁 {/* #disputes */}\n\n[지원](other.mdx)에 요청하세요.\n\n## 환불 {/* #refunds */}\n\n열흘.\n' });
  const model = (hash: string) =>
    buildModel({
      articles: [
        { path: 'content/en/billing.mdx', text: v2 },
        { path: 'content/en/other.mdx', text: mdx({ title: 'Other', body: 'y\n' }) },
        { path: 'content/ko/billing.mdx', text: ko(hash) },
      ],
    }).kb;

  it('shows the change in the terminal with the commits and dates, words marked without colour', () => {
    const kb = model(hashOf(v1));
    const change = englishChangeSince(kb, new SourceHistory(repo), kb.article('billing')!.variants[0]!.files.ko!)!;
    expect(change.status).toBe('changed');
    const text = formatEnglishChange('content/ko/billing.mdx', change);
    expect(text).toMatch(/^content\/ko\/billing\.mdx: translated from content\/en\/billing\.mdx as of [0-9a-f]{7} \(2025-01-01\); the English changed in [0-9a-f]{7} \(2025-03-01\)\.$/m);
    expect(text).toContain('~ #disputes Disputes: changed\n    ~ Open a request with support {+within 30 days+}.');
    expect(text).toContain('+ #escalation Escalation: added\n    + Call us.');
    expect(text).toContain('- #refunds Refunds: removed\n    - Refunds take ten days.');
    expect(text).toContain('  (introduction): unchanged');
    expect(text).toContain('npm run kb -- ack content/ko/billing.mdx');
  });

  it('says so when the translation is current, or when history cannot tell', () => {
    const current = model(hashOf(v2));
    expect(formatEnglishChange('content/ko/billing.mdx', englishChangeSince(current, new SourceHistory(repo), current.article('billing')!.variants[0]!.files.ko!)!)).toBe(
      'content/ko/billing.mdx: up to date with content/en/billing.mdx; nothing changed in English since it was translated.\n',
    );
    const lost = model('0123456789abcdef');
    const text = formatEnglishChange('content/ko/billing.mdx', englishChangeSince(lost, new SourceHistory(repo), lost.article('billing')!.variants[0]!.files.ko!)!);
    expect(text).toMatch(/^content\/ko\/billing\.mdx: outdated, but the change cannot be shown\. content\/en\/billing\.mdx: no committed version/);
  });
});

describe('kb diff --locale in a terminal', () => {
  it('colours the change only where the output shows colour (a terminal, or FORCE_COLOR), never with NO_COLOR alone', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const node = join(root, 'node_modules', '.bin', 'node');
    write(repo, 'content/ko/billing.mdx', mdx({ title: '청구', clouds: ['global'], extra: `translation:\n  sourceHash: ${hashOf(v1)}\n  method: human`, body: '소개.\n\n## 분쟁 {/* #disputes */}\n\n[지원](other.mdx)에 요청하세요.\n\n## 환불 {/* #refunds */}\n\n열흘.\n' }));
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
    const diff = (env: Record<string, string>) =>
      execFileSync(node, [join(root, 'scripts', 'kb.ts'), 'diff', 'billing', '--locale', 'ko', '--root', repo], { env: { ...base, ...env }, encoding: 'utf8' });
    const plain = diff({});
    expect(plain).toContain('Open a request with support {+within 30 days+}.');
    expect(plain).not.toContain('\u001b[');
    expect(diff({ NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(diff({ FORCE_COLOR: '1' })).toContain('\u001b[32m{+within 30 days+}\u001b[39m');
  });
});
