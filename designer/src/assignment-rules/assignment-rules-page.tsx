/** Placeholder until this page is built. */
export function AssignmentRulesPage(_p: { object: string }) {
  return <p data-testid="page-todo">AssignmentRulesPage</p>;
}
