/**
 * `variant/terminology`: per cloud and locale, terms that must not appear in what a reader of that
 * cloud reads (for example the global operator's name in the 21Vianet variant). The title and
 * description are checked at their front matter line; the body at the term's own position, from
 * its offset in the body. Text inside `<CloudOnly>` is checked only for the clouds it is shown to.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile, TerminologyRule } from '../model/types.ts';
import { isCloud, LOCALE_CODES, SOURCE_LOCALE, type Cloud } from '../site.ts';
import { bodyStartLine, diagnostic, LineIndex, type CheckContext } from './context.ts';

interface Range {
  from: SourcePosition;
  to: SourcePosition;
  clouds: Set<string>;
}

function before(a: SourcePosition, b: SourcePosition): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** Whether a reader of `cloud` sees what is at `position`: no `<CloudOnly>` around it hides it. */
export function shownTo(ranges: readonly Range[], position: SourcePosition, cloud: string): boolean {
  return ranges.every((r) => before(position, r.from) || !before(position, r.to) || r.clouds.has(cloud));
}

/** `<CloudOnly>` blocks of a file and the clouds each is shown to. */
export function cloudOnlyRanges(file: ArticleFile): Range[] {
  const ranges: Range[] = [];
  for (const element of file.parsed.elements) {
    if (element.name !== 'CloudOnly' || element.endLine === undefined || element.endColumn === undefined) continue;
    const value = element.attributes.find((a) => a.name === 'clouds')?.value;
    const clouds = new Set(typeof value === 'string' ? value.split(/[\s,]+/).filter(isCloud) : []);
    ranges.push({ from: element, to: { line: element.endLine, column: element.endColumn }, clouds });
  }
  return ranges;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function checkTerminology(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const forbidden = kb.terminology.forbidden;
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      for (const locale of LOCALE_CODES) {
        const file = variant.files[locale];
        if (!file) continue;
        // Rules of every cloud this file serves, with the clouds each rule comes from.
        const rules = new Map<string, { rule: TerminologyRule; clouds: Cloud[] }>();
        for (const cloud of variant.clouds) {
          for (const rule of forbidden[cloud]?.[locale] ?? []) {
            const key = rule.term.toLowerCase();
            const entry = rules.get(key);
            if (entry) entry.clouds.push(cloud);
            else rules.set(key, { rule, clouds: [cloud] });
          }
        }
        if (rules.size === 0) continue;
        const source = variant.files[SOURCE_LOCALE];
        const ranges = cloudOnlyRanges(file);
        const body = file.parsed.body;
        const lines = new LineIndex(body, bodyStartLine(file, context));
        for (const { rule, clouds } of rules.values()) {
          const pattern = new RegExp(escapeRegExp(rule.term), 'giu');
          const report = (position: SourcePosition, applies: Cloud[], written: string | undefined): void => {
            out.push(
              diagnostic('variant/terminology', file.path, position, `"${rule.term}" must not appear in text for readers of ${applies.join(', ')} (${locale}).`, written !== undefined ? `Replace "${written}" with "${rule.use}".` : `Use "${rule.use}".`, {
                fix: written !== undefined ? { edits: [{ line: position.line, column: position.column, find: written, replace: rule.use }] } : undefined,
                // A cloud the English file should not serve (\`variant/overlap\` names it) explains the rule applying.
                dependsOn: source && applies.length === 1 ? [`cloud:${source.path}:${applies[0]}`] : undefined,
              }),
            );
          };
          for (const key of ['title', 'description'] as const) {
            const value = file.frontmatter[key];
            if (value === undefined || !pattern.test(value)) continue;
            pattern.lastIndex = 0;
            const at = file.parsed.frontmatter.keyLines[key] ?? { line: 1, column: 1 };
            // With the file's text, point at the term itself on the key's line.
            const lineText = context.texts?.get(file.path)?.split('\n')[at.line - 1];
            const index = lineText?.toLowerCase().indexOf(rule.term.toLowerCase(), at.column - 1) ?? -1;
            report({ line: at.line, column: index >= 0 ? index + 1 : at.column }, clouds, index >= 0 ? lineText!.slice(index, index + rule.term.length) : undefined);
          }
          pattern.lastIndex = 0;
          for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
            const position = lines.position(m.index);
            const inside = ranges.filter((r) => !before(position, r.from) && before(position, r.to));
            const applies = clouds.filter((c) => inside.every((r) => r.clouds.has(c)));
            if (applies.length > 0) report({ ...position, endLine: position.line, endColumn: position.column + m[0].length }, applies, m[0]);
          }
        }
      }
    }
  }
  return out;
}

