//! The catalog query for SQLite 3.38 or later: sqlite_schema with the table-valued pragmas
//! (`pragma_table_xinfo`, `pragma_foreign_key_list`, `pragma_index_list`, `pragma_index_xinfo`)
//! read with `json_object` and `json_group_array`. SQLite keeps no catalog of checks, collations
//! or generated expressions, so each table's and index's own CREATE statement comes along.

/// Run with `sqlite3 -readonly FILE.db < QUERY > schema.json`.
pub const QUERY: &str = r#"-- Relvar: the schema of this SQLite database as one JSON document (SQLite 3.38 or later).
-- It reads sqlite_schema and pragmas only, never a row of data. Run it in the sqlite3 shell:
--   sqlite3 -readonly app.db < relvar-catalog-sqlite.sql > schema.json
SELECT json_object(
  'relvar_catalog', 1,
  'engine', 'sqlite',
  'server', sqlite_version(),
  'tables', json((
    SELECT json_group_array(json_object(
      'name', m.name,
      'sql', m.sql,
      'columns', json((
        SELECT json_group_array(json_object(
          'position', c.cid,
          'name', c.name,
          'type', c.type,
          'nullable', json(CASE WHEN c."notnull" = 0 AND c.pk = 0 THEN 'true' ELSE 'false' END),
          'default', c.dflt_value,
          'identity', CASE WHEN c.pk = 1 AND upper(c.type) = 'INTEGER'
                            AND (SELECT count(*) FROM pragma_table_info(m.name) k WHERE k.pk > 0) = 1
                            AND upper(m.sql) LIKE '%AUTOINCREMENT%' THEN 'by default' END,
          'stored', json(CASE WHEN c.hidden = 3 THEN 'true' ELSE 'false' END)))
        FROM pragma_table_xinfo(m.name) c
        WHERE c.hidden <> 1)),
      'primary_key', (
        SELECT json_object('columns', json_group_array(json_object('name', k.name, 'position', k.pk)))
        FROM pragma_table_info(m.name) k
        WHERE k.pk > 0),
      'uniques', json((
        SELECT json_group_array(json_object('columns', json((
          SELECT json_group_array(json_object('name', i.name, 'position', i.seqno))
          FROM pragma_index_info(l.name) i))))
        FROM pragma_index_list(m.name) l
        WHERE l.origin = 'u')),
      'foreign_keys', json((
        SELECT json_group_array(json_object(
          'ref_table', g.ref_table,
          'columns', json(g.columns),
          'ref_columns', json(g.ref_columns),
          'on_delete', g.on_delete,
          'on_update', g.on_update))
        FROM (
          SELECT f.id,
                 f."table" AS ref_table,
                 f.on_delete,
                 f.on_update,
                 json_group_array(json_object('name', f."from", 'position', f.seq)) AS columns,
                 json_group_array(json_object('name', f."to", 'position', f.seq)) AS ref_columns
          FROM pragma_foreign_key_list(m.name) f
          GROUP BY f.id) g)),
      'indexes', json((
        SELECT json_group_array(json_object(
          'name', l.name,
          'unique', json(CASE WHEN l."unique" THEN 'true' ELSE 'false' END),
          'sql', (SELECT s.sql FROM sqlite_schema s WHERE s.type = 'index' AND s.name = l.name),
          'parts', json((
            SELECT json_group_array(json_object(
              'position', x.seqno,
              'column', x.name,
              'descending', json(CASE WHEN x."desc" THEN 'true' ELSE 'false' END),
              'collation', CASE WHEN x.coll <> 'BINARY' THEN x.coll END))
            FROM pragma_index_xinfo(l.name) x
            WHERE x.key = 1))))
        FROM pragma_index_list(m.name) l
        WHERE l.origin = 'c'))))
    FROM sqlite_schema m
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\')),
  'views', json((
    SELECT json_group_array(json_object('name', m.name, 'definition', m.sql))
    FROM sqlite_schema m
    WHERE m.type = 'view'))
);
"#;
