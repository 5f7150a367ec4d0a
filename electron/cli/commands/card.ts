import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Pcsc } from '../../../native/pcsc';
import { ERROR_MESSAGES } from '../../contract/errors';
import {
  CardError,
  chooseReader,
  openCardSession,
  runCardCheck,
  type CardCheckResult,
  type CardSession,
} from '../../services/card';
import {
  cardFromState,
  cardStateOf,
  connectVpcd,
  issueUserAuthCard,
  loadCardState,
  saveCardState,
  TRAINING_CARDS,
  TRAINING_PIN,
  trainingCa,
  VirtualMyNumberCard,
  VPCD_DEFAULT_PORT,
} from '../../training/virtual-card';
import { EXIT, type CliIo } from '../io';
import { KaigoError } from '../../services/errors';
import { readSecretLine } from './secret-input';

export const cardHelp = [
  'card check [--reader 名前] [--visual [--reason 顔認証カード|暗証番号失念|認知症等|その他]] [--confirm-tries-left N] [--pin-file FILE]',
  '                       カードリーダーでマイナンバーカードの本人確認を試す（暗証番号は標準入力から、表示しません）',
  '  card virtual [--slot 0|1] [--port 35963] [--card normal|pinless|locked|one-try-left|expired|not-mynumber] [--pin 1234]',
  '                       [--pinless] [--tries N] [--state FILE]  練習用の仮想マイナンバーカードを vpcd に挿す（Ctrl+C で抜く）',
].join('\n');

/** Exit code when the check stopped before VERIFY because staff confirmation is missing. */
const EXIT_NEEDS_CONFIRMATION = 3;

interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  rest: string[];
}

function parseArgs(args: string[], flags: string[], valued: string[]): Parsed | string {
  const out: Parsed = { flags: new Set(), values: new Map(), rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (flags.includes(a)) out.flags.add(a);
    else if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) return `${a} に値が必要です`;
      out.values.set(a, v);
    } else return `不明な引数です: ${a}`;
  }
  return out;
}

export async function cardCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return cardCheck(rest, io);
  if (sub === 'virtual') return cardVirtual(rest, io);
  io.stderr(`使い方: kaigo-desk ${cardHelp}\n`);
  return EXIT.USAGE;
}

// ---- card check ----

function summary(result: CardCheckResult, reader: string, elapsedMs: number) {
  const cert = new crypto.X509Certificate(result.certificate);
  // Issuer (the CA), key size, length and expiry only: no serial, no subject (CARD.md §3: the serial is personal).
  return {
    ok: true,
    mode: result.mode,
    reader,
    triesLeft: result.triesLeft ?? null,
    issuer: cert.issuer.split('\n').join(', '),
    keyBits: cert.publicKey.asymmetricKeyDetails?.modulusLength ?? null,
    certificateBytes: result.certificate.length,
    notAfter: new Date(cert.validTo).toISOString(),
    signatureVerified: result.signature ? true : null,
    apdus: result.apdus,
    elapsedMs,
  };
}

/** Visual-check reasons staff pick (CARD.md §3); その他 is the default. */
const VISUAL_REASONS = ['顔認証カード', '暗証番号失念', '認知症等', 'その他'] as const;

/**
 * `--pin-file`: a file only its owner can read (mode 0600 or stricter), so the PIN never sits on the command line or
 * in a world-readable file. Returns an error text or the PIN source.
 */
function pinFileSource(file: string): string | (() => Promise<string>) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return '--pin-file を読めません';
  }
  if (!stat.isFile()) return '--pin-file はファイルではありません';
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
    return '--pin-file は所有者だけが読めるようにしてください（chmod 600）';
  return async () => (fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trim();
}

