import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app';
import { testHost } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';

// An invalid configuration shows an error screen naming file and field — never training data (DESIGN.md §4).
let world: E2eWorld;
let configFile: string;

beforeAll(async () => {
  world = await openE2eWorld({
    app: async () => {
      const host = testHost();
      configFile = host.host.env.KAIGO_CONFIG!;
      fs.mkdirSync(path.dirname(configFile), { recursive: true });
      fs.writeFileSync(
        configFile,
        JSON.stringify({ schemaVersion: 1, endpoint: 'http://insecure.example', offices: [] }),
      );
      const app = await createApp({ host: host.host });
      return { app, remove: async () => (await app.close(), host.remove()) };
    },
  });
});

afterAll(async () => world?.close());

describe('invalid configuration', () => {
  it('shows the error screen with file and field, and no training band', async () => {
    const { page } = world;
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    const text = await alert.first().textContent();
    expect(text).toContain('設定ファイルに問題がある');
    expect(text).toContain('endpoint');
    expect(text).toContain('trustAnchors');
    expect(text).toContain(configFile);
    expect(await page.locator('.training-band').count()).toBe(0);
    await world.shot('config-error');
  });
});
