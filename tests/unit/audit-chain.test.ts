import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRow,
  createAuditLog,
  describeVerifyResult,
  parseAuditEntry,
  type AuditHead,
  type AuditRow,
  type AuditRowStore,
  type HeadStore,
} from '../../electron/services/audit';
import { KaigoError } from '../../electron/services/errors';

// The chain logic over an in-memory row list. The same tampering against a real encrypted SQLite file and the
// built CLI is in tests/integration/audit-tamper.test.ts.

function memoryStore(initial: AuditRow[] = [], initialHighWater = 0) {
  const state = { rows: initial.map((r) => ({ ...r })), highWater: initialHighWater };
  const store: AuditRowStore = {
    transaction: (fn) => fn(),
    last: () => state.rows.at(-1) ?? null,
    at: (seq) => state.rows.find((r) => r.seq === seq) ?? null,
    insert(row) {
      state.rows.push({ ...row });
      state.highWater = Math.max(state.highWater, row.seq);
    },
    rows: (range) =>
      state.rows.filter((r) => (!range?.fromIso || r.time >= range.fromIso) && (!range?.toIso || r.time < range.toIso)),
    highWater: () => state.highWater,
  };
  return { store, state };
}

function memoryHead(): HeadStore & { value: AuditHead | null } {
  const h = {
    value: null as AuditHead | null,
    read: () => h.value,
    write: (head: AuditHead) => void (h.value = head),
  };
  return h;
}

function fixture(count: number) {
  const key = randomBytes(32);
  const { store, state } = memoryStore();
  const head = memoryHead();
  let t = Date.UTC(2026, 10, 20, 5, 0, 0);
  const audit = createAuditLog({ store, head, auditKey: key, clock: () => new Date((t += 1000)) });
  for (let i = 0; i < count; i++)
    audit.record({ staffId: 'staff01', action: 'view', subject: { kind: 'person', value: `123456789${i % 10}` } });
  return { key, store, state, head, audit };
}

