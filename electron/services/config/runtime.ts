import fs from 'node:fs';
import path from 'node:path';
import type { AppMode } from '../../contract/status';
import { machineConfigPath, trainingDataDir, userConfigPath, userDataDir, type HostInfo } from './paths';
import { validateConfiguration, type ConfigProblem, type Configuration } from './schema';

export interface Runtime {
  mode: AppMode;
  dataDir: string;
  /** The configuration in force (null in training mode or when invalid). */
  config: Configuration | null;
  /** The file(s) read, machine-wide first; empty in training mode. */
  configFiles: string[];
  /** Every problem found, each naming file and field, when mode is 'misconfigured'. */
  problems: Array<ConfigProblem & { file: string }>;
}

/** Marker written by provisioning; its presence means this OS user must never fall back to training mode. */
export const PROVISIONED_MARKER = 'provisioned.json';

type ReadFile = (file: string) => string;

type Loaded = { kind: 'missing' } | { kind: 'ok'; value: Record<string, unknown> } | { kind: 'bad'; message: string };

function load(file: string, readFile: ReadFile): Loaded {
  let raw: string;
  try {
    raw = readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', message: 'ファイルを読み取れません（アクセス権を確認してください）' };
  }
  if (raw.length > 1_000_000) return { kind: 'bad', message: 'ファイルが大きすぎます（1MB以内）' };
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'bad', message: 'JSONとして読み取れません（括弧・カンマ・引用符を確認してください）' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'bad', message: '設定はJSONオブジェクト（{ … }）で書いてください' };
  }
  return { kind: 'ok', value: value as Record<string, unknown> };
}

/**
 * Decides the mode (DESIGN.md §4). Training mode is never a fallback: it is chosen only when no configuration file
 * exists and this OS user was never provisioned. A file that exists but is unreadable or invalid gives
 * 'misconfigured', shown as an error screen naming file and field.
 */
export function resolveRuntime(host: HostInfo, readFile: ReadFile = (p) => fs.readFileSync(p, 'utf8')): Runtime {
  const dataDir = userDataDir(host);
  const machineFile = machineConfigPath(host);
  const userFile = userConfigPath(host);
  const machine = load(machineFile, readFile);
  const user = load(userFile, readFile);
  const files = [machine.kind !== 'missing' ? machineFile : null, user.kind !== 'missing' ? userFile : null].filter(
    (f): f is string => f !== null,
  );

  if (files.length === 0) {
    if (fs.existsSync(path.join(dataDir, PROVISIONED_MARKER))) {
      return {
        mode: 'misconfigured',
        dataDir,
        config: null,
        configFiles: [],
        problems: [{ file: machineFile, field: '(全体)', message: '設定ファイルが見つかりません（導入済みのPCです）' }],
      };
    }
    return { mode: 'training', dataDir: trainingDataDir(host), config: null, configFiles: [], problems: [] };
  }

  const problems: Runtime['problems'] = [];
  if (machine.kind === 'bad') problems.push({ file: machineFile, field: '(全体)', message: machine.message });
  if (user.kind === 'bad') problems.push({ file: userFile, field: '(全体)', message: user.message });
  if (problems.length > 0) return { mode: 'misconfigured', dataDir, config: null, configFiles: files, problems };

  // The per-user file overrides top-level keys of the machine-wide one.
  const merged = { ...(machine.kind === 'ok' ? machine.value : {}), ...(user.kind === 'ok' ? user.value : {}) };
  const result = validateConfiguration(merged);
  if (!result.ok) {
    const blame = (field: string) => {
      const top = field.split('.')[0] ?? '';
      return user.kind === 'ok' && Object.hasOwn(user.value, top)
        ? userFile
        : machine.kind === 'ok'
          ? machineFile
          : userFile;
    };
    return {
      mode: 'misconfigured',
      dataDir,
      config: null,
      configFiles: files,
      problems: result.problems.map((p) => ({ ...p, file: blame(p.field) })),
    };
  }
  return { mode: 'configured', dataDir, config: result.config, configFiles: files, problems: [] };
}
