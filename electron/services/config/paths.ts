import path from 'node:path';

// Where Kaigo Desk keeps its files (DESIGN.md §4): one machine-wide configuration, per-user override and data.
// Pure functions of platform + environment so tests can cover every OS from Linux.

export interface HostInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
}

export function machineConfigPath(host: HostInfo): string {
  if (host.env.KAIGO_CONFIG) return host.env.KAIGO_CONFIG;
  switch (host.platform) {
    case 'win32':
      return path.win32.join(host.env.ProgramData ?? 'C:\\ProgramData', 'KaigoDesk', 'config.json');
    case 'darwin':
      return '/Library/Application Support/KaigoDesk/config.json';
    default:
      return '/etc/kaigo-desk/config.json';
  }
}

/** Per-user app data (Electron's userData location, computed the same way so the CLI agrees with the app). */
export function userDataDir(host: HostInfo): string {
  if (host.env.KAIGO_DATA_DIR) return host.env.KAIGO_DATA_DIR;
  switch (host.platform) {
    case 'win32':
      return path.win32.join(host.env.APPDATA ?? path.win32.join(host.homeDir, 'AppData', 'Roaming'), 'KaigoDesk');
    case 'darwin':
      return path.posix.join(host.homeDir, 'Library', 'Application Support', 'KaigoDesk');
    default:
      return path.posix.join(host.env.XDG_CONFIG_HOME || path.posix.join(host.homeDir, '.config'), 'KaigoDesk');
  }
}

export function userConfigPath(host: HostInfo): string {
  if (host.env.KAIGO_USER_CONFIG) return host.env.KAIGO_USER_CONFIG;
  const join = host.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(userDataDir(host), 'config.json');
}

/** Training mode keeps its own data folder so practice data never mixes with real records. */
export function trainingDataDir(host: HostInfo): string {
  const join = host.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(userDataDir(host), 'training');
}
