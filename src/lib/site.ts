/**
 * The locales and clouds of the knowledge base. This is the only place either list is written;
 * the Astro config, the content schema, the checks and the importer all read it from here.
 */

/** A locale code as used in `content/<locale>/`, `locales/<locale>/` and URLs. */
export type Locale = 'en' | 'ko' | 'zh' | 'ja';

export interface LocaleInfo {
  code: Locale;
  /** BCP 47 tag for `<html lang>`, hreflang and Pagefind. */
  htmlLang: string;
  /** The locale's own name, as shown in the language picker. */
  nativeName: string;
  /** DocFX `ms.contentlocale` values that map to this locale. */
  docfxLocales: readonly string[];
}

export const SOURCE_LOCALE: Locale = 'en';

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', htmlLang: 'en', nativeName: 'English', docfxLocales: ['en-us', 'en'] },
  { code: 'ko', htmlLang: 'ko', nativeName: '한국어', docfxLocales: ['ko-kr', 'ko'] },
  { code: 'zh', htmlLang: 'zh-CN', nativeName: '简体中文', docfxLocales: ['zh-cn', 'zh-hans', 'zh'] },
  { code: 'ja', htmlLang: 'ja', nativeName: '日本語', docfxLocales: ['ja-jp', 'ja'] },
];

export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code);

/** A sovereign cloud an article can be published for. */
export type Cloud = 'global' | 'usgov' | 'germany' | 'china';

export interface CloudInfo {
  id: Cloud;
  /** Display names per locale: the official name of that cloud's Partner Center. */
  name: Record<Locale, string>;
  /** Short label for pickers and badges. */
  shortName: Record<Locale, string>;
}

export const CLOUDS: readonly CloudInfo[] = [
  {
    id: 'global',
    name: {
      en: 'Partner Center',
      ko: '파트너 센터',
      zh: '合作伙伴中心',
      ja: 'パートナー センター',
    },
    shortName: { en: 'Global', ko: '글로벌', zh: '全球', ja: 'グローバル' },
  },
  {
    id: 'usgov',
    name: {
      en: 'Partner Center for Microsoft Cloud for US Government',
      ko: '미국 정부용 Microsoft 클라우드 파트너 센터',
      zh: '美国政府 Microsoft 云合作伙伴中心',
      ja: '米国政府機関向け Microsoft Cloud のパートナー センター',
    },
    shortName: { en: 'US Government', ko: '미국 정부', zh: '美国政府', ja: '米国政府機関' },
  },
  {
    id: 'germany',
    name: {
      en: 'Partner Center for Microsoft Cloud Germany',
      ko: 'Microsoft 클라우드 독일 파트너 센터',
      zh: '德国 Microsoft 云合作伙伴中心',
      ja: 'Microsoft Cloud ドイツのパートナー センター',
    },
    shortName: { en: 'Germany', ko: '독일', zh: '德国', ja: 'ドイツ' },
  },
  {
    id: 'china',
    name: {
      en: 'Partner Center operated by 21Vianet',
      ko: '21Vianet에서 운영하는 파트너 센터',
      zh: '由世纪互联运营的合作伙伴中心',
      ja: '21Vianet が運営するパートナー センター',
    },
    shortName: { en: '21Vianet', ko: '21Vianet', zh: '世纪互联', ja: '21Vianet' },
  },
];

export const CLOUD_IDS: readonly Cloud[] = CLOUDS.map((c) => c.id);

/** Every reader's (locale, cloud): the pages that exist once per reader, such as homes and search. */
export function everyReader(): { locale: Locale; cloud: Cloud }[] {
  return LOCALE_CODES.flatMap((locale) => CLOUD_IDS.map((cloud) => ({ locale, cloud })));
}

/** The cloud a reader gets before choosing one. */
export const DEFAULT_CLOUD: Cloud = 'global';

export function isLocale(value: string): value is Locale {
  return (LOCALE_CODES as readonly string[]).includes(value);
}

export function isCloud(value: string): value is Cloud {
  return (CLOUD_IDS as readonly string[]).includes(value);
}

export function localeInfo(code: Locale): LocaleInfo {
  const info = LOCALES.find((l) => l.code === code);
  if (!info) throw new Error(`Unknown locale "${code}"`);
  return info;
}

export function cloudInfo(id: Cloud): CloudInfo {
  const info = CLOUDS.find((c) => c.id === id);
  if (!info) throw new Error(`Unknown cloud "${id}"`);
  return info;
}

/** Maps a DocFX `ms.contentlocale` (for example `ko-KR`) to a locale, or undefined. */
export function localeFromDocfx(contentLocale: string): Locale | undefined {
  const needle = contentLocale.trim().toLowerCase();
  return LOCALES.find((l) => l.docfxLocales.includes(needle))?.code;
}

/** Sorts clouds into the registry's order (global first), dropping duplicates. */
export function sortClouds(clouds: Iterable<Cloud>): Cloud[] {
  const set = new Set(clouds);
  return CLOUD_IDS.filter((c) => set.has(c));
}

/** Where the site is published and where its sources live (for canonical URLs and edit links). */
export const SITE = {
  url: 'https://partner-kb.example',
  repository: 'https://github.com/partner-kb/partner-kb',
  branch: 'main',
} as const;
