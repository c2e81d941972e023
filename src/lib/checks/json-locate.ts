/**
 * A small JSON reader that keeps positions: parses a JSON text into leaf entries
 * (`a.b.c` → value, with the key's line and column) or reports where it stops being JSON.
 * Written by hand because `JSON.parse` gives neither key positions nor (portably) error positions.
 * Objects and arrays nest at most `MAX_JSON_DEPTH` levels: deeper is reported at the bracket that
 * goes too deep (`tooDeep`), so no input overflows the stack of this recursive reader.
 */
import type { SourcePosition } from '../diagnostics.ts';
import { LineIndex } from './context.ts';

export interface JsonLeaf {
  path: string;
  value: unknown;
  position: SourcePosition;
}

/** The deepest nesting of objects and arrays read (UI strings use two or three levels). */
export const MAX_JSON_DEPTH = 100;

export type JsonReadResult =
  | { ok: true; leaves: JsonLeaf[]; root: unknown }
  | { ok: false; message: string; position: SourcePosition; trailingComma?: boolean; tooDeep?: boolean };

class JsonSyntax extends Error {
  readonly offset: number;
  trailingComma = false;
  tooDeep = false;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

export function readJsonWithPositions(text: string): JsonReadResult {
  const lines = new LineIndex(text);
  const leaves: JsonLeaf[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Objects and arrays open around the value being read.
  let depth = 0;
  const enter = (): void => {
    if (++depth <= MAX_JSON_DEPTH) return;
    const error = new JsonSyntax(`objects and arrays nested more than ${MAX_JSON_DEPTH} levels deep`, i);
    error.tooDeep = true;
    throw error;
  };

  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (message: string): never => {
    throw new JsonSyntax(message, i);
  };
  /** After a comma: a closing bracket there is the commonest JSON mistake, reported at the comma. */
  const trailing = (comma: number, close: '}' | ']'): void => {
    if (text[i] !== close) return;
    const error = new JsonSyntax(`a comma before "${close}" (JSON allows no comma after the last entry)`, comma);
    error.trailingComma = true;
    throw error;
  };
  const str = (): string => {
    if (text[i] !== '"') fail(i >= text.length ? 'unexpected end of file' : `expected a string, found "${text[i]}"`);
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('unterminated string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('invalid escape in string');
    }
  };
  const value = (path: string, keyOffset: number): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      enter();
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return obj;
      }
      for (;;) {
        ws();
        const at = i;
        const key = str();
        ws();
        if (text[i] !== ':') fail(`expected ":" after the key "${key}"`);
        i++;
        obj[key] = value(path ? `${path}.${key}` : key, at);
        ws();
        if (text[i] === ',') {
          const comma = i++;
          ws();
          trailing(comma, '}');
          continue;
        }
        if (text[i] === '}') {
          i++;
          depth--;
          return obj;
        }
        fail(i >= text.length ? 'unexpected end of file' : `expected "," or "}", found "${text[i]}"`);
      }
    }
    let result: unknown;
    if (c === '[') {
      enter();
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') i++;
      else
        for (;;) {
          arr.push(value(`${path}.${arr.length}`, i));
          ws();
          if (text[i] === ',') {
            const comma = i++;
            ws();
            trailing(comma, ']');
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail(i >= text.length ? 'unexpected end of file' : `expected "," or "]", found "${text[i]}"`);
        }
      depth--;
      result = arr;
    } else if (c === '"') {
      result = str();
    } else {
      const m = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail(i >= text.length ? 'unexpected end of file' : `unexpected "${text[i]}"`);
      i += m![0].length;
      result = JSON.parse(m![0]);
    }
    leaves.push({ path, value: result, position: lines.position(keyOffset) });
    return result;
  };

  try {
    const root = value('', i);
    ws();
    if (i < text.length) fail(`unexpected "${text[i]}" after the end of the JSON value`);
    // The root itself is not a leaf.
    if (leaves.at(-1)?.path === '') leaves.pop();
    return { ok: true, leaves, root };
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    return { ok: false, message: error.message, position: lines.position(Math.min(error.offset, text.length)), ...(error.trailingComma ? { trailingComma: true } : {}), ...(error.tooDeep ? { tooDeep: true } : {}) };
  }
}
