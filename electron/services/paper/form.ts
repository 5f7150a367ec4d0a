import { parseDateInput } from '../../contract/date-input';
import {
  PAPER_FIELD_MESSAGES,
  PAPER_FIELDS,
  type PaperField,
  type PaperFieldCode,
  type PaperFormKind,
  type PaperProblem,
} from '../../contract/paper';
import { isoDate } from '../../contract/time';
import { SNAPSHOT_SCHEMAS, type SnapshotBodies } from '../cache';

// Typed text from the paper form → the record shape the service sends (cache/schemas.ts), checked field by field with
// a Japanese message and a code each, then by the very schema online data passes (UX.md rule 6: same validation).
// Problems name the field only; the typed values never appear in them (they are personal data).

export type PaperFormResult<K extends PaperFormKind> =
  { ok: true; body: SnapshotBodies[K] } | { ok: false; problems: PaperProblem[] };

const problem = (field: string, code: PaperFieldCode): PaperProblem => ({
  field,
  code,
  message: PAPER_FIELD_MESSAGES[code],
});

/** 全角 digits and letters → 半角, spaces trimmed (IMEs give full-width text). */
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Katakana (with 長音, 中黒 and spaces between family and given name); ひらがな is converted. */
const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const KATAKANA = /^[\u30a1-\u30fa\u30fc\u30fb\u3000 ]+$/;

type Parsed = string | number;

function parseField(field: PaperField, raw: string): { value: Parsed } | { code: PaperFieldCode } {
  const trimmed = raw.trim();
  switch (field.type) {
    case 'insurer-number': {
      const v = halfWidth(trimmed).replace(/[\s-]/g, '');
      return /^\d{6}$/.test(v) ? { value: v } : { code: 'PAPER_FIELD_INSURER_NUMBER' };
    }
    case 'insured-number': {
      const v = halfWidth(trimmed).replace(/[\s-]/g, '').toUpperCase();
      return /^(\d{10}|H\d{9})$/.test(v) ? { value: v } : { code: 'PAPER_FIELD_INSURED_NUMBER' };
    }
    case 'date': {
      const d = parseDateInput(trimmed);
      return d ? { value: isoDate(d) } : { code: 'PAPER_FIELD_DATE' };
    }
    case 'select':
      return field.options && Object.hasOwn(field.options, trimmed) ? { value: trimmed } : { code: 'PAPER_FIELD_CODE' };
    case 'amount': {
      const v = halfWidth(trimmed).replace(/[,，]/g, '');
      return /^\d{1,7}$/.test(v) ? { value: Number(v) } : { code: 'PAPER_FIELD_AMOUNT' };
    }
    case 'kana': {
      const v = toKatakana(trimmed).replace(/\u3000/g, ' ');
      if (v.length > 200) return { code: 'PAPER_FIELD_TEXT' };
      return KATAKANA.test(v) ? { value: v } : { code: 'PAPER_FIELD_KANA' };
    }
    case 'text':
      return trimmed.length <= 200 ? { value: trimmed } : { code: 'PAPER_FIELD_TEXT' };
  }
}

/** Cross-field rules: a period needs both ends in order; a row needs its content and dates together. */
function checkPairs(kind: PaperFormKind, v: Record<string, Parsed>, problems: PaperProblem[]) {
  const has = (name: string) => v[name] !== undefined;
  const period = (from: string, to: string) => {
    if (has(from) !== has(to)) problems.push(problem(has(from) ? to : from, 'PAPER_FIELD_PERIOD_INCOMPLETE'));
    else if (has(from) && String(v[to]) < String(v[from])) problems.push(problem(to, 'PAPER_FIELD_PERIOD_ORDER'));
  };
  if (kind !== 'insured-card') return period('periodFrom', 'periodTo');
  period('certificationFrom', 'certificationTo');
  if (has('restrictionTo') && has('restrictionFrom') && String(v.restrictionTo) < String(v.restrictionFrom)) {
    problems.push(problem('restrictionTo', 'PAPER_FIELD_PERIOD_ORDER'));
  }
  // 給付制限 (DOMAIN.md §2.8): content and start go together; the end may be open.
  if (['restrictionContent', 'restrictionFrom', 'restrictionTo'].some(has)) {
    for (const f of ['restrictionContent', 'restrictionFrom'])
      if (!has(f)) problems.push(problem(f, 'PAPER_FIELD_DEPENDS'));
  }
  if (has('carePlanOfficeName') !== has('carePlanNotifiedOn')) {
    problems.push(
      problem(has('carePlanOfficeName') ? 'carePlanNotifiedOn' : 'carePlanOfficeName', 'PAPER_FIELD_DEPENDS'),
    );
  }
  // The 区分支給限度基準額 is printed for the certification period (DOMAIN.md §2.2); without a period it has no meaning.
  if (has('benefitLimitUnits') && !has('certificationFrom'))
    problems.push(problem('certificationFrom', 'PAPER_FIELD_DEPENDS'));
}

