import type { KaigoErrorInfo } from '../../electron/contract';

/** A refusal or a gap shown calmly inside the tab: what it means and its code, not an alarm. */
export function TabRefusal({ error }: { error: KaigoErrorInfo }) {
  return (
    <p className="tab-refusal" role="status" data-code={error.code}>
      {error.message}
      <span className="code">（{error.code}）</span>
    </p>
  );
}
