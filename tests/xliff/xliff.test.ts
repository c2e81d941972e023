/**
 * XLIFF 2.0 export and import: unit ids and placeholders, the checks an import makes before it
 * writes anything (each error naming the document, the file and the unit), and round trips: with
 * no edits nothing changes (on the real content, byte for byte); with edits only the edited
 * blocks and the provenance lines change, and the checks pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import xliff2js from 'xliff/xliff2js';
import js2xliff from 'xliff/js2xliff';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/index.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { SourceHistory } from '../../src/lib/model/history.ts';
import type { KnowledgeBase } from '../../src/lib/model/kb.ts';
import { loadKnowledgeBase, readContent } from '../../src/lib/model/load.ts';
import { blocksOf } from '../../src/lib/xliff/blocks.ts';
import { exportXliff } from '../../src/lib/xliff/export.ts';
import { planImport } from '../../src/lib/xliff/import.ts';
import { hashOf, mdx, modelInput, translationOf } from '../checks/helpers.ts';

const CLOUD_FACTS = [
  'operator:',
  '  global: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
  '  usgov: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
  '  germany: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
  '  china: { en: 21Vianet, ko: 21Vianet, zh: 世纪互联, ja: 21Vianet }',
].join('\n');

const english = mdx({
  title: 'Billing support',
  extra: 'description: "How to: get help"',
  body: [
    'You own the billing relationship with <CloudFact name="operator" />.',
    '',
    '## Steps {/* #steps */}',
    '',
    '1. Run `npm run check` and read [the guide](other.mdx#top).',
    '2. Ask **twice** before `a` `b`.',
    '',
    '| Column | Pipe |',
    '| --- | --- |',
    '| a \\| b | plain |',
    '',
    '<Callout type="note">',
    '',
    'Inside a callout.',
    '',
    '</Callout>',
    '',
  ].join('\n'),
});
const other = mdx({ title: 'Other', body: '## Top {/* #top */}\n\nx\n' });
const korean = translationOf(english, {
  title: '청구 지원',
  extra: 'description: "방법: 도움 받기"',
  body: [
    '<CloudFact name="operator" />과(와)의 청구 관계는 귀사가 책임집니다.',
    '',
    '## 단계 {/* #steps */}',
    '',
    '1. [가이드](other.mdx#top)를 읽고 `npm run check`를 실행합니다.',
    '2. `a` `b` 전에 **두 번** 묻습니다.',
    '',
    '| 열 | 파이프 |',
    '| --- | --- |',
    '| a \\| b | 일반 |',
    '',
    '<Callout type="note">',
    '',
    '콜아웃 안.',
    '',
    '</Callout>',
    '',
  ].join('\n'),
});
const koreanOther = translationOf(other, { title: '다른', body: '## 위 {/* #top */}\n\nx\n' });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A history lookup in a folder with no git: translations here are current or have no history. */
function noHistory(): SourceHistory {
  const dir = mkdtempSync(join(tmpdir(), 'kb-xliff-'));
  dirs.push(dir);
  return new SourceHistory(dir);
}

interface Project {
  files: Record<string, string>;
  kb: KnowledgeBase;
  read: (path: string) => string;
  check: (texts: ReadonlyMap<string, string>) => string[];
}

function project(files: Record<string, string>, terminology?: string): Project {
  const input = modelInput({ files, cloudFacts: CLOUD_FACTS, ...(terminology ? { terminology } : {}) });
  const { kb } = buildModel(input);
  return {
    files,
    kb,
    read: (path) => files[path]!,
    check: (texts) => {
      const next = modelInput({ files: { ...files, ...Object.fromEntries(texts) }, cloudFacts: CLOUD_FACTS, ...(terminology ? { terminology } : {}) });
      const built = buildModel(next);
      return runChecks(built.kb, { modelDiagnostics: built.diagnostics, sources: { articles: next.articles } })
        .filter((d) => d.severity === 'error' && texts.has(d.file))
        .map((d) => `${d.file}:${d.line}:${d.column} error ${d.rule} ${d.message}`);
    },
  };
}

