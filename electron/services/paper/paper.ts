import type { SqliteDb } from '../../../native/sqlite';
import { parseSnapshotBody, personKeyOf, type SnapshotBodies } from '../cache';
import { KaigoError } from '../errors';

// Paper is a main path (UX.md rule 6): a 被保険者証, 負担割合証 or 負担限度額認定証 entered by hand gets the same
// validation as data from the service and is stored in the records database (never silently rebuilt), marked with
// its source so every view can say 「紙で確認」 or 「申立（未確認）」.

export type PaperKind = 'insured-card' | 'burden-ratio' | 'burden-limit';
export const PAPER_KINDS: readonly PaperKind[] = ['insured-card', 'burden-ratio', 'burden-limit'];

/** 紙で確認: staff saw the paper document. 申立: the client's own statement (e.g. during an outage), not yet checked. */
export type PaperSource = 'paper' | 'declaration';

export const PAPER_SOURCE_LABELS: Record<PaperSource, string> = { paper: '紙で確認', declaration: '申立（未確認）' };

export interface PaperEntry<K extends PaperKind = PaperKind> {
  id: number;
  personKey: string;
  kind: K;
  source: PaperSource;
  enteredAt: string;
  enteredBy: string;
  validFrom: string | null;
  validTo: string | null;
  body: SnapshotBodies[K];
}

interface Row {
  id: number;
  person_key: string;
  kind: PaperKind;
  entered_at: string;
  entered_by: string;
  valid_from: string | null;
  valid_to: string | null;
  body: string;
}

function period(kind: PaperKind, body: SnapshotBodies[PaperKind]): { from: string | null; to: string | null } {
  if (kind === 'insured-card') {
    const card = body as SnapshotBodies['insured-card'];
    return { from: card.certificationPeriod?.from ?? null, to: card.certificationPeriod?.to ?? card.expiresOn ?? null };
  }
  const withPeriod = body as SnapshotBodies['burden-ratio'];
  return { from: withPeriod.period.from, to: withPeriod.period.to };
}

export interface PaperRecords {
  /** Validates like online data; throws PAPER_INVALID naming nothing personal. */
  enter<K extends PaperKind>(input: { kind: K; body: unknown; source: PaperSource; staffId: string }): PaperEntry<K>;
  latest<K extends PaperKind>(personKey: string, kind: K): PaperEntry<K> | null;
  list(personKey: string): PaperEntry[];
  /** The newest entries of the office, newest first (the 紙で確認 list). */
  recent(limit: number): PaperEntry[];
}

export function paperRecords(db: () => SqliteDb, clock: () => Date): PaperRecords {
  const toEntry = (r: Row): PaperEntry => {
    const stored = JSON.parse(r.body) as { source: PaperSource; body: SnapshotBodies[PaperKind] };
    return {
      id: r.id,
      personKey: r.person_key,
      kind: r.kind,
      source: stored.source,
      enteredAt: r.entered_at,
      enteredBy: r.entered_by,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      body: stored.body,
    };
  };
  return {
    enter({ kind, body, source, staffId }) {
      if (!PAPER_KINDS.includes(kind)) throw new KaigoError('PAPER_INVALID', 'kind');
      const parsed = parseSnapshotBody(kind, body);
      if (!parsed) throw new KaigoError('PAPER_INVALID', kind);
      if (!/^[\x21-\x7e]{1,64}$/.test(staffId)) throw new KaigoError('PAPER_INVALID', 'staff');
      const { insurerNumber, insuredNumber } = parsed as { insurerNumber: string; insuredNumber: string };
      // Persons are matched on 保険者番号 + 被保険者番号, never on the name (UX.md rule 8).
      const personKey = personKeyOf(insurerNumber, insuredNumber);
      const { from, to } = period(kind, parsed);
      const { lastInsertRowid } = db().run(
        `INSERT INTO paper_certificates (person_key, kind, entered_at, entered_by, valid_from, valid_to, body)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        personKey,
        kind,
        clock().toISOString(),
        staffId,
        from,
        to,
        JSON.stringify({ source, body: parsed }),
      );
      const row = db().get<Row>('SELECT * FROM paper_certificates WHERE id = ?', Number(lastInsertRowid))!;
      return toEntry(row) as PaperEntry<typeof kind>;
    },
    latest(personKey, kind) {
      const row = db().get<Row>(
        'SELECT * FROM paper_certificates WHERE person_key = ? AND kind = ? ORDER BY entered_at DESC, id DESC LIMIT 1',
        personKey,
        kind,
      );
      return row ? (toEntry(row) as PaperEntry<typeof kind>) : null;
    },
    list(personKey) {
      return db()
        .all<Row>('SELECT * FROM paper_certificates WHERE person_key = ? ORDER BY entered_at DESC, id DESC', personKey)
        .map(toEntry);
    },
    recent(limit) {
      return db()
        .all<Row>('SELECT * FROM paper_certificates ORDER BY entered_at DESC, id DESC LIMIT ?', limit)
        .map(toEntry);
    },
  };
}
