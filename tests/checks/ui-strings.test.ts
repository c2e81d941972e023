import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/index.ts';
import { findKeyUses } from '../../src/lib/checks/ui-strings.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { at, columnOf, lineOf, ofRule } from './helpers.ts';

const code = ["---", "const t = i18n.t;", "---", "<h1>{t('nav.title')}</h1>", "<p>{t(\"search:results\", { count })}</p>", "<!-- t('commented.out') -->", ""].join('\n');
const en = '{\n  "nav": { "title": "Guide" }\n}\n';
const enSearch = '{ "results_one": "{{count}} result", "results_other": "{{count}} results" }\n';

function run(locales: Record<string, string>, source = code) {
  const { kb } = buildModel({ articles: [] });
  return runChecks(kb, {
    ui: {
      sources: [{ path: 'src/pages/index.astro', text: source }],
      locales: Object.entries(locales).map(([path, text]) => ({ path, text })),
    },
  });
}
const all = (lng: string, ui = en, search = enSearch): Record<string, string> => ({ [`locales/${lng}/ui.json`]: ui, [`locales/${lng}/search.json`]: search });
const complete = { ...all('en'), ...all('ko'), ...all('zh'), ...all('ja') };

describe('UI strings', () => {
  it('finds t() calls with namespaces at the key position, ignoring comments', () => {
    expect(findKeyUses([{ path: 'a.astro', text: code }])).toEqual([
      { file: 'a.astro', position: at(code, "'nav.title'"), namespace: 'ui', key: 'nav.title' },
      { file: 'a.astro', position: at(code, '"search:results"'), namespace: 'search', key: 'results' },
    ]);
  });

  it('stays silent when every key exists everywhere with the same variables (plurals included)', () => {
    expect(run(complete)).toEqual([]);
  });

  it('reports a key missing in some locales at its use', () => {
    const d = run({ ...complete, 'locales/ko/ui.json': '{ "nav": {} }', 'locales/ja/ui.json': '{}' });
    expect(ofRule(d, 'i18n/missing-key')).toEqual([
      { file: 'src/pages/index.astro', ...at(code, "'nav.title'"), rule: 'i18n/missing-key', message: 'The UI string "ui:nav.title" is missing in ko and ja.' },
    ]);
  });

  it('reports unused keys and mismatched interpolation variables at the key', () => {
    const koUi = '{\n  "nav": { "title": "안내" },\n  "old": "x"\n}\n';
    const koSearch = '{ "results_one": "{{n}}개", "results_other": "{{count}}개" }\n';
    const d = run({ ...complete, 'locales/ko/ui.json': koUi, 'locales/ko/search.json': koSearch });
    expect(ofRule(d, 'i18n/unused-key')).toEqual([
      { file: 'locales/ko/ui.json', ...at(koUi, '"old"'), rule: 'i18n/unused-key', message: 'No code in src/ uses the UI string "ui:old" (in ko).' },
    ]);
    expect(ofRule(d, 'i18n/interpolation')).toEqual([
      { file: 'locales/ko/search.json', ...at(koSearch, '"results_one"'), rule: 'i18n/interpolation', message: '"search:results_one" uses {{n}}, but English uses {{count}}.' },
    ]);
  });

  it('reports a dictionary that does not parse, or holds non-strings, without crashing', () => {
    const broken = '{\n  "nav": { "title": "안내", }\n}\n';
    const numbers = '{\n  "nav": { "title": 3 }\n}\n';
    const d = run({ ...complete, 'locales/ko/ui.json': broken, 'locales/zh/ui.json': numbers });
    expect(ofRule(d, 'i18n/syntax')).toEqual([
      { file: 'locales/ko/ui.json', line: lineOf(broken, '"안내", }'), column: columnOf(broken, '"안내", }') + '"안내"'.length, rule: 'i18n/syntax', message: 'This file is not valid JSON: a comma before "}" (JSON allows no comma after the last entry).' },
      { file: 'locales/zh/ui.json', ...at(numbers, '"title"'), rule: 'i18n/syntax', message: 'The value of "nav.title" is not a string.' },
    ]);
    // The key looks missing because the dictionaries could not be read: a consequence, not a second error.
    expect(ofRule(d, 'i18n/missing-key')).toEqual([]);
    expect(d.find((x) => x.rule === 'i18n/syntax')?.consequences?.map((x) => x.message)).toEqual(['The UI string "ui:nav.title" is missing in ko and zh.']);
  });
});