describe('audit chain', () => {
  it('verifies an untouched chain and counts its rows', () => {
    const { audit } = fixture(10);
    expect(audit.verify()).toEqual({ kind: 'ok', count: 10, unsealed: 0 });
    expect(describeVerifyResult(audit.verify())).toBe('監査ログは正常です（10件）。');
  });

  it('an empty log with no head verifies', () => {
    const { store } = memoryStore();
    const audit = createAuditLog({ store, head: memoryHead(), auditKey: randomBytes(32) });
    expect(audit.verify()).toEqual({ kind: 'ok', count: 0, unsealed: 0 });
  });

  it('detects an edited row at its seq', () => {
    const { audit, state } = fixture(10);
    state.rows[4]!.action = 'print';
    expect(audit.verify()).toEqual({ kind: 'bad-row', seq: 5, reason: 'mac' });
  });

  it('detects a chain recomputed with unkeyed SHA-256 over edited rows', () => {
    const { audit, state } = fixture(10);
    state.rows[6]!.staffId = 'someone-else';
    let prev: Buffer = Buffer.alloc(32);
    for (const row of state.rows) {
      row.mac = createHash('sha256').update(prev).update(canonicalRow(row)).digest();
      prev = row.mac;
    }
    expect(audit.verify()).toEqual({ kind: 'bad-row', seq: 1, reason: 'mac' });
  });

  it('detects a row deleted in the middle', () => {
    const { audit, state } = fixture(10);
    state.rows.splice(3, 1);
    expect(audit.verify()).toEqual({ kind: 'bad-row', seq: 4, reason: 'missing' });
  });

  it('detects the last three rows deleted (the file remembers the higher seq)', () => {
    const { audit, state } = fixture(10);
    state.rows.splice(7, 3);
    const result = audit.verify();
    expect(result).toEqual({ kind: 'tail-deleted', headSeq: 10, fileSeq: 7 });
    expect(describeVerifyResult(result)).toContain('末尾が削除');
  });

  it('detects an older copy of the file put back', () => {
    const { key, state, head } = fixture(10);
    const older = memoryStore(state.rows.slice(0, 6), 6);
    const audit = createAuditLog({ store: older.store, head, auditKey: key });
    const result = audit.verify();
    expect(result).toEqual({ kind: 'older-file', headSeq: 10, fileSeq: 6 });
    expect(describeVerifyResult(result)).toContain('古い監査ログ');
  });

  it('a different key fails at the first row', () => {
    const { store } = fixture(3);
    expect(createAuditLog({ store, head: memoryHead(), auditKey: randomBytes(32) }).verify()).toEqual({
      kind: 'bad-row',
      seq: 1,
      reason: 'mac',
    });
  });

  it('detects rows without a sealed head (the head blob was removed)', () => {
    const { store, key } = fixture(3);
    expect(createAuditLog({ store, head: memoryHead(), auditKey: key }).verify()).toEqual({
      kind: 'head-missing',
      fileSeq: 3,
    });
  });

  it('accepts rows past the head (crash between commit and sealing) and seals again on the next append', () => {
    const { audit, head, state } = fixture(5);
    head.value = { seq: 4, mac: state.rows[3]!.mac };
    expect(audit.verify()).toEqual({ kind: 'ok', count: 5, unsealed: 1 });
    audit.record({ staffId: 'staff01', action: 'login' });
    expect(audit.verify()).toEqual({ kind: 'ok', count: 6, unsealed: 0 });
  });

  it('a crash between the first commit and the first head seal still verifies', () => {
    const { store, state } = memoryStore();
    const head = memoryHead();
    const crashing: HeadStore = {
      read: head.read,
      write(h) {
        if (h.seq > 0) throw new Error('killed before sealing');
        head.write(h);
      },
    };
    const key = randomBytes(32);
    expect(() =>
      createAuditLog({ store, head: crashing, auditKey: key }).record({ staffId: 's1', action: 'login' }),
    ).toThrow('killed');
    expect(state.rows).toHaveLength(1);
    expect(createAuditLog({ store, head, auditKey: key }).verify()).toEqual({ kind: 'ok', count: 1, unsealed: 1 });
  });

  it('an emptied file that remembers handed-out seqs, with its head removed, is not "ok"', () => {
    const { store, key, state } = fixture(3);
    state.rows.length = 0;
    expect(createAuditLog({ store, head: memoryHead(), auditKey: key }).verify()).toEqual({
      kind: 'head-missing',
      fileSeq: 0,
    });
  });

  it('does not move the head over a tampered tail: the evidence survives later appends', () => {
    const { audit, state } = fixture(10);
    state.rows.splice(7, 3);
    for (let i = 0; i < 5; i++) audit.record({ staffId: 'staff01', action: 'view' });
    expect(audit.verify().kind).not.toBe('ok');
  });

  it('does not move the head over an older file: the evidence survives later appends', () => {
    const { key, state, head } = fixture(10);
    const older = memoryStore(state.rows.slice(0, 6), 6);
    const audit = createAuditLog({ store: older.store, head, auditKey: key });
    for (let i = 0; i < 6; i++) audit.record({ staffId: 'staff01', action: 'view' });
    expect(audit.verify()).toEqual({ kind: 'head-mismatch', seq: 10 });
  });

  it('stores subjects only as keyed hashes', () => {
    const { state, audit } = fixture(3);
    const text = JSON.stringify(state.rows);
    expect(text).not.toContain('1234567890');
    expect(state.rows[0]!.subject).toMatch(/^person:[0-9a-f]{64}$/);
    expect(state.rows[0]!.subject).toBe(audit.subjectHash({ kind: 'person', value: '1234567890' }));
  });
});

describe('audit entry schema', () => {
  it('accepts counts and codes', () => {
    expect(
      parseAuditEntry({ staffId: 'kaigo.staff-01', action: 'export', detail: { rows: 12, format: 'CSV', ok: true } }),
    ).not.toBeNull();
  });

  it.each([
    ['free text', { staffId: 's1', action: 'view', detail: { note: '山田太郎さんを閲覧' } }],
    ['an insured number as a code', { staffId: 's1', action: 'view', detail: { code: 'H123456789' } }],
    ['an insured number as a count', { staffId: 's1', action: 'view', detail: { rows: 1234567890 } }],
    ['lower-case text', { staffId: 's1', action: 'view', detail: { reason: 'yamada' } }],
    ['an unknown action', { staffId: 's1', action: 'delete-everything' }],
    ['a name as staff ID', { staffId: '山田', action: 'view' }],
    ['an extra field', { staffId: 's1', action: 'view', name: 'x' }],
    [
      'too many detail keys',
      { staffId: 's1', action: 'view', detail: Object.fromEntries([...'abcdefghi'].map((k) => [k, 1])) },
    ],
  ])('refuses %s', (_label, entry) => {
    expect(parseAuditEntry(entry)).toBeNull();
  });

  it('record() raises AUDIT_INVALID_ENTRY and writes nothing', () => {
    const { audit, state } = fixture(1);
    expect(() => audit.record({ staffId: 's1', action: 'view', detail: { note: 'x y' } })).toThrow(KaigoError);
    expect(state.rows).toHaveLength(1);
  });
});
