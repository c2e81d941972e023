/** Fixture helpers: small content trees as texts, built with the real model and checked. */
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';
import { runChecks, type CheckOptions } from '../../src/lib/checks/index.ts';
import { buildModel, type ModelInput, type SourceText } from '../../src/lib/model/build.ts';

export interface ArticleSpec {
  title?: string;
  clouds?: string[];
  body: string;
  /** Extra front matter lines (without the trailing newline). */
  extra?: string;
}

/** An article file's text: front matter then the body. */
export function mdx(spec: ArticleSpec): string {
  const lines = ['---', `title: ${spec.title ?? 'A title'}`, `clouds: [${(spec.clouds ?? ['global', 'usgov', 'germany', 'china']).join(', ')}]`];
  if (spec.extra) lines.push(spec.extra);
  lines.push('---', '');
  return lines.join('\n') + spec.body;
}

/** The hash a translation of `source` records. */
export function hashOf(source: string): string {
  const hash = provenanceHashOfSource(source);
  if (!hash) throw new Error('fixture has no title');
  return hash;
}

/** A current, human translation of an English text. */
export function translationOf(english: string, spec: ArticleSpec, method: 'human' | 'machine' = 'human'): string {
  return mdx({ ...spec, extra: [spec.extra, `translation:\n  sourceHash: ${hashOf(english)}\n  method: ${method}`].filter(Boolean).join('\n') });
}

export type Files = Record<string, string>;

export interface Fixture {
  files: Files;
  navigation?: string;
  cloudFacts?: string;
  terminology?: string;
  redirects?: string;
  assets?: string[];
}

export function modelInput(fixture: Fixture): ModelInput {
  const text = (path: string, t: string | undefined): SourceText | undefined => (t === undefined ? undefined : { path, text: t });
  return {
    articles: Object.entries(fixture.files).map(([path, t]) => ({ path, text: t })),
    navigation: text('content/navigation.yaml', fixture.navigation),
    cloudFacts: text('content/cloud-facts.yaml', fixture.cloudFacts),
    terminology: text('content/terminology.yaml', fixture.terminology),
    redirects: text('content/redirects.yaml', fixture.redirects),
    assets: fixture.assets ?? [],
  };
}

/** Builds the model from the fixture and runs every check. */
export function check(fixture: Fixture, options: Omit<CheckOptions, 'sources' | 'modelDiagnostics'> = {}): Diagnostic[] {
  const input = modelInput(fixture);
  const { kb, diagnostics } = buildModel(input);
  return runChecks(kb, { ...options, modelDiagnostics: diagnostics, sources: { articles: input.articles, navigation: input.navigation, redirects: input.redirects, terminology: input.terminology } });
}

export interface Brief {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export function brief(d: Diagnostic): Brief {
  return { file: d.file, line: d.line, column: d.column, rule: d.rule, message: d.message };
}

/** The diagnostics of one rule, briefly. */
export function ofRule(diagnostics: Diagnostic[], rule: string): Brief[] {
  return diagnostics.filter((d) => d.rule === rule).map(brief);
}

/** 1-based line of the first line of `text` containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker ${marker} not in fixture`);
  return index + 1;
}

/** 1-based column of `marker` on its line. */
export function columnOf(text: string, marker: string): number {
  const line = text.split('\n').find((l) => l.includes(marker))!;
  return line.indexOf(marker) + 1;
}

/** `{ line, column }` of a marker. */
export function at(text: string, marker: string): { line: number; column: number } {
  return { line: lineOf(text, marker), column: columnOf(text, marker) };
}

/** Severity of diagnostics other than info, to assert a fixture is clean. */
export function problems(diagnostics: Diagnostic[]): Brief[] {
  return diagnostics.filter((d) => d.severity !== 'info').map(brief);
}
