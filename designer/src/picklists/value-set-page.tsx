/** Placeholder until this page is built. */
export function ValueSetPage(_p: { name: string }) {
  return <p data-testid="page-todo">ValueSetPage</p>;
}
