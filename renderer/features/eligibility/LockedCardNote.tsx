/**
 * At 0 tries (UX.md rule 3): no VERIFY is ever sent; the client gets the municipal reset guidance on paper. Only
 * this note is printed (print stylesheet); it names no person.
 */
export function LockedCardNote() {
  return (
    <aside className="locked-note print-only-target" aria-labelledby="locked-note-heading">
      <h3 id="locked-note-heading">マイナンバーカードの暗証番号のロック解除について</h3>
      <p>
        利用者証明用電子証明書の暗証番号（数字4桁）が3回続けて間違えられたため、ロックされています。ロックの解除と
        暗証番号の再設定は、お住まいの市区町村の窓口で行えます。
      </p>
      <ul>
        <li>マイナンバーカードをお持ちください。</li>
        <li>本人確認ができる書類の追加が求められることがあります（窓口でご確認ください）。</li>
        <li>本日の確認は、目視確認または紙の被保険者証で受け付けました。</li>
      </ul>
      <button type="button" className="secondary no-print" onClick={() => window.print()}>
        この案内を印刷
      </button>
    </aside>
  );
}
