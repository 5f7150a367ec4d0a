import { create } from 'zustand';
import type { KaigoErrorInfo, SessionView, TrainingMail } from '../../electron/contract';
import { call } from '../api';

// Who is logged in. Only what may be shown (phase, staff, masked OTP destination): tokens stay in the main process,
// and nothing here is persisted.

interface SessionState {
  view: SessionView | null;
  busy: boolean;
  error: KaigoErrorInfo | null;
  mailbox: TrainingMail[];
  refresh(): Promise<void>;
  login(staffId: string, password: string): Promise<void>;
  submitOtp(code: string): Promise<void>;
  unlockOffline(staffId: string, password: string): Promise<void>;
  logout(): Promise<void>;
  loadMailbox(): Promise<void>;
}

export const useSession = create<SessionState>()((set) => {
  const run = async (fn: () => ReturnType<typeof call<'session.state'>>) => {
    set({ busy: true, error: null });
    const result = await fn();
    set(result.ok ? { view: result.value, busy: false } : { error: result.error, busy: false });
  };
  return {
    view: null,
    busy: false,
    error: null,
    mailbox: [],
    refresh: () => run(() => call('session.state', {})),
    login: (staffId, password) => run(() => call('session.login', { staffId, password })),
    submitOtp: (code) => run(() => call('session.submitOtp', { code })),
    unlockOffline: (staffId, password) => run(() => call('session.unlockOffline', { staffId, password })),
    logout: () => run(() => call('session.logout', {})),
    async loadMailbox() {
      const result = await call('training.mailbox', {});
      if (result.ok) set({ mailbox: result.value });
    },
  };
});
