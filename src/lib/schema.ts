/**
 * The front matter of every article file in `content/<locale>/`. The content model validates with
 * this one schema for the site and for the checks, so an error reads the same in `npm run build`
 * and in `npm run check`.
 */
import { z } from 'zod';
import { CLOUD_IDS, type Cloud } from './site.ts';

const hashPattern = /^[0-9a-f]{16}$/;
const hashMessage =
  'must be a 16-character provenance hash. Do not edit hashes by hand: run `npm run kb -- ack <file>`.';

/** A provenance hash. YAML reads an all-digit hash (or one like 12345678e1234567) as a number. */
const hash = () =>
  z
    .string({
      error: (issue) =>
        typeof issue.input === 'number'
          ? 'was read as a number by YAML; quote it ("…"), or let `npm run kb -- ack <file>` write it'
          : issue.input === undefined
            ? 'is required'
            : hashMessage,
    })
    .regex(hashPattern, hashMessage);

export const cloudSchema = z.enum(CLOUD_IDS as [Cloud, ...Cloud[]], {
  error: (issue) =>
    `unknown cloud ${JSON.stringify(issue.input)}; use one of: ${CLOUD_IDS.join(', ')}`,
});

/** How a translation was made, and from which English text. */
export const translationSchema = z
  .object({
    /**
     * Provenance hash of the English variant this translation was made from (see `src/lib/hash.ts`).
     * When the English changes, the translation is stale until a translator reviews it and runs
     * `npm run kb -- ack <file>`.
     */
    sourceHash: hash(),
    /** `human` for a reviewed translation, `machine` for one no person has reviewed yet. */
    method: z.enum(['human', 'machine'], {
      error: 'must be "human" or "machine" (machine = no person has reviewed this translation)',
    }),
  })
  .strict();

/** Keys carried over from a DocFX export, kept for traceability and never used for staleness. */
export const docfxSchema = z
  .object({
    /** The DocFX `ms.openlocfilehash`: hash of the English file in the DocFX repository. */
    openlocfilehash: z.string().optional(),
    /** The DocFX `ms.sourcegitcommit`. */
    sourcegitcommit: z.string().optional(),
    /** The DocFX `ms.locfileid`. */
    locfileid: z.string().optional(),
    /** Any other `ms.*` key, verbatim (`ms.topic` → `topic`). */
  })
  .catchall(z.string());

export const articleSchema = z
  .object({
    /** The article's title in this file's language; the page's `<h1>`. */
    title: z.string().trim().min(1, 'must not be empty: every article needs a title'),
    /** One or two sentences for search results and link previews. */
    description: z.string().trim().min(1, 'must not be empty: search results show it').optional(),
    /**
     * The clouds this variant serves. Variants of one article must be disjoint and together cover
     * the article's clouds; the rendered "Applies to" list comes from here, never from the body.
     */
    clouds: z
      .array(cloudSchema)
      .min(1, 'must list at least one cloud')
      .refine((list) => new Set(list).size === list.length, 'lists a cloud twice'),
    /** The DocFX `ms.assetid`: the article's stable id across renames. Optional. */
    assetId: z.string().trim().min(1).optional(),
    /**
     * For a variant other than the base (`<slug>.<key>.mdx`): the provenance hash of the base
     * variant this variant was last reconciled with.
     */
    baseHash: hash().optional(),
    /** Present in every non-English file: where the translation came from. */
    translation: translationSchema.optional(),
    /** Author's handle, kept from DocFX. */
    author: z.string().optional(),
    /** DocFX provenance, kept verbatim. */
    docfx: docfxSchema.optional(),
  })
  .strict();

export type ArticleFrontmatter = z.infer<typeof articleSchema>;
export type TranslationInfo = z.infer<typeof translationSchema>;
