/**
 * Author assets: the files of `public/` are served as they are, from the site's own origin, so a
 * file that a browser opens as a document could run script there (with the reader's session on the
 * site). Content arrives in pull requests, so:
 *
 * - `safety/asset-type`: a file of a type browsers run as a page or a script (HTML, XHTML, XML and
 *   its stylesheets, JavaScript, …; `SCRIPT_CARRYING_TYPES`) is an error at the file.
 * - `safety/svg`: an SVG is an XML document that browsers run script in when it is opened by itself.
 *   One is read with an XML parser (htmlparser2 in XML mode, already the project's HTML tokenizer)
 *   and every `<script>` (or other element that runs or embeds a document), `on*` attribute,
 *   `javascript:` URL, reference to another file (`href`, `src`, CSS `url(…)` and `@import`,
 *   `<?xml-stylesheet?>`) and entity declaration (which can expand into markup) is an error at the
 *   parser's line and column. Names are compared by their local part, in any case and any
 *   namespace prefix (`<h:script>`): stricter than a browser, never looser.
 *
 * Pure: takes a path and bytes, reads nothing. `model/load.ts` calls it for every file it walks in
 * `public/`, so `npm run check`, the build and `--watch` report the same.
 */
import { Parser } from 'htmlparser2';
import type { Diagnostic, Fix, SourcePosition } from '../diagnostics.ts';
import { LineIndex } from '../checks/context.ts';
import { diagnostic } from '../rules.ts';

/** File name endings browsers open as a document or run as a script (lower case, with the dot). */
export const SCRIPT_CARRYING_TYPES: readonly string[] = [
  // Pages: HTML and XHTML, MIME archives of pages, server-side includes and HTML applications.
  '.html', '.htm', '.xhtml', '.xht', '.shtml', '.mht', '.mhtml', '.hta', '.htc',
  // XML documents run the script of any XHTML element inside them, and XSLT can write one.
  '.xml', '.xsl', '.xslt', '.rss', '.atom', '.rdf', '.xul', '.xbl', '.mml',
  // Scripts, and compressed SVG (which cannot be read here to be checked).
  '.js', '.mjs', '.cjs', '.jsx', '.ts', '.vbs', '.swf', '.svgz',
];

/** Elements (local names, lower case) that run script or embed another document. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'listener', 'foreignobject', 'iframe', 'frame', 'embed', 'object', 'applet', 'meta', 'base']);
/** Attributes (local names) whose value is a URL the browser loads or follows. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'codebase']);
/** A `data:` URL that is only an image (no markup, so nothing in it can run). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);/i;
const SCRIPT_URL = /(?:javascript|vbscript|livescript):/i;

/** The type check: whether a file under `public/` (any path) is of a script-carrying type. */
export function isScriptCarrying(path: string): boolean {
  const name = path.toLowerCase();
  return SCRIPT_CARRYING_TYPES.some((ending) => name.endsWith(ending));
}

/**
 * What is wrong with one file of `public/` (`path` project-relative: `public/media/x.svg`), given
 * its bytes: one `safety/asset-type` for a script-carrying type, the `safety/svg` findings of an
 * SVG, nothing for any other file (whose bytes are not looked at; pass none).
 */
export function checkAsset(path: string, bytes?: Uint8Array): Diagnostic[] {
  if (isScriptCarrying(path)) {
    const ending = SCRIPT_CARRYING_TYPES.find((e) => path.toLowerCase().endsWith(e))!;
    return [
      diagnostic('safety/asset-type', path, { line: 1, column: 1 }, `${path} is a ${ending} file; browsers run it as a page or a script, on the site's own origin.`, `Delete ${path}. Write a page as an article under content/en/, and keep files under public/ to images, PDFs and downloads.`),
    ];
  }
  if (!path.toLowerCase().endsWith('.svg') || !bytes) return [];
  return checkSvg(path, decodeSvg(bytes));
}

/** An SVG's text: UTF-16 when it starts with that byte order mark (as a browser reads it), else UTF-8. */
function decodeSvg(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes);
}

/** The local part of a qualified XML name, in lower case (`xlink:href` → `href`). */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

/** URLs a CSS text loads: `url(…)` and `@import "…"`. */
function cssReferences(css: string): string[] {
  const found: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/gis)) found.push((m[2] ?? m[4] ?? '').trim());
  return found;
}

/** Whether a URL in an SVG stays inside it: a fragment (`#id`) or an image as a `data:` URL. */
function staysInside(url: string): boolean {
  return url.startsWith('#') || DATA_IMAGE.test(url);
}