const base = () => project({ 'content/en/billing.mdx': english, 'content/en/other.mdx': other, 'content/ko/billing.mdx': korean, 'content/ko/other.mdx': koreanOther });

/** Edits targets of a document through the library, as a CAT tool would. */
async function editTargets(xml: string, edit: (fileId: string, unitId: string, unit: { source?: unknown; target?: unknown }) => void): Promise<string> {
  const doc = await xliff2js(xml);
  for (const [fileId, units] of Object.entries(doc.resources ?? {})) for (const [unitId, unit] of Object.entries(units)) edit(fileId, unitId, unit);
  return js2xliff(doc as Parameters<typeof js2xliff>[0], { indent: '  ' });
}

describe('XLIFF export', () => {
  it('writes one unit per block with ids from section id and position, and notes naming article, file, section and clouds', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const doc = await xliff2js(xml);
    expect(doc.sourceLanguage).toBe('en');
    expect(doc.targetLanguage).toBe('ko');
    expect(Object.keys(doc.resources!)).toEqual(['billing']);
    expect(Object.keys(doc.resources!['billing']!)).toEqual(['_meta.title', '_meta.description', '_intro.1', 'steps.0', 'steps.1', 'steps.2', 'steps.3', 'steps.4', 'steps.5', 'steps.6', 'steps.7']);
    expect(doc.resources!['billing']!['_meta.description']).toMatchObject({ source: 'How to: get help', target: '방법: 도움 받기' });
    expect(doc.resources!['billing']!['steps.1']!.note).toEqual(['article: billing', 'file: content/ko/billing.mdx', 'section: steps', 'clouds: global usgov germany china']);
    expect(doc.resources!['billing']!['steps.7']).toMatchObject({ source: 'Inside a callout.', target: '콜아웃 안.' });
  });

  it('protects code, links, emphasis, <CloudFact> and the space between two tags as placeholders; URLs never appear as text', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    // Attribute values never hold < or & (not well-formed XML there): look-alikes show the tag.
    expect(xml).toContain('<ph id="1" type="other" subType="kb:component" disp="‹CloudFact name=&quot;operator&quot; /›"/>');
    expect(xml).toContain('<source>Run <ph id="1" type="other" subType="kb:code" disp="`npm run check`"/> and read <pc id="2" type="link">the guide</pc>.');
    // The Korean puts the link first: its placeholders carry the English ids of the same link and code.
    expect(xml).toContain('<target><pc id="2" type="link">가이드</pc>를 읽고 <ph id="1" type="other" subType="kb:code"');
    expect(xml).toMatch(/<pc id="1" type="fmt" subType="xlf:b">twice<\/pc>/);
    expect(xml).toContain('before <ph id="2" type="other" subType="kb:code" disp="`a`"/><ph id="s4" type="other" subType="kb:space" disp=" "/><ph id="3"');
    expect(xml).not.toContain('other.mdx');
    expect((await xliff2js(xml)).resources!['billing']!['steps.5']).toMatchObject({ source: 'a | b', target: 'a | b' });
  });

  it('gives the same ids on every export, and a change in one section leaves the other sections\' ids alone', async () => {
    const p = base();
    const first = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko' });
    const again = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko' });
    expect(again.xml).toBe(first.xml);
    const changed = english.replace('You own the billing', 'A new first paragraph.\n\nYou own the billing');
    const ids = (text: string) => blocksOf(text).map((b) => b.id);
    expect(ids(changed).filter((id) => id.startsWith('steps.'))).toEqual(ids(english).filter((id) => id.startsWith('steps.')));
    expect(ids(changed).filter((id) => id.startsWith('_intro.'))).toEqual(['_intro.1', '_intro.2']);
  });

  it('selects outdated (--stale) and missing (--missing) translations, and names an unknown article', async () => {
    const p = project({ ...base().files, 'content/ko/other.mdx': koreanOther.replace(hashOf(other), '0123456789abcdef'), 'content/en/third.mdx': mdx({ title: 'Third', body: 'Three.\n' }) });
    const stale = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', stale: true });
    expect(stale.files.map((f) => f.path)).toEqual(['content/ko/other.mdx']);
    const missing = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', missing: true });
    expect(missing.files.map((f) => f.path)).toEqual(['content/ko/third.mdx']);
    expect(missing.files[0]!.units.map((u) => u.target)).toEqual([undefined, undefined]);
    await expect(exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['nope'] })).rejects.toThrow('no article "nope" (there is no content/en/nope.mdx)');
  });
});

