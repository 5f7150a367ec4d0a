/** Body of a screen whose feature lands in a later release: says what it will do. */
export function PlaceholderScreen({ description }: { description: string }) {
  return (
    <div className="placeholder">
      <p>{description}</p>
      <p className="muted">この画面は準備中です。</p>
    </div>
  );
}
