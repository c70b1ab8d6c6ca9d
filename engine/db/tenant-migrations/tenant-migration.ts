/** One step of a tenant schema's own tables; `sql` gets the quoted schema name. */
export interface TenantMigration {
  id: string;
  sql: (schema: string) => string;
}
