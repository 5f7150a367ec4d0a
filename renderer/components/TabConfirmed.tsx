import { japanStamp } from '../../electron/contract';

/** 「最終確認: … （オンライン）」 for a tab (UX.md rule 10), saying so when the service could not be asked now. */
export function TabConfirmed({
  at,
  source,
  fromCache,
}: {
  at: string;
  source: 'api' | 'training';
  fromCache: boolean;
}) {
  return (
    <p className="confirmed">
      最終確認: {japanStamp(new Date(at))}（{source === 'training' ? 'オンライン（練習）' : 'オンライン'}）
      {fromCache && ' — いまはサービスに接続できないため、保存済みの情報を表示しています。'}
    </p>
  );
}
