import { describe, expect, it } from 'vitest';
import { renderBody, type Translate } from '../../src/lib/render/body.ts';
import type { Cloud, Locale } from '../../src/lib/site.ts';
import { mdx, model, OPERATOR_FACT } from '../model/helpers.ts';

const all = '[global, usgov, germany, china]';
const t: Translate = (key, options) => (options ? `${key}(${JSON.stringify(options)})` : key);

function kb() {
  return model(
    {
      'en/home.mdx': mdx(
        { title: 'Home', clouds: all },
        [
          '## Support {/* #support */}',
          '',
          'Operated by <CloudFact name="operator" />. See [other](other.mdx#part), [global only](./global-only.mdx),',
          '[the portal](https://example.com/portal "Portal") and [a gone page](/en/global/missing/).',
          '',
          'Also [a gone section](other.mdx#nowhere), [a gone file](/media/gone.pdf) and ![a gone diagram](/media/gone.png).',
          '',
          '<Callout type="warning">',
          '',
          'Mind the **gap**.',
          '',
          '</Callout>',
          '',
          '<CloudOnly clouds="china">',
          '',
          'Only in China.',
          '',
          '</CloudOnly>',
          '',
          '| A | B |',
          '| - | - |',
          '| 1 | 2 |',
          '',
        ].join('\n'),
      ),
      'ko/home.mdx': mdx({ title: '홈', clouds: all, translation: '{ sourceHash: "0000000000000000", method: machine }' }, '## 지원 {/* #support */}\n\n[다른 문서](other.mdx#part)\n'),
      'en/other.mdx': mdx({ title: 'Other', clouds: all }, '## Part {/* #part */}\n\nText.\n'),
      'en/global-only.mdx': mdx({ title: 'Global only', clouds: '[global]' }, 'Text.\n'),
    },
    { cloudFacts: OPERATOR_FACT },
  ).kb;
}

function render(locale: Locale, cloud: Cloud, slug = 'home'): string {
  const k = kb();
  const page = k.page(locale, cloud, slug)!;
  return renderBody(page.file.parsed.hast, { kb: k, locale, cloud, slug, t });
}

describe('article body rendering', () => {
  it('renders Markdown with the heading ids every locale shares', () => {
    const html = render('en', 'global');
    expect(html).toContain('<h2 id="support">Support</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
  });

  it('gives each section heading a visible # self-link beside it, named for screen readers by the heading', () => {
    const html = render('en', 'global');
    expect(html).toContain(
      '<div class="heading-wrap"><h2 id="support">Support</h2><a class="heading-anchor" href="#support" aria-label="article.headingLink({&#x22;heading&#x22;:&#x22;Support&#x22;})">#</a></div>',
    );
  });

  it('resolves links for the reader: article links, external links, and links that cannot be followed', () => {
    const html = render('en', 'global');
    expect(html).toContain('<a href="/en/global/other/#part">other</a>');
    expect(html).toContain('<a href="/en/global/global-only/">global only</a>');
    expect(html).toContain('<a href="https://example.com/portal" title="Portal" rel="noopener">the portal</a>');
    // Not "not available in <cloud>": the article does not exist at all (issue 14, 8).
    expect(html).toContain('<span class="unavailable-link" title="article.brokenLink">a gone page</span>');
  });

  it('links reported by the check are never broken links on the page: a missing section goes to the page, a missing file or image is its text', () => {
    // The check reports each (or its baseline accepts it, as after a migration); the page must not
    // send readers to a file that is not there, nor report the same fault again in the built-HTML pass.
    const html = render('en', 'global');
    expect(html).toContain('<a href="/en/global/other/">a gone section</a>');
    expect(html).toContain('<span class="unavailable-link" title="article.brokenLink">a gone file</span>');
    expect(html).toContain('<span class="unavailable-link" title="article.brokenLink">a gone diagram</span>');
    expect(html).not.toContain('/media/gone');
  });

  it('a link to an article that is not in the reader\'s cloud is not a link', () => {
    const html = render('en', 'china');
    expect(html).toContain('<a href="/en/china/other/#part">other</a>');
    expect(html).not.toContain('/global-only/');
    expect(html).toMatch(/<span class="unavailable-link" title="article\.notInCloud\([^"]*\)">global only<\/span>/);
  });

  it('marks a link to an English page shown in place of a missing translation', () => {
    const html = render('ko', 'global');
    expect(html).toContain('<a href="/ko/global/other/#part" title="article.untranslatedTitle" hreflang="en">다른 문서<span class="lang-marker"> article.untranslatedMarker</span></a>');
  });

  it('fills cloud facts and shows cloud-only content for the reader\'s cloud only', () => {
    const global = render('en', 'global');
    const china = render('en', 'china');
    expect(global).toContain('Operated by Microsoft.');
    expect(china).toContain('Operated by 21Vianet.');
    expect(global).not.toContain('Only in China.');
    expect(china).toContain('<p>Only in China.</p>');
  });

  it('renders a callout as a labelled aside', () => {
    expect(render('en', 'global')).toContain(
      '<aside class="callout callout-warning" aria-label="callout.warning"><p class="callout-label">callout.warning</p><div class="callout-body"><p>Mind the <strong>gap</strong>.</p></div></aside>',
    );
  });

  it('links bare URLs and e-mail addresses (GFM), and reports them at their paragraph\'s line', () => {
    const k = model({ 'en/bare.mdx': mdx({ title: 'Bare', clouds: all }, 'Intro.\n\nSee https://example.com/status or write to help@example.com.\n') }).kb;
    const page = k.page('en', 'global', 'bare')!;
    const html = renderBody(page.file.parsed.hast, { kb: k, locale: 'en', cloud: 'global', slug: 'bare', t });
    expect(html).toContain('See <a href="https://example.com/status" rel="noopener">https://example.com/status</a> or write to <a href="mailto:help@example.com" rel="noopener">help@example.com</a>.');
    const paragraphLine = page.file.parsed.bodyStartLine + 3;
    expect(page.file.parsed.links.map((l) => [l.url, l.line, l.column])).toEqual([
      ['https://example.com/status', paragraphLine, 1],
      ['mailto:help@example.com', paragraphLine, 1],
    ]);
  });

  it('links an e-mail address written with a character reference, and leaves text with no URL alone', () => {
    const k = model({
      'en/ref.mdx': mdx({ title: 'Ref', clouds: all }, 'Write to help&#64;example.com.\n'),
      'en/plain.mdx': mdx({ title: 'Plain', clouds: all }, 'Write to the help desk, not example.com.\n'),
    }).kb;
    const html = (slug: string) => renderBody(k.page('en', 'global', slug)!.file.parsed.hast, { kb: k, locale: 'en', cloud: 'global', slug, t });
    expect(html('ref')).toContain('<a href="mailto:help@example.com" rel="noopener">help@example.com</a>');
    expect(html('plain')).toBe('<p>Write to the help desk, not example.com.</p>');
  });

  it('never renders a component the site does not provide, or a script', () => {
    const k = model({ 'en/bad.mdx': mdx({ title: 'Bad', clouds: all }, '<Widget />\n') }).kb;
    const page = k.page('en', 'global', 'bad')!;
    expect(() => renderBody(page.file.parsed.hast, { kb: k, locale: 'en', cloud: 'global', slug: 'bad', t })).toThrow(/<Widget> in bad is not a component the site provides/);
  });
});
