//! The catalog query for PostgreSQL 12 or later: pg_catalog read with `json_build_object` and
//! `json_agg` (types by `format_type`, defaults, checks and predicates by `pg_get_expr`, index
//! expressions by `pg_get_indexdef`), user schemas only, objects of extensions left out.

/// Run with `psql -X -q -A -t -d DATABASE -f FILE -o schema.json`.
pub const QUERY: &str = r#"-- Relvar: the schema of this PostgreSQL database (12 or later) as one JSON document.
-- It reads the catalog only, never a row of data. Run it in psql and open the output in Relvar:
--   psql -X -q -A -t -d DATABASE -f relvar-catalog-postgres.sql -o schema.json
SELECT json_build_object(
  'relvar_catalog', 1,
  'engine', 'postgres',
  'server', current_setting('server_version'),
  'database', current_database(),
  'schemas', (
    SELECT coalesce(json_agg(n.nspname ORDER BY n.nspname), '[]')
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                      AND d.objid = n.oid AND d.deptype = 'e')),
  'tables', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'comment', obj_description(c.oid, 'pg_class'),
      'partition_by', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
      'partition_of', (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)
                       FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
                       JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                       WHERE i.inhrelid = c.oid AND c.relispartition),
      'partition_bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
      'options', (SELECT json_agg('INHERITS (' || string_agg || ')')
                  FROM (SELECT string_agg(quote_ident(pn.nspname) || '.' || quote_ident(pc.relname),
                                          ', ' ORDER BY i.inhseqno)
                        FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
                        JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                        WHERE i.inhrelid = c.oid AND NOT c.relispartition) parents
                  WHERE string_agg IS NOT NULL),
      'columns', (
        SELECT json_agg(json_build_object(
          'position', a.attnum,
          'name', a.attname,
          'type', format_type(a.atttypid, a.atttypmod),
          'nullable', NOT a.attnotnull,
          'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
          'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
          'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
          'stored', a.attgenerated = 's',
          'collation', (SELECT quote_ident(co.collname) FROM pg_collation co
                        WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation),
          'comment', col_description(c.oid, a.attnum)
        ) ORDER BY a.attnum)
        FROM pg_attribute a
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
      'primary_key', (
        SELECT json_build_object('name', k.conname, 'columns', (
          SELECT json_agg(a.attname ORDER BY key.ord)
          FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum))
        FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'),
      'uniques', (
        SELECT json_agg(json_build_object('name', k.conname, 'columns', (
          SELECT json_agg(a.attname ORDER BY key.ord)
          FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum)) ORDER BY k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'u'),
      'checks', (
        SELECT json_agg(json_build_object('name', k.conname,
                                          'expression', pg_get_expr(k.conbin, k.conrelid)) ORDER BY k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal),
      'foreign_keys', (
        SELECT json_agg(json_build_object(
          'name', k.conname,
          'columns', (SELECT json_agg(a.attname ORDER BY key.ord)
                      FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum),
          'ref_schema', rn.nspname,
          'ref_table', rc.relname,
          'ref_columns', (SELECT json_agg(a.attname ORDER BY key.ord)
                          FROM unnest(k.confkey) WITH ORDINALITY AS key(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = key.attnum),
          'on_delete', CASE k.confdeltype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                         WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END,
          'on_update', CASE k.confupdtype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                         WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END,
          'deferrable', k.condeferrable,
          'deferred', k.condeferred
        ) ORDER BY k.conname)
        FROM pg_constraint k
        JOIN pg_class rc ON rc.oid = k.confrelid
        JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.conparentid = 0),
      'indexes', (
        SELECT json_agg(json_build_object(
          'name', ic.relname,
          'unique', x.indisunique,
          'method', am.amname,
          'predicate', pg_get_expr(x.indpred, x.indrelid, true),
          'parts', (
            SELECT json_agg(json_build_object(
              'position', key.ord,
              'column', ka.attname,
              'expression', CASE WHEN key.attnum = 0
                              THEN pg_get_indexdef(x.indexrelid, key.ord::int, true) END,
              'descending', (x.indoption[key.ord - 1] & 1) = 1,
              'operator_class', (
                SELECT CASE WHEN ons.nspname IN ('pg_catalog', 'public') THEN quote_ident(oc.opcname)
                            ELSE quote_ident(ons.nspname) || '.' || quote_ident(oc.opcname) END
                FROM pg_opclass oc JOIN pg_namespace ons ON ons.oid = oc.opcnamespace
                WHERE oc.oid = x.indclass[key.ord - 1] AND NOT oc.opcdefault),
              'collation', (
                SELECT quote_ident(co.collname) FROM pg_collation co
                WHERE co.oid = x.indcollation[key.ord - 1]
                  AND co.oid <> coalesce(ka.attcollation, 100))
            ) ORDER BY key.ord)
            FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS key(attnum, ord)
            LEFT JOIN pg_attribute ka ON ka.attrelid = x.indrelid AND ka.attnum = key.attnum
            WHERE key.ord <= x.indnkeyatts),
          'include', (
            SELECT json_agg(a.attname ORDER BY key.ord)
            FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS key(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = key.attnum
            WHERE key.ord > x.indnkeyatts)
        ) ORDER BY ic.relname)
        FROM pg_index x
        JOIN pg_class ic ON ic.oid = x.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        WHERE x.indrelid = c.oid AND NOT ic.relispartition
          AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = x.indexrelid
                          AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x'))),
      'other_constraints', (
        SELECT json_agg('CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)
                        ORDER BY k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'x')
    ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')),
  'views', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'materialized', c.relkind = 'm',
      'definition', pg_get_viewdef(c.oid, true)
    ) ORDER BY c.oid), '[]')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm')
      AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')),
  'enums', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', t.typname,
      'values', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
                 FROM pg_enum e WHERE e.enumtypid = t.oid)
    ) ORDER BY n.nspname, t.typname), '[]')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e'
      AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')),
  'domains', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', t.typname,
      'type', format_type(t.typbasetype, t.typtypmod),
      'default', t.typdefault,
      'collation', (SELECT quote_ident(co.collname) FROM pg_collation co JOIN pg_type b ON b.oid = t.typbasetype
                    WHERE co.oid = t.typcollation AND t.typcollation <> b.typcollation),
      'checks', (SELECT json_agg(json_build_object('name', k.conname,
                                                   'expression', pg_get_expr(k.conbin, 0)) ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c')
    ) ORDER BY n.nspname, t.typname), '[]')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'd'
      AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')),
  'sequences', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'type', format_type(s.seqtypid, NULL),
      'start', s.seqstart,
      'increment', s.seqincrement,
      'min_value', s.seqmin,
      'max_value', s.seqmax,
      'cache', s.seqcache,
      'cycle', s.seqcycle,
      'owned_by_table', (SELECT tn.nspname || '.' || tc.relname
                         FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid
                         JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
                           AND d.deptype = 'a'),
      'owned_by_column', (SELECT a.attname
                          FROM pg_depend d JOIN pg_attribute a
                            ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
                            AND d.deptype = 'a')
    ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_sequence s
    JOIN pg_class c ON c.oid = s.seqrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype IN ('e', 'i')))
);
"#;
