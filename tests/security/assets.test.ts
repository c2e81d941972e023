/**
 * Item 2 of the hardening issue: files under public/ are served from the site's origin, so an HTML,
 * XHTML, XML or JavaScript file there is `safety/asset-type`, and an SVG with a script, an event
 * handler, a javascript: URL, an entity declaration or a reference to another file is `safety/svg`
 * at the XML parser's line and column. The project is checked as the build checks it
 * (`checkProject`, which `src/integration.ts` runs before Astro renders), and each automatic hint,
 * followed, leaves a file that passes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lib/checks/fix.ts';
import { checkProject } from '../../src/lib/checks/project.ts';
import { checkAsset, SCRIPT_CARRYING_TYPES } from '../../src/lib/model/assets.ts';
import { temporaryProject } from './helpers.ts';

/** A project with one article and these files under public/ (project-relative paths). */
const project = (files: Record<string, string | Uint8Array>): string => temporaryProject('kb-assets-', '![Flow](/media/flow.svg)\n', files);

/** The safety/* errors of the project, as the build's check finds them. */
async function assetErrors(root: string) {
  const { outcome } = await checkProject({ root, diskCache: false });
  return outcome.reported.filter((d) => d.rule.startsWith('safety/'));
}

const svg = (inner: string, before = ''): string => `${before}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${inner}\n</svg>\n`;

/** A drawing as editors write them: gradients, internal references, CSS, an embedded raster image. */
const CLEAN = svg(
  [
    '  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><symbol id="s"><circle r="1"/></symbol></defs>',
    '  <style>.box { fill: url(#g); stroke: #333 }</style>',
    '  <rect class="box" width="10" height="10" style="filter: url(#f)" fill="url(\'#g\')"/>',
    '  <use href="#s"/><use xlink:href="#s"/>',
    '  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
    '  <text>on load, javascript is not run: onclick</text>',
    '  <!-- <script>a comment</script> -->',
  ].join('\n'),
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
);

describe('files under public/ of a type browsers run', () => {
  it('are one safety/asset-type error each, at the file, whatever the case of the name', async () => {
    const root = project({ 'public/media/help.html': '<script>window.kbPwned=1</script>', 'public/media/app.JS': 'window.kbPwned=1', 'public/feed.xml': '<x/>', 'public/media/page.xhtml': '<html/>' });
    expect((await assetErrors(root)).map(({ file, line, column, rule }) => ({ file, line, column, rule }))).toEqual(
      ['public/feed.xml', 'public/media/app.JS', 'public/media/help.html', 'public/media/page.xhtml'].map((file) => ({ file, line: 1, column: 1, rule: 'safety/asset-type' })),
    );
  });

  it('are named in one list, and images, PDFs and downloads are not in it', () => {
    for (const ending of ['.html', '.htm', '.xhtml', '.js', '.mjs', '.xml', '.xsl', '.svgz']) expect(SCRIPT_CARRYING_TYPES).toContain(ending);
    for (const name of ['a.png', 'a.jpg', 'a.pdf', 'a.zip', 'a.txt', 'a.json', 'a.css', 'a.html.png']) expect(checkAsset(`public/media/${name}`, new Uint8Array())).toEqual([]);
  });
});

describe('an SVG under public/', () => {
  it('as drawing tools write it is silent', async () => {
    expect(checkAsset('public/media/flow.svg', new TextEncoder().encode(CLEAN))).toEqual([]);
    expect(await assetErrors(project({ 'public/media/flow.svg': CLEAN }))).toEqual([]);
  });

  const HOSTILE_SVG: [string, string, string, { line: number; column: number }][] = [
    ['a script element', svg('  <rect/>\n  <script>window.kbPwned=1</script>'), 'The <script> element', { line: 3, column: 3 }],
    ['a script in another namespace, with CDATA', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml"><![CDATA[ kbPwned=1 ]]></h:script>'), 'The <h:script> element', { line: 2, column: 1 }],
    ['a foreignObject with an iframe', svg('  <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="x"/></foreignObject>'), 'The <foreignObject> element', { line: 2, column: 3 }],
    ['an event handler', svg('  <rect width="1"\n        onload="kbPwned=1"/>'), 'The attribute onload', { line: 3, column: 9 }],
    ['an event handler in upper case', svg('  <circle r="1" ONMOUSEOVER="kbPwned=1"/>'), 'The attribute ONMOUSEOVER', { line: 2, column: 17 }],
    ['a javascript: link, hidden by an entity', svg('  <a xlink:href="java&#x09;script:kbPwned=1"><text>x</text></a>'), 'The attribute xlink:href holds a script URL', { line: 2, column: 6 }],
    ['an animation that sets a javascript: URL', svg('  <a><set attributeName="href" to="javascript:kbPwned=1"/><text>x</text></a>'), 'The attribute to holds a script URL', { line: 2, column: 32 }],
    ['a reference to another file', svg('  <use href="https://example.com/x.svg#a"/>'), 'The attribute href refers to another file', { line: 2, column: 8 }],
    ['an SVG data: URL (markup) as an image', svg('  <image href="data:image/svg+xml,%3Csvg/%3E"/>'), 'The attribute href refers to another file', { line: 2, column: 10 }],
    ['a CSS import', svg('  <style>\n    @import url("https://example.com/a.css");\n  </style>'), 'The <style> element refers to another file', { line: 2, column: 3 }],
    ['a CSS url() to another file', svg('  <rect style="fill: url(/media/other.svg#g)"/>'), 'The attribute style refers to another file', { line: 2, column: 9 }],
    ['an XSLT stylesheet', svg('<rect/>', '<?xml-stylesheet type="text/xsl" href="/media/x.xsl"?>\n'), 'The <?xml-stylesheet?> instruction', { line: 1, column: 1 }],
    ['entity declarations', svg('<text>&x;</text>', '<!DOCTYPE svg [\n  <!ENTITY x "&#60;script&#62;kbPwned=1&#60;/script&#62;">\n]>\n'), 'The DOCTYPE declares entities', { line: 1, column: 1 }],
  ];

  it.each(HOSTILE_SVG)('with %s is one safety/svg error at the parser\'s position', async (_what, text, message, position) => {
    const root = project({ 'public/media/flow.svg': text });
    const found = await assetErrors(root);
    expect(found.map(({ file, line, column, rule }) => ({ file, line, column, rule }))).toEqual([{ file: 'public/media/flow.svg', ...position, rule: 'safety/svg' }]);
    expect(found[0]!.message).toContain(message);
    const fix = found[0]!.fix;
    if (!fix) return;
    // The automatic hint, followed, leaves an SVG that passes (the build too).
    if (!('edits' in fix)) throw new Error('safety/svg fixes are text edits');
    writeFileSync(join(root, 'public/media/flow.svg'), applyEdits(readFileSync(join(root, 'public/media/flow.svg'), 'utf8'), fix.edits));
    expect(await assetErrors(root)).toEqual([]);
  });

  it('in UTF-16 is read as a browser reads it', () => {
    const text = svg('<script>kbPwned=1</script>');
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    expect(checkAsset('public/x.svg', bytes).map((d) => [d.rule, d.line, d.column])).toEqual([['safety/svg', 2, 1]]);
  });

  it('gives one finding for a script element, not one for each of its parts', () => {
    const text = svg('<foreignObject onload="a()"><script href="https://x/y.js" onload="b()">c()</script></foreignObject>');
    expect(checkAsset('public/x.svg', new TextEncoder().encode(text)).map((d) => d.message)).toEqual(['The <foreignObject> element runs script or embeds another document when the SVG is opened.']);
  });
});
