/**
 * Decoding an input file's bytes. Node's `readFileSync(path, 'utf8')` turns every invalid byte into
 * U+FFFD without a word, and the replacement character would then be published; the importer
 * decodes with the platform's strict decoder instead and names the first invalid byte.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { importRule } from './rules.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * The text of a UTF-8 file (a leading BOM is kept; the reader drops it), or an `import/encoding`
 * error at the line and column (1-based, in characters) of the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { error: Diagnostic } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // The lenient decoding is the same up to the first invalid byte. A U+FFFD that the file spells
    // out itself (EF BF BD) is text, not an error: skip those.
    const text = lenient.decode(bytes);
    for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
      const offset = encoder.encode(text.slice(0, index)).length;
      if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
      const before = text.slice(0, index);
      const line = before.split('\n').length;
      const column = index - (before.lastIndexOf('\n') + 1) + 1;
      const hex = [...bytes.subarray(offset, offset + 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      return {
        error: {
          file, line, column, ...importRule('import/encoding'),
          message: `the file is not valid UTF-8: byte ${offset} (${hex}…) is not part of a UTF-8 character`,
          hint: 'Save the file as UTF-8 (DocFX files are UTF-8); the text at this position was written in another encoding.',
        },
      };
    }
    return { text };
  }
}
