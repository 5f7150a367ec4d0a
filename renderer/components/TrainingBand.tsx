/** Shown on every screen in training mode (DESIGN.md §4). */
export function TrainingBand() {
  return (
    <div className="training-band" role="note" aria-label="練習モード">
      練習モード — 実在の利用者ではありません
    </div>
  );
}
