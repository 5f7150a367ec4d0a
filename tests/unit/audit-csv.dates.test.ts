import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditCsv, japanDayRange, neutraliseCell, rowMac, type AuditRow } from '../../electron/services/audit';

function row(seq: number, over: Partial<AuditRow> = {}): AuditRow {
  const base = {
    seq,
    time: '2026-11-20T15:30:00.000Z',
    staffId: 'staff01',
    action: 'export',
    subject: null,
    detail: '{"rows":3}',
    ...over,
  };
  return { ...base, mac: rowMac(randomBytes(32), Buffer.alloc(32), base) };
}

describe('audit CSV export', () => {
  const csv = auditCsv([row(1), row(2, { staffId: '=HYPERLINK("x")', action: 'view', detail: null })]);

  it('starts with a UTF-8 BOM, uses CRLF and Japanese headers', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"連番","日時（日本時間）","職員ID","操作","操作コード","対象（鍵付きハッシュ）","詳細"');
    expect(lines).toHaveLength(4); // header, two rows, empty after the last CRLF
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('prints Japan time and Japanese action names', () => {
    // 15:30 UTC on the 20th is 00:30 on the 21st in Japan.
    expect(csv).toContain('"1","2026-11-21 00:30:00","staff01","ファイル出力","export","","rows=3"');
    expect(csv).toContain('"閲覧"');
  });

  it('names the paper-entry and reception actions in Japanese', () => {
    const more = auditCsv([
      row(3, { action: 'paper-entry', detail: '{"kind":"INSURED-CARD","source":"PAPER"}' }),
      row(4, { action: 'reception', detail: '{"reception":"QUEUED"}' }),
    ]);
    expect(more).toContain('"紙の証の入力","paper-entry"');
    expect(more).toContain('"障害時受付","reception"');
    expect(more).not.toContain('不明な操作');
  });

  it('neutralises formula cells and doubles quotes', () => {
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary cells alone', () => {
    expect(neutraliseCell('staff01')).toBe('staff01');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('export ranges in Japan days', () => {
  it('maps Japan calendar days to UTC instants', () => {
    expect(japanDayRange('2026-04-01', '2026-04-30')).toEqual({
      fromIso: '2026-03-31T15:00:00.000Z',
      toIso: '2026-04-30T15:00:00.000Z',
    });
  });

  it('refuses impossible dates and reversed ranges', () => {
    expect(japanDayRange('2026-02-30')).toBeNull();
    expect(japanDayRange(undefined, 'tomorrow')).toBeNull();
    expect(japanDayRange('2026-05-01', '2026-04-01')).toBeNull();
  });
});
