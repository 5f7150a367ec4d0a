import type { Configuration } from '../config';

// Where updates come from: electron-updater's generic provider with the URL from the configuration (`updates`), so
// offices can host updates on their own server. No `updates` block, training mode or an invalid configuration: the
// app never looks for updates by itself (IT staff install new versions with the installer).

export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel: string;
}

export function updateFeed(runtime: { mode: string; config: Configuration | null }): GenericFeed | null {
  if (runtime.mode !== 'configured' || !runtime.config?.updates) return null;
  const { url, channel } = runtime.config.updates;
  return { provider: 'generic', url, channel };
}
