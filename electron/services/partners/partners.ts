import type { SqliteDb } from '../../../native/sqlite';
import { officeNumberProblem } from '../careplan';
import { KaigoError } from '../errors';

// The partner address book for care-plan exchange (UX.md rule 14): 事業所番号 (check digit required: a number typed
// by staff, DOMAIN.md §4.4) + サービス種類コード + name, and whether the partner exchanges data (most do not yet,
// ~7.6 %: DOMAIN.md §4.8), which decides between sending files and printing for FAX/post. The office's own
// 事業所番号 is refused: offices sharing a number cannot exchange files (DOMAIN.md §4.8).

export interface Partner {
  id: number;
  office: string;
  service: string;
  name: string;
  exchangesData: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerInput {
  office: string;
  service: string;
  name: string;
  exchangesData: boolean;
}

export interface PartnerProblem {
  field: 'office' | 'service' | 'name';
  message: string;
}

interface Row {
  id: number;
  office: string;
  service: string;
  name: string;
  exchanges_data: number;
  created_at: string;
  updated_at: string;
}

const toPartner = (r: Row): Partner => ({
  id: r.id,
  office: r.office,
  service: r.service,
  name: r.name,
  exchangesData: r.exchanges_data === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Field problems of an input, in Japanese; ownOffice: the office's own 事業所番号 (refused as a partner). */
export function partnerProblems(input: PartnerInput, ownOffice?: string | null): PartnerProblem[] {
  const problems: PartnerProblem[] = [];
  const office = officeNumberProblem('連携先', input.office);
  if (office) problems.push({ field: 'office', message: office });
  else if (ownOffice && input.office === ownOffice)
    problems.push({ field: 'office', message: '自事業所と同じ事業所番号は連携先にできません（送受信できません）。' });
  if (!/^[0-9A-Z]{2}$/.test(input.service))
    problems.push({ field: 'service', message: 'サービス種類コードは2桁（例: 11 訪問介護）で入力してください。' });
  const name = input.name.trim();
  if (
    name.length === 0 ||
    name.length > 80 ||
    [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  )
    problems.push({ field: 'name', message: '事業所名を80文字以内で入力してください（改行は使えません）。' });
  return problems;
}

export interface PartnerBookOptions {
  db: () => SqliteDb;
  clock: () => Date;
  /** The office's own 事業所番号 (from the profile), when known. */
  ownOffice: () => string | null;
}

export interface PartnerBook {
  list(): Partner[];
  get(id: number): Partner | null;
  find(office: string, service: string): Partner | null;
  /** Adds or updates (by 事業所番号 + サービス種類). Throws CAREPLAN_SELF_SEND / CAREPLAN_PARTNER_INVALID. */
  save(input: PartnerInput): Partner;
  remove(id: number): void;
}

export function createPartnerBook(options: PartnerBookOptions): PartnerBook {
  const get = (id: number) => {
    const row = options.db().get<Row>('SELECT * FROM careplan_partners WHERE id = ?', id);
    return row ? toPartner(row) : null;
  };
  const find = (office: string, service: string) => {
    const row = options
      .db()
      .get<Row>('SELECT * FROM careplan_partners WHERE office = ? AND service = ?', office, service);
    return row ? toPartner(row) : null;
  };
  return {
    list: () => options.db().all<Row>('SELECT * FROM careplan_partners ORDER BY name, office, service').map(toPartner),
    get,
    find,
    save(input) {
      const own = options.ownOffice();
      const problems = partnerProblems(input, own);
      if (own && input.office === own) throw new KaigoError('CAREPLAN_SELF_SEND');
      if (problems.length > 0) throw new KaigoError('CAREPLAN_PARTNER_INVALID', problems.map((p) => p.field).join(','));
      const now = options.clock().toISOString();
      options.db().run(
        `INSERT INTO careplan_partners (office, service, name, exchanges_data, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (office, service) DO UPDATE SET name = excluded.name,
             exchanges_data = excluded.exchanges_data, updated_at = excluded.updated_at`,
        input.office,
        input.service,
        input.name.trim(),
        input.exchangesData ? 1 : 0,
        now,
        now,
      );
      return find(input.office, input.service)!;
    },
    remove(id) {
      const r = options.db().run('DELETE FROM careplan_partners WHERE id = ?', id);
      if (r.changes === 0) throw new KaigoError('CAREPLAN_PARTNER_NOT_FOUND');
    },
  };
}