export async function cardCheck(args: string[], io: CliIo, pinSource = readSecretLine): Promise<number> {
  const parsed = parseArgs(args, ['--visual'], ['--reader', '--reason', '--pin-file', '--confirm-tries-left']);
  if (typeof parsed === 'string') {
    io.stderr(`card check: ${parsed}\n`);
    return EXIT.USAGE;
  }
  const mode = parsed.flags.has('--visual') ? 'visual' : 'pin';
  const reason = parsed.values.get('--reason') ?? (mode === 'visual' ? 'その他' : undefined);
  if (reason !== undefined && (mode !== 'visual' || !(VISUAL_REASONS as readonly string[]).includes(reason))) {
    io.stderr(`card check: --reason は --visual と一緒に ${VISUAL_REASONS.join(' / ')} のどれかを指定します\n`);
    return EXIT.USAGE;
  }
  // Protects real cards: with fewer than 3 tries left the PIN is sent only when the operator states the count.
  const confirmRaw = parsed.values.get('--confirm-tries-left');
  if (confirmRaw !== undefined && !/^[12]$/.test(confirmRaw)) {
    io.stderr('card check: --confirm-tries-left は 1 か 2 です（残り回数を確かめてから指定します）\n');
    return EXIT.USAGE;
  }
  const confirmedTries = confirmRaw === undefined ? null : Number(confirmRaw);
  const pinFile = parsed.values.get('--pin-file');
  if (pinFile !== undefined) {
    const source = pinFileSource(pinFile);
    if (typeof source === 'string') {
      io.stderr(`card check: ${source}\n`);
      return EXIT.USAGE;
    }
    pinSource = source;
  }
  const started = Date.now();
  // Loaded on use: the other commands must keep working on a machine whose PC/SC library is missing.
  const pcsc = await import('../../../native/pcsc').then(
    (m): Pcsc | null => m.openPcsc(),
    () => null,
  );
  let session: CardSession | null = null;
  let reader = '';
  try {
    if (!pcsc) throw new CardError('CARD_SERVICE_DOWN', 'no context');
    reader = chooseReader(pcsc, parsed.values.get('--reader')).reader;
    session = await openCardSession(pcsc, reader);
    const result = await runCardCheck(session.channel, {
      mode,
      // The count check below replaces the library's one-try gate (it covers every count under 3).
      confirmLastTry: true,
      readPin: (triesLeft) => {
        if (triesLeft < 3 && confirmedTries !== triesLeft) {
          return Promise.reject(new CardError('CARD_LAST_TRY_UNCONFIRMED', 'tries-left not confirmed', { triesLeft }));
        }
        if (pinFile === undefined) io.stderr(`暗証番号（数字4桁）を入力してください（残り ${triesLeft} 回）: `);
        return pinSource().catch(() => {
          throw new CardError('CARD_PIN_INVALID', 'no PIN entered');
        });
      },
    });
    io.stdout(JSON.stringify({ ...summary(result, reader, Date.now() - started), reason: reason ?? null }) + '\n');
    await recordInAuditLog(result, io);
    return EXIT.OK;
  } catch (err) {
    const error = err instanceof CardError ? err : null;
    const code = error?.code ?? 'INTERNAL';
    const tries = error?.triesLeft;
    io.stderr(`エラー（${code}）: ${ERROR_MESSAGES[code]}${tries === undefined ? '' : `（残り ${tries} 回）`}\n`);
    io.stdout(
      JSON.stringify({
        ok: false,
        mode,
        code,
        triesLeft: tries ?? null,
        statusWord: error?.statusWord?.toString(16).toUpperCase().padStart(4, '0') ?? null,
        apdus: error?.apdus ?? 0,
      }) + '\n',
    );
    return code === 'CARD_LAST_TRY_UNCONFIRMED' ? EXIT_NEEDS_CONFIRMATION : EXIT.FAILED;
  } finally {
    // Reset after any PIN use so no later process inherits a verified card (CARD.md §2).
    session?.end(mode === 'pin');
    pcsc?.close();
  }
}

/**
 * Records the check in the audit log when a vault is available (the certificate serial only as a keyed hash);
 * a reader test on a PC without a keychain still works.
 */
async function recordInAuditLog(result: CardCheckResult, io: CliIo): Promise<void> {
  const { createApp } = await import('../../app');
  const app = await createApp();
  try {
    app.audit().record({
      staffId: 'cli',
      action: 'card-check',
      subject: { kind: 'certificate', value: new crypto.X509Certificate(result.certificate).serialNumber },
      detail: { mode: result.mode.toUpperCase(), source: 'CLI' },
    });
  } catch (err) {
    const code = err instanceof KaigoError ? err.code : 'INTERNAL';
    io.stderr(`監査ログに記録できませんでした（${code}）。確認そのものは成功しています。\n`);
  } finally {
    await app.close();
  }
}

