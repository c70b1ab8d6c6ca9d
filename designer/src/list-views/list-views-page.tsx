/** Placeholder until this page is built. */
export function ListViewsPage(_p: { object: string }) {
  return <p data-testid="page-todo">ListViewsPage</p>;
}
