import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REFERENCE_END, REFERENCE_START, rulesReference } from '../src/lib/rules-reference.ts';

it('CONTRIBUTING.md documents every rule exactly as the code defines it', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'CONTRIBUTING.md'), 'utf8');
  const start = doc.indexOf(REFERENCE_START);
  const end = doc.indexOf(REFERENCE_END);
  expect(start, 'the rules table markers are in CONTRIBUTING.md').toBeGreaterThan(0);
  expect(doc.slice(start + REFERENCE_START.length, end).trim()).toBe(rulesReference());
});
