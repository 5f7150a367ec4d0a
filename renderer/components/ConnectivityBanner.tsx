import { useEffect, useState } from 'react';
import { japanStamp, type Connectivity } from '../../electron/contract';
import { call, subscribe } from '../api';

// The single connectivity banner (DESIGN.md §5): one line saying the state and what it means for the work.
const TEXT: Record<Connectivity, { label: string; detail: string; tone: 'ok' | 'info' | 'warn' | 'error' }> = {
  unknown: { label: '接続未確認', detail: '介護WEBサービスへの接続はまだ確認していません。', tone: 'info' },
  online: { label: 'オンライン', detail: '介護WEBサービスに接続しています。', tone: 'ok' },
  degraded: { label: '接続が不安定', detail: '応答が遅れています。保存済みの情報は表示できます。', tone: 'warn' },
  offline: {
    label: 'オフライン',
    detail: 'ネットワークに接続できません。保存済みの情報を表示しています。',
    tone: 'warn',
  },
  outage: {
    label: 'サービス障害',
    detail: '介護WEBサービスが応答しません。障害時受付で受付を続けられます。',
    tone: 'error',
  },
  certificate: { label: '証明書の問題', detail: '事業所の証明書を確認してください（設定 → 証明書）。', tone: 'error' },
};

/** Since when the service cannot be used, and how many jobs wait (UX.md rule 9); null until a staff login. */
function useQueueFacts(connectivity: Connectivity): { since: string | null; queued: number } | null {
  const [facts, setFacts] = useState<{ since: string | null; queued: number } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('outbox.list', {}).then((r) => {
        if (live) setFacts(r.ok ? { since: r.value.unavailableSince, queued: r.value.queued } : null);
      });
    load();
    const off = subscribe('outbox.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [connectivity]);
  return facts;
}

export function ConnectivityBanner({ connectivity }: { connectivity: Connectivity }) {
  const t = TEXT[connectivity];
  const facts = useQueueFacts(connectivity);
  return (
    <div className={`banner banner-${t.tone}`} role="status" aria-live="polite" data-connectivity={connectivity}>
      <strong>{t.label}</strong>
      <span>{t.detail}</span>
      {facts?.since && <span data-testid="unavailable-since">{japanStamp(new Date(facts.since))} から</span>}
      {facts && facts.queued > 0 && <span data-testid="queued-count">送信待ち {facts.queued}件</span>}
    </div>
  );
}
