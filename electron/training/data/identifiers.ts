import { officeNumberCheckDigit } from '../../services/config';

/**
 * 保険者番号 check digit by the 医療保険 rule (DOMAIN.md §2.16: weights 2,1,… from the rightmost digit, digits of
 * products summed, cd = 10 − sum mod 10, 0 when that is 10). DOMAIN marks it unverified for 介護, so the app never
 * enforces it; the training data uses it so that numbers look real.
 */
export function insurerCheckDigit(first5: string): number {
  let sum = 0;
  for (let i = 0; i < first5.length; i++) {
    const product = Number(first5[first5.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export const insurerNumber = (prefecture: string, local: string) =>
  `${prefecture}${local}${insurerCheckDigit(prefecture + local)}`;

/** A 事業所番号 with a valid check digit (DOMAIN.md §2.16). */
export const officeNumber = (first9: string) => `${first9}${officeNumberCheckDigit(first9)}`;