// ---- card virtual ----

function readerName(port: number): string {
  const slot = port - VPCD_DEFAULT_PORT;
  return `Virtual PCD 00 ${String(slot).padStart(2, '0')}`;
}

/** The card to plug in: a preset (`--card`), adjusted by `--pin/--pinless/--tries`, or the one kept in `--state`. */
function buildCard(parsed: Parsed): { card: VirtualMyNumberCard; name: string } | string {
  const stateFile = parsed.values.get('--state');
  if (stateFile !== undefined && fs.existsSync(stateFile)) {
    try {
      const state = loadCardState(stateFile);
      return { card: cardFromState(stateFile, state), name: state.card };
    } catch {
      return '--state のファイルを読めません（仮想カードの状態ファイルではありません）';
    }
  }
  const name = parsed.values.get('--card') ?? (parsed.flags.has('--pinless') ? 'pinless' : 'normal');
  if (!(TRAINING_CARDS as readonly string[]).includes(name))
    return `--card は ${TRAINING_CARDS.join(' / ')} のどれかです`;
  const pin = parsed.values.get('--pin');
  if (pin !== undefined && !/^[0-9]{4}$/.test(pin)) return '--pin は数字4桁です';
  const triesText = parsed.values.get('--tries');
  const presetTries = name === 'locked' ? 0 : name === 'one-try-left' ? 1 : 3;
  const authTries = triesText === undefined ? presetTries : Number(triesText);
  if (!Number.isInteger(authTries) || authTries < 0 || authTries > 3) return '--tries は 0〜3 です';
  const authPin = parsed.flags.has('--pinless') || name === 'pinless' ? null : (pin ?? TRAINING_PIN);
  const material = issueUserAuthCard(trainingCa(), { expired: name === 'expired' });
  if (stateFile !== undefined) {
    const state = cardStateOf(name, material, authPin, { authTries, signTries: 5 });
    saveCardState(stateFile, state);
    return { card: cardFromState(stateFile, state), name };
  }
  const label = name === 'not-mynumber' ? 'JPKIAPICCTOKEN' : undefined;
  return { card: new VirtualMyNumberCard({ material, authPin, authTries, label }), name };
}

export async function cardVirtual(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['--pinless'], ['--slot', '--port', '--card', '--pin', '--tries', '--state']);
  if (typeof parsed === 'string') {
    io.stderr(`card virtual: ${parsed}\n`);
    return EXIT.USAGE;
  }
  const slot = parsed.values.get('--slot');
  if (slot !== undefined && slot !== '0' && slot !== '1') {
    io.stderr('card virtual: --slot は 0 か 1 です\n');
    return EXIT.USAGE;
  }
  // vpcd: slot 0 listens on 35963 ("Virtual PCD 00 00"), slot 1 on 35964 (CARD.md §4).
  const port = Number(parsed.values.get('--port') ?? VPCD_DEFAULT_PORT + Number(slot ?? 0));
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    io.stderr('card virtual: --port が正しくありません\n');
    return EXIT.USAGE;
  }
  const built = buildCard(parsed);
  if (typeof built === 'string') {
    io.stderr(`card virtual: ${built}\n`);
    return EXIT.USAGE;
  }
  const { card, name } = built;
  const bridge = connectVpcd({ card, port });
  try {
    await bridge.inserted;
  } catch {
    io.stderr(`card virtual: vpcd（127.0.0.1:${port}）に接続できません。pcscd と vsmartcard-vpcd を確認してください\n`);
    return EXIT.FAILED;
  }
  await Promise.race([bridge.powered, bridge.removed]);
  io.stdout(JSON.stringify({ reader: readerName(port), card: name }) + '\n');
  // Runs until SIGINT/SIGTERM (end of stdin does not stop it) or until pcscd drops the card; exit removes the card.
  const stopped = new Promise<'signal'>((resolve) => {
    const stop = () => resolve('signal');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const how = await Promise.race([stopped, bridge.removed.then(() => 'dropped' as const)]);
  await bridge.remove();
  if (how === 'dropped') {
    io.stderr('card virtual: pcscd との接続が切れました\n');
    return EXIT.FAILED;
  }
  return EXIT.OK;
}
