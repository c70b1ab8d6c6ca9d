/** Placeholder until this page is built. */
export function HistoryPage() {
  return <p data-testid="page-todo">HistoryPage</p>;
}
