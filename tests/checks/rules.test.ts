/** Every rule id has a firing test here or in tests/security/, unless another part of the system owns it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/rules.ts';

/** Emitted while building the model (src/lib/model/build.ts), tested with the model. */
const MODEL_RULES = new Set(['content/file-name', 'content/mdx-syntax', 'schema/frontmatter', 'schema/data-file', 'content/duplicate-id']);

describe('rule ids', () => {
  const dir = fileURLToPath(new URL('./', import.meta.url));
  // The fault-injection cases (tests/faults/*cases.ts) name the rule of each fault the same way,
  // and so does the security suite (tests/security/*.test.ts).
  const faults = fileURLToPath(new URL('../faults/', import.meta.url));
  const security = fileURLToPath(new URL('../security/', import.meta.url));
  const tests = [
    ...readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'rules.test.ts').map((f) => readFileSync(dir + f, 'utf8')),
    ...readdirSync(faults).filter((f) => f.endsWith('cases.ts')).map((f) => readFileSync(faults + f, 'utf8')),
    ...readdirSync(security).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(security + f, 'utf8')),
  ].join('\n');
  it.each(Object.keys(RULES).filter((r) => !MODEL_RULES.has(r)))('%s has a test asserting a diagnostic of it', (rule) => {
    expect(tests).toContain(`rule: '${rule}'`);
  });
});
