import { quoteIdent } from '../db/knex';
import type { Field } from '../shared/metadata-types';
import { qualified } from './column-ddl';
import { rollupFunctionName, rollupTriggerName, type RollupEvent } from './rollup-names';
import { aggregate, andFilter, isDeltaRollup, rollupParts, type RollupParts } from './rollup-parts';

type Op = 'INSERT' | 'UPDATE' | 'DELETE';

const EVENTS: { op: Op; event: RollupEvent; referencing: string }[] = [
  { op: 'INSERT', event: 'ins', referencing: 'NEW TABLE AS new_rows' },
  { op: 'UPDATE', event: 'upd', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { op: 'DELETE', event: 'del', referencing: 'OLD TABLE AS old_rows' },
];

/**
 * Parents whose total changes, with the change: +value for each new counting
 * row, -value for each old one. An update contributes both, so re-parenting
 * moves the contribution and an unrelated change nets to zero.
 */
function deltas(p: RollupParts, op: Op): string {
  const value = p.fn === 'count' ? '1' : `coalesce(${p.value}, 0)`;
  const rows = (table: string, sign: string) => `SELECT r.${p.lookup} AS parent_id, ${sign}${value} AS delta FROM ${table} r WHERE ${p.counts}`;
  const parts = [...(op !== 'DELETE' ? [rows('new_rows', '')] : []), ...(op !== 'INSERT' ? [rows('old_rows', '-')] : [])];
  return `SELECT parent_id, sum(delta) AS delta FROM (${parts.join(' UNION ALL ')}) d GROUP BY parent_id HAVING sum(delta) <> 0`;
}

/** Parents whose min/max/avg may change: those of counting rows inserted or deleted, or of updated rows whose parent, value or filter result changed. */
function affected(p: RollupParts, op: Op): string {
  if (op !== 'UPDATE') return `SELECT r.${p.lookup} AS parent_id FROM ${op === 'INSERT' ? 'new_rows' : 'old_rows'} r WHERE ${p.counts}`;
  const side = (table: string) => `SELECT r.id, r.${p.lookup} AS parent_id, ${p.value} AS value, coalesce(${p.counts}, false) AS counted FROM ${table} r`;
  return (
    `SELECT x.parent_id FROM (${side('old_rows')}) o JOIN (${side('new_rows')}) n ON n.id = o.id ` +
    'CROSS JOIN LATERAL (VALUES (CASE WHEN o.counted THEN o.parent_id END), (CASE WHEN n.counted THEN n.parent_id END)) x(parent_id) ' +
    'WHERE x.parent_id IS NOT NULL AND (o.parent_id, o.value, o.counted) IS DISTINCT FROM (n.parent_id, n.value, n.counted)'
  );
}

/** Collects from the transition tables the parents to touch, and for count/sum their deltas (variables start with _, which no field name can). */
function collect(p: RollupParts, op: Op): string {
  if (isDeltaRollup(p.fn)) return `SELECT array_agg(parent_id ORDER BY parent_id), array_agg(delta ORDER BY parent_id) INTO _ids, _deltas FROM (${deltas(p, op)}) s;`;
  return `SELECT array_agg(DISTINCT parent_id) INTO _ids FROM (${affected(p, op)}) a;`;
}

/**
 * Applies the change to the collected parents. They are locked first, in id
 * order, so concurrent writers queue instead of deadlocking; FOR NO KEY UPDATE
 * (not FOR UPDATE) because the foreign-key check of a child insert holds KEY
 * SHARE on its parent, which FOR UPDATE would wait on from both sides.
 */
function apply(p: RollupParts): string[] {
  const lock = `PERFORM 1 FROM ${p.parent} p WHERE p.id = ANY(_ids) ORDER BY p.id FOR NO KEY UPDATE;`;
  // Adding to the locked row cannot lose a concurrent writer's delta.
  if (isDeltaRollup(p.fn)) return [lock, `UPDATE ${p.parent} p SET ${p.column} = coalesce(p.${p.column}, 0) + d.delta FROM unnest(_ids, _deltas) d(parent_id, delta) WHERE p.id = d.parent_id;`];
  // A new statement in a volatile function takes a new snapshot: after the lock it sees every child change committed before it.
  return [lock, `UPDATE ${p.parent} p SET ${p.column} = (SELECT ${aggregate(p)} FROM ${p.child} r WHERE r.${p.lookup} = p.id${andFilter(p)}) WHERE p.id = ANY(_ids);`];
}

/** A dollar-quote tag that does not occur in the body (filter text could contain `$body$`). */
function dollarQuote(body: string): string {
  let tag = 'body';
  while (body.includes(`$${tag}$`)) tag += '_';
  return `$${tag}$${body}$${tag}$`;
}

const functionRef = (schema: string, parentObject: string, field: Field) => `${qualified(schema, rollupFunctionName(parentObject, field.name))}()`;

/** The trigger function: one statement-level function for the three events, reading the transition tables. */
export function rollupFunctionSql(schema: string, parentObject: string, field: Field): string {
  const p = rollupParts(schema, parentObject, field);
  const lines = [
    'DECLARE',
    '  _ids uuid[];',
    ...(isDeltaRollup(p.fn) ? ['  _deltas numeric[];'] : []),
    'BEGIN',
    "  IF TG_OP = 'INSERT' THEN",
    `    ${collect(p, 'INSERT')}`,
    "  ELSIF TG_OP = 'UPDATE' THEN",
    `    ${collect(p, 'UPDATE')}`,
    '  ELSE',
    `    ${collect(p, 'DELETE')}`,
    '  END IF;',
    '  IF _ids IS NULL THEN',
    '    RETURN NULL;',
    '  END IF;',
    ...apply(p).map((s) => `  ${s}`),
    '  RETURN NULL;',
    'END',
  ];
  const body = `\n${lines.join('\n')}\n`;
  return `CREATE OR REPLACE FUNCTION ${functionRef(schema, parentObject, field)} RETURNS trigger LANGUAGE plpgsql VOLATILE AS ${dollarQuote(body)}`;
}

/** The three AFTER … FOR EACH STATEMENT triggers on the child table. */
export function rollupTriggersSql(schema: string, parentObject: string, field: Field): string[] {
  const p = rollupParts(schema, parentObject, field);
  return EVENTS.map(
    (e) => `CREATE TRIGGER ${quoteIdent(rollupTriggerName(parentObject, field.name, e.event))} AFTER ${e.op} ON ${p.child} REFERENCING ${e.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${functionRef(schema, parentObject, field)}`,
  );
}

/** Drops the triggers and the function (IF EXISTS: a replace may follow a half-built earlier state). */
export function dropRollupSql(schema: string, parentObject: string, field: Field): string[] {
  const p = rollupParts(schema, parentObject, field);
  return [
    ...EVENTS.map((e) => `DROP TRIGGER IF EXISTS ${quoteIdent(rollupTriggerName(parentObject, field.name, e.event))} ON ${p.child}`),
    `DROP FUNCTION IF EXISTS ${functionRef(schema, parentObject, field)}`,
    ...(isDeltaRollup(p.fn) ? [`ALTER TABLE ${p.parent} ALTER COLUMN ${p.column} DROP DEFAULT`] : []),
  ];
}
