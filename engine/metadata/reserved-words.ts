/** PostgreSQL reserved key words (SQL:2016 + PostgreSQL "reserved" / "requires AS"). */
const SQL_RESERVED = `all analyse analyze and any array as asc asymmetric authorization binary both case cast check
collate collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable desc distinct do else end
except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into
is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on
only or order outer overlaps placing primary references returning right select session_user similar some
symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when
where window with between bigint bit boolean char character coalesce dec decimal exists extract float
greatest grouping inout int integer interval least national nchar none normalize nullif numeric out overlay
position precision real row setof smallint substring time timestamp treat trim values varchar xmlattributes
xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`.split(/\s+/);

/** Hidden columns every PostgreSQL table has. */
const PG_SYSTEM_COLUMNS = ['oid', 'tableoid', 'xmin', 'xmax', 'cmin', 'cmax', 'ctid'];

const RESERVED = new Set([...SQL_RESERVED, ...PG_SYSTEM_COLUMNS]);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name) || name.startsWith('pg_');
}
