/** Placeholder until this page is built. */
export function ObjectPage(_p: { object: string }) {
  return <p data-testid="page-todo">ObjectPage</p>;
}
