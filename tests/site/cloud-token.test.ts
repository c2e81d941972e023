import { describe, expect, it } from 'vitest';
import { cloudFullName, cloudShortName, currentCloud, fillCloudTokens, newCloudToken } from '../../src/lib/render/cloud-token.ts';
import { CLOUD_IDS, CLOUDS, LOCALE_CODES } from '../../src/lib/site.ts';

const token = newCloudToken('0123456789abcdef');

describe('cloud tokens', () => {
  it('are letters and digits only, so no escaping of a page changes them', () => {
    for (const value of [token, cloudShortName(token, 'ko'), cloudFullName(token, 'ja'), currentCloud('china', token)!]) {
      expect(value).toMatch(/^[a-z0-9]+$/);
      expect(encodeURIComponent(value)).toBe(value);
      expect(JSON.stringify(value)).toBe(`"${value}"`);
    }
  });

  it('name the cloud itself outside a page rendered for several clouds', () => {
    expect(cloudShortName('usgov', 'en')).toBe('US Government');
    expect(cloudFullName('china', 'zh')).toBe('由世纪互联运营的合作伙伴中心');
    expect(currentCloud('usgov', 'usgov')).toBe('true');
    expect(currentCloud('global', 'usgov')).toBeUndefined();
  });

  it('take a 16-digit hexadecimal nonce', () => {
    expect(() => newCloudToken('xyz')).toThrow(/16 hexadecimal digits/);
    expect(newCloudToken()).toMatch(/^kbi[0-9a-f]{16}$/);
    expect(newCloudToken()).not.toBe(newCloudToken());
  });
});

describe('fillCloudTokens', () => {
  const page = [
    `<a href="/en/${token}/x/">x</a>`,
    `<summary>Cloud: ${cloudShortName(token, 'en')}</summary>`,
    `<li aria-current="${currentCloud('global', token)}">g</li><li class="a" aria-current="${currentCloud('usgov', token)}">u</li>`,
    `<p title="${cloudFullName(token, 'en')}">localStorage.setItem("kb-cloud","${token}")</p>`,
    `<a href="/?body=Cloud%3A+${token}%0A">feedback</a>`,
  ].join('\n');

  it('writes the reader\'s cloud wherever the page names it, and marks its entry as current', () => {
    expect(fillCloudTokens(page, token, 'en', 'usgov')).toBe(
      [
        '<a href="/en/usgov/x/">x</a>',
        '<summary>Cloud: US Government</summary>',
        '<li>g</li><li class="a" aria-current="true">u</li>',
        '<p title="Partner Center for Microsoft Cloud for US Government">localStorage.setItem("kb-cloud","usgov")</p>',
        '<a href="/?body=Cloud%3A+usgov%0A">feedback</a>',
      ].join('\n'),
    );
    expect(fillCloudTokens(page, token, 'ko', 'global')).toContain('<li aria-current="true">g</li><li class="a">u</li>');
  });

  it('touches nothing but its own tokens: another build\'s token, and look-alike text, stay as they are', () => {
    const other = newCloudToken('fedcba9876543210');
    const text = `<p>kbi kbs${'0'.repeat(15)} ${other} /en/global/x/</p>`;
    expect(fillCloudTokens(text, token, 'en', 'germany')).toBe(text);
  });

  it('refuses a token it cannot place, instead of leaving it in the page', () => {
    expect(() => fillCloudTokens(`<p>${currentCloud('global', token)}</p>`, token, 'en', 'global')).toThrow(/cloud token in an unexpected place/);
  });

  it('fills every cloud name of every locale unescaped, since no escaping would change one', () => {
    for (const locale of LOCALE_CODES) {
      for (const cloud of CLOUD_IDS) {
        const info = CLOUDS.find((c) => c.id === cloud)!;
        expect(fillCloudTokens(`${cloudShortName(token, locale)}|${cloudFullName(token, locale)}`, token, locale, cloud)).toBe(`${info.shortName[locale]}|${info.name[locale]}`);
      }
    }
  });
});
