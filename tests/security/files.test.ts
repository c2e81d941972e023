/**
 * Items 4, 7 and 12 of the hardening issue, on real files: symbolic links in content/, public/ and
 * locales/ are errors with their path and are never followed (none crashes the check); a UTF-8 byte
 * order mark is accepted everywhere; bytes that are not UTF-8 are reported at their line and column.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/index.ts';
import { loadProject } from '../../src/lib/checks/project.ts';
import { decodeText } from '../../src/lib/model/read.ts';
import { FRONT_MATTER, PROJECT_ROOT, temporaryDirectory, temporaryProject } from './helpers.ts';

/** A project root with one English article, the real locales/ and public/favicon.svg, plus `files`. */
function project(files: Record<string, string | Uint8Array> = {}): string {
  const root = temporaryProject('kb-files-', 'Text.\n', { 'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', ...files });
  cpSync(join(PROJECT_ROOT, 'locales'), join(root, 'locales'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'src'), join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'public', 'media'), { recursive: true });
  return root;
}

async function check(root: string) {
  const loaded = await loadProject({ root, diskCache: false });
  const all = runChecks(loaded.kb, loaded.checkOptions);
  return { all, kb: loaded.kb, errors: all.filter((d) => d.severity === 'error').map(({ file, line, column, rule }) => ({ file, line, column, rule })) };
}

describe('symbolic links', () => {
  it('in public/, content/ and locales/ are one error each, with the path, and are never read', async () => {
    const root = project();
    const outside = temporaryDirectory('kb-outside-');
    writeFileSync(join(outside, 'outside.mdx'), FRONT_MATTER + 'Published from outside.\n');
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'x.png'), 'x');
    symlinkSync('../../.git/config', join(root, 'public', 'media', 'config.txt'));
    symlinkSync('/etc/hostname', join(root, 'public', 'media', 'hostname.txt'));
    symlinkSync(join(outside, 'folder'), join(root, 'public', 'linked-folder'));
    symlinkSync(join(outside, 'outside.mdx'), join(root, 'content', 'en', 'outside.mdx'));
    symlinkSync(join(root, 'nowhere.mdx'), join(root, 'content', 'en', 'dangling.mdx'));
    symlinkSync(outside, join(root, 'content', 'en', 'folder.mdx'));
    symlinkSync(join(root, 'locales', 'en', 'ui.json'), join(root, 'locales', 'en', 'copy.json'));
    const { errors, kb } = await check(root);
    expect(errors).toEqual(
      ['content/en/dangling.mdx', 'content/en/folder.mdx', 'content/en/outside.mdx', 'locales/en/copy.json', 'public/linked-folder', 'public/media/config.txt', 'public/media/hostname.txt'].map(
        (file) => ({ file, line: 1, column: 1, rule: 'safety/symlink' }),
      ),
    );
    expect([...kb.assets]).toEqual(['/favicon.svg']);
    expect(kb.article('outside')).toBeUndefined();
  });
});

describe('a byte order mark', () => {
  it('is accepted before an article\'s front matter, in data files and in locale JSON', async () => {
    const bom = '\uFEFF';
    const root = project({
      'content/en/page.mdx': bom + FRONT_MATTER + 'Text.\n',
      'content/navigation.yaml': bom + 'sections:\n  - id: basics\n    title: { en: Basics, ko: 기본, zh: 基础, ja: 基本 }\n    items: [page]\n',
    });
    const ja = join(root, 'locales', 'ja', 'ui.json');
    writeFileSync(ja, bom + (await import('node:fs')).readFileSync(ja, 'utf8'));
    const { errors, kb } = await check(root);
    expect(errors).toEqual([]);
    expect(kb.article('page')?.variants[0]?.files.en?.frontmatter.title).toBe('A page');
    expect(kb.navigation.sections.map((s) => s.id)).toEqual(['basics']);
  });
});

describe('bytes that are not UTF-8', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

  it('in an article are one content/encoding error at their line and column', async () => {
    const text = new Uint8Array([...new TextEncoder().encode(FRONT_MATTER + 'Line one.\n한국어 '), ...latin1('caf\xe9 and na\xefve.\n')]);
    const root = project({ 'content/en/page.mdx': text });
    const { all } = await check(root);
    const found = all.filter((d) => d.rule === 'content/encoding');
    expect(found.map(({ file, line, column, rule, message }) => ({ file, line, column, rule, message }))).toEqual([
      { file: 'content/en/page.mdx', line: 7, column: 8, rule: 'content/encoding', message: 'The file is not valid UTF-8: the byte 0xE9 here is not a character (nor are 1 more bytes later in the file).' },
    ]);
  });

  it('in locale JSON and data files too', async () => {
    const root = project({ 'content/cloud-facts.yaml': latin1('# caf\xe9\n') });
    writeFileSync(join(root, 'locales', 'ko', 'extra.json'), latin1('{"a": "\xff"}\n'));
    const { errors } = await check(root);
    expect(errors.filter((d) => d.rule === 'content/encoding')).toEqual([
      { file: 'content/cloud-facts.yaml', line: 1, column: 6, rule: 'content/encoding' },
      { file: 'locales/ko/extra.json', line: 1, column: 8, rule: 'content/encoding' },
    ]);
  });

  it('are found whatever the sequence: overlong forms, surrogates, truncated sequences', () => {
    const bad = [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xf8]];
    for (const bytes of bad) expect(decodeText('x', new Uint8Array([0x61, ...bytes])).diagnostics.map((d) => d.column), bytes.join(' ')).toEqual([2]);
    const good = new TextEncoder().encode('a é 한 😀 \uFEFF');
    expect(decodeText('x', good).diagnostics).toEqual([]);
  });
});
