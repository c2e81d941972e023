/**
 * UI strings: every i18next key used in `src/` exists in every locale's dictionary, with the same
 * `{{variables}}` as English; keys no code uses are reported; a dictionary that does not parse is
 * a diagnostic, not a crash.
 *
 * Keys are found with a regex over the source (`t('key')`, `t("ns:key", …)`); positions are the
 * match's offset in that text. Keys built at run time (template literals) cannot be seen.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { LOCALE_CODES, SOURCE_LOCALE, type Locale } from '../site.ts';
import { diagnostic, LineIndex, listing, type CheckContext } from './context.ts';
import { MAX_JSON_DEPTH, readJsonWithPositions } from './json-locate.ts';

export const DEFAULT_NAMESPACE = 'ui';
/** i18next plural and context suffixes: `t('items', { count })` uses `items_one`, `items_other`… */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other|ordinal_(zero|one|two|few|many|other))$/;
const CALL = /(?<![\w$])t\(\s*(['"])((?:(?!\1)[^\\\n])+)\1/g;
const INTERPOLATION = /\{\{\s*(?:-\s*)?([^}\s,]+)[^}]*\}\}/g;
const LOCALE_FILE = /^locales\/([^/]+)\/([^/]+)\.json$/;

export interface KeyUse {
  file: string;
  position: SourcePosition;
  namespace: string;
  key: string;
}

/** Every `t('…')` call in the given sources. */
export function findKeyUses(sources: { path: string; text: string }[]): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const source of sources) {
    let lines: LineIndex | undefined;
    for (const m of withoutComments(source.text).matchAll(CALL)) {
      lines ??= new LineIndex(source.text);
      const written = m[2]!;
      const colon = written.indexOf(':');
      const namespace = colon > 0 ? written.slice(0, colon) : DEFAULT_NAMESPACE;
      const key = colon > 0 ? written.slice(colon + 1) : written;
      // The position of the key's opening quote.
      const position = lines.position(m.index + m[0].length - written.length - 2);
      uses.push({ file: source.path, position, namespace, key });
    }
  }
  return uses;
}

function variables(text: string): string[] {
  return [...new Set([...text.matchAll(INTERPOLATION)].map((m) => m[1]!))].sort();
}

interface Entry {
  file: string;
  position: SourcePosition;
  value: string;
}

