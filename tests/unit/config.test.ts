import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOfficeNumber,
  officeNumberCheckDigit,
  PROVISIONED_MARKER,
  resolveRuntime,
  validateConfiguration,
} from '../../electron/services/config';
import { tempDir } from '../support/temp';

let pem: string;
let fingerprint: string;
const dir = tempDir('kd-config-');

beforeAll(() => {
  // A real certificate made by openssl, the independent tool, as the trust anchor.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=Training Root',
      '-keyout',
      path.join(dir.path, 'ca.key'),
      '-out',
      path.join(dir.path, 'ca.pem'),
    ],
    { stdio: 'ignore' },
  );
  pem = fs.readFileSync(path.join(dir.path, 'ca.pem'), 'utf8');
  fingerprint = execFileSync('openssl', [
    'x509',
    '-in',
    path.join(dir.path, 'ca.pem'),
    '-noout',
    '-fingerprint',
    '-sha256',
  ])
    .toString()
    .trim()
    .split('=')[1]!;
});
afterAll(() => dir.remove());

const valid = () => ({
  schemaVersion: 1,
  endpoint: 'https://kaigo-web.example.jp/api',
  trustAnchors: [{ pem, sha256: fingerprint }],
  offices: [
    { officeNumber: '1310100019', serviceType: '43', name: '練馬ケアプランセンター', billingSystemId: 'KJ1234567' },
    { officeNumber: '1370100016', serviceType: '11', name: '練馬訪問介護', billingSystemId: 'KJ7654321' },
  ],
  cardReader: 'Virtual PCD 00 00',
  freshnessHours: 24,
  idleLockMinutes: 10,
  offlineUnlockHours: 72,
  certificateDropFolder: '/srv/kaigo/drop',
});

describe('事業所番号 check digit (DOMAIN.md §2.16)', () => {
  it('computes modulus 10 weights 2-1 from the right, products split into digits', () => {
    // 1 3 1 0 1 0 0 0 1 → weights 2 1 2 1 2 1 2 1 2 (from the left here) → 2+3+2+0+2+0+0+0+2 = 11 → 9
    expect(officeNumberCheckDigit('131010001')).toBe(9);
    // 7 × 2 = 14 counts 1 + 4: 0 0 0 0 0 0 0 0 7 → 5 → 5
    expect(officeNumberCheckDigit('000000007')).toBe(5);
    // letter 区分 A = 10: weight 2 (third from the left is seventh from the right → weight 2) → 20 → 2 → 8
    expect(officeNumberCheckDigit('00A000000')).toBe(8);
    expect(checkOfficeNumber('1310100019')).toBeNull();
    expect(checkOfficeNumber('1310100018')).toBe('check-digit');
    expect(checkOfficeNumber('00A0000008')).toBeNull();
    expect(checkOfficeNumber('00I0000008')).toBe('shape');
    expect(checkOfficeNumber('131010001')).toBe('shape');
  });
});

