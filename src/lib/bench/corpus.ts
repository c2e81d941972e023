/**
 * The benchmark's synthetic corpus: N articles in every locale, valid for every check, built from
 * support-domain vocabulary in the script of each locale. Pure and deterministic: the same N and
 * seed give byte-identical files (the benchmark writes them; the smoke test checks them in memory).
 *
 * Each article has 4–7 sections with explicit ids, paragraphs of 2–5 sentences, a bullet list and a
 * numbered procedure, a Callout, a CloudFact, 3–8 links to other articles (about 60% to a section
 * of them) and, for about a quarter of the articles, a 21Vianet (china) variant with the same
 * section ids. Translations record the provenance hash of their English file; china variants the
 * hash of their base.
 */
import { provenanceHashOfSource } from '../hash.ts';
import { LOCALE_CODES, type Locale } from '../site.ts';
import { createRng, type Rng } from './prng.ts';
import {
  CALLOUTS,
  CHINA_SENTENCE,
  DESCRIPTIONS,
  FACT_SENTENCES,
  HEADINGS,
  ITEMS,
  LINK_SENTENCES,
  NAV_TITLES,
  NOUNS,
  OPERATOR_CHINA,
  SEE_ALSO,
  SENTENCES,
  TITLES,
  type Localized,
} from './vocab.ts';

export interface CorpusOptions {
  /** Articles per locale. */
  articles: number;
  seed?: number;
  /** Share of articles with a china variant (default 0.25). */
  chinaShare?: number;
  /** Share of translations marked `method: machine` (default 0.2). */
  machineShare?: number;
  /** Articles per navigation section (default 20). */
  sectionSize?: number;
}

export interface GeneratedCorpus {
  /** Content-relative path (`en/<slug>.mdx`, `navigation.yaml` …) → file text. */
  files: Map<string, string>;
  /** Every slug, in navigation order. */
  slugs: string[];
  /** Slugs that have a china variant. */
  chinaSlugs: string[];
  /** Article variants per locale (base + china variants): pages per locale. */
  variantsPerLocale: number;
}

// ---------------------------------------------------------------------------------------------
// Rendering templates

/** Whether the last syllable of a Korean word has a final consonant (받침). */
export function hasBatchim(word: string): boolean {
  const last = word.trimEnd().at(-1) ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return '0136780'.includes(last); // 영, 일, 삼, 육, 칠, 팔, 십
  return /[b-df-hj-np-tv-z]/i.test(last);
}

/** Whether the final consonant is ㄹ (which takes 로, not 으로). */
function endsWithRieul(word: string): boolean {
  const code = (word.trimEnd().at(-1) ?? '').charCodeAt(0);
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 === 8;
}

const ALTERNATING: Record<string, [withBatchim: string, without: string]> = {
  을: ['을', '를'],
  이: ['이', '가'],
  은: ['은', '는'],
  과: ['과', '와'],
  으로: ['으로', '로'],
};

/** A Korean noun with a particle attached: 청구 + 을 → 청구를, 구독 + 을 → 구독을, 고객 + 의 → 고객의. */
export function withParticle(noun: string, particle: string): string {
  const pair = ALTERNATING[particle];
  if (!pair) return noun + particle;
  if (particle === '으로' && endsWithRieul(noun)) return noun + '로';
  return noun + (hasBatchim(noun) ? pair[0] : pair[1]);
}

export interface TemplateVars {
  A?: Localized | undefined;
  B?: Localized | undefined;
  OP?: Localized | undefined;
  N?: number | undefined;
  LINK?: string | undefined;
}

