// 介護保険事業所番号 (DOMAIN.md §2.16): 都道府県(2) + 事業所区分(1) + 郡市区(2) + 事業所(4) + 検証番号(1).
// Only the 区分 character may be a letter (upper case, not I, O or Q). Check digit: modulus 10, weights 2-1 from the
// rightmost of the first nine characters, letters valued A=10, B=11 … Z=32 (I, O, Q skipped), a two-digit product
// contributing its digits separately; cd = (10 − sum mod 10) mod 10.

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // A–Z without I, O, Q: A=10 … Z=32

const SHAPE = /^\d{2}[0-9A-HJ-NPR-Z]\d{7}$/;

function charValue(ch: string): number {
  const digit = ch.charCodeAt(0) - 48;
  if (digit >= 0 && digit <= 9) return digit;
  const letter = LETTERS.indexOf(ch);
  return letter >= 0 ? letter + 10 : NaN;
}

const digitSum = (n: number) =>
  String(n)
    .split('')
    .reduce((s, d) => s + Number(d), 0);

export function officeNumberCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const weight = i % 2 === 0 ? 2 : 1; // i counts from the rightmost character
    sum += digitSum(charValue(first9[8 - i]!) * weight);
  }
  return (10 - (sum % 10)) % 10;
}

export type OfficeNumberProblem = 'shape' | 'check-digit';

/** null when valid; otherwise what is wrong. */
export function checkOfficeNumber(value: string): OfficeNumberProblem | null {
  if (!SHAPE.test(value)) return 'shape';
  return officeNumberCheckDigit(value.slice(0, 9)) === Number(value[9]) ? null : 'check-digit';
}
