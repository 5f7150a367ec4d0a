import {
  CarePlanStreamReader,
  encodeCarePlanFile,
  parseCarePlanFile,
  type CarePlanFile,
} from '../../electron/services/careplan';
import { seededRandom } from '../../electron/training/data';

// Care-plan fuzzing shared by the bounded CI run (tests/unit/careplan-fuzz.test.ts) and the 100,000-file soak
// (tests/bench/soak/careplan-fuzz.mjs): mutations of a valid file (truncated, bytes flipped to interesting values,
// random bytes spliced in, a huge field, stray quotes, the text re-encoded as UTF-8, duplicated lines) and the
// properties every read must keep. Problems are returned as short strings, never thrown, so a long run reports them
// all with the seed and the index that replays each one.

const INTERESTING = [0x22, 0x2c, 0x0d, 0x0a, 0x81, 0x82, 0xa0, 0xe0, 0xef, 0xf0, 0xfc, 0xfd, 0xff, 0x00, 0x7f];
const NOW = new Date('2025-01-10T00:00:00Z');

/** The project's seeded PRNG (mulberry32), so a failing run can be replayed. */
export const prng = (seed: number): (() => number) => seededRandom(seed).next;

export function mutate(rnd: () => number, input: Uint8Array): Buffer {
  const pick = (n: number) => Math.floor(rnd() * n);
  const bytes = Buffer.from(input);
  switch (pick(7)) {
    case 0: // truncate
      return bytes.subarray(0, pick(bytes.length));
    case 1: {
      // flip some bytes to interesting values
      for (let k = pick(8) + 1; k > 0; k--) bytes[pick(bytes.length)] = INTERESTING[pick(INTERESTING.length)]!;
      return bytes;
    }
    case 2: // random bytes spliced in
      return Buffer.concat([
        bytes.subarray(0, pick(bytes.length)),
        Buffer.from(Array.from({ length: pick(64) }, () => pick(256))),
        bytes.subarray(pick(bytes.length)),
      ]);
    case 3: // a huge field
      return Buffer.concat([bytes.subarray(0, 60), Buffer.alloc(200_000 + pick(100_000), 0x41), bytes.subarray(60)]);
    case 4: // stray quotes
      return Buffer.concat([
        bytes.subarray(0, pick(bytes.length)),
        Buffer.from('"x"y"'),
        bytes.subarray(pick(bytes.length)),
      ]);
    case 5: // wrong encoding: the same text as UTF-8
      return Buffer.from(bytes.toString('latin1'), 'utf8');
    default: // duplicated and shuffled lines
      return Buffer.concat([bytes, bytes.subarray(pick(bytes.length))]);
  }
}

/** Reads one input and lists what is wrong with the result (empty when the codec behaved). */
export function readProblems(name: string, bytes: Uint8Array): { file: CarePlanFile | null; problems: string[] } {
  const problems: string[] = [];
  let file: CarePlanFile;
  try {
    file = parseCarePlanFile(name, bytes, { now: NOW });
  } catch (e) {
    return { file: null, problems: [`threw ${(e as Error).name}`] };
  }
  const counted = file.counts.error + file.counts.warning + file.counts.note;
  if (counted < file.issues.length) problems.push('counts below the number of findings');
  for (const i of file.issues)
    if (typeof i.message !== 'string' || /\bat .*\.ts:\d+|TypeError|RangeError|undefined/.test(i.message))
      problems.push(`malformed message for rule ${i.rule}`);
  if (file.kind && file.rows.length > 0 && file.rows.every((r) => r.fields.length === 25))
    try {
      encodeCarePlanFile(
        name,
        file.kind,
        file.rows.map((r) => r.fields),
      );
    } catch (e) {
      problems.push(`writer threw ${(e as Error).name}`);
    }
  return { file, problems };
}

/** The same bytes through the stream reader in random chunks: rows and counts must equal the whole-file read. */
export function chunkedProblems(rnd: () => number, name: string, bytes: Uint8Array, whole: CarePlanFile): string[] {
  const reader = new CarePlanStreamReader(name, { now: NOW });
  try {
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(rnd() * 300);
      reader.write(bytes.subarray(at, at + size));
      at += size;
    }
    const chunked = reader.end();
    const problems: string[] = [];
    if (JSON.stringify(chunked.rows) !== JSON.stringify(whole.rows)) problems.push('chunked rows differ');
    if (JSON.stringify(chunked.counts) !== JSON.stringify(whole.counts)) problems.push('chunked counts differ');
    return problems;
  } catch (e) {
    return [`stream reader threw ${(e as Error).name}`];
  }
}

export interface FuzzRun {
  count: number;
  /** Slowest single read, in ms (a hang shows here long before a timeout). */
  slowestMs: number;
  /** `#index: problem`, replayable with the same seed. */
  problems: string[];
}

/** `count` mutations of `valid` from `seed`, each read whole and in chunks. */
export function fuzzCarePlan(options: { name: string; valid: Uint8Array; seed: number; count: number }): FuzzRun {
  const rnd = prng(options.seed);
  const problems: string[] = [];
  let slowestMs = 0;
  for (let n = 0; n < options.count; n++) {
    const bytes = mutate(rnd, options.valid);
    const started = performance.now();
    const { file, problems: found } = readProblems(options.name, bytes);
    if (file) found.push(...chunkedProblems(rnd, options.name, bytes, file));
    slowestMs = Math.max(slowestMs, performance.now() - started);
    for (const p of found) problems.push(`#${n}: ${p}`);
  }
  return { count: options.count, slowestMs, problems };
}
