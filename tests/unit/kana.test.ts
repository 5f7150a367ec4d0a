import { describe, expect, it } from 'vitest';
import { isKanaQuery, normaliseKana, prefixUpperBound } from '../../electron/services/text';

describe('kana normalisation', () => {
  it.each([
    ['やまだ たろう', 'ヤマダタロウ'],
    ['ヤマダ　タロウ', 'ヤマダタロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ', 'パピプペポ'],
    ['ｳﾞｧｲｵﾘﾝ', 'ヴァイオリン'],
    ['ｷｮｰｺ', 'キョーコ'],
    ['すずき　ﾊﾅｺ', 'スズキハナコ'],
    ['ゔ', 'ヴ'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseKana(input)).toBe(expected);
  });

  it('keeps kanji and drops stray voiced marks', () => {
    expect(normaliseKana('山田 太郎')).toBe('山田太郎');
    expect(normaliseKana('ﾞｱ')).toBe('ア');
    expect(normaliseKana('ｱﾞ')).toBe('ア');
  });

  it('tells kana queries from kanji fragments', () => {
    expect(isKanaQuery('やま')).toBe(true);
    expect(isKanaQuery('ﾔﾏ')).toBe(true);
    expect(isKanaQuery('山')).toBe(false);
    expect(isKanaQuery('  ')).toBe(false);
  });

  it('bounds a prefix range so that every extension sorts inside it', () => {
    const upper = prefixUpperBound('ヤマ');
    for (const name of ['ヤマ', 'ヤマダ', 'ヤマモト', 'ヤマヴ']) expect(name < upper && name >= 'ヤマ').toBe(true);
    expect('ヤミ' < upper).toBe(false);
  });
});
