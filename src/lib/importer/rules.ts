/**
 * Rule ids of the importer's diagnostics (`npm run import`). They live here rather than in
 * `src/lib/rules.ts` because they describe DocFX input, not content files; the checks never emit them.
 */
import type { Severity } from '../diagnostics.ts';

export const IMPORT_RULES = {
  'import/read': { severity: 'error', summary: 'An input file cannot be read.' },
  'import/encoding': { severity: 'error', summary: 'An input file is not valid UTF-8.' },
  'import/not-imported-page': { severity: 'info', summary: 'A DocFX YAML page that is not imported: a landing page, or an FAQ page with no English text.' },
  'import/not-an-article': { severity: 'info', summary: 'A Markdown file of the repository that is not a DocFX article (no front matter); not imported.' },
  'import/frontmatter': { severity: 'error', summary: 'The DocFX front matter is missing or is not valid YAML.' },
  'import/locale': { severity: 'error', summary: 'ms.contentlocale is missing or names a locale the site does not have.' },
  'import/unpaired-span': { severity: 'error', summary: 'A <span data-ttu-id> without its sxs-lookup partner (or the reverse).' },
  'import/span-id-mismatch': { severity: 'error', summary: 'The two halves of a sentence pair carry different ids.' },
  'import/applies-to-other': { severity: 'info', summary: 'The "Applies to" list names items that are not clouds (audiences, products); kept as text.' },
  'import/no-title': { severity: 'error', summary: 'The article has no # heading to take its title from.' },
  'import/slug-from-file-name': { severity: 'warning', summary: 'The # heading has no <a name> anchor; the slug comes from the file name.' },
  'import/translated-outside-pairs': { severity: 'warning', summary: 'Text outside the sentence pairs is translated (script, or locales disagree); left out of the English.' },
  'import/older-english': { severity: 'info', summary: 'A translation of an older version of the English file; imported as stale against the newer English.' },
  'import/english-mismatch': { severity: 'error', summary: 'Two inputs with the same English source produce different English.' },
  'import/duplicate-output': { severity: 'error', summary: 'Two inputs would write the same translation file.' },
  'import/unconverted-html': { severity: 'warning', summary: 'Raw HTML the importer cannot convert; kept as text.' },
  'import/unknown-directive': { severity: 'warning', summary: 'A DocFX extension (:::, [!INCLUDE], unknown [!TYPE]) the importer cannot convert; kept as text.' },
  'import/duplicate-anchor': { severity: 'info', summary: 'An anchor id used twice in one file; the later one gets a suffix (-2).' },
  'import/tabs': { severity: 'warning', summary: 'DocFX tabs (# [Label](#tab/id)) were converted to one section per tab.' },
  'import/bad-anchor': { severity: 'warning', summary: 'An anchor id that is not a valid heading id; dropped.' },
  'import/author-edited': { severity: 'warning', summary: 'The file was changed since the last import; not overwritten without --force.' },
  'import/file-name': { severity: 'error', summary: 'The article id would make a file name longer than file systems accept.' },
  'import/missing-image': { severity: 'warning', summary: 'Images a file shows are not in the repository (nor in --assets DIR).' },
  'import/navigation-title': { severity: 'warning', summary: 'A sidebar section from a DocFX TOC lacks a title in some locale; another title stands in for it.' },
  'import/redirects': { severity: 'info', summary: 'DocFX redirects that cannot be kept (to other sites, or to pages not imported).' },
  'import/nesting-depth': { severity: 'error', summary: 'The Markdown nests lists, quotes, HTML or emphasis more than 100 levels deep; the file is not imported.' },
  'import/invalid-output': { severity: 'error', summary: 'The MDX the importer produced does not parse or validate (an importer bug).' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type ImportRuleId = keyof typeof IMPORT_RULES;

/** The severity and id of an importer rule, to spread into a diagnostic: the table above decides the severity. */
export function importRule(rule: ImportRuleId): { severity: Severity; rule: ImportRuleId } {
  return { severity: IMPORT_RULES[rule].severity, rule };
}
