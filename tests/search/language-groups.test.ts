import { describe, expect, it } from 'vitest';
import { languageGroups } from '../../src/lib/search/indexer.ts';

describe('search index languages', () => {
  it('indexes the languages whose Pagefind index takes the most memory first, each document in its language', () => {
    const documents = (['en', 'ko', 'zh', 'ja', 'en', 'ja'] as const).map((locale, i) => ({ locale, path: `${locale}/${i}/index.html`, html: '' }));
    const groups = languageGroups(documents);
    expect(groups.map((g) => g.locale)).toEqual(['ja', 'zh', 'ko', 'en']);
    expect(groups.map((g) => g.documents.map((d) => d.path))).toEqual([['ja/3/index.html', 'ja/5/index.html'], ['zh/2/index.html'], ['ko/1/index.html'], ['en/0/index.html', 'en/4/index.html']]);
  });
});
