/** Placeholder until this page is built. */
export function WebFormPage(_p: { id: string }) {
  return <p data-testid="page-todo">WebFormPage</p>;
}
