import type { KaigoErrorInfo } from '../../electron/contract';

/** A failure as staff should read it: what happened and what to do, with the code for support. */
export function ErrorNotice({ error }: { error: KaigoErrorInfo }) {
  return (
    <div className="error-notice" role="alert">
      <p>{error.message}</p>
      <p className="error-code">エラーコード: {error.code}</p>
    </div>
  );
}
