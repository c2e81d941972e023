import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFromIndex, encodeForIndex, KOREAN_PARTICLES, koreanStem } from '../../src/lib/search/korean.ts';
import { compileSynonyms, planQuery, resultUrlForCloud, typedSoFar } from '../../src/lib/search/query.ts';

describe('Korean stems', () => {
  it.each([
    ['청구를', '청구'],
    ['청구의', '청구'],
    ['고객에서', '고객'],
    ['파트너에게', '파트너'],
    ['에스컬레이션하는', '에스컬레이션'],
    ['구독으로', '구독'],
    ['분쟁은', '분쟁'],
    ['팀에서', '팀'],
    ['청구', '청구'],
    ['지원', '지원'],
    ['가', '가'],
    ['Azure를', 'Azure'],
    ['CSP의', 'CSP'],
    ['21Vianet에서', '21Vianet'],
    ['A1등급', 'A1등급'],
  ])('%s → %s', (word, stem) => {
    expect(koreanStem(word).stem).toBe(stem);
  });

  // The cases: two-syllable nouns whose last syllable is also a particle.
  it.each(['문의', '결과', '증가', '추가', '주의', '정도', '경로'])('never strips %s below two syllables', (word) => {
    expect(koreanStem(word)).toEqual({ stem: word, suffix: '' });
  });

  it('strips a particle after such a noun', () => {
    expect(koreanStem('문의를').stem).toBe('문의');
    expect(koreanStem('결과가').stem).toBe('결과');
    expect(koreanStem('추가하는').stem).toBe('추가');
  });

  // Compound particles (a case particle followed by another, 로 + 부터): the whole compound goes,
  // never only its last part (마이크로소프트로부터 → 마이크로소프트, not 마이크로소프트로).
  it.each([
    ['마이크로소프트로부터', '마이크로소프트'],
    ['Microsoft로부터', 'Microsoft'],
    ['파트너로부터', '파트너'],
    ['청구서로부터', '청구서'],
    ['문의로부터', '문의'],
    ['팀으로부터', '팀'],
    ['고객에게서', '고객'],
    ['센터에서부터', '센터'],
    ['월말까지', '월말'],
    ['파트너처럼', '파트너'],
    ['예상보다', '예상'],
    ['고객에게만', '고객'],
    ['파트너까지도', '파트너'],
    ['Azure에서만', 'Azure'],
  ])('strips the compound particle of %s → %s', (word, stem) => {
    expect(koreanStem(word).stem).toBe(stem);
  });

  // A compound that begins with a syllable that also ends nouns (과, 로, 도 …) must not cut such a
  // noun: 결과도 is 결과 + 도, never 결 + 과도.
  it.each([
    ['결과도', '결과'],
    ['결과는', '결과'],
    ['경로는', '경로'],
    ['경로부터', '경로'],
    ['주의로', '주의'],
  ])('keeps the two-syllable noun of %s (%s)', (word, stem) => {
    expect(koreanStem(word).stem).toBe(stem);
  });

  it('strips the longest particle that leaves its stem long enough, as a scan of every particle in order does', () => {
    // The rule as KOREAN_PARTICLES states it; koreanStem looks suffixes up by length instead.
    const byScan = (word: string) => {
      const p = KOREAN_PARTICLES.find((p) => word.endsWith(p.suffix) && word.length - p.suffix.length >= p.minStem);
      return p ? { stem: word.slice(0, -p.suffix.length), suffix: p.suffix } : { stem: word, suffix: '' };
    };
    const words = new Set<string>();
    for (const p of KOREAN_PARTICLES) for (const stem of ['', '팀', '결과', '청구서', '구독관리']) words.add(stem + p.suffix);
    const ko = join(import.meta.dirname, '..', '..', 'content', 'ko');
    for (const name of readdirSync(ko, { recursive: true }) as string[]) {
      if (name.endsWith('.mdx')) for (const word of readFileSync(join(ko, name), 'utf8').match(/[\uAC00-\uD7A3]+/g) ?? []) words.add(word);
    }
    expect(words.size).toBeGreaterThan(1000);
    for (const word of words) expect(koreanStem(word), word).toEqual(byScan(word));
  });

  it('moves particles out of indexed words and back for display', () => {
    const text = '경우(청구를) 문의해야 하는 결과. Microsoft에 알립니다';
    const encoded = encodeForIndex(text);
    // The stems stay as written, the particles are not letters any more (Pagefind drops them).
    expect(encoded.replace(/[^\p{L}\p{N}\s.()]/gu, '')).toBe('경우(청구) 문의 하 결과. Microsoft 알립니다');
    expect(decodeFromIndex(encoded)).toBe(text);
    expect(encodeForIndex('no Korean here')).toBe('no Korean here');
  });
});