/**
 * What an XLIFF 2.0 tool may do to the white space of segments (text content is not white-space
 * preserving there unless xml:space says so): collapse each run to one space and trim the ends.
 */
function normalizeLikeCatTool(xml: string): string {
  return xml.replace(/(<(source|target)(?: [^>]*)?>)([\s\S]*?)(<\/\2>)/g, (_m, open: string, _name, inner: string, close: string) => open + inner.replace(/\s+/g, ' ').trim() + close);
}

describe('XLIFF white space', () => {
  // A placeholder right after text with no space between ("(" + a link): the case an indenting
  // writer breaks, since the line break it adds becomes a space in a normalizing tool.
  const parenthesised = () => {
    const en = english.replace('\n## Steps', 'Disputes (see [the guide](other.mdx#top)) are yours.\n\n## Steps');
    const ko = translationOf(en, { title: '청구 지원', extra: 'description: "방법: 도움 받기"', body: korean.split('\n---\n')[1]!.replace('\n## 단계', '분쟁([가이드](other.mdx#top) 참조)은 귀사가 처리합니다.\n\n## 단계') });
    return { p: project({ 'content/en/billing.mdx': en, 'content/en/other.mdx': other, 'content/ko/billing.mdx': ko, 'content/ko/other.mdx': koreanOther }), ko };
  };

  it('writes no line break or indentation inside a segment\'s source or target', async () => {
    const { p } = parenthesised();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko' });
    const segments = [...xml.matchAll(/<(source|target)(?: [^>]*)?>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
    expect(segments.length).toBeGreaterThan(5);
    expect(segments.filter((s) => /\n/.test(s))).toEqual([]);
    expect(xml).toMatch(/\n\s+<unit /); // the structure is still laid out one element a line
  });

  it('imports a document whose segments a tool normalized (collapsed and trimmed) as unedited', async () => {
    const { p } = parenthesised();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko' });
    const normalized = normalizeLikeCatTool(xml.replace(/(<target>)/g, '$1 ').replace(/(<\/target>)/g, '  $1'));
    const plan = await planImport(p.kb, noHistory(), p.read, 'ko.xlf', normalized, { method: 'machine', check: p.check });
    expect(plan).toEqual({ locale: 'ko', writes: [], unchanged: ['content/ko/billing.mdx', 'content/ko/other.mdx'], errors: [] });
  });

  it('still imports an edited unit from a normalized document, and only that unit', async () => {
    const { p, ko } = parenthesised();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const edited = await editTargets(xml, (_f, id, unit) => {
      if (id === '_meta.title') unit.target = '청구   지원  안내';
    });
    const plan = await planImport(p.kb, noHistory(), p.read, 'ko.xlf', normalizeLikeCatTool(edited), { method: 'machine', check: p.check });
    expect(plan.errors).toEqual([]);
    expect(plan.writes[0]!.text).toBe(ko.replace('title: 청구 지원', 'title: 청구 지원 안내').replace('method: human', 'method: machine'));
    expect(plan.writes.map((w) => [w.path, w.units])).toEqual([['content/ko/billing.mdx', 1]]);
  });
});

describe('XLIFF import', () => {
  const run = async (p: Project, xml: string, method: 'human' | 'machine' = 'human') => planImport(p.kb, noHistory(), p.read, 'ko.xlf', xml, { method, check: p.check });

  it('changes nothing when nothing was edited', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko' });
    expect(await run(p, xml)).toEqual({ locale: 'ko', writes: [], unchanged: ['content/ko/billing.mdx', 'content/ko/other.mdx'], errors: [] });
  });

  it('rewrites only the edited blocks and the provenance lines, and the checks pass', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const edited = await editTargets(xml, (_f, id, unit) => {
      // The space placeholder between `a` and `b` may go: Korean puts a comma there.
      if (id === 'steps.2') unit.target = ['다시 ', { Span: { id: '1', type: 'fmt', subType: 'xlf:b', contents: '두 번' } }, ' 묻습니다 (', { Standalone: { id: '2', type: 'other', subType: 'kb:code', disp: '`a`' } }, ', ', { Standalone: { id: '3', type: 'other', subType: 'kb:code', disp: '`b`' } }, ').'];
      if (id === '_meta.title') unit.target = '청구: 지원';
      if (id === 'steps.5') unit.target = 'a | b | c';
    });
    const plan = await run(p, edited, 'machine');
    expect(plan.errors).toEqual([]);
    expect(plan.writes.map((w) => [w.path, w.units])).toEqual([['content/ko/billing.mdx', 3]]);
    const text = plan.writes[0]!.text;
    const expected = korean
      .replace('title: 청구 지원', 'title: "청구: 지원"')
      .replace('2. `a` `b` 전에 **두 번** 묻습니다.', '2. 다시 **두 번** 묻습니다 (`a`, `b`).')
      .replace('| a \\| b | 일반 |', '| a \\| b \\| c | 일반 |')
      .replace('method: human', 'method: machine');
    expect(text).toBe(expected);
  });

  it('refuses a document whose units or placeholders do not match today\'s English, naming document, file and unit', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const broken = await editTargets(xml, (_f, id, unit) => {
      if (id === 'steps.1') unit.target = '링크도 코드도 없이.';
      if (id === 'steps.2') unit.target = [{ Standalone: { id: '2', disp: '`a`' } }, { Standalone: { id: '2', disp: '`a`' } }, { Standalone: { id: '3' } }, { Standalone: { id: '9' } }, { Span: { id: '1', contents: 'x' } }];
      if (id === '_intro.1') unit.source = 'Someone edited the English.';
    });
    const withUnknown = broken.replace('<unit id="steps.7">', '<unit id="steps.99">');
    const plan = await run(p, withUnknown);
    expect(plan.writes).toEqual([]);
    expect(plan.errors).toEqual([
      "ko.xlf: content/ko/billing.mdx: unit _intro.1: the source is not today's English of content/en/billing.mdx (it changed since the export, or the source was edited). Export again and carry the translation over.",
      'ko.xlf: content/ko/billing.mdx: unit steps.1: placeholder(s) 1, 2 of the source are missing from the target. Keep every <ph> and <pc> of the source in the target, once each (move them, do not change or drop them).',
      'ko.xlf: content/ko/billing.mdx: unit steps.2: the target has placeholder(s) 9 that the source does not have; placeholder(s) 2 appear more than once. Keep every <ph> and <pc> of the source in the target, once each (move them, do not change or drop them).',
      "ko.xlf: content/ko/billing.mdx: unit steps.99: no such block in today's English (content/en/billing.mdx). The English changed since the export: export again and carry the translation over.",
    ]);
  });

  it('names the line and column of XML that is not well-formed, and refuses what is not XLIFF 2.0 from English', async () => {
    const p = base();
    expect((await run(p, '<xliff version="2.0" srcLang="en" trgLang="ko">\n<file id="billing">\n<unit id="x"><segment><source>a & b</source></segment></unit></file></xliff>')).errors).toEqual([
      'ko.xlf:3:35: not well-formed XML (Invalid character in entity name). Fix the file, or export it again.',
    ]);
    expect((await run(p, '<xliff version="1.2"><file original="x"/></xliff>')).errors).toEqual([
      'ko.xlf: not an XLIFF 2.0 document (it needs <xliff version="2.0" srcLang="en" trgLang="…">). Send the file as exported by npm run kb -- export.',
    ]);
    expect((await run(p, '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="billing"></file></xliff>')).errors[0]).toContain('ko.xlf: the document translates from "en" to "fr"');
    expect((await run(p, '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ko"><file id="nope"></file></xliff>')).errors).toEqual([
      'ko.xlf: <file id="nope"> names no article variant (no content/en/nope.mdx). Export again: articles may have been renamed.',
    ]);
  });

  it('creates a missing translation from the targets, with the English front matter less baseHash, and it passes the checks', async () => {
    const global = mdx({ title: 'Other', clouds: ['global', 'usgov', 'germany'], body: '## Top {/* #top */}\n\nx\n' });
    const p = project({ 'content/en/other.mdx': global, 'content/en/other.china.mdx': mdx({ title: 'Other', clouds: ['china'], extra: `baseHash: ${hashOf(global)}`, body: '## Top {/* #top */}\n\nChina *x*.\n' }) });
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', missing: true, articles: ['other'] });
    const incomplete = await run(p, xml);
    expect(incomplete.writes).toEqual([]);
    const done = await editTargets(xml, (fileId, id, unit) => {
      unit.target = id === '_meta.title' ? '다른' : id === 'top.0' ? '위' : fileId === 'other.china' ? ['중국 ', { Span: { id: '1', type: 'fmt', subType: 'xlf:i', contents: 'x' } }, '.'] : 'x';
    });
    const plan = await run(p, done);
    expect(plan.errors).toEqual([]);
    expect(plan.writes.find((w) => w.path === 'content/ko/other.china.mdx')!.text).toBe(
      `---\ntitle: 다른\nclouds: [china]\ntranslation:\n  sourceHash: ${hashOf(p.files['content/en/other.china.mdx']!)}\n  method: human\n---\n## 위 {/* #top */}\n\n중국 *x*.\n`,
    );
  });

  it('escapes what MDX would read as markup in a translator\'s text, so the file stays valid', async () => {
    const p = base();
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const plan = await run(p, await editTargets(xml, (_f, id, unit) => { if (id === 'steps.7') unit.target = '<script>{x}</script> 안.'; }));
    expect(plan.errors).toEqual([]);
    expect(plan.writes[0]!.text).toContain('\\<script>\\{x}\\</script> 안.');
  });

  it('refuses, and writes nothing, when the text it would write fails a check', async () => {
    const terminology = ['officialNames: {}', 'forbidden:', '  global:', '    ko:', '      - { term: "21Vianet에 결제", use: "Microsoft에 결제" }'].join('\n');
    const p = project(base().files, terminology);
    const { xml } = await exportXliff(p.kb, noHistory(), p.read, { locale: 'ko', articles: ['billing'] });
    const plan = await run(p, await editTargets(xml, (_f, id, unit) => { if (id === 'steps.7') unit.target = '21Vianet에 결제하세요.'; }));
    expect(plan.writes).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatch(/^content\/ko\/billing\.mdx:\d+:\d+ error variant\/terminology .*21Vianet에 결제.* \(in the text ko\.xlf would write; nothing was written\)$/);
  });
});

