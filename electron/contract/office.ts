import { z } from 'zod';
import { input } from './limits';

// The office profiles of this PC and the active one (issue 5 item 1: a PC may serve two offices, e.g. 居宅 + 訪問介護
// 併設). Switching office logs out and reconnects with that office's client certificate.

/** Names of the common サービス種類コード (DOMAIN.md §4.2); others are shown as their code. */
export const SERVICE_TYPE_NAMES: Record<string, string> = {
  '11': '訪問介護',
  '12': '訪問入浴介護',
  '13': '訪問看護',
  '14': '訪問リハビリテーション',
  '15': '通所介護',
  '16': '通所リハビリテーション',
  '17': '福祉用具貸与',
  '21': '短期入所生活介護',
  '43': '居宅介護支援',
  '46': '介護予防支援',
  '78': '地域密着型通所介護',
};

export function serviceTypeName(code: string): string {
  return SERVICE_TYPE_NAMES[code] ?? `サービス種類 ${code}`;
}

const OfficeNumber = z.string().regex(/^\d{2}[0-9A-HJ-NPR-Z]\d{7}$/);

export const OfficeEntry = z.strictObject({
  officeNumber: z.string(),
  serviceType: z.string(),
  serviceTypeName: z.string(),
  name: z.string(),
  hasCertificate: z.boolean(),
  active: z.boolean(),
});
export type OfficeEntry = z.infer<typeof OfficeEntry>;

export const OfficeList = z.strictObject({ offices: z.array(OfficeEntry).max(10) });
export type OfficeList = z.infer<typeof OfficeList>;

export const OfficeSelectInput = input({ officeNumber: OfficeNumber });
