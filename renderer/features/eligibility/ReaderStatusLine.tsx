import { useId, useState } from 'react';
import type { ReaderStatus } from '../../../electron/contract';
import { call } from '../../api';

/** Reader state and diagnostics (UX.md rule 1): numbered fixes when no reader is found, and support info to copy. */
export function ReaderStatusLine({
  status,
  onChange,
}: {
  status: ReaderStatus | null;
  onChange(status: ReaderStatus): void;
}) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  const select = async (reader: string) => {
    const result = await call('card.selectReader', { reader });
    if (result.ok) onChange(result.value);
  };
  const copy = async () => {
    const result = await call('support.copyInfo', {});
    setCopied(result.ok);
  };
  if (!status) return null;
  const missing = !status.serviceUp || status.readers.length === 0;
  return (
    <div className={missing ? 'reader-status reader-missing' : 'reader-status'} aria-live="polite">
      {missing ? (
        <>
          <p role="alert">カードリーダーが見つかりません（CARD_NO_READER）</p>
          <ol>
            <li>カードリーダーのUSBケーブルを抜いて、差し直してください。</li>
            <li>カードリーダーの電源を入れ直してください（ケーブルを抜いて10秒待ちます）。</li>
            <li>それでも直らないときは、パソコンを再起動してください。</li>
          </ol>
        </>
      ) : status.readers.length > 1 ? (
        <p>
          <label htmlFor={id}>カードリーダー</label>{' '}
          <select id={id} value={status.selected ?? ''} onChange={(e) => void select(e.target.value)}>
            {status.readers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>{' '}
          （{status.cardPresent ? 'カードあり' : 'カードなし'}）
        </p>
      ) : (
        <p>
          カードリーダー: {status.selected}（{status.cardPresent ? 'カードあり' : 'カードなし'}）
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void copy()}>
        サポート用情報をコピー
      </button>
      {copied && <span role="status"> コピーしました（個人情報は含まれません）。</span>}
    </div>
  );
}
