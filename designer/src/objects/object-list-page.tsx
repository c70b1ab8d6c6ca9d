/** Placeholder until this page is built. */
export function ObjectListPage() {
  return <p data-testid="page-todo">ObjectListPage</p>;
}
