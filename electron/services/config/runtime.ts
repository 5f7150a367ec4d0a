import fs from 'node:fs';
import path from 'node:path';
import type { AppMode } from '../../contract/status';
import { machineConfigPath, trainingDataDir, userConfigPath, userDataDir, type HostInfo } from './paths';

export interface Runtime {
  mode: AppMode;
  dataDir: string;
  /** The configuration file in force, or null in training mode. */
  configPath: string | null;
  /** Why the configuration was refused (field path + reason), when mode is 'misconfigured'. */
  configProblem: string | null;
}

const PROVISIONED_MARKER = 'provisioned.json';

/**
 * Decides the mode. Training mode is never a fallback (DESIGN.md §4): it is chosen only when no configuration file
 * exists and this OS user was never provisioned. A file that exists but cannot be read or parsed gives
 * 'misconfigured', which the UI shows as an error screen.
 */
export function resolveRuntime(host: HostInfo, readFile = (p: string) => fs.readFileSync(p, 'utf8')): Runtime {
  const dataDir = userDataDir(host);
  const candidates = [userConfigPath(host), machineConfigPath(host)];
  for (const configPath of candidates) {
    let raw: string;
    try {
      raw = readFile(configPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { mode: 'misconfigured', dataDir, configPath, configProblem: 'ファイルを読み取れません' };
    }
    try {
      JSON.parse(raw);
    } catch {
      return { mode: 'misconfigured', dataDir, configPath, configProblem: 'JSONとして読み取れません' };
    }
    return { mode: 'configured', dataDir, configPath, configProblem: null };
  }
  if (fs.existsSync(path.join(dataDir, PROVISIONED_MARKER))) {
    return {
      mode: 'misconfigured',
      dataDir,
      configPath: null,
      configProblem: '設定ファイルが見つかりません（導入済みのPC）',
    };
  }
  return { mode: 'training', dataDir: trainingDataDir(host), configPath: null, configProblem: null };
}
