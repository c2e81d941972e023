/** The DocFX importer's public interface (see `scripts/import.ts`). */
export { applyPlan, MANIFEST_NAME, planImport, readManifest, sha256 } from './importer.ts';
export type { FileAction, ImportOptions, ImportPlan, InputFile, PlannedFile } from './importer.ts';
export { convertBody, rewriteImage, rewriteLink } from './convert.ts';
export { readDocfx } from './docfx.ts';
export { splitPairs } from './pairs.ts';
export { IMPORT_RULES, type ImportRuleId } from './rules.ts';
