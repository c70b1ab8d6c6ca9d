/** Placeholder until this page is built. */
export function ReviewPage() {
  return <p data-testid="page-todo">ReviewPage</p>;
}
