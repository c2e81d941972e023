/**
 * Korean word stems for search, the same at index time and at query time.
 *
 * Korean writes particles (조사) and verb endings onto the word (청구를, 청구의, 해결하는), and
 * Pagefind tokenizes Korean on white space only, so without help each form is its own index word.
 * `koreanStem` splits a word into the stem and the particle or ending, by the list below: the
 * longest particle that leaves a stem of at least `minStem` syllables. A stem keeps two syllables
 * unless the particle says otherwise, because many two-syllable nouns end in a syllable that is also
 * a particle (문의, 주의, 결과, 증가, 추가, 정도, 경로): only particles that never end a noun strip
 * down to one syllable (팀에서 → 팀). There is no well-kept Korean morphological analyzer for the
 * browser small enough to ship with the search (they carry megabytes of dictionary), hence this list.
 *
 * At index time the particle stays in the page's text but leaves the index: `encodeForIndex` moves
 * each of its syllables into Unicode's Supplementary Private Use Area-A (U+F0000 + the syllable's
 * offset from 가), which Pagefind drops from index words (it keeps letters and digits only) and
 * keeps in the stored text. So 청구를 is indexed as 청구, at the same word position, and
 * `decodeFromIndex` turns the stored text back into 청구를 for excerpts.
 */

export interface Particle {
  suffix: string;
  /** The shortest stem, in syllables, the particle may be stripped down to. */
  minStem: 1 | 2;
}

/**
 * The particles (조사), after the Standard Korean Language Dictionary (표준국어대사전, National
 * Institute of Korean Language) and its school grammar (학교 문법): case particles (격조사), the
 * auxiliary particles (보조사) that follow a noun or a case particle, and conjunctive particles
 * (접속 조사). Forms after a final consonant and after a vowel are both listed (으로/로, 과/와 …).
 */
const CASE_PARTICLES = [
  '이', '가', '을', '를', '의', '에', '에서', '에게', '한테', '께', '께서', '에게서', '한테서', '으로', '로', '으로서', '로서',
  '으로써', '로써', '으로부터', '로부터', '에서부터', '과', '와', '이랑', '랑', '하고', '보다', '처럼', '만큼', '같이', '이라고', '라고',
];
const AUXILIARY_PARTICLES = [
  '은', '는', '도', '만', '까지', '부터', '조차', '마저', '마다', '이나', '나', '이나마', '나마', '이라도', '라도', '밖에', '뿐',
];
/** 이다 (the copula) and its common forms, written onto the noun: 원인입니다, 문제이다. */
const COPULA = ['이다', '입니다', '이며', '이고', '인', '이라는'];

/** One-syllable particles that also end common nouns (문의, 결과, 추가, 정도, 경로, 마을 …). */
const ENDS_NOUNS = new Set(['은', '이', '가', '을', '의', '로', '와', '과', '도', '만', '나', '랑', '인']);

/**
 * Every particle and compound a noun may carry: each particle alone, a case particle followed by
 * an auxiliary one (에서는, 로부터는, 에게만) or by 의 (고객과의, Microsoft로의), and two auxiliary ones
 * (까지도, 부터는, 만은). 하고 is also the 하다 ending (해결하고); as a particle it leaves one syllable.
 */
function particleForms(): string[] {
  const forms = new Set<string>([...CASE_PARTICLES, ...AUXILIARY_PARTICLES, ...COPULA]);
  for (const first of [...CASE_PARTICLES, ...AUXILIARY_PARTICLES]) {
    for (const second of [...AUXILIARY_PARTICLES, '의']) {
      // The subject and object markers take no particle after them (가는 is a verb, 를도 no word).
      if (['이', '가', '을', '를', '의'].includes(first) || first === second) continue;
      forms.add(first + second);
    }
  }
  return [...forms];
}

/**
 * The shortest stem a particle leaves: two syllables when the particle begins with a syllable that
 * also ends common nouns (결과도 is 결과 + 도, never 결 + 과도; 경로부터 is 경로 + 부터), else one
 * (팀에서 → 팀, 팀으로부터 → 팀).
 */
const minStemOf = (suffix: string): 1 | 2 => (ENDS_NOUNS.has(suffix[0]!) ? 2 : 1);

const particle = (minStem: 1 | 2) => (suffix: string): Particle => ({ suffix, minStem });

/** Particles and endings stripped from the end of a word, longest first (the longest that fits wins). */
export const KOREAN_PARTICLES: readonly Particle[] = [
  ...particleForms().map((suffix) => ({ suffix, minStem: minStemOf(suffix) })),
  // 하다/되다 verb endings on a noun (해결하는 → 해결); the noun keeps two syllables.
  ...['하려면', '하세요', '합니다', '합니까', '했습니다', '하나요', '했나요', '하도록', '하려고', '하는', '하기', '하여',
    '하면', '해야', '해서', '하지', '한', '할', '되는', '되어', '됩니다', '되나요', '된', '될',
  ].map(particle(2)),
].sort((a, b) => b.suffix.length - a.suffix.length);