describe('XLIFF round trip on the real content', () => {
  const root = resolve(import.meta.dirname, '..', '..');
  it('changes nothing, byte for byte, in every locale', async () => {
    const { kb } = loadKnowledgeBase({ root });
    const texts = new Map(readContent({ root }).articles.map((a) => [a.path, a.text]));
    const read = (path: string) => texts.get(path)!;
    for (const locale of ['ko', 'zh', 'ja'] as const) {
      const { xml, units } = await exportXliff(kb, noHistory(), read, { locale });
      expect(units).toBeGreaterThan(100);
      const plan = await planImport(kb, noHistory(), read, `${locale}.xlf`, xml, { method: 'human', check: () => [] });
      expect(plan.errors).toEqual([]);
      expect(plan.writes).toEqual([]);
      // Reading and writing the document again through the library (as a CAT tool would) changes nothing either.
      const again = await js2xliff((await xliff2js(xml)) as Parameters<typeof js2xliff>[0], { indent: '  ' });
      expect((await planImport(kb, noHistory(), read, `${locale}.xlf`, again, { method: 'human', check: () => [] })).writes).toEqual([]);
      // Nor does a tool that collapses and trims the white space of every segment.
      const normalized = await planImport(kb, noHistory(), read, `${locale}.xlf`, normalizeLikeCatTool(xml), { method: 'human', check: () => [] });
      expect(normalized.errors).toEqual([]);
      expect(normalized.writes).toEqual([]);
    }
  });
});

