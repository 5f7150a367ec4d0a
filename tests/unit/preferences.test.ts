import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferenceStore } from '../../electron/services/config';
import { tempDir } from '../support/temp';

describe('per-user preferences', () => {
  it('remembers the chosen reader across instances', () => {
    const dir = tempDir();
    preferenceStore(path.join(dir.path, 'data')).update({ cardReader: 'Reader B' });
    expect(preferenceStore(path.join(dir.path, 'data')).read()).toEqual({ cardReader: 'Reader B' });
    dir.remove();
  });

  it.each([['{ broken'], ['[]'], ['{"cardReader": 5}'], ['{"unknown": true}']])(
    'ignores a damaged file (%s) and starts from defaults',
    (content) => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir.path, 'preferences.json'), content);
      expect(preferenceStore(dir.path).read()).toEqual({});
      expect(preferenceStore(dir.path).update({ cardReader: 'A' })).toEqual({ cardReader: 'A' });
      dir.remove();
    },
  );
});
