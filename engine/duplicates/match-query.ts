import { quoteIdent } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { SqlFragment } from '../query/sql-fragment';
import { columnSqlType } from '../schema-engine/column-ddl';
import type { DuplicateRule, Field, MatchMethod } from '../shared/metadata-types';
import { matchKeySql } from './match-methods';

/** How many matching records one candidate reports per rule. */
export const MATCH_LIMIT = 10;
/** Rows of one request compared with each other by fuzzy rules (pairwise, no index): larger batches skip that part. */
export const IN_BATCH_FUZZY_LIMIT = 1000;

/** One row of the matching query: a stored record (`id`) or an earlier row of the batch (`other`) that row `row` duplicates under rule `rule`. */
export interface MatchRow {
  rule: number;
  row: number;
  id: string | null;
  name: string | null;
  readable: boolean;
  other: number | null;
}

/** Who may see what: an access predicate, `undefined` when every record is readable, `false` when none is. */
export type ReadAccess = SqlFragment | undefined | false;

interface Operand {
  /** The field's column in `t` (stored records) or the candidate's text column. */
  expr: string;
  field: Field;
}

const isTextKind = (registry: FieldTypeRegistry, f: Field) => registry.describe(f.type).kind === 'string';
const castType = (registry: FieldTypeRegistry, f: Field) => columnSqlType(f, registry).split(' ')[0]!;

/** A candidate's key under a method: its text column made comparable with the stored column or key. */
function candidateKey(registry: FieldTypeRegistry, method: MatchMethod, op: Operand): string {
  if (method !== 'exact') return matchKeySql(method, op.expr);
  return isTextKind(registry, op.field) ? `NULLIF(${op.expr}, '')` : `CAST(${op.expr} AS ${castType(registry, op.field)})`;
}

/** A stored column's key: the column itself for exact matching (its own index), else the indexed expression. */
const storedKey = (method: MatchMethod, column: string) => (method === 'exact' ? column : matchKeySql(method, column));

/** One condition between a stored record (or earlier row) and a candidate; fuzzy uses the trigram operator (index) and the rule's threshold. */
function conditionSql(method: MatchMethod, threshold: number | undefined, left: string, right: string): SqlFragment {
  if (method !== 'fuzzy') return { sql: `${left} = ${right}`, params: [] };
  return { sql: `(${left} OPERATOR(public.%) ${right} AND public.similarity(${left}, ${right}) >= ?)`, params: [threshold] };
}

/** Fragments joined by AND, parameters in text order. */
function and(parts: SqlFragment[]): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** The candidate column holding a field's value. */
export const candidateColumn = (i: number) => `_c${i}`;

export interface MatchQueryInput {
  obj: CompiledObject;
  registry: FieldTypeRegistry;
  rules: DuplicateRule[];
  /** Fields named by the rules, in candidate-column order. */
  fields: Field[];
  /** Per field (same order), per row: the value as text (null when it cannot match). */
  columns: (string | null)[][];
  /** Per row: a record to leave out (the record being updated). */
  excludeIds: (string | null)[];
  read: ReadAccess;
  /** Compare the rows with each other too. */
  inBatch: boolean;
}

/**
 * One statement for a whole batch: the candidates as an unnest, then per
 * rule a LATERAL index lookup for each candidate whose keys are all present
 * (warn rules count only records the user may read; block rules count every
 * record, flagging the readable ones), and, for several rows, the rows that
 * duplicate an earlier row of the same batch.
 */
export function matchQuery(q: MatchQueryInput): SqlFragment {
  const col = new Map(q.fields.map((f, i) => [f.name, candidateColumn(i)]));
  const byName = new Map(q.fields.map((f) => [f.name, f]));
  // Each candidate's key per rule condition, computed once in the candidates CTE (the company key is a chain of
  // regular expressions: computing it per pair of rows made the in-batch comparison quadratic in regexp calls).
  const keyColumn = (r: number, c: number) => `_k${r}_${c}`;
  const keys = q.rules.flatMap((rule, r) => rule.conditions.map((c, j) => `${candidateKey(q.registry, c.method, { expr: `raw.${col.get(c.field)}`, field: byName.get(c.field)! })} AS ${keyColumn(r, j)}`));
  const readable: SqlFragment = q.read === false ? { sql: 'FALSE', params: [] } : q.read ? { sql: `(${q.read.sql})`, params: q.read.params } : { sql: 'TRUE', params: [] };
  const columns = q.fields.map((_, i) => `, ${candidateColumn(i)}`).join('');
  const sql: string[] = [
    `WITH raw AS (SELECT * FROM unnest(?::int[], ?::uuid[]${q.fields.map(() => ', ?::text[]').join('')}) AS v(_i, _ex${columns})), ` +
      `candidates AS (SELECT raw._i, raw._ex${keys.map((k) => `, ${k}`).join('')} FROM raw) `,
  ];
  const params: unknown[] = [q.excludeIds.map((_, i) => i), q.excludeIds, ...q.columns];
  const parts: SqlFragment[] = [];
  q.rules.forEach((rule, r) => {
    const present = rule.conditions.map((_, j) => `v.${keyColumn(r, j)} IS NOT NULL`).join(' AND ');
    const on = and(rule.conditions.map((c, j) => conditionSql(c.method, c.threshold, storedKey(c.method, `t.${quoteIdent(c.field)}`), `v.${keyColumn(r, j)}`)));
    // Warn rules report only records the user may read; block rules look at every record and say which are readable.
    const shown = rule.action === 'warn' ? { sql: 'TRUE', params: [] } : readable;
    const where = rule.action === 'warn' ? and([on, readable]) : on;
    // Fuzzy: the closest first — which also makes the planner read the trigram index instead of scanning until LIMIT rows pass.
    const nearest = rule.conditions.findIndex((c) => c.method === 'fuzzy');
    const order = nearest >= 0 ? ` ORDER BY public.similarity(${storedKey('fuzzy', `t.${quoteIdent(rule.conditions[nearest]!.field)}`)}, v.${keyColumn(r, nearest)}) DESC` : '';
    parts.push({
      sql:
        `SELECT ${r} AS rule, v._i AS row, m.id, m.name, m.readable, NULL::int AS other FROM candidates v CROSS JOIN LATERAL (` +
        `SELECT t.id, t.name::text AS name, ${shown.sql} AS readable FROM ${q.obj.table} t ` +
        `WHERE ${where.sql} AND t.id IS DISTINCT FROM v._ex${order} LIMIT ${MATCH_LIMIT}) m WHERE ${present}`,
      params: [...shown.params, ...where.params],
    });
    const fuzzy = rule.conditions.some((c) => c.method === 'fuzzy');
    if (q.inBatch && (!fuzzy || q.excludeIds.length <= IN_BATCH_FUZZY_LIMIT)) {
      const pair = and(rule.conditions.map((c, j) => conditionSql(c.method, c.threshold, `a.${keyColumn(r, j)}`, `b.${keyColumn(r, j)}`)));
      parts.push({ sql: `SELECT ${r}, b._i, NULL::uuid, NULL::text, TRUE, a._i FROM candidates a JOIN candidates b ON a._i < b._i AND ${pair.sql}`, params: pair.params });
    }
  });
  // The candidates CTE is read by every part: computed once (PostgreSQL materializes a CTE used more than once).
  sql.push(parts.map((p) => p.sql).join(' UNION ALL '));
  return { sql: sql.join(''), params: [...params, ...parts.flatMap((p) => p.params)] };
}
