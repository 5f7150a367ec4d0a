import { formatFileName, type OfficeRef } from '../file-name';
import { encodeRows } from '../encode';
import { issue, type CarePlanIssue } from '../issues';
import { LAYOUTS } from '../layouts';
import { readCarePlanFile, type CarePlanFile } from '../reader';
import { officialBenefitLimit } from '../../eligibility';
import { COLUMN_MAPS, MODELLED_KINDS, type ModelledKind } from './columns';
import { modelToRows, rowsToModel } from './rows';
import { checkSeventhTable } from './seventh-check';
import { overflowingFrames } from './shapes';
import { checkUnit } from './unit-check';
import type { ModelByKind, SeventhTable, Supplement } from './types';

// Files ⇄ model. A received file becomes model only when the validator found no error in it (warnings and notes are
// fine). A send unit (DOMAIN.md §4.6) is written as canonical files sharing one Japan-time ファイル連番; every
// written file is read back by the validator and the 第7表 is checked for consistency, so nothing malformed leaves.

export interface FileMeta {
  /** The file's base name. */
  file: string;
  /** 14-digit ファイル連番 (ascending = order of application). */
  sequence: string;
  sender: OfficeRef;
  receiver: OfficeRef;
  /** YYYYMM of the file name, for kinds that have it. */
  month?: string;
}

/** One file's content as model, discriminated by kind. */
export type ModelFile = { [K in ModelledKind]: FileMeta & { kind: K; content: ModelByKind[K] } }[ModelledKind];

export function isModelledKind(kind: string | undefined): kind is ModelledKind {
  return (MODELLED_KINDS as readonly string[]).includes(kind ?? '');
}

/** A validated file → model; refused (with the reason, in Japanese) when it has errors or is not modelled. */
export function fileToModel(read: CarePlanFile): { ok: true; value: ModelFile } | { ok: false; reason: string } {
  if (read.counts.error > 0) return { ok: false, reason: `${read.file}: エラーがあるため取り込めません。` };
  if (!read.name || !isModelledKind(read.kind))
    return { ok: false, reason: `${read.file}: この種別のファイルはまだ取り込みに対応していません。` };
  const kind = read.kind;
  const value = {
    file: read.file,
    sequence: read.name.sequence,
    sender: read.name.sender,
    receiver: read.name.receiver,
    ...(read.name.month !== undefined ? { month: read.name.month } : {}),
    kind,
    content: rowsToModel(
      kind,
      read.rows.map((r) => r.fields),
    ),
  } as ModelFile;
  return { ok: true, value };
}

/** One file of a send unit to write. */
export type UnitPart = { [K in ModelledKind]: { kind: K; month?: string; content: ModelByKind[K] } }[ModelledKind];

export interface SendUnitInput {
  from: OfficeRef;
  to: OfficeRef;
  /** The instant of the unit (injected clock); its Japan time is the ファイル連番. */
  at: Date;
  parts: readonly UnitPart[];
}

export interface WrittenFile {
  kind: ModelledKind;
  name: string;
  bytes: Uint8Array;
}

/** The 区分支給限度基準額 for a person and month: the printed value of 利用者補足情報, else the national master. */
export function benefitLimitFor(supplement: Supplement | undefined, month: string): number | null {
  if (!supplement) return null;
  if (supplement.benefitLimit !== null) return supplement.benefitLimit;
  return officialBenefitLimit(supplement.careLevel, `${month.slice(0, 4)}-${month.slice(4, 6)}-01`);
}

/** 第7表 consistency for a file's tables, with the limits of the unit's 利用者補足情報 (or the master). */
export function checkSeventhFile(
  file: string,
  tables: readonly SeventhTable[],
  supplements: readonly Supplement[] = [],
): CarePlanIssue[] {
  const found: CarePlanIssue[] = [];
  let row = 1;
  for (const t of tables) {
    const supplement = supplements.find((s) => s.insurer === t.insurer && s.insured === t.insured);
    const official = supplement
      ? officialBenefitLimit(supplement.careLevel, `${t.month.slice(0, 4)}-${t.month.slice(4)}-01`)
      : null;
    const limit = benefitLimitFor(supplement, t.month);
    found.push(...checkSeventhTable(t, { file, firstRow: row, benefitLimit: limit }));
    if (supplement && official !== null && supplement.benefitLimit !== null && supplement.benefitLimit !== official)
      found.push(
        issue(
          'note',
          'benefit-limit',
          { file },
          `被保険者番号 ${t.insured}: 利用者補足情報の区分支給限度基準額 ${supplement.benefitLimit} 単位が国の基準 ${official} 単位と異なります（市町村の上乗せの可能性があります。記載どおりに確認しました）。`,
        ),
      );
    row += t.rows.length;
  }
  return found;
}

/**
 * Writes a send unit: its composition and relation keys checked (unit-check.ts), each part as a canonical file
 * (MS932, CRLF, §4.4 name) read back by the validator, 第7表 checked. Returns the files, or every finding when
 * anything is wrong (then nothing should be written).
 */
export function writeSendUnit(
  input: SendUnitInput,
): { ok: true; files: WrittenFile[]; warnings: CarePlanIssue[] } | { ok: false; issues: CarePlanIssue[] } {
  const issues: CarePlanIssue[] = [];
  const warnings: CarePlanIssue[] = [];
  const files: WrittenFile[] = [];
  if (input.from.office === input.to.office)
    issues.push(
      issue(
        'error',
        'name-same-office',
        { file: '送信単位' },
        `送信元と送信先の事業所番号が同じです（${input.from.office}）。同じ事業所番号どうしでは送受信できません（ケアプランデータ連携の仕様）。`,
      ),
    );
  for (const i of checkUnit(input.parts)) (i.severity === 'error' ? issues : warnings).push(i);
  const supplements = input.parts.flatMap((p) => (p.kind === 'UPHOSOKU' ? p.content : []));
  for (const part of input.parts) {
    let name: string;
    try {
      name = formatFileName({
        kind: part.kind,
        ...(LAYOUTS[part.kind].monthInName ? { month: part.month ?? '' } : {}),
        sender: input.from,
        receiver: input.to,
        at: input.at,
      });
    } catch {
      issues.push(
        issue(
          'error',
          'model-input',
          { file: part.kind },
          'ファイル名を作れません（事業所番号・サービス種類・年月を確認してください）。',
        ),
      );
      continue;
    }
    // Frames beyond the columns (e.g. a 5th 緊急連絡先 from a send-unit JSON) would be dropped silently: refuse them.
    const shape = COLUMN_MAPS[part.kind].shape;
    if (shape)
      (part.content as unknown as Record<string, unknown>[]).forEach((entry, index) => {
        for (const { spec, length } of overflowingFrames(shape, entry))
          issues.push(
            issue(
              'error',
              'model-input',
              { file: name },
              `${index + 1}件目の${spec.label}が${length}件あります（この様式に書けるのは${spec.count}件までです）。`,
            ),
          );
      });
    const rows = modelToRows(part.kind, part.content as never);
    const encoded = encodeRows(name, LAYOUTS[part.kind], rows);
    if (!encoded.ok) {
      issues.push(...encoded.issues);
      continue;
    }
    const back = readCarePlanFile(name, encoded.bytes, { now: input.at });
    for (const i of back.issues) (i.severity === 'error' ? issues : warnings).push(i);
    if (part.kind === 'UPSIKYU')
      for (const i of checkSeventhFile(name, part.content, supplements))
        (i.severity === 'error' ? issues : warnings).push(i);
    files.push({ kind: part.kind, name, bytes: encoded.bytes });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, files, warnings };
}
