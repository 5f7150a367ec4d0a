import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import type { ReaderStatus } from '../contract';
import { CardError, createCounterCheck } from '../services/card';
import { checkTimings, type CheckPhase } from '../services/diagnostics';
import { KaigoError } from '../services/errors';
import type { AppContext } from './context';
import { detailAfterFetch } from './eligibility';
import type { HandlerGroup } from './group';

// The counter's card check (CARD.md, UX.md rules 1–5): reader status, the two-step PIN check, the visual check, and
// the local timings and support text around it.

type CardCalls =
  | 'card.begin'
  | 'card.submitPin'
  | 'card.visual'
  | 'card.cancel'
  | 'card.readers'
  | 'card.selectReader'
  | 'support.copyInfo'
  | 'diagnostics.checkTimings'
  | 'diagnostics.reportDisplay';

export interface CardHandlers {
  handlers: HandlerGroup<CardCalls>;
  readerStatus(): Promise<ReaderStatus>;
  /** Stops a check in progress (app close). */
  cancel(): void;
}

export function cardHandlers(ctx: AppContext): CardHandlers {
  const counterCheck = createCounterCheck({ pcsc: ctx.cardReader, readerName: ctx.preferredReader });
  // Each phase of a card check is timed locally (UX.md rule 15); durations use the monotonic clock.
  const timings = checkTimings(() => ctx.store().records());
  let pinPadShownAt: number | null = null;
  const timed = async <T>(phase: CheckPhase, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    ctx.withVault(() => timings.record(phase, performance.now() - started, ctx.clock()));
    return value;
  };
  // The last card failure, for the support text (code and status word only: never personal data).
  let lastCardFailure: { code: string; statusWord: number | undefined; at: string } | null = null;
  const noteCardFailure = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof CardError)
        lastCardFailure = { code: err.code, statusWord: err.statusWord, at: ctx.clock().toISOString() };
      throw err;
    }
  };
  const readerStatus = async (): Promise<ReaderStatus> => {
    try {
      const reader = await ctx.cardReader();
      const readers = reader.listReaders();
      const wanted = ctx.preferredReader();
      const selected = wanted && readers.includes(wanted) ? wanted : (readers[0] ?? null);
      return { serviceUp: true, readers, selected, cardPresent: selected ? reader.cardPresent(selected) : false };
    } catch {
      return { serviceUp: false, readers: [], selected: null, cardPresent: false };
    }
  };
  /** The certificate serial identifies the person nationally: the audit log keeps only its keyed hash. */
  const recordCardCheck = (staffId: string, certificate: Buffer, detail: Record<string, string>) =>
    ctx.audit().record({
      staffId,
      action: 'card-check',
      subject: { kind: 'certificate', value: new X509Certificate(certificate).serialNumber },
      detail,
    });

  const handlers: HandlerGroup<CardCalls> = {
    'card.begin': async () => {
      ctx.requireOnlineStaff();
      const client = await ctx.kiban();
      const challenge = await ctx.observed(() => client.cardNonce());
      const tries = await timed('card', () => noteCardFailure(() => counterCheck.begin(challenge)));
      pinPadShownAt = performance.now();
      return tries;
    },
    'card.submitPin': async ({ pin, confirmLastTry }) => {
      const staff = ctx.requireOnlineStaff();
      if (pinPadShownAt !== null) {
        const typed = performance.now() - pinPadShownAt;
        ctx.withVault(() => timings.record('pin', typed, ctx.clock()));
        pinPadShownAt = null;
      }
      const { nonceId, result } = await noteCardFailure(() => counterCheck.submitPin(pin, confirmLastTry));
      const client = await ctx.kiban();
      const proof = { mode: 'pin' as const, nonceId, certificate: result.certificate, signature: result.signature! };
      return timed('network', async () => {
        const { personKey } = await ctx.observed(() => client.submitCardProof(proof));
        recordCardCheck(staff.staffId, result.certificate, { mode: 'PIN' });
        return detailAfterFetch(ctx, client, personKey);
      });
    },
    'card.visual': async ({ reason }) => {
      const staff = ctx.requireOnlineStaff();
      const client = await ctx.kiban();
      const { nonceId } = await ctx.observed(() => client.cardNonce());
      const result = await timed('card', () => noteCardFailure(() => counterCheck.visual()));
      const proof = { mode: 'visual' as const, nonceId, certificate: result.certificate, reason };
      return timed('network', async () => {
        const { personKey } = await ctx.observed(() => client.submitCardProof(proof));
        recordCardCheck(staff.staffId, result.certificate, { mode: 'VISUAL', reason: reason.toUpperCase() });
        return detailAfterFetch(ctx, client, personKey);
      });
    },
    'card.cancel': () => {
      counterCheck.cancel();
      return {};
    },
    'card.readers': () => readerStatus(),
    'card.selectReader': async ({ reader }) => {
      const readers = (await readerStatus()).readers;
      if (!readers.includes(reader)) throw new KaigoError('CARD_NO_READER', 'unknown reader');
      ctx.preferences.update({ cardReader: reader });
      return readerStatus();
    },
    'diagnostics.checkTimings': () => ctx.withVault(() => timings.weekStats(ctx.clock())) ?? [],
    'diagnostics.reportDisplay': ({ ms }) => {
      ctx.withVault(() => timings.record('display', ms, ctx.clock()));
      return {};
    },
    'support.copyInfo': async () => {
      const reader = await readerStatus();
      const failure = lastCardFailure;
      const text = [
        `介護デスク ${ctx.version} (${ctx.runtime.mode})`,
        `OS: ${ctx.host.platform} ${os.release()} ${os.arch()}`,
        `カードリーダー: ${reader.serviceUp ? reader.readers.join(' / ') || 'なし' : 'スマートカードサービス停止'}`,
        `カード: ${reader.cardPresent ? 'あり' : 'なし'}`,
        `最後のエラー: ${failure ? `${failure.code} SW=${failure.statusWord?.toString(16).toUpperCase().padStart(4, '0') ?? '-'} ${failure.at}` : 'なし'}`,
        `時刻: ${ctx.clock().toISOString()}`,
      ].join('\n');
      ctx.clipboard?.(text);
      return { text };
    },
  };
  return { handlers, readerStatus, cancel: () => counterCheck.cancel() };
}
