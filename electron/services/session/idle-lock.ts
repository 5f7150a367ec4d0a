import { IdleTimer } from './offline-unlock';

// The idle lock (DESIGN.md §4, issue 5 item 4) as the main process sees it. The window reports keyboard and mouse
// input; once `idleMinutes` pass without any while someone is logged in, the lock closes and stays closed — later
// input does not open it — until the same staff member's password is checked against the offline verifier
// (OfflineUnlock.resume). While closed, every call that reads personal data is refused (AppContext.requireStaff), so
// a renderer that skipped its lock screen still gets nothing. The clock is injected: tests move it, never wait.

export class IdleLock {
  private timer: IdleTimer;
  private active = false;
  private closed = false;

  constructor(
    private readonly clock: () => Date,
    readonly idleMinutes = 10,
  ) {
    this.timer = new IdleTimer(clock, idleMinutes);
  }

  /** A login (online or offline unlock) starts a fresh idle period. */
  start(): void {
    this.active = true;
    this.closed = false;
    this.timer = new IdleTimer(this.clock, this.idleMinutes);
  }

  /** Logout: nobody to lock for. */
  stop(): void {
    this.active = false;
    this.closed = false;
  }

  /** Keyboard or mouse input in the window. Ignored once locked. */
  touch(): void {
    if (!this.isLocked()) this.timer.touch();
  }

  isLocked(): boolean {
    if (!this.active) return false;
    if (!this.closed && this.timer.isLocked()) this.closed = true;
    return this.closed;
  }

  /** Staff lock the screen themselves when leaving the counter. */
  lock(): void {
    if (this.active) this.closed = true;
  }

  /** The password was checked: open again, with a fresh idle period. */
  reopen(): void {
    this.closed = false;
    this.timer.touch();
  }
}
