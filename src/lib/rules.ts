/**
 * Rule ids: every diagnostic an author can see names one of these. Each has a default severity and
 * a one-line summary (the reference table in CONTRIBUTING.md is generated from the same list by a test).
 */
import type { Diagnostic, Fix, Severity, SourcePosition } from './diagnostics.ts';

export interface RuleInfo {
  severity: Severity;
  summary: string;
}

export const RULES = {
  // Content files and schema
  'content/file-name': { severity: 'error', summary: 'A content file is not at content/<locale>/<slug>[.<variant>].mdx.' },
  'content/mdx-syntax': { severity: 'error', summary: 'The file is not valid MDX.' },
  'content/encoding': { severity: 'error', summary: 'A file in content/ or locales/ is not valid UTF-8 text.' },
  'content/nesting-depth': { severity: 'error', summary: 'The body nests lists, quotes, components or emphasis more than 100 levels deep.' },
  'schema/frontmatter': { severity: 'error', summary: 'Front matter does not match the article schema.' },
  'schema/data-file': { severity: 'error', summary: 'A data file (navigation, cloud facts, terminology, redirects) does not match its schema.' },
  'content/duplicate-id': { severity: 'error', summary: 'Two headings of one file have the same id.' },
  'content/reserved-id': { severity: 'error', summary: 'A section id that the page layout or the footnotes already use, so a link to it lands on their element.' },
  'content/missing-heading-id': { severity: 'warning', summary: 'A section heading has no explicit, language-independent id.' },
  'content/navigation': { severity: 'error', summary: 'The navigation names an article that does not exist, or lists one twice.' },
  'content/orphan': { severity: 'warning', summary: 'An article that navigation.yaml does not list, so no section of the sidebar shows it.' },
  'content/unreachable-cloud-block': { severity: 'warning', summary: 'A <CloudOnly> block lists only clouds that its variant does not serve, so no reader sees it.' },
  'content/unknown-fact': { severity: 'error', summary: '<CloudFact> names a fact that is not in cloud-facts.yaml.' },
  'content/unknown-cloud': { severity: 'error', summary: '<CloudOnly clouds> lists a cloud this site does not have.' },
  'content/literal-emphasis': { severity: 'warning', summary: 'A `**` or `__` that did not pair up as emphasis, so readers see the characters themselves.' },
  'content/component-attribute': { severity: 'error', summary: 'A site component lacks a required attribute or has a value it does not accept.' },

  // Links
  'link/missing-article': { severity: 'error', summary: 'A link points to an article that does not exist.' },
  'link/missing-anchor': { severity: 'error', summary: 'A link points to a section id that does not exist in the target the reader sees.' },
  'link/not-in-cloud': { severity: 'error', summary: 'A link points to an article that is not published for a cloud of the linking page.' },
  'link/fallback': { severity: 'warning', summary: 'A link points to an article not yet translated into the page\'s locale (readers get English).' },
  'link/missing-asset': { severity: 'error', summary: 'A link or image points to a file that is not in public/.' },
  'link/redirected': { severity: 'warning', summary: 'A link points to a moved article; link to its new slug.' },
  'link/unsafe-url': { severity: 'error', summary: 'A javascript: or data: URL.' },
  'link/malformed-url': { severity: 'error', summary: 'An external URL that is not a well-formed http(s)/mailto URL.' },
  'link/absolute-internal': { severity: 'error', summary: 'A hard-coded site URL (/en/global/…) instead of a file link.' },
  'link/empty': { severity: 'error', summary: 'A link with an empty URL.' },
  'link/external-unreachable': { severity: 'warning', summary: 'An external URL did not answer (only with --external).' },
  'html/broken-link': { severity: 'error', summary: 'The built site has a link to a page that was not built.' },
  'html/broken-fragment': { severity: 'error', summary: 'The built site has a link to a #fragment that is not on the target page.' },
  'html/unsafe-url': { severity: 'error', summary: 'The built site has a javascript: or data: URL in a link.' },
  'html/duplicate-id': { severity: 'error', summary: 'A built page has two elements with the same id, so links to it land on the first.' },

  // Redirects (content/redirects.yaml)
  'redirect/loop': { severity: 'error', summary: 'Redirects lead in a circle and never reach an article.' },
  'redirect/missing-target': { severity: 'error', summary: 'A redirect leads to a slug that is not an article.' },
  'redirect/missing-anchor': { severity: 'error', summary: 'A redirect names a section id that a variant of its target does not have.' },

  // Cloud variants
  'variant/overlap': { severity: 'error', summary: 'Two variants of one article list the same cloud.' },
  'variant/coverage': { severity: 'error', summary: 'The variants of a translation do not cover the same clouds as English.' },
  'variant/locale-set': { severity: 'error', summary: 'A locale has a variant that English does not have.' },
  'variant/anchor': { severity: 'error', summary: 'A linked-to section id is missing in a variant a reader of that cloud reaches.' },
  'variant/terminology': { severity: 'error', summary: 'A term that must not appear in this cloud\'s variant.' },
  'variant/stale': { severity: 'warning', summary: 'The base variant changed since this variant was last reconciled with it.' },
  'variant/no-base-hash': { severity: 'warning', summary: 'A non-base variant records no baseHash.' },

  // Translations
  'translation/stale': { severity: 'warning', summary: 'The English source changed since this translation was made.' },
  'translation/no-source': { severity: 'error', summary: 'A translation has no English file with the same name.' },
  'translation/missing-provenance': { severity: 'error', summary: 'A translation records no source hash.' },
  'translation/anchors': { severity: 'error', summary: 'A translation\'s section ids differ from its English source.' },
  'translation/links': { severity: 'error', summary: 'A translation\'s link targets differ from its English source.' },
  'translation/components': { severity: 'error', summary: 'A translation\'s components differ from its English source.' },
  'translation/clouds': { severity: 'error', summary: 'A translation lists other clouds than its English source.' },
  'translation/machine': { severity: 'info', summary: 'A machine translation that no person has reviewed.' },
  'translation/missing': { severity: 'info', summary: 'An article variant has no translation in a locale.' },

  // UI strings
  'i18n/missing-key': { severity: 'error', summary: 'A UI string key used in src/ is missing in a locale.' },
  'i18n/unused-key': { severity: 'warning', summary: 'A UI string key no code uses.' },
  'i18n/interpolation': { severity: 'error', summary: 'A translated UI string uses other {{variables}} than English.' },
  'i18n/syntax': { severity: 'error', summary: 'A locales/ JSON file does not parse or is not a string dictionary.' },

  // Search
  'search/unknown-synonym': { severity: 'warning', summary: 'A group of search synonyms none of whose words appears in an article of its locale.' },

  // Content safety
  'safety/asset-type': { severity: 'error', summary: 'A file under public/ of a type browsers run as a page or a script (HTML, XHTML, XML, JavaScript …).' },
  'safety/svg': { severity: 'error', summary: 'An SVG under public/ with a script, an event handler, a javascript: URL, an entity declaration or a reference to another file.' },
  'safety/symlink': { severity: 'error', summary: 'A symbolic link (or a FIFO, socket or device) in content/, public/ or locales/; it is never followed.' },
  'safety/esm': { severity: 'error', summary: 'import/export in content.' },
  'safety/expression': { severity: 'error', summary: 'A JS expression in content.' },
  'safety/component': { severity: 'error', summary: 'A component or element that the site does not provide.' },
  'safety/script': { severity: 'error', summary: 'A <script>, <style> or <iframe> element in content.' },
  'safety/event-handler': { severity: 'error', summary: 'An on* event-handler attribute in content.' },
  'safety/attribute': { severity: 'error', summary: 'An attribute with an expression value or spread in content.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** The default severity of a rule. */
export function severityOf(rule: RuleId): Severity {
  return RULES[rule].severity;
}

/** What a finding may carry besides its text: the hint's fix and how it relates to other findings. */
export interface DiagnosticExtras {
  fix?: Fix | undefined;
  /** What this finding is the root cause for (see `Diagnostic.subjects`). */
  subjects?: string[] | undefined;
  /** What would explain this finding if it were broken (see `Diagnostic.dependsOn`). */
  dependsOn?: string[] | undefined;
}

/** A diagnostic of `rule` with the rule's default severity. */
export function diagnostic(
  rule: RuleId,
  file: string,
  position: SourcePosition,
  message: string,
  hint?: string,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const d: Diagnostic = {
    file,
    line: position.line,
    column: position.column,
    severity: RULES[rule].severity,
    rule,
    message,
  };
  if (position.endLine !== undefined) d.endLine = position.endLine;
  if (position.endColumn !== undefined) d.endColumn = position.endColumn;
  if (hint !== undefined) d.hint = hint;
  if (extras.fix) d.fix = extras.fix;
  if (extras.subjects?.length) d.subjects = extras.subjects;
  if (extras.dependsOn?.length) d.dependsOn = extras.dependsOn;
  return d;
}
