// Structured logging with an allow-list of value types: callers pass event names and small codes/counts only.
// Names, insured numbers, PINs, passwords, tokens and keys must never be passed here (DESIGN.md §4); a test scans
// logs for seeded values.

export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LogSink {
  write(line: string): void;
}

export function createLogger(sink: LogSink, clock: () => Date = () => new Date()): Logger {
  const emit = (level: string, event: string, fields?: LogFields) =>
    sink.write(JSON.stringify({ t: clock().toISOString(), level, event, ...fields }));
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function stderrLogger(): Logger {
  return createLogger({ write: (line) => process.stderr.write(line + '\n') });
}
