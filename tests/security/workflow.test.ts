/**
 * Item 11 of the hardening issue: the pull-request workflow builds the site too (so what fails only
 * in a build fails the pull request), with the parse cache restored first, and every action is
 * pinned to a full commit SHA.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './helpers.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github/workflows/check.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

it('runs on pull requests, checks, then builds with the parse cache restored', () => {
  expect(Object.keys(workflow.on)).toContain('pull_request');
  const index = (test: (step: Step) => boolean): number => steps.findIndex(test);
  const cache = index((s) => s.uses?.startsWith('actions/cache@') === true && s.with?.['path'] === 'node_modules/.cache/partner-kb/parse');
  const check = index((s) => s.run?.startsWith('npm run check') === true);
  const build = index((s) => s.run === 'npm run build');
  expect(cache).toBeGreaterThan(index((s) => s.run === 'npm ci'));
  expect(check).toBeGreaterThan(cache);
  expect(build).toBeGreaterThan(check);
});

it('pins every action to a commit SHA', () => {
  const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
  expect(uses.length).toBeGreaterThan(0);
  for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
});
