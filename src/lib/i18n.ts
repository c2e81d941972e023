/**
 * UI strings through i18next. Resources come from `locales/<lng>/<namespace>.json`; the default
 * namespace is `ui`. Missing keys fall back to English, so a half-translated locale still renders.
 */
import i18next, { type TFunction } from 'i18next';
import { LOCALE_CODES, SOURCE_LOCALE, type Locale } from './site.ts';

export const DEFAULT_NAMESPACE = 'ui';

/** locale → namespace → nested string dictionary. */
export type UiResources = Partial<Record<Locale, Record<string, Record<string, unknown>>>>;

/** Builds resources from module paths like `/locales/ko/ui.json` (as `import.meta.glob` gives them). */
export function resourcesFromModules(modules: Record<string, unknown>): UiResources {
  const resources: UiResources = {};
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, namespace] = match;
    if (!(LOCALE_CODES as readonly string[]).includes(locale!)) continue;
    const value = (module as { default?: unknown }).default ?? module;
    (resources[locale as Locale] ??= {})[namespace!] = value as Record<string, unknown>;
  }
  return resources;
}

/**
 * Builds resources from the text of `locales/<lng>/<namespace>.json` files, as the check reads them
 * (`model/read.ts`) or as the site's bundler gives them (`?raw`): a leading byte order mark is not
 * part of the JSON.
 */
export function resourcesFromFiles(files: readonly { path: string; text: string }[]): UiResources {
  return resourcesFromModules(Object.fromEntries(files.map((f) => [f.path, JSON.parse(f.text.replace(/^\uFEFF/, '')) as unknown])));
}

/** One translator per locale, made on first use. */
export function translators(resources: UiResources): (locale: Locale) => TFunction {
  const made = new Map<Locale, TFunction>();
  return (locale) => {
    let t = made.get(locale);
    if (!t) made.set(locale, (t = createTranslator(locale, resources)));
    return t;
  };
}

/** A translator for one locale. Synchronous: resources are passed in, nothing is fetched. */
export function createTranslator(locale: Locale, resources: UiResources): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: SOURCE_LOCALE,
    supportedLngs: [...LOCALE_CODES],
    ns: Object.keys(resources[SOURCE_LOCALE] ?? { [DEFAULT_NAMESPACE]: {} }),
    defaultNS: DEFAULT_NAMESPACE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return memoize(instance.t);
}

/**
 * Resources are fixed once loaded, so a key and its options always give the same string. Every
 * page asks for the same few dozen strings, and i18next resolves each call afresh (plural rules,
 * fallbacks, nesting): remembering the answers makes UI strings a small part of a page's render.
 */
function memoize(t: TFunction): TFunction {
  const answers = new Map<string, string>();
  const remembered = (key: string | string[], options?: unknown): string => {
    const id = options === undefined ? String(key) : `${String(key)}\0${JSON.stringify(options)}`;
    let answer = answers.get(id);
    if (answer === undefined) {
      answer = (t as (k: string | string[], o?: unknown) => string)(key, options);
      answers.set(id, answer);
    }
    return answer;
  };
  return remembered as unknown as TFunction;
}
