import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { contentDirectory, readContent } from '../../src/lib/model/load.ts';

const saved = process.env['KB_CONTENT_DIR'];
afterEach(() => {
  if (saved === undefined) delete process.env['KB_CONTENT_DIR'];
  else process.env['KB_CONTENT_DIR'] = saved;
});

it('KB_CONTENT_DIR names the content folder that check, build, dev and preview read', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-content-dir-'));
  try {
    mkdirSync(join(root, 'content/en'), { recursive: true });
    writeFileSync(join(root, 'content/en/own.mdx'), '---\ntitle: Own\nclouds: [global]\n---\n');
    mkdirSync(join(root, 'imported/en'), { recursive: true });
    writeFileSync(join(root, 'imported/en/other.mdx'), '---\ntitle: Other\nclouds: [global]\n---\n');
    delete process.env['KB_CONTENT_DIR'];
    expect(contentDirectory(root)).toBe(join(root, 'content'));
    expect(readContent({ root }).articles.map((a) => a.contentPath)).toEqual(['en/own.mdx']);
    process.env['KB_CONTENT_DIR'] = 'imported';
    expect(contentDirectory(root)).toBe(join(root, 'imported'));
    expect(readContent({ root }).articles.map((a) => [a.path, a.contentPath])).toEqual([['imported/en/other.mdx', 'en/other.mdx']]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
