import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDropFolderCertificate, readP12File, readPasswordFile } from '../../electron/services/certificate';
import { thrownCode } from '../support/error-codes';
import { tempDir } from '../support/temp';

// The installer's files (issue 5 item 6): the password file's line break is not part of the password, odd password
// files are refused with one clear code, a huge .p12 is refused before it is read, and the drop folder pairs
// `<name>.p12` with `<name>.password`.

const dir = tempDir('kd-provision-files-');
afterAll(() => dir.remove());

function write(name: string, data: string | Buffer): string {
  const file = path.join(dir.path, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

const codeOf = thrownCode;

describe('readPasswordFile', () => {
  it.each([
    ['pw\n', 'pw'],
    ['pw\r\n', 'pw'],
    ['pw', 'pw'],
    ['\uFEFFパス ワード\n\n', 'パス ワード'],
    [' spaced ', ' spaced '],
  ])('%j → %j', (content, expected) => {
    expect(readPasswordFile(write(`pw-${Math.random()}`, content))).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['only a newline', '\n'],
    ['two lines', 'a\nb\n'],
    ['too large', 'x'.repeat(5000)],
  ])('refuses %s', (_name, content) => {
    expect(codeOf(() => readPasswordFile(write(`bad-${Math.random()}`, content)))).toBe(
      'CERT_PASSWORD_FILE_UNREADABLE',
    );
  });

  it('refuses a missing file and a folder', () => {
    expect(codeOf(() => readPasswordFile(path.join(dir.path, 'missing')))).toBe('CERT_PASSWORD_FILE_UNREADABLE');
    expect(codeOf(() => readPasswordFile(dir.path))).toBe('CERT_PASSWORD_FILE_UNREADABLE');
  });
});

describe('readP12File', () => {
  it('refuses a 50 MB file by its size and a missing one as unreadable', () => {
    const big = write('big.p12', '');
    fs.truncateSync(big, 50 * 1024 * 1024);
    expect(codeOf(() => readP12File(big))).toBe('CERT_FILE_TOO_LARGE');
    expect(codeOf(() => readP12File(path.join(dir.path, 'none.p12')))).toBe('CERT_FILE_UNREADABLE');
    expect(readP12File(write('small.p12', Buffer.from([0x30, 0x03]))).length).toBe(2);
  });
});

describe('findDropFolderCertificate', () => {
  it('finds nothing in a missing or empty folder', () => {
    expect(findDropFolderCertificate(path.join(dir.path, 'no-folder'))).toEqual({ kind: 'none' });
    fs.mkdirSync(path.join(dir.path, 'empty'));
    expect(findDropFolderCertificate(path.join(dir.path, 'empty'))).toEqual({ kind: 'none' });
  });

  it('pairs office.P12 with office.password and refuses two certificates', () => {
    write('drop/office.P12', Buffer.from([0x30, 0x00]));
    fs.chmodSync(write('drop/office.password', 'secret\n'), 0o640);
    write('drop/readme.txt', 'x');
    const found = findDropFolderCertificate(path.join(dir.path, 'drop'));
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(path.basename(found.passwordFile)).toBe('office.password');
    expect(found.files().password).toBe('secret');
    write('drop/other.pfx', Buffer.from([0x30, 0x00]));
    expect(codeOf(() => findDropFolderCertificate(path.join(dir.path, 'drop')))).toBe('CERT_DROP_FOLDER_AMBIGUOUS');
  });

  // The installer and this PC's users may read the password file, nobody else; only its owner may change it (README
  // 証明書の導入). Windows has no mode bits (the installer's ACL guards the folder).
  it.skipIf(process.platform === 'win32').each([
    [0o600, null],
    [0o640, null],
    [0o400, null],
    [0o644, 'CERT_DROP_PASSWORD_FILE_EXPOSED'],
    [0o604, 'CERT_DROP_PASSWORD_FILE_EXPOSED'],
    [0o642, 'CERT_DROP_PASSWORD_FILE_EXPOSED'],
    [0o660, 'CERT_DROP_PASSWORD_FILE_EXPOSED'],
    [0o666, 'CERT_DROP_PASSWORD_FILE_EXPOSED'],
  ])('password file mode %o → %s', (mode, code) => {
    const folder = `drop-mode-${mode.toString(8)}`;
    write(`${folder}/office.p12`, Buffer.from([0x30, 0x00]));
    fs.chmodSync(write(`${folder}/office.password`, 'secret\n'), mode);
    const found = findDropFolderCertificate(path.join(dir.path, folder));
    if (found.kind !== 'found') throw new Error('expected the drop folder certificate');
    if (code === null) expect(found.files().password).toBe('secret');
    else expect(codeOf(() => found.files())).toBe(code);
  });

  it('still reports a missing password file as unreadable', () => {
    write('drop-no-pw/office.p12', Buffer.from([0x30, 0x00]));
    const found = findDropFolderCertificate(path.join(dir.path, 'drop-no-pw'));
    if (found.kind !== 'found') throw new Error('expected the drop folder certificate');
    expect(codeOf(() => found.files())).toBe('CERT_PASSWORD_FILE_UNREADABLE');
  });
});
