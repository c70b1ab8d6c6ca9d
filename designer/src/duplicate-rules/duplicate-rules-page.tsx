/** Placeholder until this page is built. */
export function DuplicateRulesPage(_p: { object: string }) {
  return <p data-testid="page-todo">DuplicateRulesPage</p>;
}
