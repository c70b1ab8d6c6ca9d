/** Placeholder until this page is built. */
export function VersionPage(_p: { version: string }) {
  return <p data-testid="page-todo">VersionPage</p>;
}
