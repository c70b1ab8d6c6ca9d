import type pg from 'pg';

export const BASELINE_SCHEMA = 'baseline';
export const BASELINE_TABLE = `${BASELINE_SCHEMA}.bench_account`;

/**
 * Hand-written DDL with the columns and indexes the product creates for
 * bench_account: system columns, the seven fields, the two (unused here)
 * record-share arrays, single-column indexes on
 * name, owner_id and industry, and (industry, annual_revenue DESC).
 * checkSameShape() proves it matches.
 */
const DDL = `
  CREATE SCHEMA ${BASELINE_SCHEMA};
  CREATE TABLE ${BASELINE_TABLE} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name varchar(255),
    owner_id uuid,
    industry varchar(100),
    annual_revenue numeric(18,2),
    employees bigint,
    province varchar(100),
    website varchar(2048),
    email varchar(254),
    founded date,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    version integer NOT NULL DEFAULT 1,
    _shared_read uuid[],
    _shared_edit uuid[]
  );
  CREATE INDEX bench_account_name ON ${BASELINE_TABLE} (name);
  CREATE INDEX bench_account_owner ON ${BASELINE_TABLE} (owner_id);
  CREATE INDEX bench_account_industry ON ${BASELINE_TABLE} (industry);
  CREATE INDEX bench_account_industry_revenue ON ${BASELINE_TABLE} (industry, annual_revenue DESC);
`;

export async function createBaselineTable(client: pg.Client): Promise<void> {
  await client.query(DDL);
}

async function shape(client: pg.Client, schema: string, table: string): Promise<{ columns: string[]; indexes: string[] }> {
  const cols = await client.query<Record<string, unknown>>(
    `SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  const idx = await client.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2', [schema, table]);
  // Names differ by design; compare what each index covers.
  const indexes = idx.rows.map((r) => r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, 'CREATE $1INDEX ON t ')).sort();
  return { columns: cols.rows.map((r) => JSON.stringify(Object.values(r))), indexes };
}

/** Throws unless both tables have the same columns (types, nullability, defaults) and indexes. */
export async function checkSameShape(client: pg.Client, productSchema: string, table = 'bench_account'): Promise<{ columns: number; indexes: string[] }> {
  const product = await shape(client, productSchema, table);
  const baseline = await shape(client, BASELINE_SCHEMA, table);
  const a = JSON.stringify(product);
  const b = JSON.stringify(baseline);
  if (a !== b) throw new Error(`the baseline table does not match the product's:\nproduct:  ${a}\nbaseline: ${b}`);
  return { columns: product.columns.length, indexes: product.indexes };
}
