import fs from 'node:fs';
import path from 'node:path';
import { ERROR_MESSAGES, formatWareki, isoDate, toJapanTime, type ErrorCode } from '../../contract';
import { createAppContext, currentHost } from '../../handlers/context';
import {
  createCertificateService,
  readProvisionFiles,
  type InstalledCertificate,
  type ProvisionFiles,
} from '../../services/certificate';
import { resolveRuntime, userConfigPath, type HostInfo, type Runtime } from '../../services/config';
import { KaigoError } from '../../services/errors';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk provision --p12 FILE --password-file FILE [--config FILE]` (issue 5 item 6): sets up the office client
// certificate for the current OS user, as an installer does on each PC and user (DESIGN.md §4: keychains and app
// data are per user). The password is read from a file, never from the command line (process lists and shell
// history would show it). With --config the configuration is validated first and installed as this user's override
// file. Everything is checked before anything is written; a failed import puts the previous user file back.

export const provisionHelp = [
  'provision --p12 ファイル --password-file ファイル [--config ファイル]',
  '                       このOSユーザーにクライアント証明書を導入（パスワードはファイルから読む。--config で設定ファイルも導入）',
].join('\n');

const VALUED = ['--p12', '--password-file', '--config'] as const;
type Flag = (typeof VALUED)[number];

function parse(args: string[]): Map<Flag, string> | string {
  const values = new Map<Flag, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--password' || a.startsWith('--password=')) {
      return 'パスワードはコマンドラインでは受け付けません（他のユーザーや履歴から見えるため）。--password-file でファイルを指定してください';
    }
    if (!(VALUED as readonly string[]).includes(a)) return `不明な引数です: ${a}`;
    const v = args[++i];
    if (v === undefined || v.startsWith('--') || v.length === 0) return `${a} にファイルを指定してください`;
    if (values.has(a as Flag)) return `${a} が2回指定されています`;
    values.set(a as Flag, v);
  }
  if (!values.has('--p12')) return '--p12 で証明書ファイルを指定してください';
  if (!values.has('--password-file')) return '--password-file でパスワードファイルを指定してください';
  return values;
}

function refusal(io: CliIo, code: ErrorCode, extra: string[] = []): number {
  io.stderr([`エラー（${code}）: ${ERROR_MESSAGES[code]}`, ...extra.map((l) => `  ${l}`), ''].join('\n'));
  return code === 'KEYCHAIN_UNAVAILABLE' ? EXIT.NO_KEYCHAIN : EXIT.FAILED;
}

/** The runtime this user will have once the given configuration text is their override file. */
function runtimeWith(host: HostInfo, configText: string | null): Runtime {
  const userFile = userConfigPath(host);
  return resolveRuntime(host, (file) =>
    configText !== null && file === userFile ? configText : fs.readFileSync(file, 'utf8'),
  );
}

function summary(installed: InstalledCertificate, runtime: Runtime): string {
  const { info, expiry } = installed;
  const end = toJapanTime(new Date(info.notAfter));
  const office = runtime.config?.offices.find((o) => o.officeNumber === info.officeNumber);
  return [
    'クライアント証明書を導入しました。',
    `  事業所番号: ${info.officeNumber ?? '（証明書に記載なし）'}${office ? `（${office.name}）` : ''}`,
    `  発行先: ${info.subject.O ?? info.subject.CN ?? '—'}`,
    `  有効期限: ${isoDate(end)}（${formatWareki(end)}）まで、残り${expiry.daysLeft}日`,
    ...(expiry.warning ? [`  ※ 有効期限まで${expiry.warning}日を切っています。更新の準備をしてください。`] : []),
    `  設定ファイル: ${runtime.configFiles.join(', ')}`,
    '',
  ].join('\n');
}

/** Installs the override file atomically; returns how to undo it. */
function installUserConfig(host: HostInfo, text: string): () => void {
  const file = userConfigPath(host);
  let previous: string | null = null;
  try {
    previous = fs.readFileSync(file, 'utf8');
  } catch {
    previous = null;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o644 });
  fs.renameSync(temp, file);
  return () => {
    if (previous === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, previous);
  };
}

export async function provisionCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`provision: ${parsed}\n使い方: kaigo-desk ${provisionHelp}\n`);
    return EXIT.USAGE;
  }
  const host: HostInfo = { ...currentHost(), env: io.env };

  let configText: string | null = null;
  const configFile = parsed.get('--config');
  if (configFile !== undefined) {
    try {
      if (fs.statSync(configFile).size > 1_000_000)
        return refusal(io, 'CONFIG_INVALID', [`${configFile}: 1MBを超えています`]);
      configText = fs.readFileSync(configFile, 'utf8');
    } catch {
      return refusal(io, 'CONFIG_INVALID', [`${configFile}: ファイルを読み取れません`]);
    }
  }
  const runtime = runtimeWith(host, configText);
  if (runtime.mode === 'training') return refusal(io, 'PROVISION_NO_CONFIG');
  if (runtime.mode === 'misconfigured' || !runtime.config) {
    return refusal(
      io,
      'CONFIG_INVALID',
      runtime.problems.map(
        (p) => `${p.file === userConfigPath(host) && configFile ? configFile : p.file} の ${p.field} — ${p.message}`,
      ),
    );
  }

  let files: ProvisionFiles;
  try {
    files = readProvisionFiles(parsed.get('--p12')!, parsed.get('--password-file')!);
  } catch (err) {
    if (err instanceof KaigoError) return refusal(io, err.code);
    throw err;
  }
  try {
    // Check the certificate against this configuration before writing anything.
    const offices = runtime.config.offices.map((o) => o.officeNumber);
    const unused = { seal: () => {}, open: () => null, remove: () => {} };
    try {
      createCertificateService({ store: unused, officeNumbers: () => offices }).previewP12(files.bytes, files.password);
    } catch (err) {
      if (err instanceof KaigoError) return refusal(io, err.code);
      throw err;
    }

    const undoConfig = configText !== null ? installUserConfig(host, configText) : () => {};
    let ctx: Awaited<ReturnType<typeof createAppContext>> | null = null;
    try {
      ctx = await createAppContext({ host });
      if (ctx.runtime.mode !== 'configured') throw new KaigoError('CONFIG_INVALID');
      const installed = ctx.certificates.importP12(files.bytes, files.password, 'CLI', 'installer');
      io.stdout(summary(installed, ctx.runtime));
      return EXIT.OK;
    } catch (err) {
      undoConfig();
      if (err instanceof KaigoError) return refusal(io, err.code);
      throw err;
    } finally {
      await ctx?.close();
    }
  } finally {
    files.bytes.fill(0);
  }
}
