/** Placeholder until this page is built. */
export function ValidationRulesPage(_p: { object: string }) {
  return <p data-testid="page-todo">ValidationRulesPage</p>;
}