function toBody(kind: PaperFormKind, v: Record<string, Parsed>): unknown {
  const period = v.periodFrom !== undefined ? { from: v.periodFrom, to: v.periodTo } : undefined;
  const common = { insurerNumber: v.insurerNumber, insuredNumber: v.insuredNumber, issuedOn: v.issuedOn };
  if (kind === 'burden-ratio') return { ...common, ratio: v.ratio, period };
  if (kind === 'burden-limit') {
    return {
      ...common,
      stage: v.stage,
      food: v.food,
      room: {
        unitPrivate: v.roomUnitPrivate,
        unitSemiPrivate: v.roomUnitSemiPrivate,
        conventionalPrivateTokuyo: v.roomConventionalPrivateTokuyo,
        conventionalPrivateOther: v.roomConventionalPrivateOther,
        multiBed: v.roomMultiBed,
      },
      period,
    };
  }
  const certificationPeriod =
    v.certificationFrom !== undefined ? { from: v.certificationFrom, to: v.certificationTo } : undefined;
  return {
    ...common,
    name: v.name,
    nameKana: v.nameKana,
    birthDate: v.birthDate,
    sex: v.sex,
    address: v.address,
    careLevel: v.careLevel,
    certifiedOn: v.certifiedOn,
    certificationPeriod,
    benefitLimit:
      v.benefitLimitUnits !== undefined && certificationPeriod
        ? { period: certificationPeriod, units: v.benefitLimitUnits }
        : undefined,
    benefitRestrictions:
      v.restrictionContent !== undefined
        ? [{ content: v.restrictionContent, from: v.restrictionFrom, to: v.restrictionTo }]
        : [],
    carePlanOffices:
      v.carePlanOfficeName !== undefined
        ? [{ officeName: v.carePlanOfficeName, notifiedOn: v.carePlanNotifiedOn }]
        : [],
  };
}

/** Field names of the body (zod issue path) → the form field to point at, when the schema still refuses. */
const BODY_PATH_FIELD: Record<string, string> = {
  period: 'periodFrom',
  certificationPeriod: 'certificationFrom',
  benefitLimit: 'benefitLimitUnits',
  benefitRestrictions: 'restrictionContent',
  carePlanOffices: 'carePlanOfficeName',
  room: 'roomUnitPrivate',
};

export function parsePaperForm<K extends PaperFormKind>(kind: K, fields: Record<string, string>): PaperFormResult<K> {
  const problems: PaperProblem[] = [];
  const values: Record<string, Parsed> = {};
  for (const field of PAPER_FIELDS[kind]) {
    const raw = fields[field.name] ?? '';
    if (raw.trim() === '') {
      if (field.required) problems.push(problem(field.name, 'PAPER_FIELD_REQUIRED'));
      continue;
    }
    const parsed = parseField(field, raw);
    if ('code' in parsed) problems.push(problem(field.name, parsed.code));
    else values[field.name] = parsed.value;
  }
  // A field already marked (unreadable or missing) is not reported again by the cross-field rules.
  const fieldsWithProblems = new Set(problems.map((p) => p.field));
  const pairProblems: PaperProblem[] = [];
  checkPairs(kind, values, pairProblems);
  problems.push(...pairProblems.filter((p) => !fieldsWithProblems.has(p.field)));
  if (problems.length > 0) return { ok: false, problems };
  const parsed = SNAPSHOT_SCHEMAS[kind].safeParse(toBody(kind, values));
  if (!parsed.success) {
    const names = new Set(PAPER_FIELDS[kind].map((f) => f.name));
    const schemaProblems = parsed.error.issues.map((issue) => {
      const head = String(issue.path[0] ?? '');
      return problem(
        names.has(head) ? head : (BODY_PATH_FIELD[head] ?? PAPER_FIELDS[kind][0]!.name),
        'PAPER_FIELD_SCHEMA',
      );
    });
    return { ok: false, problems: schemaProblems };
  }
  return { ok: true, body: parsed.data as SnapshotBodies[K] };
}