describe('configuration schema', () => {
  it('accepts a valid file and fills defaults', () => {
    const result = validateConfiguration(valid());
    expect(result.ok).toBe(true);
    const minimal = { ...valid() } as Record<string, unknown>;
    delete minimal.freshnessHours;
    delete minimal.cardReader;
    const r2 = validateConfiguration(minimal);
    expect(r2.ok && r2.config.freshnessHours).toBe(24);
    expect(r2.ok && r2.config.cardReader).toBeNull();
  });

  const cases: Array<[string, (c: ReturnType<typeof valid>) => unknown, string, RegExp]> = [
    ['http endpoint', (c) => ({ ...c, endpoint: 'http://x.example' }), 'endpoint', /https/],
    ['missing endpoint', ({ endpoint: _e, ...c }) => c, 'endpoint', /必須/],
    [
      'bad check digit',
      (c) => ({ ...c, offices: [{ ...c.offices[0], officeNumber: '1310100018' }] }),
      'offices.0.officeNumber',
      /検証番号/,
    ],
    [
      'short office number',
      (c) => ({ ...c, offices: [{ ...c.offices[0], officeNumber: '13101' }] }),
      'offices.0.officeNumber',
      /10桁/,
    ],
    [
      'bad service type',
      (c) => ({ ...c, offices: [{ ...c.offices[0], serviceType: '4' }] }),
      'offices.0.serviceType',
      /サービス種類/,
    ],
    [
      'billing ID without KJ',
      (c) => ({ ...c, offices: [{ ...c.offices[0], billingSystemId: 'AB123' }] }),
      'offices.0.billingSystemId',
      /KJ/,
    ],
    ['no offices', (c) => ({ ...c, offices: [] }), 'offices', /1つ以上/],
    ['duplicate office', (c) => ({ ...c, offices: [c.offices[0], c.offices[0]] }), 'offices.1', /重複/],
    ['not a certificate', (c) => ({ ...c, trustAnchors: [{ pem: 'hello' }] }), 'trustAnchors.0.pem', /PEM/],
    [
      'corrupt certificate',
      (c) => ({ ...c, trustAnchors: [{ pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }] }),
      'trustAnchors.0.pem',
      /読み取れません/,
    ],
    [
      'wrong pin',
      (c) => ({ ...c, trustAnchors: [{ pem, sha256: '00'.repeat(32) }] }),
      'trustAnchors.0.sha256',
      /一致しません/,
    ],
    ['unknown key', (c) => ({ ...c, colour: 'blue' }), '(全体)', /不明な項目.*colour/],
    ['negative freshness', (c) => ({ ...c, freshnessHours: -1 }), 'freshnessHours', /小さすぎ/],
    ['wrong schema version', (c) => ({ ...c, schemaVersion: 2 }), 'schemaVersion', /schemaVersion は 1/],
  ];

  it.each(cases)('gives its own message for %s', (_label, mutate, field, message) => {
    const result = validateConfiguration(mutate(valid()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });
});

describe('runtime mode', () => {
  const host = (root: string) => ({
    platform: 'linux' as const,
    homeDir: root,
    env: { KAIGO_CONFIG: path.join(root, 'etc', 'config.json'), KAIGO_DATA_DIR: path.join(root, 'data') },
  });
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };

  it('is training only with no configuration and no provisioning', () => {
    const root = tempDir();
    const rt = resolveRuntime(host(root.path));
    expect(rt.mode).toBe('training');
    expect(rt.dataDir).toBe(path.join(root.path, 'data', 'training'));
    root.remove();
  });

  it('is configured with a valid machine file, and a per-user file overrides top-level keys', () => {
    const root = tempDir();
    const h = host(root.path);
    write(h.env.KAIGO_CONFIG, JSON.stringify(valid()));
    write(path.join(root.path, 'data', 'config.json'), JSON.stringify({ cardReader: 'Reader B' }));
    const rt = resolveRuntime(h);
    expect(rt.mode).toBe('configured');
    expect(rt.config?.cardReader).toBe('Reader B');
    expect(rt.dataDir).toBe(path.join(root.path, 'data'));
    root.remove();
  });

  it.each([
    ['unparseable JSON', '{ "schemaVersion": 1,', /JSON/],
    ['a JSON array', '[]', /オブジェクト/],
    ['an invalid field', JSON.stringify({ ...valid(), offices: [] }), /1つ以上/],
  ])('never starts training mode for %s', (_label, content, message) => {
    const root = tempDir();
    const h = host(root.path);
    write(h.env.KAIGO_CONFIG, content);
    const rt = resolveRuntime(h);
    expect(rt.mode).toBe('misconfigured');
    expect(rt.config).toBeNull();
    expect(rt.problems[0]!.file).toBe(h.env.KAIGO_CONFIG);
    expect(rt.problems.map((p) => p.message).join()).toMatch(message);
    root.remove();
  });

  it('never starts training mode for a provisioned user whose configuration vanished', () => {
    const root = tempDir();
    write(path.join(root.path, 'data', PROVISIONED_MARKER), '{}');
    expect(resolveRuntime(host(root.path)).mode).toBe('misconfigured');
    root.remove();
  });
});
