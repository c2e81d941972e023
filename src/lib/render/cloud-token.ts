/**
 * Where a page names its reader's cloud, and how a page rendered once serves several clouds.
 *
 * An article variant that serves several clouds reads the same in each of them, apart from the
 * places where the page names the reader's cloud: in-cloud URLs (`/<locale>/<cloud>/…`), the search
 * form's cloud, the remembered cloud, the cloud picker's label and which picker entry and badge is
 * the current one. The build renders such a page once, with a token in each of those places, and
 * writes one file per cloud by filling the tokens in (`fillCloudTokens`). `distinct-pages.ts`
 * decides which pages can share a rendering.
 *
 * A token is `kb` + a kind + the build's nonce (16 random hexadecimal digits): ASCII letters and
 * digits only, so every escaping a page applies to it (HTML text and attributes, JSON, percent
 * encoding) leaves it as it is, and a cloud id or name put in its place reads exactly as the page
 * would have written it. Content written before the build cannot contain the nonce, so the fill
 * touches nothing but tokens; a token it cannot place is an error, never left in a page.
 *
 * | token            | written where the page names              | filled with                       |
 * |------------------|-------------------------------------------|-----------------------------------|
 * | `kbi<nonce>`     | the cloud's id (URLs, `data-cloud`, JSON) | the cloud's id                    |
 * | `kbs<nonce>`     | the cloud's short name (picker label)     | `shortName[locale]`               |
 * | `kbf<nonce>`     | the cloud's full name                     | `name[locale]`                    |
 * | `kbc<i><nonce>`  | the value of an attribute that marks the  | ` name="true"` when cloud `i` of  |
 * |                  | reader's cloud among all clouds           | `CLOUD_IDS` is the reader's, else |
 * |                  | (`aria-current`)                          | the attribute is left out         |
 */
import { randomBytes } from 'node:crypto';
import { CLOUD_IDS, cloudInfo, isCloud, type Cloud, type Locale } from '../site.ts';

declare const cloudTokenBrand: unique symbol;

/** The reader's cloud id in a page rendered for several clouds (`kbi<nonce>`). */
export type CloudToken = string & { readonly [cloudTokenBrand]: true };

/** The reader's cloud as a page writes it: the cloud, or the token a derived file fills in. */
export type CloudRef = Cloud | CloudToken;

const NONCE = /^[0-9a-f]{16}$/;

/** A new token with a random nonce (one per build), or with the given nonce (tests). */
export function newCloudToken(nonce: string = randomBytes(8).toString('hex')): CloudToken {
  if (!NONCE.test(nonce)) throw new Error(`a cloud token's nonce is 16 hexadecimal digits, not "${nonce}"`);
  return `kbi${nonce}` as CloudToken;
}

export function isCloudToken(ref: CloudRef): ref is CloudToken {
  return !isCloud(ref);
}

function nonceOf(token: CloudToken): string {
  return token.slice(3);
}

/** The reader's cloud's short name in a locale (pickers, badges, "not in this cloud"). */
export function cloudShortName(ref: CloudRef, locale: Locale): string {
  return isCloudToken(ref) ? `kbs${nonceOf(ref)}` : cloudInfo(ref).shortName[locale];
}

/** The reader's cloud's full name in a locale. */
export function cloudFullName(ref: CloudRef, locale: Locale): string {
  return isCloudToken(ref) ? `kbf${nonceOf(ref)}` : cloudInfo(ref).name[locale];
}

/**
 * The value of an attribute that marks `cloud` when it is the reader's (`aria-current`): `'true'`,
 * or undefined (no attribute). In a page rendered for several clouds, a token that the fill turns
 * into one of the two.
 */
export function currentCloud(cloud: Cloud, reader: CloudRef): string | undefined {
  if (isCloudToken(reader)) return `kbc${CLOUD_IDS.indexOf(cloud)}${nonceOf(reader)}`;
  return cloud === reader ? 'true' : undefined;
}

/** Characters that some escaping on the way into a page would change. */
const ESCAPED = /[&<>"'\\/%+#?=]/;

/**
 * The page that a reader of `cloud` gets, from the page rendered with `token` (HTML of any kind, or
 * any attribute value of it). Only tokens are replaced; a token in a place the fill does not know
 * (a "current" token outside an attribute value) throws, as does a cloud name that an escaping
 * would have changed (`site.ts` names are plain text, and a test keeps them so).
 */
export function fillCloudTokens(text: string, token: CloudToken, locale: Locale, cloud: Cloud): string {
  const nonce = nonceOf(token);
  if (!text.includes(nonce)) return text;
  const names = { s: cloudInfo(cloud).shortName[locale], f: cloudInfo(cloud).name[locale] };
  for (const name of Object.values(names)) {
    if (ESCAPED.test(name)) throw new Error(`the cloud name "${name}" would be escaped in a page; it cannot be filled into a rendered page`);
  }
  const filled = text.replace(new RegExp(`(\\s)([A-Za-z][\\w:-]*)="kbc(\\d)${nonce}"|kb([isf])${nonce}`, 'g'), (_, space: string | undefined, attribute: string | undefined, index: string | undefined, kind: string | undefined) => {
    if (attribute !== undefined) return CLOUD_IDS[Number(index)] === cloud ? `${space}${attribute}="true"` : '';
    return kind === 'i' ? cloud : names[kind as 's' | 'f'];
  });
  if (filled.includes(nonce)) {
    const at = filled.indexOf(nonce);
    throw new Error(`a cloud token in an unexpected place, near "${filled.slice(Math.max(0, at - 60), at + 20)}"`);
  }
  return filled;
}
