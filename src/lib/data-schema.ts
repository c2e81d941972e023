/**
 * Schemas of the data files in `content/`: navigation, cloud facts, terminology, redirects.
 */
import { z } from 'zod';
import { CLOUD_IDS, LOCALE_CODES, type Cloud, type Locale } from './site.ts';

const localized = z.object(
  Object.fromEntries(LOCALE_CODES.map((l) => [l, z.string().trim().min(1, `needs the ${l} text`)])) as Record<
    Locale,
    z.ZodString
  >,
).strict();

const partialLocalized = z
  .object(Object.fromEntries(LOCALE_CODES.map((l) => [l, z.string().trim().min(1)])) as Record<Locale, z.ZodString>)
  .partial()
  .strict();

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an article slug (lower-case letters, digits, hyphens)');

/** `content/navigation.yaml`: the sidebar, in reading order. */
export const navigationSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            /** Stable id of the section (used in URLs of section filters and in search metadata). */
            id: slug,
            /** The section's title in every locale. */
            title: localized,
            /** Article slugs in reading order. */
            items: z.array(slug).min(1, 'a section needs at least one article'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const perCloud = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(CLOUD_IDS.map((c) => [c, value])) as Record<Cloud, T>).strict();

const partialPerCloud = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(CLOUD_IDS.map((c) => [c, value])) as Record<Cloud, T>).partial().strict();

/** `content/cloud-facts.yaml`: fact name → every cloud → every locale. */
export const cloudFactsSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'fact names are camelCase identifiers'),
  perCloud(localized),
);

const rule = z.object({ term: z.string().min(1), use: z.string().min(1) }).strict();

/** A group of words that mean the same to a reader searching (at least two, each non-empty). */
const synonymGroup = z.array(z.string().trim().min(1)).min(2, 'a synonym group needs at least two terms');

/** `content/terminology.yaml`. */
export const terminologySchema = z
  .object({
    officialNames: partialPerCloud(partialLocalized).default({}),
    /** Per locale: groups of words search treats as one (what readers type, what articles say). */
    synonyms: z
      .object(Object.fromEntries(LOCALE_CODES.map((l) => [l, z.array(synonymGroup)])) as Record<Locale, z.ZodArray<typeof synonymGroup>>)
      .partial()
      .strict()
      .default({}),
    forbidden: partialPerCloud(
      z
        .object(Object.fromEntries(LOCALE_CODES.map((l) => [l, z.array(rule)])) as Record<Locale, z.ZodArray<typeof rule>>)
        .partial()
        .strict(),
    ).default({}),
  })
  .strict();

/** `content/redirects.yaml`: old slug → new slug (optionally `new-slug#anchor`). */
export const redirectsSchema = z.record(slug, z.string().regex(/^[a-z0-9][a-z0-9-]*(#[A-Za-z0-9_-]+)?$/, 'must be `new-slug` or `new-slug#anchor`'));
