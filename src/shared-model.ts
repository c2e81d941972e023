/**
 * Hands the model that the integration built and checked to the pages, which are rendered in the
 * same process but from a separately bundled module graph (so a module variable is not shared).
 */
import type { KnowledgeBase } from './lib/model/kb.ts';

const KEY = Symbol.for('partner-kb.model');

export function shareModel(kb: KnowledgeBase): void {
  (globalThis as Record<symbol, unknown>)[KEY] = kb;
}

export function sharedModel(): KnowledgeBase | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as KnowledgeBase | undefined;
}
