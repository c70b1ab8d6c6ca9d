/** Placeholder until this page is built. */
export function ImportPage(_p: { object: string }) {
  return <p data-testid="page-todo">ImportPage</p>;
}