describe('query plans', () => {
  const terms = (locale: Parameters<typeof planQuery>[0], query: string, synonyms?: string[][]) =>
    planQuery(locale, query, synonyms ? compileSynonyms(locale, synonyms) : undefined).variants.map((v) => v.terms.join(' '));

  it('drops question words and particles, never down to nothing', () => {
    expect(terms('en', 'How do I escalate a billing dispute?')).toEqual(['escalate billing dispute']);
    expect(terms('zh', '如何提高采用率')).toEqual(['提高 采用 率']);
    expect(terms('ja', '顧客が支払わない場合はどうすればよいですか')).toEqual(['顧客 支払']);
    expect(terms('ko', '청구 분쟁을 해결하는 방법')).toEqual(['청구 분쟁 해결']);
    expect(terms('en', 'how')).toEqual(['how']);
    expect(terms('zh', '怎么办')).toEqual(['怎么 办']);
  });

  it('searches Korean stems (a prefix of the word as typed, which Pagefind matches by prefix)', () => {
    expect(terms('ko', '문의')).toEqual(['문의']);
    expect(terms('ko', '청구를')).toEqual(['청구']);
  });

  it('finds a synonym behind a compound particle (마이크로소프트로부터 → Microsoft)', () => {
    expect(terms('ko', '마이크로소프트로부터', [['Microsoft', '마이크로소프트']])).toEqual(['마이크로소프트', 'microsoft']);
  });

  it('keeps an English stop word that is an acronym or part of a capitalised term (US Government)', () => {
    expect(terms('en', 'US Government')).toEqual(['us government']);
    expect(terms('en', 'Microsoft Cloud for US Government')).toEqual(['microsoft cloud us government']);
    expect(planQuery('en', 'US Government').variants[0]!.phrases).toEqual([['us', 'government']]);
    // Lower case, or a capital at the start of a question, is still a stop word.
    expect(terms('en', 'what can us government partners do')).toEqual(['government partners']);
    expect(terms('en', 'How do I escalate')).toEqual(['escalate']);
  });

  it('adds a variant for each synonym, matched by word (Chinese and Japanese by segment)', () => {
    expect(terms('zh', '逾期账单', [['计费', '账单']])).toEqual(['逾期 账单', '逾期 计 费']);
    expect(terms('ko', '마이크로소프트에서 온 이메일', [['Microsoft', '마이크로소프트']])).toEqual(['마이크로소프트 이메일', 'microsoft 이메일']);
    // A synonym names a word: 돈을 is 돈 with a particle, even below two syllables.
    expect(terms('ko', '돈을', [['대금', '돈']])).toEqual(['돈을', '대금']);
    expect(terms('en', 'priority of a request', [['severity', 'priority']])).toEqual(['priority request', 'severity request']);
    expect(terms('en', 'support ticket', [['service request', 'ticket']])).toEqual(['support ticket', 'support service request']);
  });

  it('keeps adjacent words as phrases, split where a stop word stood', () => {
    const plan = planQuery('en', 'service level agreement for the support team');
    expect(plan.variants[0]!.phrases).toEqual([['service', 'level', 'agreement'], ['support', 'team']]);
    expect(planQuery('zh', '客户帐户').variants[0]!.phrases).toEqual([['客户', '帐户']]);
  });
});

describe('while typing', () => {
  it('leaves out a last one-letter word until the next key, except in Chinese and Japanese', () => {
    expect(typedSoFar('en', 'escalate b')).toBe('escalate');
    expect(typedSoFar('en', 'e')).toBe('');
    expect(typedSoFar('en', 'escalate bi')).toBe('escalate bi');
    expect(typedSoFar('en', 'escalate b ')).toBe('escalate b ');
    expect(typedSoFar('ko', '청구 분')).toBe('청구');
    expect(typedSoFar('zh', '计')).toBe('计');
    expect(typedSoFar('ja', '請')).toBe('請');
  });
});

describe('result URLs', () => {
  it('moves a canonical result URL into the reader\'s cloud, keeping anchors', () => {
    expect(resultUrlForCloud('/ko/global/provide-billing-support/', 'usgov')).toBe('/ko/usgov/provide-billing-support/');
    expect(resultUrlForCloud('/ko/global/provide-billing-support/#billingdisputes', 'germany')).toBe(
      '/ko/germany/provide-billing-support/#billingdisputes',
    );
    expect(resultUrlForCloud('/ja/china/x/', 'china')).toBe('/ja/china/x/');
    expect(resultUrlForCloud('http://127.0.0.1:4321/ko/global/x/#a', 'china')).toBe('http://127.0.0.1:4321/ko/china/x/#a');
  });
});
