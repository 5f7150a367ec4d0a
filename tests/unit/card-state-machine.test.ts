import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES } from '../../electron/contract/errors';
import { failureState, INITIAL_STATE, nextState, type CheckEvent, type CheckState } from '../../electron/services/card';

const run = (events: CheckEvent[], from: CheckState = INITIAL_STATE) => events.reduce(nextState, from);
const toReading: CheckEvent[] = [{ type: 'readersChanged', count: 1 }, { type: 'cardInserted' }];

describe('identity check state machine', () => {
  it('waits for a reader, then for a card, then reads', () => {
    expect(INITIAL_STATE).toEqual({ kind: 'waitingForReader' });
    expect(run([{ type: 'cardInserted' }])).toEqual({ kind: 'waitingForReader' });
    expect(run([{ type: 'readersChanged', count: 1 }])).toEqual({ kind: 'waitingForCard' });
    expect(run(toReading)).toEqual({ kind: 'reading' });
    expect(run([...toReading, { type: 'readersChanged', count: 0 }])).toEqual({ kind: 'waitingForReader' });
  });

  it('PIN mode: tries shown → PIN → signed', () => {
    const pin = run([...toReading, { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 3 } }]);
    expect(pin).toEqual({ kind: 'pinEntry', triesLeft: 3 });
    const verifying = nextState(pin, { type: 'pinSubmitted' });
    expect(verifying).toEqual({ kind: 'verifying', triesLeft: 3 });
    expect(nextState(verifying, { type: 'signed' })).toEqual({ kind: 'done', mode: 'pin' });
  });

  it('a wrong PIN is a failure with the tries left and a way back', () => {
    const s = run([
      ...toReading,
      { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 3 } },
      { type: 'pinSubmitted' },
      { type: 'failed', code: 'CARD_PIN_WRONG', triesLeft: 2 },
    ]);
    expect(s).toMatchObject({ kind: 'failed', code: 'CARD_PIN_WRONG', triesLeft: 2, next: 're-enter-pin' });
    expect(nextState(s, { type: 'retry' })).toEqual({ kind: 'waitingForCard' });
  });

  it('one try left: the PIN pad opens only after staff confirm; visual is offered on the same screen', () => {
    const warn = run([...toReading, { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 1 } }]);
    expect(warn).toEqual({ kind: 'lastTryWarning', triesLeft: 1 });
    expect(nextState(warn, { type: 'pinSubmitted' })).toBe(warn);
    expect(nextState(warn, { type: 'staffConfirmedLastTry' })).toEqual({ kind: 'pinEntry', triesLeft: 1 });
    expect(nextState(warn, { type: 'chooseVisual' })).toEqual({ kind: 'visualConfirm' });
    expect(nextState(warn, { type: 'cardRemoved' })).toMatchObject({ kind: 'failed', code: 'CARD_REMOVED' });
  });

  it('locked and PIN-less cards never reach the PIN pad; they offer visual and paper', () => {
    const locked = run([...toReading, { type: 'cardRead', pinState: { kind: 'locked' } }]);
    expect(locked).toMatchObject({ kind: 'failed', code: 'CARD_PIN_LOCKED', next: 'municipal-office', triesLeft: 0 });
    expect(nextState(locked, { type: 'retry' })).toBe(locked);
    expect(nextState(locked, { type: 'chooseVisual' })).toEqual({ kind: 'visualConfirm' });
    const pinless = run([...toReading, { type: 'cardRead', pinState: { kind: 'no-pin' } }]);
    expect(pinless).toMatchObject({ kind: 'failed', code: 'CARD_PIN_UNAVAILABLE', next: 'visual-check' });
  });

  it('visual mode: certificate read → staff confirm with a reason → proof', () => {
    const v = run([...toReading, { type: 'cardRead' }]);
    expect(v).toEqual({ kind: 'visualConfirm' });
    expect(nextState(v, { type: 'visualConfirmed', reason: 'face-card' })).toEqual({
      kind: 'done',
      mode: 'visual',
      reason: 'face-card',
    });
    const fromPad = run([...toReading, { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 3 } }]);
    expect(nextState(fromPad, { type: 'chooseVisual' })).toEqual({ kind: 'visualConfirm' });
  });

  it('card removed or failing while reading or verifying is a named failure', () => {
    expect(run([...toReading, { type: 'cardRemoved' }])).toMatchObject({ code: 'CARD_REMOVED', next: 'replace-card' });
    expect(run([...toReading, { type: 'failed', code: 'CARD_NOT_RESPONDING' }])).toMatchObject({
      next: 'try-other-card',
    });
    const verifying = run([
      ...toReading,
      { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 2 } },
      { type: 'pinSubmitted' },
    ]);
    expect(nextState(verifying, { type: 'cardRemoved' })).toMatchObject({ code: 'CARD_REMOVED' });
    expect(
      nextState(run([...toReading, { type: 'cardRead', pinState: { kind: 'tries', triesLeft: 2 } }]), {
        type: 'cardRemoved',
      }),
    ).toMatchObject({ code: 'CARD_REMOVED' });
  });

  it('paper and later are one action away from every unfinished state, and final states stay final', () => {
    const unfinished: CheckState[] = [
      { kind: 'waitingForReader' },
      { kind: 'waitingForCard' },
      { kind: 'reading' },
      { kind: 'pinEntry', triesLeft: 3 },
      { kind: 'lastTryWarning', triesLeft: 1 },
      { kind: 'verifying', triesLeft: 3 },
      { kind: 'visualConfirm' },
      failureState('CARD_PIN_LOCKED', 0),
    ];
    for (const s of unfinished) {
      expect(nextState(s, { type: 'choosePaper' })).toEqual({ kind: 'paper' });
      expect(nextState(s, { type: 'chooseLater' })).toEqual({ kind: 'later' });
    }
    const done: CheckState = { kind: 'done', mode: 'pin' };
    expect(nextState(done, { type: 'choosePaper' })).toBe(done);
    expect(nextState(done, { type: 'readersChanged', count: 0 })).toBe(done);
  });

  it('every card error code has a next step and a PIN-free way out, and a Japanese message', () => {
    for (const code of ERROR_CODES.filter((c) => c.startsWith('CARD_'))) {
      const s = failureState(code);
      expect(
        s.exits.some((e) => e === 'visual' || e === 'paper'),
        code,
      ).toBe(true);
      expect(ERROR_MESSAGES[code]).not.toContain('このカードは使えません');
    }
    expect(failureState('CARD_NO_READER').next).toBe('connect-reader');
    expect(failureState('CARD_SERVICE_DOWN').next).toBe('restart-service');
    expect(failureState('CARD_IN_USE').next).toBe('close-other-app');
    expect(failureState('CARD_NO_CARD').next).toBe('place-card');
    expect(failureState('CARD_NOT_MYNUMBER').next).toBe('try-other-card');
    expect(failureState('CARD_CERT_EXPIRED').next).toBe('municipal-office');
    expect(failureState('INTERNAL').next).toBe('contact-support');
  });
});
