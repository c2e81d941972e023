/**
 * Item 1 and 9 of the hardening issue: the body renderer keeps its own allow-list of elements,
 * attributes and URL schemes (`src/lib/render/sanitize.ts`), whatever the parse says, and GFM
 * footnotes work (ids, `data-footnote-ref`, `aria-describedby`, labels in the reader's language,
 * labels with quotes).
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { BODY_SCHEMA } from '../../src/lib/render/sanitize.ts';
import { renderPage } from './helpers.ts';
import { HOSTILE } from './hostile.ts';

const OTHER = '---\ntitle: Other\nclouds: [global, usgov, germany, china]\n---\n\n## Part {/* #part */}\n';

/** Every element and attribute of an HTML fragment, as the browser's tokenizer sees them. */
function elementsOf(html: string): Array<{ tag: string; attributes: Record<string, string> }> {
  const out: Array<{ tag: string; attributes: Record<string, string> }> = [];
  const parser = new Parser({ onopentag: (tag, attributes) => out.push({ tag, attributes }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return out;
}

const ALLOWED_TAGS = new Set(BODY_SCHEMA.tagNames);
const SAFE_URL = /^(?:[/#?]|https?:|mailto:|[^:]*$)/i;

/** Why an HTML fragment could run script, or nothing. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const { tag, attributes } of elementsOf(html)) {
    if (!ALLOWED_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'srcset' || name === 'formaction') found.push(`${tag}[${name}]`);
      if ((name === 'href' || name === 'src' || name === 'action' || name === 'data') && !SAFE_URL.test(value.trim())) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe('the body renderer\'s allow-list', () => {
  it('does not render script from the issue\'s reproductions (<script>, <img onload>)', () => {
    const html = renderPage('<script>window.x=1</script>\n\n<img src="/favicon.svg" onload="window.x=1" />\n');
    expect(html).not.toMatch(/<script|onload|window\.x/);
    expect(html).toContain('<img src="/favicon.svg"');
  });

  it.each(HOSTILE.map((h) => [h.name, h] as const))('renders %s harmlessly', (_name, hostile) => {
    const html = renderPage(hostile.body);
    expect(unsafeParts(html)).toEqual([]);
  });

  it('keeps everything our Markdown and components produce (the schema drops none of it)', () => {
    const body = `## Section {/* #section */}

Text with **strong**, *em*, ~~del~~, \`code\`, a [link](other.mdx#part "Title"), an [external](https://example.com) one, <br /> and a note[^n].

> Quoted.

1. one
2. two

- [x] done
- [ ] open

| left | right |
|:-----|------:|
| 1<br />2 | <CloudFact name="operator" /> |

\`\`\`js
const x = 1;
\`\`\`

![Alt text](/media/x.png "Image title")

<Callout type="warning" title="Careful">Body text.</Callout>

<CloudOnly clouds="global">Only global.</CloudOnly><CloudOnly clouds="china">Only China.</CloudOnly>

---

[^n]: The "note".
`;
    expect(renderPage(body, { others: { 'content/en/other.mdx': OTHER } })).toBe(`<div class="heading-wrap"><h2 id="section">Section</h2><a class="heading-anchor" href="#section" aria-label="Link to the section “Section”">#</a></div>
<p>Text with <strong>strong</strong>, <em>em</em>, <del>del</del>, <code>code</code>, a <a href="/en/global/other/#part" title="Title">link</a>, an <a href="https://example.com" rel="noopener">external</a> one, <br> and a note<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>.</p>
<blockquote>
<p>Quoted.</p>
</blockquote>
<ol>
<li>one</li>
<li>two</li>
</ol>
<ul class="contains-task-list">
<li class="task-list-item"><input type="checkbox" checked disabled> done</li>
<li class="task-list-item"><input type="checkbox" disabled> open</li>
</ul>
<table>
<thead>
<tr>
<th align="left">left</th>
<th align="right">right</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left">1<br>2</td>
<td align="right">Microsoft</td>
</tr>
</tbody>
</table>
<pre><code class="language-js">const x = 1;
</code></pre>
<p><img alt="Alt text" title="Image title" src="/media/x.png" loading="lazy" decoding="async"></p>
<p><aside class="callout callout-warning" aria-label="Careful"><p class="callout-label">Careful</p><div class="callout-body">Body text.</div></aside></p>
<p>Only global.</p>
<hr>
<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label" lang="en">Footnotes</h2>
<ol>
<li id="user-content-fn-1">
<p>The "note". <a href="#user-content-fnref-1" data-footnote-backref="" class="data-footnote-backref" aria-label="Back to reference 1" lang="en">↩</a></p>
</li>
</ol>
</section>`);
  });
});

describe('footnotes', () => {
  const body = 'Text[^a"b] and more[^참고] and again[^a"b].\n\n[^a"b]: A "quoted" note.\n[^참고]: A Korean label.\n';

  it('link each call to its note and back, with ids that need no escaping, whatever the label', () => {
    const html = renderPage(body);
    const links = elementsOf(html).filter((e) => e.tag === 'a').map((e) => e.attributes);
    expect(links).toEqual([
      { href: '#user-content-fn-1', id: 'user-content-fnref-1', 'data-footnote-ref': '', 'aria-describedby': 'footnote-label' },
      { href: '#user-content-fn-2', id: 'user-content-fnref-2', 'data-footnote-ref': '', 'aria-describedby': 'footnote-label' },
      { href: '#user-content-fn-1', id: 'user-content-fnref-1-2', 'data-footnote-ref': '', 'aria-describedby': 'footnote-label' },
      { href: '#user-content-fnref-1', 'data-footnote-backref': '', class: 'data-footnote-backref', 'aria-label': 'Back to reference 1', lang: 'en' },
      { href: '#user-content-fnref-1-2', 'data-footnote-backref': '', class: 'data-footnote-backref', 'aria-label': 'Back to reference 1-2', lang: 'en' },
      { href: '#user-content-fnref-2', 'data-footnote-backref': '', class: 'data-footnote-backref', 'aria-label': 'Back to reference 2', lang: 'en' },
    ]);
    const ids = new Set(elementsOf(html).flatMap((e) => (e.attributes['id'] ? [e.attributes['id']] : [])));
    for (const link of links) expect(ids.has(link['href']!.slice(1)), link['href']).toBe(true);
    expect(ids.has('footnote-label')).toBe(true);
    expect(html).toContain('<p>A "quoted" note. <a');
  });

  it('label the notes in the reader\'s language, also on an English page shown to a Korean reader', () => {
    const html = renderPage(body, { locale: 'ko' });
    expect(html).toContain('<h2 class="sr-only" id="footnote-label" lang="ko">각주</h2>');
    expect(html).toContain('aria-label="참조 1(으)로 돌아가기"');
    // A call is a link within the page: never marked as a link to an untranslated article.
    expect(html).not.toContain('lang-marker');
  });
});