/**
 * The `safety/svg` findings of an SVG's text, at the parser's positions (htmlparser2's offsets,
 * turned into 1-based line and column in UTF-16 code units, as every diagnostic counts them).
 * Removing a script element or a handler attribute has an automatic fix (the exact source text,
 * deleted); a reference to another file needs a person to decide what the drawing should show.
 */
export function checkSvg(path: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new LineIndex(text);
  const at = (offset: number): SourcePosition => lines.position(offset);
  const removing = (from: number, to: number): Fix => ({ edits: [{ ...at(from), find: text.slice(from, to), replace: '' }] });
  const report = (offset: number, message: string, hint: string, fix?: Fix): void => {
    out.push(diagnostic('safety/svg', path, at(offset), message, hint, fix ? { fix } : {}));
  };
  const reference = (offset: number, what: string, url: string): void =>
    report(offset, `${what} refers to another file ("${url.slice(0, 80)}"); an SVG opened by itself loads it on the site's origin.`, 'Draw or embed what it shows in the SVG itself (an image as a data:image/png URL), or refer to an element of this file with #id; then remove the reference.');

  // Open elements: where each starts, and the finding that removes it when it closes.
  const open: { name: string; start: number; dangerous: boolean }[] = [];
  // How many script elements the parser is inside.
  let inside = 0;
  let styleDepth = 0;
  let styleText = '';
  let styleStart = 0;
  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        // Inside an element that is removed whole, its parts need no finding of their own.
        if (inside > 0) return;
        const local = localName(name);
        const start = parser.startIndex;
        const source = text.slice(start, parser.endIndex);
        // The attribute with the blank before it, so that removing it leaves the tag tidy.
        const blank = /\s$/.test(text.slice(start - 1, start)) ? 1 : 0;
        const remove = removing(start - blank, start + source.trimEnd().length);
        if (local.startsWith('on')) {
          report(start, `The attribute ${name} is an event handler: its script runs when the SVG is opened.`, `Delete the attribute ${source.trimEnd()}.`, remove);
        } else if (SCRIPT_URL.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
          report(start, `The attribute ${name} holds a script URL ("${value.slice(0, 80)}").`, `Delete the attribute ${source.trimEnd()}.`, remove);
        } else if (URL_ATTRIBUTES.has(local) && !staysInside(value.trim())) {
          reference(start, `The attribute ${name}`, value.trim());
        } else {
          for (const url of cssReferences(value)) if (!staysInside(url)) reference(start, `The attribute ${name}`, url);
        }
      },
      onopentagname(name) {
        const local = localName(name);
        // Only the outermost of nested script elements is reported (removing it removes the rest).
        const dangerous = inside === 0 && SCRIPT_ELEMENTS.has(local);
        if (SCRIPT_ELEMENTS.has(local)) inside++;
        open.push({ name, start: parser.startIndex, dangerous });
        if (local === 'style') {
          if (styleDepth++ === 0) styleText = '';
          styleStart = parser.startIndex;
        }
      },
      ontext(data) {
        if (styleDepth > 0) styleText += data;
      },
      onclosetag(name) {
        const element = open.pop();
        if (!element) return;
        const local = localName(name);
        if (SCRIPT_ELEMENTS.has(local)) inside--;
        if (local === 'style' && --styleDepth === 0 && inside === 0) {
          for (const url of cssReferences(styleText)) if (!staysInside(url)) reference(styleStart, 'The <style> element', url);
        }
        if (element.dangerous) {
          const source = text.slice(element.start, parser.endIndex + 1);
          report(element.start, `The <${name}> element runs script or embeds another document when the SVG is opened.`, `Delete the element ${source.length > 60 ? `<${name}>…</${name}>` : source} (from line ${at(element.start).line}, column ${at(element.start).column}).`, removing(element.start, parser.endIndex + 1));
        }
      },
      onprocessinginstruction(name, data) {
        const lower = name.toLowerCase();
        if (lower === '!doctype' && data.includes('[')) {
          report(parser.startIndex, 'The DOCTYPE declares entities, which a browser expands into the drawing (markup, even a script).', 'Remove the [ … ] part of the DOCTYPE (or the whole DOCTYPE: SVG needs none) and write out what the entities stood for.');
        } else if (lower === '?xml-stylesheet') {
          reference(parser.startIndex, 'The <?xml-stylesheet?> instruction', data.replace(/^\?xml-stylesheet\s*/i, '').trim());
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(text);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
