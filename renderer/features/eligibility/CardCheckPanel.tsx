import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { KaigoErrorInfo, PersonDetail, ReaderStatus } from '../../../electron/contract';
import { VISUAL_REASON_LABELS } from '../../../electron/contract';
import { call } from '../../api';
import { PinPad } from './PinPad';
import { LockedCardNote } from './LockedCardNote';
import { ReaderStatusLine } from './ReaderStatusLine';

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
 * The My Number card check (UX.md rules 2–5). The card is read first, so the tries left are on screen before the
 * client types (「残り n 回」); at one try left the pad unlocks only after staff confirm. The visual check with a
 * reason is always one action away. In 練習モード a training card is placed on a simulated reader.
 */
export function CardCheckPanel(props: {
  training: boolean;
  onResult(detail: PersonDetail): void;
  onError(error: KaigoErrorInfo | null): void;
}) {
  const [card, setCard] = useState<keyof typeof TRAINING_CARDS>('normal');
  const [placed, setPlaced] = useState(false);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState<Reason>('face-card');
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const ids = { card: useId(), reason: useId(), confirm: useId() };
  const [reader, setReader] = useState<ReaderStatus | null>(null);
  const refreshReader = useCallback(async () => {
    const result = await call('card.readers', {});
    if (result.ok) setReader(result.value);
  }, []);
  useEffect(() => {
    let current = true;
    void call('card.readers', {}).then((result) => {
      if (current && result.ok) setReader(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  const finish = (result: Awaited<ReturnType<typeof call<'card.visual'>>>) => {
    setBusy(false);
    if (result.ok) {
      setTriesLeft(null);
      const received = performance.now();
      props.onResult(result.value);
      // The display phase (UX.md rule 15): from the answer to the frame that shows it.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => void call('diagnostics.reportDisplay', { ms: performance.now() - received })),
      );
    } else props.onError(result.error);
  };
  const place = async () => {
    props.onError(null);
    const result = await call('training.placeCard', { card, personIndex: 0 });
    if (result.ok) setPlaced(true);
    else props.onError(result.error);
    void refreshReader();
  };
  const begin = async () => {
    setBusy(true);
    props.onError(null);
    setConfirmed(false);
    const result = await call('card.begin', {});
    setBusy(false);
    setLocked(!result.ok && result.error.code === 'CARD_PIN_LOCKED');
    void refreshReader();
    if (result.ok) setTriesLeft(result.value.triesLeft);
    else {
      setTriesLeft(null);
      props.onError(result.error);
    }
  };
  const submitPin = async (pin: string) => {
    setBusy(true);
    props.onError(null);
    const result = await call('card.submitPin', { pin, confirmLastTry: confirmed });
    setLocked(!result.ok && result.error.code === 'CARD_PIN_LOCKED');
    if (!result.ok) setTriesLeft(null); // the card was reset: read it again for the next try
    finish(result);
  };
  const onVisual = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    props.onError(null);
    finish(await call('card.visual', { reason }));
  };

  const lastTry = triesLeft === 1;
  return (
    <section className="card-check" aria-labelledby="card-check-heading" aria-busy={busy}>
      <h2 id="card-check-heading">マイナンバーカードで本人確認</h2>
      <p>カードをカードリーダーに置いてください。確認が終わるまで動かさないでください。</p>
      <ReaderStatusLine status={reader} onChange={setReader} />
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
      {locked && <LockedCardNote />}
      <div className="card-ways">
        <div className="pin-way">
          {triesLeft === null ? (
            <button type="button" disabled={busy} onClick={() => void begin()}>
              {busy ? '読み取り中…' : 'カードを読み取る（暗証番号で確認）'}
            </button>
          ) : (
            <>
              <p className={lastTry ? 'tries tries-last' : 'tries'} role="status">
                暗証番号の入力は 残り {triesLeft} 回 です。
                {lastTry && ' 間違えるとカードがロックされ、市区町村の窓口での手続きが必要になります。'}
              </p>
              {lastTry && (
                <label className="confirm" htmlFor={ids.confirm}>
                  <input
                    id={ids.confirm}
                    type="checkbox"
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.target.checked)}
                  />
                  ご本人が暗証番号に自信があることを確認しました（職員）
                </label>
              )}
              <PinPad disabled={busy || (lastTry && !confirmed)} onSubmit={(pin) => void submitPin(pin)} />
              <button
                type="button"
                className="secondary"
                onClick={() => (void call('card.cancel', {}), setTriesLeft(null))}
              >
                やめる
              </button>
            </>
          )}
        </div>
        <form onSubmit={(e) => void onVisual(e)} className="visual-form">
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
          <p className="muted">暗証番号がわからない・入力できない方は、目視確認か「紙の証で確認」で受け付けます。</p>
        </form>
      </div>
    </section>
  );
}
