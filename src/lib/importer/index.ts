/** The DocFX importer's public interface (see `scripts/import.ts`). */
export { applyPlan, MANIFEST_NAME, planImport, readManifest, removeStaleTempFiles, sha256 } from './importer.ts';
export type { EnglishRecord, FileAction, ImportOptions, ImportPlan, InputFile, PlannedFile } from './importer.ts';
export { decodeUtf8 } from './utf8.ts';
export { convertBody, rewriteImage, rewriteLink } from './convert.ts';
export { readDocfx } from './docfx.ts';
export { splitPairs } from './pairs.ts';
export { IMPORT_RULES, type ImportRuleId } from './rules.ts';
