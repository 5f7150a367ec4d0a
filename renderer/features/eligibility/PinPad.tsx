import { useId, useState, type FormEvent } from 'react';

/**
 * The client's own PIN pad (UX.md rules 4 and 15): large keys, digits masked, one action. There is no way for staff
 * to enter the PIN for the client; the digits are not kept after sending.
 */
export function PinPad({ disabled, onSubmit }: { disabled: boolean; onSubmit(pin: string): void }) {
  const [pin, setPin] = useState('');
  const id = useId();
  const press = (digit: string) => setPin((p) => (p.length < 4 ? p + digit : p));
  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (pin.length !== 4) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <form className="pin-pad" onSubmit={send} aria-label="暗証番号の入力（ご本人）">
      <label htmlFor={id}>暗証番号（4桁・ご本人が入力）</label>
      <input
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={pin}
        disabled={disabled}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 4))}
      />
      <div className="keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" disabled={disabled} onClick={() => press(d)} aria-label={`数字 ${d}`}>
            {d}
          </button>
        ))}
        <button type="button" disabled={disabled} onClick={() => setPin('')} aria-label="消去">
          消去
        </button>
        <button type="button" disabled={disabled} onClick={() => press('0')} aria-label="数字 0">
          0
        </button>
        <button type="submit" disabled={disabled || pin.length !== 4} className="ok">
          決定
        </button>
      </div>
    </form>
  );
}
