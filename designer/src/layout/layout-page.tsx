/** Placeholder until this page is built. */
export function LayoutPage(_p: { object: string }) {
  return <p data-testid="page-todo">LayoutPage</p>;
}
