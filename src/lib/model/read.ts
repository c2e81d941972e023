/**
 * The one way the project's own text files (articles, data files, `locales/` JSON) and folders
 * (`content/`, `public/`, `locales/`) are read, by the check, the build and the dev server alike.
 *
 * - A UTF-8 byte order mark is not part of the text (editors on Windows write one).
 * - Bytes that are not UTF-8 are reported (`content/encoding`) at their line and column, never
 *   published silently as U+FFFD.
 * - A symbolic link (or a FIFO, socket or device) is reported (`safety/symlink`) with its path and
 *   never followed: a pull request can carry a link to `../../.git/config` or `/etc/hostname`.
 */
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../rules.ts';

/** A project-relative path with forward slashes (`content/ko/x.mdx`). */
export function projectPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * The offset of the first byte of `bytes` that does not start or continue a well-formed UTF-8
 * sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 * Written out because TextDecoder and `buffer.isUtf8` say whether, not where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
/** Counts a line's characters as they are (a U+FEFF inside a line is a character). */
const columns = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A file's text from its bytes: UTF-8 without a leading byte order mark. Bytes that are not UTF-8
 * become U+FFFD and are reported once per file, at the first of them (line and column in
 * characters, as the parsers count them), with how many there are.
 */
export function decodeText(path: string, bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  // TextDecoder drops a leading BOM (ignoreBOM: false), and replaces what is not UTF-8 with U+FFFD.
  const text = decoder.decode(bytes);
  const first = firstInvalidUtf8(bytes);
  if (first < 0) return { text, diagnostics: [] };
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < first; i = bytes.indexOf(0x0a, i + 1)) line++;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lineStart = Math.max(first === 0 ? 0 : bytes.lastIndexOf(0x0a, first - 1) + 1, bom);
  const column = columns.decode(bytes.subarray(lineStart, first)).length + 1;
  let more = 0;
  for (let at = first; at < bytes.length; ) {
    const rest = firstInvalidUtf8(bytes.subarray(at + 1));
    if (rest < 0) break;
    more++;
    at += 1 + rest;
  }
  const byte = bytes[first]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    text,
    diagnostics: [
      diagnostic(
        'content/encoding',
        path,
        { line, column },
        `The file is not valid UTF-8: the byte 0x${byte} here is not a character${more > 0 ? ` (nor are ${more} more bytes later in the file)` : ''}.`,
        'Save the file as UTF-8 (most editors: "Save with encoding" → UTF-8), then check the characters at this position.',
      ),
    ],
  };
}

/** Reads one text file of the project (see the module comment). */
export function readTextFile(root: string, absolute: string): { path: string; text: string; diagnostics: Diagnostic[] } {
  const path = projectPath(root, absolute);
  return { path, ...decodeText(path, readFileSync(absolute)) };
}

export interface WalkResult {
  /** Absolute paths of the regular files, sorted. */
  files: string[];
  /** One `safety/symlink` per link or special file found (never followed). */
  diagnostics: Diagnostic[];
}

/** The `safety/symlink` finding of an entry that is neither a regular file nor a folder. */
export function entryDiagnostic(root: string, absolute: string, entry: Pick<Dirent, 'isSymbolicLink'>): Diagnostic {
  const path = projectPath(root, absolute);
  return entry.isSymbolicLink()
    ? diagnostic('safety/symlink', path, { line: 1, column: 1 }, `${path} is a symbolic link; links in content/, public/ and locales/ are never followed or published.`, 'Replace the link with the file itself (git rm the link, then add a copy of the file), or remove it.')
    : diagnostic('safety/symlink', path, { line: 1, column: 1 }, `${path} is not a regular file (a FIFO, socket or device); it is never read or published.`, 'Remove it.');
}

/**
 * Every regular file below `dir` (none when `dir` does not exist), skipping names starting with a
 * dot and those `skip` names. Symbolic links and special files, `dir` itself included, are reported
 * and never followed. Iterative, so no folder depth overflows the stack.
 */
export function walkFolder(root: string, dir: string, skip: (name: string) => boolean = () => false): WalkResult {
  const result: WalkResult = { files: [], diagnostics: [] };
  let top;
  try {
    top = lstatSync(dir);
  } catch {
    return result;
  }
  if (!top.isDirectory()) {
    if (!top.isFile()) result.diagnostics.push(entryDiagnostic(root, dir, top));
    return result;
  }
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || skip(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) result.files.push(path);
      else result.diagnostics.push(entryDiagnostic(root, path, entry));
    }
  }
  result.files.sort();
  return result;
}
