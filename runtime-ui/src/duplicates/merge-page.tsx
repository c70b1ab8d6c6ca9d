/** Placeholder until this page is built. */
export function MergePage(_p: { object: string }) {
  return <p data-testid="page-todo">MergePage</p>;
}
