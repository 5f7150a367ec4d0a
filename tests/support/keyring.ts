import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, waitFor } from './temp';

// A private D-Bus session with an unlocked gnome-keyring (Secret Service) under a temporary HOME, so tests use the
// real OS keychain without touching the machine's own (MACHINE.md "OS keychain").

export interface KeyringSession {
  /** Environment for child processes (HOME, XDG dirs, DBUS_SESSION_BUS_ADDRESS). */
  env: Record<string, string>;
  home: string;
  /** Points this process's keychain calls at the session (the native library reads the variable per call). */
  enterProcess(): void;
  stop(): Promise<void>;
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  for await (const chunk of child.stdout!) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.trim();
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startKeyringSession(): Promise<KeyringSession> {
  const home = tempDir('kd-home-');
  const runtimeDir = path.join(home.path, 'run');
  fs.mkdirSync(runtimeDir, { mode: 0o700 });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOME: home.path,
    XDG_DATA_HOME: path.join(home.path, '.local', 'share'),
    XDG_CONFIG_HOME: path.join(home.path, '.config'),
    XDG_RUNTIME_DIR: runtimeDir,
  };
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(bus);
  if (!address.startsWith('unix:')) throw new Error('dbus-daemon did not print an address');
  env.DBUS_SESSION_BUS_ADDRESS = address;

  const keyring = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--foreground'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin!.end('test-keyring-password');
  await waitFor('the Secret Service on the session bus', () =>
    execFileSync(
      'dbus-send',
      [
        '--session',
        '--dest=org.freedesktop.DBus',
        '--type=method_call',
        '--print-reply',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env },
    )
      .toString()
      .includes('boolean true'),
  );

  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  return {
    env,
    home: home.path,
    enterProcess() {
      process.env.DBUS_SESSION_BUS_ADDRESS = address;
    },
    async stop() {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
      await stopChild(keyring);
      await stopChild(bus);
      home.remove();
    },
  };
}

/** Environment with no D-Bus session at all: the keychain must be reported missing. */
export function envWithoutKeychain(home: string): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}
