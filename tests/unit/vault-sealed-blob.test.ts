import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobKeyId, openBlob, sealBlob, BLOB_OVERHEAD } from '../../electron/services/vault/sealed-blob';

// The sealed-blob format on its own: AES-256-GCM with the header and the blob's name as authenticated data.

const key = crypto.randomBytes(32);
const keyId = crypto.randomBytes(8);

describe('sealed blob format', () => {
  it('round-trips, names its key id, and adds a fixed overhead', () => {
    const plain = Buffer.from('暗号化される内容', 'utf8');
    const blob = sealBlob('name', plain, key, keyId);
    expect(blob.length).toBe(plain.length + BLOB_OVERHEAD);
    expect(blobKeyId(blob)).toEqual(keyId);
    expect(openBlob('name', blob, key)).toEqual(plain);
    expect(openBlob('empty', sealBlob('empty', Buffer.alloc(0), key, keyId), key)).toEqual(Buffer.alloc(0));
  });

  it('refuses another name, another key, and any flipped bit', () => {
    const blob = sealBlob('name', Buffer.from('payload'), key, keyId);
    expect(() => openBlob('other', blob, key)).toThrow('authentication');
    expect(() => openBlob('name', blob, crypto.randomBytes(32))).toThrow('authentication');
    for (let byte = 0; byte < blob.length; byte++) {
      const edited = Buffer.from(blob);
      edited[byte]! ^= 0x80;
      expect(() => openBlob('name', edited, key), `byte ${byte}`).toThrow(/sealed blob/);
    }
  });

  it('refuses unknown versions and short input before decrypting', () => {
    const blob = sealBlob('name', Buffer.from('x'), key, keyId);
    const v2 = Buffer.from(blob);
    v2[4] = 2;
    expect(() => blobKeyId(v2)).toThrow('version');
    expect(() => blobKeyId(blob.subarray(0, BLOB_OVERHEAD - 1))).toThrow('format');
    expect(() => sealBlob('n', Buffer.from('x'), key.subarray(0, 16), keyId)).toThrow(RangeError);
  });
});
