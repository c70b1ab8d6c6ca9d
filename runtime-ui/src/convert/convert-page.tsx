/** Placeholder until this page is built. */
export function ConvertPage(_p: { object: string; id: string }) {
  return <p data-testid="page-todo">ConvertPage</p>;
}
