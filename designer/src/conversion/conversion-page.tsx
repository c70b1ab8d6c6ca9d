/** Placeholder until this page is built. */
export function ConversionPage(_p: { object: string }) {
  return <p data-testid="page-todo">ConversionPage</p>;
}
