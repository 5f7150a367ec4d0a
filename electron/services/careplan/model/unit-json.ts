import { z } from 'zod';
import { officeCheckDigit } from '../check-digit';
import type { OfficeRef } from '../file-name';
import { MODELLED_KINDS } from './columns';
import type { UnitPart } from './files';

// The JSON form of a send unit, read by `kaigo-desk careplan export` and written by `careplan import --model`:
//   { "from": {"office": "1310100019", "service": "43"}, "to": {...}, "parts": [{"kind": "UPPLAN", "month": "202412",
//     "content": [ …model objects… ]}] }
// Only the envelope is checked here; the content is checked by writing it and reading the files back (writeSendUnit),
// so every problem gets the validator's message with file, row and column. Office numbers typed by the user must
// carry a correct check digit (DOMAIN.md §4.4: an error for numbers typed in, a warning only in received files).

const office = z.object({
  office: z.string().regex(/^[0-9A-Z]{10}$/, '事業所番号は10桁で指定してください'),
  service: z.string().regex(/^[0-9A-Z]{2}$/, 'サービス種類コードは2桁で指定してください'),
});

const unitSchema = z.object({
  from: office,
  to: office,
  parts: z
    .array(
      z.object({
        kind: z.enum(MODELLED_KINDS),
        month: z
          .string()
          .regex(/^\d{6}$/, '年月は YYYYMM で指定してください')
          .optional(),
        content: z.array(z.record(z.string(), z.unknown())).max(100_000),
      }),
    )
    .min(1, 'parts が空です')
    .max(20),
});

export interface SendUnitJson {
  from: OfficeRef;
  to: OfficeRef;
  parts: UnitPart[];
}

/** Office-number check digit for a number typed by the user; the Japanese problem, or null. */
export function officeNumberProblem(label: string, number: string): string | null {
  const expected = officeCheckDigit(number);
  if (expected === null) return `${label}の事業所番号「${number}」の形式が正しくありません。`;
  if (number[9] !== expected)
    return `${label}の事業所番号「${number}」の検証番号（10桁目）が合いません（計算上は ${expected}）。`;
  return null;
}

/** Parses the JSON text of a send unit; on failure, Japanese messages naming the place. */
export function parseSendUnitJson(text: string): { ok: true; value: SendUnitJson } | { ok: false; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['JSON として読めません。'] };
  }
  const parsed = unitSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(全体)'}: ${i.message}`),
    };
  const problems = [
    officeNumberProblem('送信元', parsed.data.from.office),
    officeNumberProblem('送信先', parsed.data.to.office),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: parsed.data as unknown as SendUnitJson };
}
