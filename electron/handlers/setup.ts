import type { ConnectionCheckReport, ReaderStatus, SetupCheckReport } from '../contract';
import { trainingPkiFiles, type Backend } from '../backend';
import { KaigoError } from '../services/errors';
import {
  billingIdItems,
  certificateItem,
  connectionItem,
  connectionReport,
  loginItem,
  readerItem,
  SUBSIDY_SOURCE,
  subsidyCapFor,
  type OfficeFacts,
} from '../services/setup';
import { TRAINING_OFFICES } from '../training/server';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';
import { sessionView } from './session';

// 接続テスト and 導入チェック (issue 5 items 3–4, UX.md rule 12): each step is checked live, now, against the backend
// in use — the training server in 練習モード, the configured service otherwise. Nothing here needs a staff login
// (installers run it before anyone can log in) and nothing personal is read.

/** 練習モード: the training offices' 電子請求受付システム IDs (training data, like the offices themselves). */
export const TRAINING_BILLING_SYSTEM_IDS: Record<string, string> = {
  '1370100016': 'KJ1370100016',
  '1370100024': 'KJ1370100024',
};

function officeFacts(ctx: AppContext): OfficeFacts[] {
  if (ctx.runtime.mode === 'training') {
    return TRAINING_OFFICES.map((o) => ({
      officeNumber: o.officeNumber,
      name: o.officeName,
      serviceType: o.serviceType,
      billingSystemId: TRAINING_BILLING_SYSTEM_IDS[o.officeNumber] ?? null,
    }));
  }
  return (ctx.runtime.config?.offices ?? []).map((o) => ({
    officeNumber: o.officeNumber,
    name: o.name,
    serviceType: o.serviceType,
    billingSystemId: o.billingSystemId,
  }));
}

async function openedBackend(ctx: AppContext): Promise<{ backend: Backend } | { failure: KaigoError }> {
  try {
    return { backend: await ctx.backend() };
  } catch (err) {
    if (err instanceof KaigoError) return { failure: err };
    throw err;
  }
}

type CertificateSource = { certPem: string } | { missing: string };

/**
 * The client certificate of each office (issue 5: each office has its own). The active office's is the one the
 * connection presents (or why the connection could not be prepared); another office's is read from the vault, and in
 * 練習モード falls back to that office's training certificate, as switching to it would.
 */
function officeCertificate(
  ctx: AppContext,
  office: OfficeFacts,
  opened: { backend: Backend } | { failure: KaigoError },
): CertificateSource {
  if (office.officeNumber === ctx.offices.active()?.officeNumber) {
    return 'backend' in opened ? { certPem: opened.backend.tls.certPem } : { missing: opened.failure.code };
  }
  const training = () =>
    trainingPkiFiles(ctx.runtime, ctx.clock()).pki.offices.find((o) => o.officeNumber === office.officeNumber);
  try {
    const material = ctx.certificates.material(office.officeNumber);
    if (material) return { certPem: material.certPem };
  } catch (err) {
    if (!(err instanceof KaigoError)) throw err;
    if (ctx.runtime.mode !== 'training' || err.code !== 'KEYCHAIN_UNAVAILABLE') return { missing: err.code };
  }
  const fallback = ctx.runtime.mode === 'training' ? training() : undefined;
  return fallback ? { certPem: fallback.certPem } : { missing: 'CERT_NOT_INSTALLED' };
}

export function setupHandlers(
  ctx: AppContext,
  readerStatus: () => Promise<ReaderStatus>,
): HandlerGroup<'connection.check' | 'setup.check'> {
  const runConnectionCheck = (backend: Backend): Promise<ConnectionCheckReport> =>
    connectionReport({
      baseUrl: backend.baseUrl,
      tls: backend.tls,
      clock: ctx.clock,
      log: ctx.log,
      training: backend.training !== null,
      now: ctx.clock(),
    });

  return {
    'connection.check': async () => {
      const opened = await openedBackend(ctx);
      if ('failure' in opened) throw opened.failure;
      const report = await runConnectionCheck(opened.backend);
      ctx.log.info('setup.connection_check', { ok: report.ok, code: report.code ?? 'OK' });
      return report;
    },
    'setup.check': async (): Promise<SetupCheckReport> => {
      const now = ctx.clock();
      const offices = officeFacts(ctx);
      const opened = await openedBackend(ctx);
      const [reader, connection] = await Promise.all([
        readerStatus(),
        'backend' in opened ? runConnectionCheck(opened.backend) : Promise.resolve(null),
      ]);
      const items = [
        ...billingIdItems(offices),
        // One item per office; the office is named once there is more than one.
        ...offices.map((o) => {
          const item = certificateItem(officeCertificate(ctx, o, opened), now, [o.officeNumber]);
          return offices.length > 1 ? { ...item, label: `${item.label}（${o.name}）` } : item;
        }),
        readerItem(reader),
        connection
          ? connectionItem(connection)
          : {
              step: 'connection' as const,
              label: '接続（TLS 1.3）',
              ok: false,
              detail: '接続先またはクライアント証明書の準備ができていないため、接続を試せません',
              code: 'failure' in opened ? opened.failure.code : null,
            },
        loginItem(sessionView(ctx).phase),
      ];
      ctx.log.info('setup.check', { failed: items.filter((i) => !i.ok).length });
      return {
        items,
        subsidy: offices.map((o) => {
          const cap = subsidyCapFor(o.serviceType);
          return {
            officeName: o.name,
            serviceType: o.serviceType,
            group: cap?.label ?? null,
            maxReaders: cap?.maxReaders ?? null,
            maxYen: cap?.maxYen ?? null,
            source: SUBSIDY_SOURCE,
          };
        }),
        checkedAt: now.toISOString(),
      };
    },
  };
}
