import type { SqliteDb } from '../../../native/sqlite';
import { normaliseKana } from '../text';
import type { SnapshotBodies } from './schemas';

// The `persons` lookup table (cache migration 1): one row per insured person, refreshed from each fetched
// 被保険者証. Persons are keyed and matched on 保険者番号 + 被保険者番号, never on the name (UX.md rule 8); the kana
// column is normalised so prefix search is one B-tree range.

export const personKeyOf = (insurerNumber: string, insuredNumber: string) => `${insurerNumber}-${insuredNumber}`;

export interface PersonRow {
  personKey: string;
  insurerNumber: string;
  insuredNumber: string;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: string | null;
}

/** The columns of `persons` that make a PersonRow, and their mapping (shared with search.ts). */
export const PERSON_COLUMNS = 'person_key, insurer_number, insured_number, name, name_kana, birth_date, sex';

export interface PersonDbRow {
  person_key: string;
  insurer_number: string;
  insured_number: string;
  name: string;
  name_kana: string;
  birth_date: string | null;
  sex: string | null;
}

export const toPersonRow = (r: PersonDbRow): PersonRow => ({
  personKey: r.person_key,
  insurerNumber: r.insurer_number,
  insuredNumber: r.insured_number,
  name: r.name,
  nameKana: r.name_kana,
  birthDate: r.birth_date,
  sex: r.sex,
});

export interface PersonsRepository {
  /** Inserts or refreshes the person described by a 被保険者証 body. */
  upsertFromCard(card: SnapshotBodies['insured-card'], updatedAt: Date): string;
  /** The same for many cards, in one transaction. */
  upsertManyFromCards(cards: ReadonlyArray<SnapshotBodies['insured-card']>, updatedAt: Date): void;
  get(personKey: string): PersonRow | null;
  remove(personKey: string): void;
}

export function personsRepository(db: () => SqliteDb): PersonsRepository {
  const upsert = (card: SnapshotBodies['insured-card'], at: string) => {
    const key = personKeyOf(card.insurerNumber, card.insuredNumber);
    db().run(
      `INSERT INTO persons (person_key, insurer_number, insured_number, name, name_kana, kana_key, birth_date, sex, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (person_key) DO UPDATE SET name = excluded.name, name_kana = excluded.name_kana,
         kana_key = excluded.kana_key, birth_date = excluded.birth_date, sex = excluded.sex, updated_at = excluded.updated_at`,
      key,
      card.insurerNumber,
      card.insuredNumber,
      card.name ?? '',
      card.nameKana ?? '',
      normaliseKana(card.nameKana ?? ''),
      card.birthDate ?? null,
      card.sex ?? null,
      at,
    );
    return key;
  };
  return {
    upsertFromCard: (card, updatedAt) => upsert(card, updatedAt.toISOString()),
    upsertManyFromCards(cards, updatedAt) {
      const at = updatedAt.toISOString();
      db().transaction(() => {
        for (const card of cards) upsert(card, at);
      });
    },
    get(personKey) {
      const row = db().get<PersonDbRow>(`SELECT ${PERSON_COLUMNS} FROM persons WHERE person_key = ?`, personKey);
      return row ? toPersonRow(row) : null;
    },
    remove(personKey) {
      db().run('DELETE FROM persons WHERE person_key = ?', personKey);
    },
  };
}
