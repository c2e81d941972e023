import { buildModel, type ModelInput, type SourceText } from '../../src/lib/model/build.ts';

/** Builds an article file's text from front matter lines and a body. */
export function mdx(frontmatter: Record<string, string>, body: string): string {
  const lines = Object.entries(frontmatter).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

export function model(files: Record<string, string>, extra: Partial<ModelInput> = {}) {
  const articles: SourceText[] = Object.entries(files).map(([path, text]) => ({ path: `content/${path}`, text }));
  return buildModel({ articles, ...extra });
}

/** A cloud-facts file with one fact, `operator`: Microsoft, or 21Vianet (世纪互联) in China. */
export const OPERATOR_FACT: SourceText = {
  path: 'content/cloud-facts.yaml',
  text: [
    'operator:',
    '  global: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
    '  usgov: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
    '  germany: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }',
    '  china: { en: 21Vianet, ko: 21Vianet, zh: 世纪互联, ja: 21Vianet }',
  ].join('\n'),
};
