import { useEffect, useRef, useState } from 'react';
import { toJapanTime } from '../../electron/contract';
import { ConnectivityBanner } from '../components/ConnectivityBanner';
import { ErrorNotice } from '../components/ErrorNotice';
import { IdleLockScreen, lockScreenNow, useIdleLock } from '../components/IdleLockGate';
import { JapaneseDate } from '../components/JapaneseDate';
import { PlaceholderScreen } from '../components/PlaceholderScreen';
import { TrainingBand } from '../components/TrainingBand';
import { ConfigErrorScreen } from '../features/settings/ConfigErrorScreen';
import { DeadlinesScreen } from '../features/deadlines/DeadlinesScreen';
import { CarePlanScreen } from '../features/careplan/CarePlanScreen';
import { CertificationScreen } from '../features/certification/CertificationScreen';
import { EligibilityScreen } from '../features/eligibility/EligibilityScreen';
import { LoginPanel } from '../features/login/LoginPanel';
import { PersonsScreen } from '../features/persons/PersonsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useSession } from '../stores/session';
import { useStatus } from '../stores/status';
import { routeFromHash, routes, type RouteId } from './routes';

/** Screens that show personal data: a staff login comes first. */
const NEEDS_LOGIN = new Set<RouteId>(['eligibility', 'persons', 'certification', 'deadlines', 'careplan', 'audit']);

function useHashRoute(): [RouteId, (id: RouteId) => void] {
  const [route, setRoute] = useState<RouteId>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (id) => (window.location.hash = `#/${id}`)];
}

export function Shell() {
  const { status, error, refresh, listen } = useStatus();
  const session = useSession();
  const loggedIn = session.view?.phase === 'logged-in' || session.view?.phase === 'offline-read-only';
  const readOnly = session.view?.phase === 'offline-read-only';
  const refreshSession = session.refresh;
  // Locked after idle minutes (DESIGN.md §4): the screens below are not rendered, so no personal data is in the DOM.
  const idleLocked = useIdleLock();
  const [route, go] = useHashRoute();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    void refresh();
    void refreshSession();
    return listen();
  }, [refresh, refreshSession, listen]);

  // Alt+1 … Alt+7 jump to a screen from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = routes[Number(e.key) - 1];
      if (target) {
        e.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // After a screen change, move focus to its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [route]);

  const current = routes.find((r) => r.id === route) ?? routes[0];
  const today = status ? toJapanTime(new Date(status.now)) : null;

  return (
    <div className="shell">
      <a className="skip-link" href="#main-heading" onClick={(e) => (e.preventDefault(), heading.current?.focus())}>
        本文へ移動
      </a>
      {status?.mode === 'training' && <TrainingBand />}
      <header className="app-header">
        <div className="brand">介護デスク</div>
        <div className="office" aria-label="事業所">
          {status?.officeName ?? (status ? '事業所未設定' : '')}
        </div>
        {loggedIn && session.view?.staff && (
          <div className="staff" aria-label="ログイン中の職員">
            <span>
              {session.view.staff.staffId}
              {readOnly && '（オフライン・閲覧のみ）'}
            </span>
            {!idleLocked && (
              <button
                type="button"
                className="header-button"
                aria-label="画面をロック（席を離れるとき）"
                onClick={() => void lockScreenNow()}
              >
                画面をロック
              </button>
            )}
            <button type="button" className="header-button" onClick={() => void session.logout()}>
              ログアウト
            </button>
          </div>
        )}
        <div className="today" aria-label="今日の日付">
          {today && <JapaneseDate date={today} />}
        </div>
      </header>
      {status && <ConnectivityBanner connectivity={status.connectivity} />}
      <div className="body">
        <nav className="side-nav" aria-label="メインメニュー">
          <ul>
            {routes.map((r, i) => (
              <li key={r.id}>
                <a
                  href={`#/${r.id}`}
                  aria-current={r.id === route ? 'page' : undefined}
                  aria-keyshortcuts={`Alt+${i + 1}`}
                  data-route={r.id}
                  onClick={() => {
                    // Re-choosing the current screen changes no hash; still take the user to its heading.
                    if (r.id === route) heading.current?.focus();
                  }}
                >
                  {r.label}
                  <span className="shortcut" aria-hidden="true">
                    Alt+{i + 1}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" aria-labelledby="main-heading">
          <h1 id="main-heading" ref={heading} tabIndex={-1}>
            {current.label}
          </h1>
          {error && <ErrorNotice error={error} />}
          {idleLocked ? (
            <IdleLockScreen />
          ) : status?.mode === 'misconfigured' ? (
            <ConfigErrorScreen problems={status.configProblems} />
          ) : route === 'settings' ? (
            <SettingsScreen status={status} />
          ) : status && !loggedIn && NEEDS_LOGIN.has(route) ? (
            <LoginPanel training={status.mode === 'training'} />
          ) : route === 'eligibility' ? (
            <EligibilityScreen training={status?.mode === 'training'} />
          ) : route === 'persons' ? (
            <PersonsScreen />
          ) : route === 'certification' ? (
            <CertificationScreen />
          ) : route === 'deadlines' ? (
            <DeadlinesScreen />
          ) : route === 'careplan' ? (
            <CarePlanScreen training={status?.mode === 'training'} />
          ) : (
            <PlaceholderScreen description={current.description} />
          )}
        </main>
      </div>
    </div>
  );
}
