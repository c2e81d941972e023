/**
 * DocFX YAML pages (`### YamlMime:…`): FAQ pages become articles, landing pages are not imported.
 *
 * An FAQ page (`### YamlMime:FAQ`: `metadata`, `title`, `summary`, `sections` of `questions` with
 * `answer`s) is rewritten as the DocFX Markdown article it stands for, each question a `###`
 * section whose id is the one DocFX gave it (the question's text, lower-cased, every run of other
 * characters one `-`), and then imported like any article. YAML pages are never bilingual: a
 * translated FAQ page has no English to import it with, and is listed instead.
 */
import { parse as parseYaml } from 'yaml';
import { localeFromDocfx, SOURCE_LOCALE } from '../site.ts';

export type YamlPage =
  | { kind: 'faq'; markdown: string }
  | { kind: 'not-imported'; reason: string };

/** The id DocFX gives an FAQ question (`Why are my earnings missing?` → `why-are-my-earnings-missing-`). */
export function questionId(question: string): string {
  return question.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '') || 'question';
}

const oneLine = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
const block = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Reads a `### YamlMime:` page; undefined when the text is not one. */
export function readYamlPage(text: string): YamlPage | undefined {
  const mime = /^\uFEFF?###\s*YamlMime:\s*(\S+)/.exec(text)?.[1];
  if (!mime) return undefined;
  if (mime !== 'FAQ') return { kind: 'not-imported', reason: `a YamlMime:${mime} page (${mime === 'Landing' ? "a docset's landing page: the site's home lists the sections" : 'not an article'}); not imported` };
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(text) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { kind: 'not-imported', reason: `an FAQ page whose YAML does not parse (${(error as Error).message.split('\n')[0]}); not imported` };
  }
  const metadata = (typeof data['metadata'] === 'object' && data['metadata'] !== null ? data['metadata'] : {}) as Record<string, unknown>;
  const contentLocale = typeof metadata['ms.contentlocale'] === 'string' ? metadata['ms.contentlocale'] : 'en-us';
  if (localeFromDocfx(contentLocale) !== SOURCE_LOCALE) {
    return { kind: 'not-imported', reason: `an FAQ page in ${contentLocale} only (DocFX YAML pages are not bilingual, so there is no English to import it with); import the English repository's page first` };
  }
  const frontmatter = Object.entries(metadata).map(([k, v]) => `${k}: ${JSON.stringify(typeof v === 'string' ? v : String(v))}`);
  const lines = ['---', ...frontmatter, '---', `# ${oneLine(data['title']) || oneLine(metadata['title'])}`, ''];
  if (block(data['summary'])) lines.push(block(data['summary']), '');
  for (const section of Array.isArray(data['sections']) ? data['sections'] : []) {
    const s = section as Record<string, unknown>;
    if (oneLine(s['name'])) lines.push(`## ${oneLine(s['name'])}`, '');
    for (const item of Array.isArray(s['questions']) ? s['questions'] : []) {
      const q = item as Record<string, unknown>;
      const question = oneLine(q['question']);
      if (!question) continue;
      lines.push(`### <a name="${questionId(question)}"></a>${question}`, '', block(q['answer']), '');
    }
  }
  return { kind: 'faq', markdown: lines.join('\n') };
}
