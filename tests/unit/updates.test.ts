import { describe, expect, it } from 'vitest';
import { validateConfiguration } from '../../electron/services/config';
import {
  CARD_CHECK_IDLE_MS,
  createActivityTracker,
  createUpdatePolicy,
  mayRestartForUpdate,
  RETRY_MS,
  startUpdates,
  updateFeed,
} from '../../electron/services/updates';
import { silentLogger } from '../../electron/services/log';
import example from '../../resources/config/kaigo-desk.example.json';
import { updaterStandIn } from '../support/updater-stand-in';

// Update policy (issue 9): the feed comes from the configuration, and a restart for an update never happens while a
// card check or a send is in progress.

/** A dispatcher whose calls end when the test says so. */
function controllableDispatch() {
  const open = new Map<string, (ok: boolean) => void>();
  const dispatch = (name: string) => new Promise<{ ok: boolean }>((resolve) => open.set(name, (ok) => resolve({ ok })));
  const finish = async (name: string, ok = true) => {
    open.get(name)!(ok);
    open.delete(name);
    await new Promise((r) => setImmediate(r));
  };
  return { dispatch, finish };
}

describe('configuration: updates', () => {
  it('accepts an https URL with an optional channel (default latest) and gives a message per invalid field', () => {
    const base = { ...example, updates: undefined };
    const ok = validateConfiguration({ ...base, updates: { url: 'https://intra.example.jp/kd/' } });
    expect(ok.ok && ok.config.updates).toEqual({ url: 'https://intra.example.jp/kd/', channel: 'latest' });
    const bad = validateConfiguration({ ...base, updates: { url: 'ftp://x/', channel: 'Beta', extra: 1 } });
    expect(bad.ok ? [] : bad.problems).toEqual([
      { field: 'updates.url', message: '更新の配布先（updates.url）は https:// で始まるURLです' },
      { field: 'updates.channel', message: '更新チャネル（updates.channel）は英小文字で始まる英小文字・数字です' },
      { field: 'updates', message: '不明な項目があります: extra' },
    ]);
    const missing = validateConfiguration({ ...base, updates: {} });
    expect(missing.ok ? [] : missing.problems).toEqual([{ field: 'updates.url', message: '必須の項目がありません' }]);
  });

  it('gives a generic feed only for a configured runtime with an updates block', () => {
    const parsed = validateConfiguration(example);
    if (!parsed.ok) throw new Error('example configuration must be valid');
    expect(updateFeed({ mode: 'configured', config: parsed.config })).toEqual({
      provider: 'generic',
      url: 'https://updates.example.jp/kaigo-desk/',
      channel: 'latest',
    });
    expect(updateFeed({ mode: 'training', config: null })).toBeNull();
    expect(updateFeed({ mode: 'configured', config: { ...parsed.config, updates: undefined } })).toBeNull();
  });
});

describe('mayRestartForUpdate', () => {
  it.each([
    [false, false, { allowed: true }],
    [true, false, { allowed: false, waitFor: ['card-check'] }],
    [false, true, { allowed: false, waitFor: ['send'] }],
    [true, true, { allowed: false, waitFor: ['card-check', 'send'] }],
  ])('card check %s, send %s', (cardCheckInProgress, sendInProgress, expected) => {
    expect(mayRestartForUpdate({ cardCheckInProgress, sendInProgress })).toEqual(expected);
  });
});

