import { useId, useState, type FormEvent } from 'react';
import type { KaigoErrorInfo, PersonDetail } from '../../../electron/contract';
import { VISUAL_REASON_LABELS } from '../../../electron/contract';
import { call } from '../../api';

type Reason = keyof typeof VISUAL_REASON_LABELS;
const TRAINING_CARDS = {
  normal: '通常のカード（暗証番号 1234）',
  pinless: '顔認証カード（暗証番号なし）',
  'one-try-left': '残り1回のカード',
  locked: 'ロックされたカード',
  expired: '電子証明書の期限切れ',
  'not-mynumber': 'マイナンバーカードではないカード',
} as const;

/**
 * The My Number card check (UX.md rules 2–5): the client enters their own PIN (masked), or staff confirm the face on
 * the card with a reason — always one action away. In 練習モード a training card is placed on a simulated reader.
 */
export function CardCheckPanel(props: {
  training: boolean;
  onResult(detail: PersonDetail): void;
  onError(error: KaigoErrorInfo | null): void;
}) {
  const [card, setCard] = useState<keyof typeof TRAINING_CARDS>('normal');
  const [placed, setPlaced] = useState(false);
  const [pin, setPin] = useState('');
  const [confirmLastTry, setConfirmLastTry] = useState(false);
  const [reason, setReason] = useState<Reason>('face-card');
  const [busy, setBusy] = useState(false);
  const ids = { card: useId(), pin: useId(), reason: useId(), confirm: useId() };

  const run = async (fn: () => ReturnType<typeof call<'card.check'>>) => {
    setBusy(true);
    props.onError(null);
    const result = await fn();
    setBusy(false);
    setPin('');
    if (result.ok) props.onResult(result.value);
    else props.onError(result.error);
  };
  const place = async () => {
    const result = await call('training.placeCard', { card, personIndex: 0 });
    if (result.ok) setPlaced(true);
    else props.onError(result.error);
  };
  const onPin = (e: FormEvent) => {
    e.preventDefault();
    void run(() => call('card.check', { mode: 'pin', pin, confirmLastTry }));
  };
  const onVisual = (e: FormEvent) => {
    e.preventDefault();
    void run(() => call('card.check', { mode: 'visual', reason }));
  };

  return (
    <section className="card-check" aria-labelledby="card-check-heading" aria-busy={busy}>
      <h2 id="card-check-heading">マイナンバーカードで本人確認</h2>
      {props.training && (
        <div className="inline-form training-reader">
          <label htmlFor={ids.card}>練習用カード</label>
          <select id={ids.card} value={card} onChange={(e) => setCard(e.target.value as keyof typeof TRAINING_CARDS)}>
            {Object.entries(TRAINING_CARDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void place()}>
            リーダーに置く
          </button>
          {placed && <span role="status">カードを置きました。</span>}
        </div>
      )}
      <div className="card-ways">
        <form onSubmit={onPin} className="pin-form">
          <label htmlFor={ids.pin}>暗証番号（4桁・ご本人が入力）</label>
          <input
            id={ids.pin}
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            pattern="\d{4}"
            maxLength={4}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            required
          />
          <label className="confirm" htmlFor={ids.confirm}>
            <input
              id={ids.confirm}
              type="checkbox"
              checked={confirmLastTry}
              onChange={(e) => setConfirmLastTry(e.target.checked)}
            />
            残り1回のとき: ご本人が暗証番号に自信があることを確認しました
          </label>
          <button type="submit" disabled={busy}>
            {busy ? '確認中…' : '暗証番号で確認'}
          </button>
        </form>
        <form onSubmit={onVisual} className="visual-form">
          <label htmlFor={ids.reason}>目視で確認する理由</label>
          <select id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
            {Object.entries(VISUAL_REASON_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            カードの顔写真と本人を目視で確認した
          </button>
        </form>
      </div>
    </section>
  );
}
