import { useEffect } from 'react';
import { create } from 'zustand';
import type { IdleState, KaigoErrorInfo } from '../../electron/contract';
import { call } from '../api';
import { useSession } from '../stores/session';
import { IdleLockView } from './IdleLockScreen';

// The idle lock in the window (DESIGN.md §4). The main process keeps the clock and decides; the window reports
// keyboard and mouse input and asks every few seconds. While locked the Shell renders only the lock screen, so no
// personal data stays in the DOM (not merely covered) — and the main process refuses data calls anyway.
// Nothing here is persisted; the only identity held is the staff ID of the lock.

const POLL_MS = 3_000;
const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

interface IdleLockState {
  locked: boolean;
  staffId: string | null;
  busy: boolean;
  error: KaigoErrorInfo | null;
  lastReport: number;
  report(active: boolean): Promise<void>;
  resume(password: string): Promise<void>;
  reset(): void;
}

const useIdleLockStore = create<IdleLockState>()((set) => {
  const apply = (s: IdleState) => set({ locked: s.locked, staffId: s.staffId });
  return {
    locked: false,
    staffId: null,
    busy: false,
    error: null,
    lastReport: 0,
    async report(active) {
      set({ lastReport: Date.now() });
      const r = await call('session.activity', { active });
      if (r.ok) apply(r.value);
    },
    async resume(password) {
      set({ busy: true, error: null });
      const r = await call('session.resume', { password });
      set({ busy: false });
      if (r.ok) apply(r.value);
      else set({ error: r.error });
    },
    reset: () => set({ locked: false, staffId: null, error: null, busy: false }),
  };
});

/** Watches input while someone is logged in; true while the main process holds the screen locked. */
export function useIdleLock(): boolean {
  const phase = useSession((s) => s.view?.phase);
  const loggedIn = phase === 'logged-in' || phase === 'offline-read-only';
  const locked = useIdleLockStore((s) => s.locked);

  useEffect(() => {
    const { report, reset } = useIdleLockStore.getState();
    if (!loggedIn) {
      reset();
      return;
    }
    let inputSeen = false;
    // Input is reported at once when the last report is a while ago, else with the next poll.
    const onInput = () => {
      inputSeen = true;
      if (Date.now() - useIdleLockStore.getState().lastReport > POLL_MS / 2) {
        inputSeen = false;
        void report(true);
      }
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    void report(false);
    const timer = window.setInterval(() => {
      const active = inputSeen;
      inputSeen = false;
      void report(active);
    }, POLL_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [loggedIn]);

  return loggedIn && locked;
}

/** Locks at once (「画面をロック」 in the header, when staff step away): main locks, the Shell swaps to the lock screen. */
export async function lockScreenNow(): Promise<void> {
  const r = await call('session.lock', {});
  if (r.ok) useIdleLockStore.setState({ locked: r.value.locked, staffId: r.value.staffId, error: null });
}

/** The lock screen, wired: resume with the password, or 「別の職員でログイン」 (= logout, then login). */
export function IdleLockScreen() {
  const { staffId, busy, error, resume } = useIdleLockStore();
  const logout = useSession((s) => s.logout);
  return (
    <IdleLockView staffId={staffId} busy={busy} error={error} onResume={resume} onSwitchStaff={() => void logout()} />
  );
}
