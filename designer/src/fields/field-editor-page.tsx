/** Placeholder until this page is built. */
export function FieldEditorPage(_p: { object: string; field: string }) {
  return <p data-testid="page-todo">FieldEditorPage</p>;
}