/** Fills `{A}`, `{B|을}`, `{N}`, `{LINK}` … of a template in one locale. */
export function fill(template: string, locale: Locale, vars: TemplateVars): string {
  return template.replace(/\{(A|B|OP|N|LINK)(?:\|([^}]+))?\}/g, (_, name: string, particle: string | undefined) => {
    let value: string;
    if (name === 'N') value = String(vars.N ?? 3);
    else if (name === 'LINK') value = vars.LINK ?? '';
    else {
      const noun = vars[name as 'A' | 'B' | 'OP'];
      if (!noun) throw new Error(`template needs {${name}}: ${template}`);
      value = noun[locale];
    }
    return particle && locale === 'ko' ? withParticle(value, particle) : value;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An ASCII id from English words: "Manage the billing dispute" → "manage-billing-dispute". */
export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(the|a|an|and|for|with|of|to|your|about)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Plans: what an article says, independent of the language

interface Phrase {
  t: number;
  a: number;
  b: number;
  n: number;
}

interface LinkPlan {
  slug: string;
  anchor?: string | undefined;
}

type Sentence = { kind: 'text'; p: Phrase } | { kind: 'fact'; f: number } | { kind: 'link'; l: number; link: LinkPlan } | { kind: 'china'; p: Phrase };

type Block =
  | { kind: 'p'; sentences: Sentence[] }
  | { kind: 'ul' | 'ol'; items: Phrase[] }
  | { kind: 'callout'; type: string; p: Phrase }
  | { kind: 'cloudonly'; clouds: string; block: Block };

interface Section {
  id: string;
  heading: Phrase;
  blocks: Block[];
}

interface Skeleton {
  slug: string;
  title: Phrase;
  description: Phrase;
  headings: Array<{ id: string; heading: Phrase }>;
  china: boolean;
}

interface Body {
  intro: Block[];
  sections: Section[];
  seeAlso: LinkPlan[];
}

const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'];

function phrase(rng: Rng, templates: number): Phrase {
  const [a, b] = rng.sample(NOUNS.map((_, i) => i), 2) as [number, number];
  return { t: rng.int(0, templates - 1), a, b, n: rng.int(2, 10) };
}

function skeleton(rng: Rng, index: number, taken: Set<string>, chinaShare: number): Skeleton {
  const title = phrase(rng, TITLES.length);
  let slug = kebab(fill(TITLES[title.t]!.en, 'en', { A: NOUNS[title.a], B: NOUNS[title.b] }));
  if (taken.has(slug)) slug = `${slug}-${index + 1}`;
  taken.add(slug);
  const ids = new Set<string>();
  const headings = Array.from({ length: rng.int(4, 7) }, () => {
    const heading = phrase(rng, HEADINGS.length);
    let id = kebab(fill(HEADINGS[heading.t]!.en, 'en', { A: NOUNS[heading.a], B: NOUNS[heading.b] }));
    for (let k = 2; ids.has(id); k++) id = `${id.replace(/-\d+$/, '')}-${k}`;
    ids.add(id);
    return { id, heading };
  });
  return { slug, title, description: phrase(rng, DESCRIPTIONS.length), headings, china: rng.chance(chinaShare) };
}

function paragraph(rng: Rng, min = 2, max = 5): Block {
  return { kind: 'p', sentences: Array.from({ length: rng.int(min, max) }, () => ({ kind: 'text', p: phrase(rng, SENTENCES.length) }) as Sentence) };
}

function body(rng: Rng, self: Skeleton, all: readonly Skeleton[], chinaVariant: boolean): Body {
  const others = all.filter((s) => s !== self);
  const linkCount = Math.min(others.length, rng.int(3, 8));
  const links: LinkPlan[] = rng.sample(others, linkCount).map((target) => ({
    slug: target.slug,
    anchor: rng.chance(0.6) ? rng.pick(target.headings).id : undefined,
  }));
  const inline = links.slice(0, Math.min(links.length, rng.int(1, 3)));
  const seeAlso = links.slice(inline.length);

  const intro: Block[] = [paragraph(rng, 2, 3)];
  const first = intro[0] as { kind: 'p'; sentences: Sentence[] };
  first.sentences.push({ kind: 'fact', f: rng.int(0, FACT_SENTENCES.length - 1) });
  if (chinaVariant) first.sentences.push({ kind: 'china', p: phrase(rng, 1) });
  else if (rng.chance(0.3)) intro.push({ kind: 'cloudonly', clouds: 'china', block: { kind: 'p', sentences: [{ kind: 'china', p: phrase(rng, 1) }] } });

  const n = self.headings.length;
  const listAt = rng.int(0, n - 1);
  const stepsAt = rng.int(0, n - 1);
  const calloutAt = rng.int(0, n - 1);
  const sections: Section[] = self.headings.map(({ id, heading }, i) => {
    const blocks: Block[] = Array.from({ length: rng.int(1, 3) }, () => paragraph(rng));
    if (i === listAt) blocks.splice(1, 0, { kind: 'ul', items: Array.from({ length: rng.int(3, 5) }, () => phrase(rng, ITEMS.length)) });
    if (i === stepsAt) blocks.push({ kind: 'ol', items: Array.from({ length: rng.int(4, 6) }, () => phrase(rng, ITEMS.length)) });
    if (i === calloutAt) blocks.push({ kind: 'callout', type: rng.pick(CALLOUT_TYPES), p: phrase(rng, CALLOUTS.length) });
    return { id, heading, blocks };
  });
  // Inline links go at the end of random paragraphs.
  for (const link of inline) {
    const paragraphs = sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'p' }> => b.kind === 'p');
    rng.pick(paragraphs).sentences.push({ kind: 'link', l: rng.int(0, LINK_SENTENCES.length - 1), link });
  }
  return { intro, sections, seeAlso };
}

