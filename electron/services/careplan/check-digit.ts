// 介護保険事業所番号 (10 characters) check digit, DOMAIN.md §2.16: "モジュラス10 ウェイト2-1 分割方式" over the first
// nine characters, weights 2,1,2,1… from the rightmost; letters (only in the 区分 position) count A=10 … Z=32; a
// two-digit product adds its digits separately; cd = (10 − sum mod 10) mod 10.

/** 2 digits + 区分 (digit or upper-case letter except I, O, Q) + 7 digits. */
export const OFFICE_NUMBER = /^\d{2}[0-9A-HJ-NPR-Z]\d{7}$/;

/** The expected 10th character of a well-formed office number, or null when the shape is wrong. */
export function officeCheckDigit(number: string): string | null {
  if (!OFFICE_NUMBER.test(number)) return null;
  let sum = 0;
  for (let i = 8, weight = 2; i >= 0; i--, weight = 3 - weight) {
    const ch = number.charCodeAt(i);
    const value = ch <= 0x39 ? ch - 0x30 : ch - 0x41 + 10;
    const product = value * weight;
    // Digits of the product added separately (a letter value times 2 can reach 64).
    sum += Math.floor(product / 10) + (product % 10);
  }
  return String((10 - (sum % 10)) % 10);
}
