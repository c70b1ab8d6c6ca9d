/** Placeholder until this page is built. */
export function WebFormsPage() {
  return <p data-testid="page-todo">WebFormsPage</p>;
}
