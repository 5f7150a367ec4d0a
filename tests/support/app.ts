import path from 'node:path';
import { createApp, type AppOptions, type KaigoApp } from '../../electron/app';
import type { HostInfo } from '../../electron/services/config';
import { tempDir } from './temp';

/** A host whose every path lies in a fresh temp folder: no machine configuration, never provisioned. */
export function testHost(env: Record<string, string | undefined> = {}): { host: HostInfo; remove(): void } {
  const dir = tempDir('kd-app-');
  return {
    host: {
      platform: 'linux',
      homeDir: dir.path,
      env: {
        ...env,
        KAIGO_CONFIG: env.KAIGO_CONFIG ?? path.join(dir.path, 'etc', 'config.json'),
        KAIGO_DATA_DIR: env.KAIGO_DATA_DIR ?? path.join(dir.path, 'data'),
      },
    },
    remove: dir.remove,
  };
}

/**
 * A real app on a fresh test host; with `host`, on that host instead (e.g. a restart on the same data folder),
 * which the caller then removes.
 */
export async function createTestApp(
  options: AppOptions = {},
  host?: ReturnType<typeof testHost>,
): Promise<{ app: KaigoApp; remove(): Promise<void> }> {
  const t = host ?? testHost();
  const app = await createApp({ host: t.host, ...options });
  return {
    app,
    async remove() {
      await app.close();
      if (!host) t.remove();
    },
  };
}
