import type { ModelFile } from './files';
import type { PersonRef } from './types';

// What a file is about, for the ledger's "superseded" marks (UX.md rule 13): one subject per table × person ×
// relation key (DOMAIN.md §4.6). A deletion file covers the tables it removes (6表削除 → 第6・7表, 1表削除 → 第1–3表,
// 利用者基本情報_削除 → 基本情報 and 別表1/2 of the 相談日, 支援計画書_削除 → 支援計画書 and its 別表); 実績 subjects
// also name the provider, since each provider sends its own 実績.

const person = (p: PersonRef) => `${p.insurer}-${p.insured}`;

export function subjectsOf(file: ModelFile): string[] {
  const out = new Set<string>();
  const add = (table: string, p: PersonRef, key: string) => out.add(`${table}|${person(p)}|${key}`);
  switch (file.kind) {
    case 'UPPLAN':
      for (const t of file.content) add('6', t, t.month);
      break;
    case 'UPSIKYU':
      for (const t of file.content) add('7', t, t.month);
      break;
    case 'DLTPLAN':
      for (const d of file.content) for (const table of ['6', '7']) add(table, d, d.month);
      break;
    case 'UPJSK':
      for (const t of file.content)
        for (const i of t.items) add(`J:${i.provider}:${i.serviceCode.slice(0, 2)}`, t, t.month);
      break;
    case 'DLTJSK':
      for (const d of file.content) add(`J:${d.provider}:${d.serviceKind}`, d, d.month);
      break;
    case 'UPHOSOKU':
      for (const s of file.content) add('H', s, s.month !== '000000' ? s.month : s.planDate);
      break;
    case 'UP1KYO':
      for (const t of file.content) add('1', t, t.planDate);
      break;
    case 'UP2KYO':
      for (const t of file.content) add('2', t, t.planDate);
      break;
    case 'UP3KYO':
      for (const t of file.content) add('3', t, t.planDate);
      break;
    case 'DLT1KYO':
      for (const d of file.content) for (const table of ['1', '2', '3']) add(table, d, d.planDate);
      break;
    case 'UPKIHON':
      for (const b of file.content) add('K', b, b.consultedOn);
      break;
    case 'UPKIHON_SUB1':
      for (const t of file.content) add('K1', t, t.consultedOn);
      break;
    case 'UPKIHON_SUB2':
      for (const t of file.content) add('K2', t, t.consultedOn);
      break;
    case 'DLTKIHON':
      for (const d of file.content) for (const table of ['K', 'K1', 'K2']) add(table, d, d.consultedOn);
      break;
    case 'UPYOBO':
      for (const p of file.content) add('Y', p, p.planDate);
      break;
    case 'UPYOBO_SUB':
      for (const t of file.content) add('YS', t, t.planDate);
      break;
    case 'DLTYOBO':
      for (const d of file.content) for (const table of ['Y', 'YS']) add(table, d, d.planDate);
      break;
  }
  return [...out];
}
