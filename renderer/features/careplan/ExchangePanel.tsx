import { useEffect, useState } from 'react';
import type { CarePlanFileInput, CarePlanReport, KaigoErrorInfo, PartnerView } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { takeFiles } from './files';
import { ValidationReport } from './ValidationReport';

// Files in and out: drop files (or choose them) to check and import, or to send to a partner; import a download
// folder. Outside 練習モード sending writes the files into a chosen folder for the official upload (アップロード待ち in
// the ledger). A partner not on the exchange gets a print view of the same plan and the ledger records 紙で送付
// (UX.md rule 14). 練習モード adds a sample plan and the training inbox.

export function ExchangePanel({ training, onChanged }: { training: boolean; onChanged: () => void }) {
  const [files, setFiles] = useState<CarePlanFileInput[]>([]);
  const [report, setReport] = useState<CarePlanReport | null>(null);
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [partnerId, setPartnerId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [hover, setHover] = useState(false);
  /** Body of the print view (built and escaped by the main process); printed through the page's print CSS. */
  const [paper, setPaper] = useState<string | null>(null);

  useEffect(() => {
    void call('careplan.partners', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setPartners(r.value);
      setPartnerId((id) => id ?? r.value[0]?.id ?? null);
    });
  }, []);

  const take = async (list: FileList | File[]) => {
    setMessage(null);
    setError(null);
    const taken = await takeFiles(list);
    if (!taken.ok) return setError(taken.error);
    const read = taken.files;
    if (taken.refused.length > 0)
      setMessage(`CSVファイルでないか大きすぎるため読み込みませんでした: ${taken.refused.join('、')}`);
    setFiles(read);
    if (read.length === 0) return setReport(null);
    const r = await call('careplan.validate', { files: read });
    if (r.ok) setReport(r.value);
    else setError(r.error);
  };

  const importFiles = async () => {
    const r = await call('careplan.import', { files });
    if (!r.ok) return setError(r.error);
    setReport(r.value.report);
    setMessage(`取り込みました: ${r.value.imported}件（取込エラー ${r.value.failed}件）`);
    onChanged();
  };

  const send = async (via?: 'folder') => {
    if (partnerId === null) return;
    setMessage(null);
    setError(null);
    const r = await call('careplan.send', { partnerId, files, ...(via ? { via } : {}) });
    if (!r.ok) return setError(r.error);
    if (r.value.channel === 'folder') {
      if (r.value.names.length > 0)
        setMessage(
          `${r.value.names.length}ファイルをフォルダーに書き出しました（アップロード待ち）。公式のソフトまたは介護WEBサービスでアップロードしたら、送受信台帳で「アップロード済にする」を押してください。`,
        );
    } else if (r.value.channel === 'paper' && r.value.html) {
      // Only the body: the page's CSP allows no inline styles, so careplan.css carries the print layout.
      setPaper(new DOMParser().parseFromString(r.value.html, 'text/html').body.innerHTML);
      setMessage('連携先はデータ連携を使っていないため、印刷・FAX用の紙面を用意し「紙で送付」と記録しました。');
    } else setMessage(`送信待ちに入れました（${r.value.names.length}ファイル）。接続中なら順に送信されます。`);
    onChanged();
  };

  const sample = async () => {
    const r = await call('careplan.trainingPlan', {});
    if (!r.ok) return setError(r.error);
    setFiles(r.value.files);
    const v = await call('careplan.validate', { files: r.value.files });
    if (v.ok) setReport(v.value);
    setMessage('練習用のケアプラン（第6・7表と利用者補足情報）を作りました。');
  };

  const importFolder = async () => {
    setMessage(null);
    setError(null);
    const r = await call('careplan.importFolder', {});
    if (!r.ok) return setError(r.error);
    if (r.value.folder === null) return;
    setReport(r.value.report.files.length > 0 ? r.value.report : null);
    setMessage(
      `フォルダー「${r.value.folder}」から取り込みました: ${r.value.imported}件（取込エラー ${r.value.failed}件、対象外 ${r.value.skipped}件）`,
    );
    onChanged();
  };

  // The result replaces the previous one only after this check answers: staff (and tests) never mistake an older
  // result for the current one.
  const [checkingInbox, setCheckingInbox] = useState(false);
  const inbox = async () => {
    setCheckingInbox(true);
    setMessage(null);
    try {
      const r = await call('careplan.inbox', {});
      if (!r.ok) return setError(r.error);
      setMessage(`受信箱: 新しいファイル ${r.value.received}件、取り込み ${r.value.imported}件`);
      onChanged();
    } finally {
      setCheckingInbox(false);
    }
  };

  const partner = partners.find((p) => p.id === partnerId);
  const hasErrors = report?.files.some((f) => f.counts.error > 0) ?? true;
  return (
    <section aria-label="送受信" className="careplan-exchange">
      <div
        className={`drop-zone${hover ? ' drop-hover' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setHover(true);
        }}
        onDragLeave={() => setHover(false)}
        onDrop={(e) => {
          e.preventDefault();
          setHover(false);
          void take(e.dataTransfer.files);
        }}
      >
        <p>ケアプランのCSVファイル（v4.1）をここにドロップ</p>
        <label>
          またはファイルを選ぶ{' '}
          <input
            type="file"
            multiple
            accept=".csv,.CSV"
            onChange={(e) => e.target.files && void take(e.target.files)}
          />
        </label>
      </div>
      <div className="inline-form">
        <button type="button" onClick={() => void importFolder()}>
          フォルダーから取り込む（ダウンロードしたファイル）
        </button>
        {training && (
          <button type="button" onClick={() => void sample()}>
            練習用の計画を作る
          </button>
        )}
        {training && (
          <button type="button" disabled={checkingInbox} aria-busy={checkingInbox} onClick={() => void inbox()}>
            受信箱を確認
          </button>
        )}
      </div>
      {message && (
        <p role="status" className="note">
          {message}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {report && <ValidationReport report={report} />}
      {files.length > 0 && (
        <div className="inline-form">
          <button type="button" disabled={hasErrors} onClick={() => void importFiles()}>
            取り込む
          </button>
          <label>
            送信先{' '}
            <select value={partnerId ?? ''} onChange={(e) => setPartnerId(Number(e.target.value))}>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.office}・{p.service}）{p.exchangesData ? '' : ' 紙で送付'}
                </option>
              ))}
            </select>
          </label>
          {partner && (
            <span className={partner.exchangesData ? 'badge-ok' : 'badge-warn'}>
              {partner.exchangesData ? 'データ連携あり' : 'データ連携なし（印刷・FAXで送付）'}
            </span>
          )}
          <button type="button" disabled={hasErrors || !partner} onClick={() => void send()}>
            {partner && !partner.exchangesData ? '印刷・FAX用に出力' : training ? '送信' : 'アップロード用に書き出す'}
          </button>
          {training && partner?.exchangesData && (
            <button type="button" disabled={hasErrors} onClick={() => void send('folder')}>
              アップロード用に書き出す（公式の手順の練習）
            </button>
          )}
        </div>
      )}
      {paper && (
        <>
          <button type="button" onClick={() => window.print()}>
            印刷する（FAX・PDF保存も印刷画面から）
          </button>
          <div
            className="careplan-paper print-only-target"
            data-testid="careplan-paper"
            dangerouslySetInnerHTML={{ __html: paper }}
          />
        </>
      )}
    </section>
  );
}
