/**
 * The check baseline (issue 13, 10) through `npm run check`, on a copy of a small project: accept
 * today's findings, then fail only on new ones, say how many were left out, and shrink the file
 * as faults are fixed. Entries survive edits elsewhere in the file (no line numbers).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let root: string;
const page = (): string => join(root, 'content/en/page.mdx');
const baselineFile = (): string => join(root, 'content/.check-baseline.json');

function check(...args: string[]) {
  const r = spawnSync(join(repo, 'node_modules/.bin/node'), [join(repo, 'scripts/check.ts'), '--root', root, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kb-baseline-'));
  cpSync(fileURLToPath(new URL('./fixtures/project/', import.meta.url)), root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run check -- --update-baseline', () => {
  it('records every error and warning, keyed by rule, file and fingerprint, next to the content', () => {
    expect(check().code).toBe(1);
    const r = check('--update-baseline');
    expect(r.code).toBe(0);
    expect(r.out).toContain('.check-baseline.json: 2 accepted findings.');
    const { findings } = JSON.parse(readFileSync(baselineFile(), 'utf8')) as { findings: Array<Record<string, string>> };
    expect(findings.map((f) => [f.rule, f.file])).toEqual([
      ['content/missing-heading-id', 'en/page.mdx'],
      ['link/missing-article', 'en/page.mdx'],
    ]);
    for (const f of findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(findings)).not.toMatch(/"line"|"column"/);
  });

  it('later runs pass, and say how many findings the baseline accepts', () => {
    const r = check('--strict');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^0 errors, 0 warnings(, \d+ info)?; 2 baselined \(content\/\.check-baseline\.json\)$/m);
  });

  it('an accepted finding stays accepted when lines are added above it', () => {
    writeFileSync(page(), readFileSync(page(), 'utf8').replace('## Section', 'A new first paragraph.\n\nAnd another.\n\n## Section'));
    expect(check('--strict').code).toBe(0);
  });

  it('a new finding fails, and is the only one reported', () => {
    writeFileSync(page(), readFileSync(page(), 'utf8') + '\nAlso [broken](nowhere.mdx).\n');
    const r = check();
    expect(r.code).toBe(1);
    expect(r.out).toContain('error link/missing-article The link "nowhere.mdx"');
    expect(r.out).not.toContain('pagee.mdx');
    expect(r.out).toMatch(/^1 error, 0 warnings(, \d+ info)?; 2 baselined/m);
  });

  it('fixing an accepted finding reports its entry as stale, and --prune-baseline removes it without accepting the new one', () => {
    writeFileSync(page(), readFileSync(page(), 'utf8').replace('[a typo](pagee.mdx)', 'a typo'));
    expect(check().out).toContain('1 baseline entry no longer occurs: npm run check -- --prune-baseline removes it');
    const pruned = check('--prune-baseline');
    expect(pruned.out).toContain('removed 1 entry that no longer occurs; 1 left.');
    const { findings } = JSON.parse(readFileSync(baselineFile(), 'utf8')) as { findings: Array<Record<string, string>> };
    expect(findings.map((f) => f.rule)).toEqual(['content/missing-heading-id']);
    // The new broken link was never accepted.
    expect(check().code).toBe(1);
  });

  it('--ignore-baseline reports everything; an unreadable baseline is one line and exit 2', () => {
    expect(check('--ignore-baseline', '--strict').out).toContain('warning content/missing-heading-id');
    writeFileSync(baselineFile(), '{ not json');
    const r = check();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^npm run check: .*\.check-baseline\.json: not valid JSON .*--update-baseline\n$/);
    rmSync(baselineFile());
    expect(existsSync(baselineFile())).toBe(false);
  });
});

describe('a baseline moved with its content folder', () => {
  it('keeps accepting findings whose message names another file of that folder (the import in ../kb-import becoming content/)', async () => {
    const { applyBaseline, baselineOf } = await import('../../src/lib/checks/baseline.ts');
    const finding = (folder: string) => ({
      file: `${folder}en/a.usgov.mdx`, line: 4, column: 1, severity: 'error' as const, rule: 'variant/overlap',
      message: `This variant and ${folder}en/a.mdx both serve usgov; a reader of usgov can only see one.`,
    });
    const lineText = () => 'clouds: [usgov]';
    const imported = baselineOf([finding('../kb-import/')], '/work/kb-import/.check-baseline.json', '/work/project', lineText);
    const moved = { ...imported, path: '/work/project/content/.check-baseline.json' };
    const outcome = applyBaseline([finding('content/')], moved, '/work/project', lineText);
    expect(outcome.reported).toEqual([]);
    expect(outcome.stale).toEqual([]);
    // Another file named in the message is another finding.
    const other = { ...finding('content/'), message: finding('content/').message.replace('en/a.mdx', 'en/b.mdx') };
    expect(applyBaseline([other], moved, '/work/project', lineText).reported).toHaveLength(1);
  });
});
