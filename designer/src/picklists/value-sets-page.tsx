/** Placeholder until this page is built. */
export function ValueSetsPage() {
  return <p data-testid="page-todo">ValueSetsPage</p>;
}