export function checkUiStrings(_kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const input = context.ui;
  if (!input) return [];
  const out: Diagnostic[] = [];
  // locale → namespace → key → entry
  const dictionaries = new Map<Locale, Map<string, Map<string, Entry>>>(LOCALE_CODES.map((l) => [l, new Map()]));
  for (const source of input.locales) {
    const match = LOCALE_FILE.exec(source.path);
    const locale = match?.[1];
    if (!match || !LOCALE_CODES.includes(locale as Locale)) {
      out.push(diagnostic('i18n/syntax', source.path, { line: 1, column: 1 }, 'UI strings live in locales/<locale>/<namespace>.json.', `Use one of: ${LOCALE_CODES.map((l) => `locales/${l}/`).join(', ')}.`));
      continue;
    }
    const namespace = match[2]!;
    const result = readJsonWithPositions(source.text);
    if (!result.ok) {
      out.push(
        diagnostic('i18n/syntax', source.path, result.position, `This file is not valid JSON: ${result.message}.`, result.trailingComma ? `Delete the comma at line ${result.position.line}, column ${result.position.column}.` : result.tooDeep ? `Group the UI strings at most ${MAX_JSON_DEPTH} levels deep: move what starts at line ${result.position.line}, column ${result.position.column} up to a shallower group.` : 'Check for a missing comma or quote, or a trailing comma.', {
          fix: result.trailingComma ? { edits: [{ line: result.position.line, column: result.position.column, find: ',', replace: '' }] } : undefined,
          // Every key of a dictionary that cannot be read looks missing: that is this error's consequence.
          subjects: [`dictionary:${locale}/${namespace}`],
        }),
      );
      continue;
    }
    if (typeof result.root !== 'object' || result.root === null || Array.isArray(result.root)) {
      out.push(diagnostic('i18n/syntax', source.path, { line: 1, column: 1 }, 'A UI string file must hold one JSON object of strings.', 'Write { "key": "text", "group": { "key": "text" } }.', { subjects: [`dictionary:${locale}/${namespace}`] }));
      continue;
    }
    const keys = new Map<string, Entry>();
    const arrays = result.leaves.filter((l) => Array.isArray(l.value)).map((l) => l.path + '.');
    for (const leaf of result.leaves) {
      if (arrays.some((a) => leaf.path.startsWith(a))) continue;
      if (typeof leaf.value !== 'string') {
        out.push(diagnostic('i18n/syntax', source.path, leaf.position, `The value of "${leaf.path}" is not a string.`, 'Every UI string is a JSON string; nest objects to group keys.'));
        continue;
      }
      keys.set(leaf.path, { file: source.path, position: leaf.position, value: leaf.value });
    }
    dictionaries.get(locale as Locale)!.set(namespace, keys);
  }

  const has = (locale: Locale, namespace: string, key: string): Entry | undefined => {
    const keys = dictionaries.get(locale)?.get(namespace);
    if (!keys) return undefined;
    const exact = keys.get(key);
    if (exact) return exact;
    for (const [k, entry] of keys) if (PLURAL_SUFFIX.test(k) && k.replace(PLURAL_SUFFIX, '') === key) return entry;
    return undefined;
  };

  // Keys used in code.
  const uses = findKeyUses(input.sources);
  const used = new Set<string>();
  for (const use of uses) {
    used.add(`${use.namespace}:${use.key}`);
    const missing = LOCALE_CODES.filter((l) => !has(l, use.namespace, use.key));
    if (missing.length === 0) continue;
    out.push(
      diagnostic('i18n/missing-key', use.file, use.position, `The UI string "${use.namespace}:${use.key}" is missing in ${listing(missing)}.`, `Add "${use.key}" to ${missing.map((l) => `locales/${l}/${use.namespace}.json`).join(', ')}.`, {
        dependsOn: missing.map((l) => `dictionary:${l}/${use.namespace}`),
      }),
    );
  }

  // An unused key is one finding, at its first dictionary (English first), naming every locale that has it.
  const unused = new Map<string, { entry: Entry; locales: Locale[] }>();
  for (const [locale, namespaces] of dictionaries) {
    for (const [namespace, keys] of namespaces) {
      for (const [key, entry] of keys) {
        const base = key.replace(PLURAL_SUFFIX, '');
        if (!used.has(`${namespace}:${key}`) && !used.has(`${namespace}:${base}`)) {
          const found = unused.get(`${namespace}:${key}`);
          if (found) found.locales.push(locale);
          else unused.set(`${namespace}:${key}`, { entry, locales: [locale] });
        }
        if (locale === SOURCE_LOCALE) continue;
        const english = dictionaries.get(SOURCE_LOCALE)?.get(namespace)?.get(key);
        if (!english) continue;
        const want = variables(english.value);
        const got = variables(entry.value);
        if (want.join() !== got.join()) {
          out.push(diagnostic('i18n/interpolation', entry.file, entry.position, `"${namespace}:${key}" uses ${got.length > 0 ? listing(got.map((v) => `{{${v}}}`)) : 'no variables'}, but English uses ${want.length > 0 ? listing(want.map((v) => `{{${v}}}`)) : 'none'}.`, 'Keep the {{variables}} of the English text, in whatever order the language needs.'));
        }
      }
    }
  }
  for (const [name, { entry, locales }] of unused) {
    const files = locales.map((l) => entry.file.replace(/^locales\/[^/]+\//, `locales/${l}/`));
    out.push(diagnostic('i18n/unused-key', entry.file, entry.position, `No code in src/ uses the UI string "${name}" (in ${listing(locales)}).`, `Remove it from ${listing(files)}, or use it (keys built at run time cannot be seen; write the key in full).`));
  }
  return out;
}

/** The text with comments blanked out (same length, same line breaks), so offsets stay exact. */
export function withoutComments(text: string): string {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:'"`\\])(\/\/[^\n]*)/gm, (_m, before: string, comment: string) => before + blank(comment));
}
