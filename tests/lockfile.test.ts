import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain JavaScript (it must run before dependencies are installed).
import { danglingOptionalEdges, repair } from '../scripts/repair-lockfile.mjs';

type Lock = { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
const check = danglingOptionalEdges as (lock: Lock) => { holder: string; name: string }[];

describe('package-lock.json', () => {
  it('has no optional edge to a package it does not contain (npm ci would refuse it: run npm run lock:repair)', () => {
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')) as Lock;
    expect(check(lock)).toEqual([]);
  });

  it('repair removes exactly the dangling edges, resolving through nested node_modules', () => {
    const lock: Lock = {
      packages: {
        '': { optionalDependencies: { fsevents: '^2' } },
        'node_modules/a': { optionalDependencies: { 'a-linux': '1', 'a-darwin': '1', b: '1' } },
        'node_modules/a-linux': {},
        'node_modules/c/node_modules/b': {},
        'node_modules/c': { optionalDependencies: { b: '1' } },
      },
    };
    expect(check(lock)).toEqual([
      { holder: '', name: 'fsevents' },
      { holder: 'node_modules/a', name: 'a-darwin' },
      { holder: 'node_modules/a', name: 'b' },
    ]);
    (repair as (lock: Lock) => unknown)(lock);
    expect(lock.packages['node_modules/a']!.optionalDependencies).toEqual({ 'a-linux': '1' });
    expect(lock.packages['']!.optionalDependencies).toBeUndefined();
    expect(lock.packages['node_modules/c']!.optionalDependencies).toEqual({ b: '1' });
  });
});
