/**
 * `npm run kb -- ack <file>`: records, after review, the hash of the text a file was derived from:
 * the English source's hash into `translation.sourceHash` of a translation, the English base
 * variant's hash into `baseHash` of a non-base English variant. Only that line of the front matter
 * changes (and `translation.method` with `--method`); the rest of the file stays byte-identical.
 */
import { parseFrontmatter, splitFrontmatter } from '../mdx/parse.ts';
import { SOURCE_LOCALE } from '../site.ts';
import type { KnowledgeBase } from './kb.ts';
import type { ArticleFile } from './types.ts';

export type AckPlan =
  | { ok: true; file: ArticleFile; key: 'translation.sourceHash' | 'baseHash'; hash: string; against: string }
  | { ok: false; message: string };

/** What `ack` would record for a file, or why it cannot. */
export function planAck(kb: KnowledgeBase, path: string): AckPlan {
  const file = kb.files().find((f) => f.path === path);
  if (!file) {
    const excluded = [...kb.excluded.values()].find((f) => f.path === path);
    const first = excluded?.diagnostics[0];
    if (first) return { ok: false, message: `${path} has errors, so it is not part of the content: ${path}:${first.line}:${first.column} ${first.rule} ${first.message} Fix it first (npm run check lists every finding).` };
    return { ok: false, message: `${path} is not an article file: articles are content/<locale>/<slug>.mdx or content/<locale>/<slug>.<variant>.mdx.` };
  }
  if (file.locale !== SOURCE_LOCALE) {
    const source = kb.sourceOf(file);
    if (!source) return { ok: false, message: `${path} has no English source ${path.replace(`content/${file.locale}/`, 'content/en/')}.` };
    return { ok: true, file, key: 'translation.sourceHash', hash: source.hash, against: source.path };
  }
  if (file.variantKey === '') return { ok: false, message: `${path} is an English base variant: it is the source, there is nothing to acknowledge.` };
  const base = kb.baseOf(file);
  if (!base) return { ok: false, message: `${path} has no base variant content/en/${file.slug}.mdx.` };
  return { ok: true, file, key: 'baseHash', hash: base.hash, against: base.path };
}

/**
 * Sets one scalar in the front matter by rewriting only the line it is on. A missing key is
 * inserted (`baseHash` after `clouds`; `translation` as a block before the closing `---`).
 */
export function setFrontmatterValue(source: string, keyPath: string, raw: string): string {
  // A hash of digits (or digits and one "e") would read back as a YAML number: quote it.
  const value = /^[0-9]*(?:[eE][+-]?[0-9]+)?$|^[0-9.]+$/.test(raw) ? `'${raw}'` : raw;
  const fm = parseFrontmatter(source);
  if (fm.startLine === undefined) throw new Error('The file has no front matter.');
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/(?<=\n)/);
  const key = keyPath.split('.').at(-1)!;
  const at = fm.keyLines[keyPath];
  if (at) {
    const index = at.line - 1;
    const line = lines[index]!;
    const head = line.slice(0, at.column - 1);
    const rest = line.slice(at.column - 1);
    const pattern = new RegExp(`^(${key}\\s*:[ \\t]*)("[^"]*"|'[^']*'|[^\\s,}#]*)`);
    if (!pattern.test(rest)) throw new Error(`Cannot rewrite "${keyPath}" on line ${at.line}.`);
    lines[index] = head + rest.replace(pattern, `$1${value}`);
    return lines.join('');
  }
  // Insert the missing key.
  const { bodyStartLine } = splitFrontmatter(source);
  const closing = bodyStartLine - 2; // index of the closing `---` line
  if (keyPath === 'baseHash') {
    const clouds = fm.keyLines['clouds'];
    const after = clouds ? clouds.line : closing;
    lines.splice(after, 0, `baseHash: ${value}${eol}`);
    return lines.join('');
  }
  const [parent, child] = keyPath.split('.');
  if (parent && child && fm.keyLines[parent]) {
    const p = fm.keyLines[parent]!;
    const line = lines[p.line - 1]!;
    if (/\{\s*/.test(line.slice(p.column - 1))) {
      lines[p.line - 1] = line.replace(/\{\s*/, (m) => `${m}${child}: ${value}, `);
    } else {
      lines.splice(p.line, 0, `${' '.repeat(p.column - 1)}  ${child}: ${value}${eol}`);
    }
    return lines.join('');
  }
  if (parent && child) {
    lines.splice(closing, 0, `${parent}:${eol}`, `  ${child}: ${value}${eol}`);
    return lines.join('');
  }
  lines.splice(closing, 0, `${keyPath}: ${value}${eol}`);
  return lines.join('');
}

/** The new text of a file after `ack` (and optionally setting `translation.method`). */
export function ackText(source: string, plan: Extract<AckPlan, { ok: true }>, method?: 'human' | 'machine'): string {
  let text = setFrontmatterValue(source, plan.key, plan.hash);
  if (plan.key === 'translation.sourceHash') {
    const current = parseFrontmatter(text).data as { translation?: { method?: string } } | undefined;
    const wanted = method ?? (current?.translation?.method === undefined ? 'machine' : undefined);
    if (wanted !== undefined && current?.translation?.method !== wanted) text = setFrontmatterValue(text, 'translation.method', wanted);
  }
  return text;
}