// ---------------------------------------------------------------------------------------------
// Text

function renderPhrase(templates: readonly Localized[], p: Phrase, locale: Locale, extra: TemplateVars = {}): string {
  return fill(templates[p.t]![locale], locale, { A: NOUNS[p.a], B: NOUNS[p.b], N: p.n, ...extra });
}

function title(s: Skeleton, locale: Locale): string {
  return capitalize(renderPhrase(TITLES, s.title, locale));
}

function headingText(p: Phrase, locale: Locale): string {
  return capitalize(renderPhrase(HEADINGS, p, locale));
}

function linkMarkdown(link: LinkPlan, bySlug: Map<string, Skeleton>, locale: Locale): string {
  const target = bySlug.get(link.slug)!;
  const label = link.anchor ? headingText(target.headings.find((h) => h.id === link.anchor)!.heading, locale) : title(target, locale);
  return `[${label}](${link.slug}.mdx${link.anchor ? '#' + link.anchor : ''})`;
}

function sentenceText(s: Sentence, locale: Locale, bySlug: Map<string, Skeleton>): string {
  switch (s.kind) {
    case 'text':
      return capitalize(renderPhrase(SENTENCES, s.p, locale));
    case 'fact':
      return FACT_SENTENCES[s.f]![locale];
    case 'china':
      return fill(CHINA_SENTENCE[locale], locale, { A: NOUNS[s.p.a], B: NOUNS[s.p.b], OP: OPERATOR_CHINA });
    case 'link':
      return fill(LINK_SENTENCES[s.l]![locale], locale, { LINK: linkMarkdown(s.link, bySlug, locale) });
  }
}

function blockText(block: Block, locale: Locale, bySlug: Map<string, Skeleton>): string {
  const join = locale === 'en' || locale === 'ko' ? ' ' : '';
  switch (block.kind) {
    case 'p':
      return block.sentences.map((s) => sentenceText(s, locale, bySlug)).join(join);
    case 'ul':
      return block.items.map((p) => `- ${capitalize(renderPhrase(ITEMS, p, locale))}`).join('\n');
    case 'ol':
      return block.items.map((p, i) => `${i + 1}. ${capitalize(renderPhrase(ITEMS, p, locale))}`).join('\n');
    case 'callout':
      return `<Callout type="${block.type}">\n${capitalize(renderPhrase(CALLOUTS, block.p, locale))}\n</Callout>`;
    case 'cloudonly':
      return `<CloudOnly clouds="${block.clouds}">\n${blockText(block.block, locale, bySlug)}\n</CloudOnly>`;
  }
}

