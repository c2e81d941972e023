/**
 * Query preparation, shared by the search UI and the recall suite.
 *
 * Pagefind tokenizes Korean on white space only, so an eojeol such as 청구를 is one index word, and
 * a query for 청구를 finds only that exact form. Pagefind matches query words as prefixes, though:
 * a query for 청구 finds 청구를, 청구의, 청구에서 … So Korean queries are reduced to their stems by
 * stripping a trailing particle (조사) or a 하다-verb ending; the index and the snippets are left as
 * written. Over-stripping only widens the prefix (never loses the article), so the list errs on the
 * side of stripping.
 */
import type { Locale } from '../site.ts';

/** Particles and endings, longest first so that 에서 wins over 에 and 으로 over 로. */
const KOREAN_SUFFIXES = [
  '에서부터', '으로부터', '이라고는', '에게서', '한테서', '에서는', '에서도', '에게는', '으로는', '으로도',
  '하려면', '해야', '하세요', '합니다', '했습니다', '하는', '하기', '하여', '하고', '한',
  '이라고', '까지', '부터', '에서', '에게', '한테', '께서', '으로', '처럼', '보다', '마다', '이나', '이랑',
  '과는', '와는', '라고', '이다', '입니다',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '나', '랑',
].sort((a, b) => b.length - a.length);

const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;

/** The stem of one Korean word: the word without a trailing particle or verb ending. */
export function koreanStem(word: string): string {
  const mixed = /^(.*[A-Za-z0-9])([\uAC00-\uD7A3]+)$/.exec(word);
  if (mixed) return KOREAN_SUFFIXES.includes(mixed[2]!) ? mixed[1]! : word;
  if (!HANGUL_WORD.test(word) || word.length < 2) return word;
  for (const suffix of KOREAN_SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Normalizes a reader's query for the index of a locale. */
export function prepareQuery(locale: Locale, query: string): string {
  const normalized = query.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (locale !== 'ko') return normalized;
  return normalized
    .split(' ')
    .map((word) => koreanStem(word))
    .join(' ');
}

/**
 * A search result's URL in the reader's cloud. Pagefind indexes each variant once, at its canonical
 * cloud's URL; the cloud filter guarantees the variant serves the reader's cloud, so the same slug
 * exists there.
 */
export function resultUrlForCloud(url: string, cloud: string): string {
  const origin = /^[a-z]+:\/\/[^/]+/i.exec(url)?.[0] ?? '';
  return origin + url.slice(origin.length).replace(/^(\/[a-z]{2}\/)[a-z]+(\/[^/]+\/)/, `$1${cloud}$2`);
}