describe('activity tracker', () => {
  it('keeps a card check open from card.begin through a wrong PIN until the person is shown', async () => {
    let now = 0;
    const tracker = createActivityTracker({ now: () => now });
    const { dispatch, finish } = controllableDispatch();
    const call = tracker.wrap(dispatch);
    void call('card.begin');
    expect(tracker.state().cardCheckInProgress).toBe(true);
    await finish('card.begin');
    expect(tracker.state().cardCheckInProgress).toBe(true); // the client is typing the PIN
    void call('card.submitPin');
    await finish('card.submitPin', false); // wrong PIN
    expect(tracker.state().cardCheckInProgress).toBe(true);
    void call('card.submitPin');
    await finish('card.submitPin', true);
    expect(tracker.state()).toEqual({ cardCheckInProgress: false, sendInProgress: false });
    void call('card.begin');
    await finish('card.begin');
    now += CARD_CHECK_IDLE_MS - 1;
    expect(tracker.state().cardCheckInProgress).toBe(true);
    now += 1; // staff walked away
    expect(tracker.state().cardCheckInProgress).toBe(false);
  });

  it('ends a check on card.cancel or a failed card.begin; counts sends in flight and the outbox', async () => {
    let outbox = false;
    const tracker = createActivityTracker({ outboxSending: () => outbox });
    const { dispatch, finish } = controllableDispatch();
    const call = tracker.wrap(dispatch);
    void call('card.begin');
    await finish('card.begin', false);
    expect(tracker.state().cardCheckInProgress).toBe(false);
    void call('card.begin');
    await finish('card.begin');
    void call('card.cancel');
    await finish('card.cancel');
    expect(tracker.state().cardCheckInProgress).toBe(false);
    void call('outbox.retryNow');
    expect(tracker.state().sendInProgress).toBe(true);
    await finish('outbox.retryNow');
    expect(tracker.state().sendInProgress).toBe(false);
    outbox = true;
    expect(tracker.state().sendInProgress).toBe(true);
  });
});

describe('activity tracker cost', () => {
  it('never queries the outbox for ordinary calls, only when the state is asked for', async () => {
    let queries = 0;
    const tracker = createActivityTracker({ outboxSending: () => (queries++, false) });
    let settled = 0;
    tracker.onSettled(() => settled++);
    const call = tracker.wrap(async (_name: string) => ({ ok: true }));
    await call('persons.search');
    await call('app.getStatus');
    expect({ queries, settled }).toEqual({ queries: 0, settled: 0 });
    await call('card.cancel');
    expect({ queries, settled }).toEqual({ queries: 0, settled: 1 });
    tracker.state();
    expect(queries).toBe(1);
  });
});

describe('update policy', () => {
  it('points electron-updater at the feed, and restarts into a downloaded update only when idle', async () => {
    const { updater, calls } = updaterStandIn();
    const tracker = createActivityTracker();
    const { dispatch, finish } = controllableDispatch();
    const call = tracker.wrap(dispatch);
    const feed = { provider: 'generic' as const, url: 'https://intra.example.jp/kd/', channel: 'latest' };
    const policy = startUpdates({ feed, updater, activity: tracker, log: silentLogger })!;
    await new Promise((r) => setImmediate(r));
    expect(updater.feeds).toEqual([feed]);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(calls).toEqual(['check']);

    void call('card.begin');
    await finish('card.begin');
    void call('outbox.retryNow');
    updater.emit('update-downloaded');
    expect(calls).toEqual(['check']); // deferred: a card check and a send are in progress
    expect(policy.pending()).toBe(true);
    await finish('outbox.retryNow');
    expect(calls).toEqual(['check']); // the card check is still open
    void call('card.visual');
    await finish('card.visual');
    expect(calls).toEqual(['check', 'quitAndInstall:false:true']);
    expect(policy.pending()).toBe(false);
    policy.stop();
  });

  it('retries a deferred restart on its timer and installs once', () => {
    const { updater, calls } = updaterStandIn();
    let busy = true;
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const policy = createUpdatePolicy({
      feed: { provider: 'generic', url: 'https://x.example.jp/', channel: 'latest' },
      updater,
      busy: () => ({ cardCheckInProgress: false, sendInProgress: busy }),
      log: silentLogger,
      schedule: (fn, ms) => {
        timers.push({ fn, ms });
        return () => {};
      },
    });
    void policy.start();
    updater.emit('update-downloaded');
    expect(timers.map((t) => t.ms)).toEqual([RETRY_MS]);
    timers.shift()!.fn(); // still sending
    expect(calls).toEqual(['check']);
    busy = false;
    timers.shift()!.fn();
    policy.retry();
    expect(calls).toEqual(['check', 'quitAndInstall:false:true']);
  });

  it('stays off without a feed or without an updater', () => {
    const tracker = createActivityTracker();
    expect(
      startUpdates({ feed: null, updater: updaterStandIn().updater, activity: tracker, log: silentLogger }),
    ).toBeNull();
    const feed = { provider: 'generic' as const, url: 'https://x.example.jp/', channel: 'latest' };
    expect(startUpdates({ feed, updater: null, activity: tracker, log: silentLogger })).toBeNull();
  });
});