describe('XLIFF for an outdated translation', () => {
  it('aligns the translation through the English it was made from, and rebuilds it on today\'s English', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'kb-xliff-history-'));
    dirs.push(repo);
    const before = mdx({ title: 'T', body: 'One.\n\nTwo.\n\n## S {/* #s */}\n\nThree.\n' });
    const after = mdx({ title: 'T', body: 'New first.\n\nOne.\n\nTwo changed.\n\n## S {/* #s */}\n\nThree.\n' });
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const commit = (text: string) => {
      mkdirSync(dirname(join(repo, 'content/en/t.mdx')), { recursive: true });
      writeFileSync(join(repo, 'content/en/t.mdx'), text);
      execFileSync('git', ['add', '.'], { cwd: repo, env });
      execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'x'], { cwd: repo, env });
    };
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit(before);
    commit(after);
    const ko = mdx({ title: '티', extra: `translation:\n  sourceHash: ${hashOf(before)}\n  method: human`, body: '하나.\n\n둘.\n\n## 에스 {/* #s */}\n\n셋.\n' });
    const p = project({ 'content/en/t.mdx': after, 'content/ko/t.mdx': ko });
    const history = new SourceHistory(repo);
    const { files } = await exportXliff(p.kb, history, p.read, { locale: 'ko', stale: true });
    expect(files[0]!.units.map((u) => [u.id, u.target?.join(''), u.notes.at(-1)])).toEqual([
      ['_meta.title', '티', 'clouds: global usgov germany china'],
      ['_intro.1', undefined, 'English: new since the translation was made'],
      ['_intro.2', '하나.', 'clouds: global usgov germany china'],
      ['_intro.3', '둘.', 'English before the change: Two.'],
      ['s.0', '에스', 'clouds: global usgov germany china'],
      ['s.1', '셋.', 'clouds: global usgov germany china'],
    ]);
    const xml = (await exportXliff(p.kb, history, p.read, { locale: 'ko', stale: true })).xml;
    // No edits: nothing changes, and the translation stays outdated.
    expect((await planImport(p.kb, history, p.read, 'ko.xlf', xml, { method: 'human', check: p.check })).writes).toEqual([]);
    const edited = await editTargets(xml, (_f, id, unit) => {
      if (id === '_intro.1') unit.target = '새 첫 문단.';
      if (id === '_intro.3') unit.target = '바뀐 둘.';
    });
    const plan = await planImport(p.kb, history, p.read, 'ko.xlf', edited, { method: 'human', check: p.check });
    expect(plan.errors).toEqual([]);
    expect(plan.writes[0]!.text).toBe(ko.replace(hashOf(before), hashOf(after)).replace('하나.\n\n둘.', '새 첫 문단.\n\n하나.\n\n바뀐 둘.'));
  });
});