function bodyText(b: Body, locale: Locale, bySlug: Map<string, Skeleton>): string {
  const parts: string[] = b.intro.map((block) => blockText(block, locale, bySlug));
  for (const section of b.sections) {
    parts.push(`## ${headingText(section.heading, locale)} {/* #${section.id} */}`);
    for (const block of section.blocks) parts.push(blockText(block, locale, bySlug));
  }
  if (b.seeAlso.length > 0) {
    parts.push(`**${SEE_ALSO[locale]}**`);
    parts.push(b.seeAlso.map((link) => `- ${linkMarkdown(link, bySlug, locale)}`).join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

const yamlString = (text: string): string => JSON.stringify(text);

function frontmatter(lines: string[]): string {
  return ['---', ...lines, '---', ''].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Data files

/** Microsoft, or 21Vianet (世纪互联) in China: who operates, bills and takes escalations. */
const OPERATOR: Record<string, Localized> = {
  global: { en: 'Microsoft', ko: 'Microsoft', zh: 'Microsoft', ja: 'Microsoft' },
  usgov: { en: 'Microsoft', ko: 'Microsoft', zh: 'Microsoft', ja: 'Microsoft' },
  germany: { en: 'Microsoft', ko: 'Microsoft', zh: 'Microsoft', ja: 'Microsoft' },
  china: { en: '21Vianet', ko: '21Vianet', zh: '世纪互联', ja: '21Vianet' },
};

const FACTS: Record<string, Record<string, Localized>> = {
  operator: OPERATOR,
  paymentRecipient: OPERATOR,
  escalationContact: OPERATOR,
  partnerCenter: {
    global: { en: 'Partner Center', ko: '파트너 센터', zh: '合作伙伴中心', ja: 'パートナー センター' },
    usgov: { en: 'Partner Center for Microsoft Cloud for US Government', ko: '미국 정부용 Microsoft 클라우드 파트너 센터', zh: '美国政府 Microsoft 云合作伙伴中心', ja: '米国政府機関向け Microsoft Cloud のパートナー センター' },
    germany: { en: 'Partner Center for Microsoft Cloud Germany', ko: 'Microsoft 클라우드 독일 파트너 센터', zh: '德国 Microsoft 云合作伙伴中心', ja: 'Microsoft Cloud ドイツのパートナー センター' },
    china: { en: 'Partner Center operated by 21Vianet', ko: '21Vianet에서 운영하는 파트너 센터', zh: '由世纪互联运营的合作伙伴中心', ja: '21Vianet が運営するパートナー センター' },
  },
};

function localizedYaml(value: Localized): string {
  return `{ ${LOCALE_CODES.map((l) => `${l}: ${yamlString(value[l])}`).join(', ')} }`;
}

function cloudFactsYaml(): string {
  const lines = ['# Generated by the benchmark (src/lib/bench/corpus.ts).'];
  for (const [name, clouds] of Object.entries(FACTS)) {
    lines.push(`${name}:`);
    for (const [cloud, value] of Object.entries(clouds)) lines.push(`  ${cloud}: ${localizedYaml(value)}`);
  }
  return lines.join('\n') + '\n';
}

/** A terminology file shaped like the site's: terms of one cloud that must not reach another. */
function terminologyYaml(): string {
  const rule = (term: string, use: string): string => `      - { term: ${yamlString(term)}, use: ${yamlString(use)} }`;
  const base = ['    en:', rule('payment to 21Vianet', 'payment to Microsoft'), '    ko:', rule('21Vianet에 대금을 결제', 'Microsoft에 대금을 결제'), '    zh:', rule('向世纪互联付款', '向 Microsoft 付款'), '    ja:', rule('21Vianet への支払い', 'Microsoft への支払い')];
  return [
    '# Generated by the benchmark (src/lib/bench/corpus.ts).',
    'officialNames:',
    ...Object.entries(FACTS['partnerCenter']!).map(([cloud, value]) => `  ${cloud}: ${localizedYaml(value)}`),
    'forbidden:',
    ...['global', 'usgov', 'germany'].flatMap((cloud) => [`  ${cloud}:`, ...base]),
    '  china:',
    '    en:',
    rule('payment to Microsoft', 'payment to 21Vianet'),
    rule('Microsoft Partner Support', '21Vianet support'),
    rule('Partner Support channel', 'the support channel in the Partner Center operated by 21Vianet'),
    '    ko:',
    rule('Microsoft에 대금을 결제', '21Vianet에 대금을 결제'),
    rule('파트너 지원 채널', '21Vianet에서 운영하는 파트너 센터의 지원 채널'),
    '    zh:',
    rule('向 Microsoft 付款', '向世纪互联付款'),
    rule('禁用', '暂停'),
    rule('21Vianet', '世纪互联'),
    '    ja:',
    rule('Microsoft への支払い', '21Vianet への支払い'),
    rule('アクセスを無効', 'サブスクリプションを一時停止'),
  ].join('\n') + '\n';
}

function navigationYaml(slugs: readonly string[], size: number): string {
  const lines = ['# Generated by the benchmark (src/lib/bench/corpus.ts).', 'sections:'];
  for (let i = 0; i * size < slugs.length; i++) {
    const name = NAV_TITLES[i % NAV_TITLES.length]!;
    const round = Math.floor(i / NAV_TITLES.length);
    const suffix = round > 0 ? ` ${round + 1}` : '';
    const title = Object.fromEntries(LOCALE_CODES.map((l) => [l, name[l] + suffix])) as Localized;
    lines.push(`  - id: ${kebab(name.en)}${round > 0 ? `-${round + 1}` : ''}`);
    lines.push(`    title: ${localizedYaml(title)}`);
    lines.push('    items:');
    for (const slug of slugs.slice(i * size, (i + 1) * size)) lines.push(`      - ${slug}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

function hashOf(text: string): string {
  const hash = provenanceHashOfSource(text);
  if (!hash) throw new Error('generated article has no title');
  return hash;
}

/** Generates the corpus in memory. */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const n = options.articles;
  if (!Number.isInteger(n) || n < 2) throw new Error('the corpus needs at least 2 articles');
  const seed = options.seed ?? 1;
  const root = createRng(seed);
  const taken = new Set<string>();
  const skeletons = Array.from({ length: n }, (_, i) => skeleton(root.fork(`skeleton:${i}`), i, taken, options.chinaShare ?? 0.25));
  const bySlug = new Map(skeletons.map((s) => [s.slug, s]));
  const files = new Map<string, string>();
  const machineShare = options.machineShare ?? 0.2;

  for (const s of skeletons) {
    const variants: Array<{ file: string; clouds: string[]; body: Body; baseHash?: string }> = [];
    variants.push({ file: `${s.slug}.mdx`, clouds: s.china ? ['global', 'usgov', 'germany'] : ['global', 'usgov', 'germany', 'china'], body: body(root.fork(`body:${s.slug}`), s, skeletons, false) });
    if (s.china) variants.push({ file: `${s.slug}.china.mdx`, clouds: ['china'], body: body(root.fork(`china:${s.slug}`), s, skeletons, true) });
    let baseHash: string | undefined;
    for (const variant of variants) {
      const rng = root.fork(`meta:${variant.file}`);
      const fm = (locale: Locale): string[] => [
        `title: ${yamlString(title(s, locale))}`,
        `description: ${yamlString(capitalize(renderPhrase(DESCRIPTIONS, s.description, locale)))}`,
        `clouds: [${variant.clouds.join(', ')}]`,
      ];
      const english = frontmatter([...fm('en'), ...(baseHash ? [`baseHash: "${baseHash}"`] : [])]) + '\n' + bodyText(variant.body, 'en', bySlug);
      files.set(`en/${variant.file}`, english);
      const sourceHash = hashOf(english);
      baseHash ??= sourceHash;
      for (const locale of LOCALE_CODES) {
        if (locale === 'en') continue;
        const method = rng.chance(machineShare) ? 'machine' : 'human';
        const text = frontmatter([...fm(locale), 'translation:', `  sourceHash: "${sourceHash}"`, `  method: ${method}`]) + '\n' + bodyText(variant.body, locale, bySlug);
        files.set(`${locale}/${variant.file}`, text);
      }
    }
  }
  const slugs = skeletons.map((s) => s.slug);
  files.set('navigation.yaml', navigationYaml(slugs, options.sectionSize ?? 20));
  files.set('cloud-facts.yaml', cloudFactsYaml());
  files.set('terminology.yaml', terminologyYaml());
  const chinaSlugs = skeletons.filter((s) => s.china).map((s) => s.slug);
  return { files, slugs, chinaSlugs, variantsPerLocale: n + chinaSlugs.length };
}

/** One author's edit: a sentence added to the first paragraph of an article (for the re-check). */
export function editArticle(text: string, mark = 1): string {
  const end = text.indexOf('\n---', 3);
  const bodyStart = text.indexOf('\n\n', end + 4);
  const paragraphEnd = text.indexOf('\n', bodyStart + 2);
  return `${text.slice(0, paragraphEnd)} Edited for the re-check benchmark (${mark}).${text.slice(paragraphEnd)}`;
}
