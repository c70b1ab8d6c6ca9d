/** A SQL fragment with `?` placeholders and its bound values, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}