/** Each suffix of KOREAN_PARTICLES with the shortest stem any of its entries allows. */
const PARTICLE_BY_SUFFIX = new Map<string, Particle>();
for (const p of KOREAN_PARTICLES) {
  const same = PARTICLE_BY_SUFFIX.get(p.suffix);
  if (!same || p.minStem < same.minStem) PARTICLE_BY_SUFFIX.set(p.suffix, p);
}
const LONGEST_PARTICLE = Math.max(...KOREAN_PARTICLES.map((p) => p.suffix.length));

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;
const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;
/** A word that is Latin letters or digits followed by Hangul: Azure를, 21Vianet에서, A1등급. */
const MIXED_WORD = /^(.*[A-Za-z0-9])([\uAC00-\uD7A3]+)$/;

export interface KoreanStem {
  stem: string;
  /** What was stripped ('' for none). */
  suffix: string;
}

/** Splits one word into its stem and a trailing particle or ending (by KOREAN_PARTICLES). */
export function koreanStem(word: string): KoreanStem {
  const mixed = MIXED_WORD.exec(word);
  if (mixed) {
    // After Latin or digits, a whole Hangul tail that is a particle goes (Azure를, 21Vianet에서).
    return KOREAN_PARTICLES.some((p) => p.suffix === mixed[2]) ? { stem: mixed[1]!, suffix: mixed[2]! } : { stem: word, suffix: '' };
  }
  if (!HANGUL_WORD.test(word)) return { stem: word, suffix: '' };
  // Longest first, as KOREAN_PARTICLES is ordered: one look-up per suffix length rather than a
  // scan of every particle (the index encodes every Korean word of the site).
  for (let length = Math.min(LONGEST_PARTICLE, word.length - 1); length > 0; length--) {
    const p = PARTICLE_BY_SUFFIX.get(word.slice(-length));
    if (p && word.length - length >= p.minStem) return { stem: word.slice(0, -length), suffix: p.suffix };
  }
  return { stem: word, suffix: '' };
}

/** Every stem a word could have, longest first, ignoring `minStem` (for matching known terms). */
export function koreanStemCandidates(word: string): string[] {
  const out = [word];
  const { stem } = koreanStem(word);
  if (stem !== word) out.push(stem);
  if (HANGUL_WORD.test(word)) {
    for (const p of KOREAN_PARTICLES) {
      if (word.endsWith(p.suffix) && word.length > p.suffix.length && !out.includes(word.slice(0, -p.suffix.length))) out.push(word.slice(0, -p.suffix.length));
    }
  }
  return out;
}

const PUA_BASE = 0xf0000;
const HANGUL_BASE = 0xac00;
const ENCODED = /[\u{F0000}-\u{F2BA3}]/u;
const ENCODED_ALL = /[\u{F0000}-\u{F2BA3}]/gu;
/** A run of letters and digits: a word inside a token such as `경우(청구를)`. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

function encodeSyllables(text: string): string {
  return [...text].map((c) => String.fromCodePoint(PUA_BASE + c.codePointAt(0)! - HANGUL_BASE)).join('');
}

/** Text to index: every Korean word's particle moved out of the index (see the module comment). */
export function encodeForIndex(text: string): string {
  if (!HANGUL_SYLLABLE.test(text)) return text;
  return text.replace(WORD_RUN, encodeWord);
}

/**
 * Encoded words, remembered: a site's Korean vocabulary is small next to its word count (every
 * page of the build is encoded). Bounded, so that a huge vocabulary only costs time.
 */
const encodedWords = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

function encodeWord(word: string): string {
  const known = encodedWords.get(word);
  if (known !== undefined) return known;
  const { stem, suffix } = koreanStem(word);
  const encoded = suffix ? stem + encodeSyllables(suffix) : word;
  if (encodedWords.size >= MAX_REMEMBERED) encodedWords.clear();
  encodedWords.set(word, encoded);
  return encoded;
}

/** Stored text back to what the page says (청구 + encoded 를 → 청구를). */
export function decodeFromIndex(text: string): string {
  if (!ENCODED.test(text)) return text;
  return text.replace(ENCODED_ALL, (c) => String.fromCodePoint(c.codePointAt(0)! - PUA_BASE + HANGUL_BASE));
}

/** The length (UTF-16 units) of a stored word before its first encoded particle syllable. */
export function indexedStemLength(stored: string): number {
  const at = stored.search(ENCODED);
  return at < 0 ? stored.length : at;
}
