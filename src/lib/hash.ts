/**
 * Provenance hashes: the one mechanism behind staleness. A translation records the hash of the
 * English variant it was made from; a non-base variant records the hash of the base variant it was
 * last reconciled with. The hash covers what a translator translates (title, description, body),
 * not bookkeeping fields, so acknowledging a hash never makes anything else stale.
 */
import { createHash } from 'node:crypto';
import { parseFrontmatter, splitFrontmatter } from './mdx/parse.ts';

export interface HashableDocument {
  title: string;
  description?: string | undefined;
  body: string;
}

/** Line endings and trailing white space do not change a hash; everything else does. */
export function normalizeForHash(text: string): string {
  // Line by line, from each line's end: a regular expression such as /[ \t]+$/gm tries every space
  // of a run as a start, which is quadratic in the run (the padding of an aligned table).
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    if (end < line.length) lines[i] = line.slice(0, end);
  }
  return lines.join('\n').trim();
}

/** The 16-hex-digit provenance hash of a document. */
export function provenanceHash(doc: HashableDocument): string {
  const canonical = [
    'title:' + normalizeForHash(doc.title),
    'description:' + normalizeForHash(doc.description ?? ''),
    'body:',
    normalizeForHash(doc.body),
  ].join('\n');
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The provenance hash of an article file's source text (front matter + body): what a translation
 * of it, or a variant reconciled with it, records. Returns undefined when the front matter has no
 * usable title (the schema check reports that).
 */
export function provenanceHashOfSource(source: string): string | undefined {
  const { data } = parseFrontmatter(source);
  if (typeof data !== 'object' || data === null) return undefined;
  const { title, description } = data as { title?: unknown; description?: unknown };
  if (typeof title !== 'string') return undefined;
  return provenanceHash({
    title,
    description: typeof description === 'string' ? description : undefined,
    body: splitFrontmatter(source).body,
  });
}
