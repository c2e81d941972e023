import { describe, expect, it } from 'vitest';
import { koreanStem, prepareQuery, resultUrlForCloud } from '../../src/lib/search/query.ts';

describe('Korean query stems', () => {
  it.each([
    ['청구를', '청구'],
    ['청구의', '청구'],
    ['고객에서', '고객'],
    ['파트너에게', '파트너'],
    ['에스컬레이션하는', '에스컬레이션'],
    ['구독으로', '구독'],
    ['분쟁은', '분쟁'],
    ['청구', '청구'],
    ['지원', '지원'],
    ['가', '가'],
    ['Azure를', 'Azure'],
    ['CSP의', 'CSP'],
    ['A1등급', 'A1등급'],
  ])('%s → %s', (word, stem) => {
    expect(koreanStem(word)).toBe(stem);
  });

  it('stems every word of a Korean query and leaves other locales alone (but NFKC-normalized)', () => {
    expect(prepareQuery('ko', '  청구 분쟁을   해결하는 방법 ')).toBe('청구 분쟁 해결 방법');
    expect(prepareQuery('ja', '請求の　サポート')).toBe('請求の サポート');
    expect(prepareQuery('zh', 'ＡＢＣ计费')).toBe('ABC计费');
    expect(prepareQuery('en', 'Billing  disputes')).toBe('Billing disputes');
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
