export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Exit codes shared by every command. */
export const EXIT = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  /** The command needs the OS keychain and there is none (the message says how to fix it). */
  NO_KEYCHAIN: 4,
} as const;
