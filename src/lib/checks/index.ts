/**
 * The checks orchestrator. Every check is a pure function `(kb, context) => Diagnostic[]` over the
 * one content model; this file only decides the order and what each check receives. Used by
 * `npm run check` (scripts/check.ts) and by the site build.
 */
import { compareForReport, type Diagnostic } from '../diagnostics.ts';
import type { SourceText } from '../model/build.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { checkHeadingIds, checkLiteralEmphasis, checkNavigation, checkOrphans, checkReservedIds } from './content.ts';
import { foldConsequences } from './fold.ts';
import type { Check, CheckContext, UiStringInput } from './context.ts';
import { buildLinkIndex, type LinkIndex } from './link-index.ts';
import { checkLinks } from './links.ts';
import { checkRedirects } from './redirects.ts';
import { checkSafety } from './safety.ts';
import { checkSynonyms } from './search-terms.ts';
import { checkTerminology } from './terminology.ts';
import { checkTranslations } from './translations.ts';
import { checkUiStrings } from './ui-strings.ts';
import { checkVariantAnchors, checkVariantProvenance, checkVariantSets } from './variants.ts';
import { append } from '../append.ts';

export interface CheckOptions {
  /** The texts the model was built from (article files and navigation), for exact positions. */
  sources?: { articles?: SourceText[]; navigation?: SourceText | undefined; redirects?: SourceText | undefined; terminology?: SourceText | undefined };
  /** UI strings: code under src/ and locales/<lng>/*.json. Skipped when absent. */
  ui?: UiStringInput;
  /** Diagnostics found while building the model (schema, syntax), reported with the rest. */
  modelDiagnostics?: Diagnostic[];
  /** A link index already built for this kb (the external check reuses it). */
  links?: LinkIndex;
}

/** The source-level checks, in the order an author reads their output. */
export const CHECKS: ReadonlyArray<readonly [name: string, check: Check]> = [
  ['safety', checkSafety], // untrusted content first: what must never reach a build
  ['links', checkLinks],
  ['variant sets', checkVariantSets],
  ['variant anchors', checkVariantAnchors],
  ['variant provenance', checkVariantProvenance],
  ['terminology', checkTerminology],
  ['translations', checkTranslations],
  ['navigation', checkNavigation],
  ['redirects', checkRedirects],
  ['orphans', checkOrphans],
  ['heading ids', checkHeadingIds],
  ['literal emphasis', checkLiteralEmphasis],
  ['reserved ids', checkReservedIds],
  ['ui strings', checkUiStrings],
  ['search synonyms', checkSynonyms],
];

/**
 * Every source-level check over one model, with the model's own findings: consequences folded into
 * their root (see `fold.ts`), one finding per (file, position, rule), in report order (errors
 * first, then by file and position).
 */
export function runChecks(kb: KnowledgeBase, options: CheckOptions = {}): Diagnostic[] {
  // Resolve every link of every page once; the link, variant and translation checks share it.
  const context: CheckContext = {
    links: options.links ?? buildLinkIndex(kb),
    navigation: options.sources?.navigation,
    redirects: options.sources?.redirects,
    texts: options.sources?.articles ? new Map(options.sources.articles.map((s) => [s.path, s.text])) : undefined,
    ui: options.ui,
    terminology: options.sources?.terminology,
  };
  const diagnostics: Diagnostic[] = [...(options.modelDiagnostics ?? [])];
  for (const [, check] of CHECKS) append(diagnostics, check(kb, context));
  return foldConsequences(diagnostics);
}

/** Diagnostics in report order (the one comparator of src/lib/diagnostics.ts). */
export { compareForReport as byPosition };
export { foldConsequences } from './fold.ts';

export { buildLinkIndex } from './link-index.ts';
export { checkExternalLinks, fileCache, httpFetcher } from './external.ts';
export { ALLOWED_COMPONENTS } from './safety.ts';
export type { BuiltSite } from './html.ts';
// The built-HTML pass (links written by layouts and navigation) runs on the built site, after a build.
export { checkBuiltHtml } from './html.ts';
export { checkBuiltHtmlInParallel } from './html-parallel.ts';
export type { CheckContext, UiStringInput } from './context.ts';
