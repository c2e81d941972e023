/**
 * The rule reference that CONTRIBUTING.md carries: one table row per rule id the checks or the
 * importer can report. A test keeps the document and the code identical.
 */
import { IMPORT_RULES } from './importer/rules.ts';
import { RULES } from './rules.ts';

const row = ([id, info]: [string, { severity: string; summary: string }]) =>
  `| \`${id}\` | ${info.severity} | ${info.summary.replace(/\|/g, '\\|')} |`;

export function rulesReference(): string {
  return [
    '| rule | default | what it means |',
    '| --- | --- | --- |',
    ...Object.entries(RULES).map(row),
    ...Object.entries(IMPORT_RULES).map(row),
  ].join('\n');
}

export const REFERENCE_START = '<!-- rules:start (generated from src/lib/rules.ts and src/lib/importer/rules.ts) -->';
export const REFERENCE_END = '<!-- rules:end -->';
