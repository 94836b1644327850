//! The catalog query for MariaDB 10.5+ and MySQL 8: information_schema of the current database
//! read with `JSON_OBJECT` and `JSON_ARRAYAGG`. Lists carry positions instead of being ordered
//! (MySQL's `JSON_ARRAYAGG` takes no ORDER BY); checks come from a NATURAL JOIN, which matches
//! on the table name where MariaDB has one and on the constraint name in MySQL.

/// Run with `mysql --batch --raw --skip-column-names DATABASE < FILE > schema.json`.
pub const QUERY: &str = r#"-- Relvar: the schema of this MySQL or MariaDB database as one JSON document.
-- It reads information_schema only, never a row of data. Run it in the mysql client:
--   mysql --batch --raw --skip-column-names DATABASE < relvar-catalog-mysql.sql > schema.json
SET SESSION group_concat_max_len = 1073741824;
SELECT JSON_OBJECT(
  'relvar_catalog', 1,
  'engine', 'mysql',
  'server', VERSION(),
  'database', DATABASE(),
  'tables', (
    SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'name', t.TABLE_NAME,
      'comment', NULLIF(t.TABLE_COMMENT, ''),
      'columns', (
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
          'position', c.ORDINAL_POSITION,
          'name', c.COLUMN_NAME,
          'type', c.COLUMN_TYPE,
          'nullable', c.IS_NULLABLE = 'YES',
          'default', CASE
            WHEN c.COLUMN_DEFAULT IS NULL OR COALESCE(c.GENERATION_EXPRESSION, '') <> '' THEN NULL
            WHEN VERSION() LIKE '%MariaDB%' THEN NULLIF(c.COLUMN_DEFAULT, 'NULL')
            WHEN c.EXTRA LIKE '%DEFAULT_GENERATED%' THEN
              IF(c.COLUMN_DEFAULT LIKE 'CURRENT\_TIMESTAMP%', c.COLUMN_DEFAULT,
                 CONCAT('(', c.COLUMN_DEFAULT, ')'))
            WHEN c.DATA_TYPE IN ('tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint',
                                 'decimal', 'numeric', 'float', 'double', 'real', 'year')
              THEN c.COLUMN_DEFAULT
            ELSE QUOTE(c.COLUMN_DEFAULT) END,
          'identity', IF(c.EXTRA LIKE '%auto\_increment%', 'by default', NULL),
          'generated', NULLIF(c.GENERATION_EXPRESSION, ''),
          'stored', c.EXTRA LIKE '%STORED%' OR c.EXTRA LIKE '%PERSISTENT%',
          'collation', NULLIF(c.COLLATION_NAME, t.TABLE_COLLATION),
          'comment', NULLIF(c.COLUMN_COMMENT, ''),
          'options', IF(c.EXTRA LIKE '%on update%',
                        JSON_ARRAY(UPPER(SUBSTRING(c.EXTRA, LOCATE('on update', LOWER(c.EXTRA))))),
                        NULL)))
        FROM information_schema.COLUMNS c
        WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME),
      'primary_key', (
        SELECT JSON_OBJECT('columns', JSON_ARRAYAGG(JSON_OBJECT(
          'name', k.COLUMN_NAME, 'position', k.ORDINAL_POSITION)))
        FROM information_schema.KEY_COLUMN_USAGE k
        WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
          AND k.CONSTRAINT_NAME = 'PRIMARY'),
      'uniques', (
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
          'name', s.INDEX_NAME,
          'columns', (
            SELECT JSON_ARRAYAGG(JSON_OBJECT('name', p.COLUMN_NAME, 'position', p.SEQ_IN_INDEX))
            FROM information_schema.STATISTICS p
            WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME
              AND p.INDEX_NAME = s.INDEX_NAME)))
        FROM information_schema.STATISTICS s
        WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME
          AND s.SEQ_IN_INDEX = 1 AND s.NON_UNIQUE = 0 AND s.INDEX_NAME <> 'PRIMARY'
          AND NOT EXISTS (
            SELECT 1 FROM information_schema.STATISTICS q
            WHERE q.TABLE_SCHEMA = s.TABLE_SCHEMA AND q.TABLE_NAME = s.TABLE_NAME
              AND q.INDEX_NAME = s.INDEX_NAME
              AND (q.SUB_PART IS NOT NULL OR q.COLUMN_NAME IS NULL OR q.COLLATION = 'D'))),
      'checks', (
        SELECT JSON_ARRAYAGG(JSON_OBJECT('name', CONSTRAINT_NAME, 'expression', CHECK_CLAUSE))
        FROM information_schema.TABLE_CONSTRAINTS
        NATURAL JOIN information_schema.CHECK_CONSTRAINTS
        WHERE TABLE_SCHEMA = t.TABLE_SCHEMA AND TABLE_NAME = t.TABLE_NAME
          AND CONSTRAINT_TYPE = 'CHECK'),
      'foreign_keys', (
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
          'name', r.CONSTRAINT_NAME,
          'columns', (
            SELECT JSON_ARRAYAGG(JSON_OBJECT('name', k.COLUMN_NAME, 'position', k.ORDINAL_POSITION))
            FROM information_schema.KEY_COLUMN_USAGE k
            WHERE k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME
              AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME),
          'ref_schema', NULLIF(r.UNIQUE_CONSTRAINT_SCHEMA, DATABASE()),
          'ref_table', r.REFERENCED_TABLE_NAME,
          'ref_columns', (
            SELECT JSON_ARRAYAGG(JSON_OBJECT('name', k.REFERENCED_COLUMN_NAME,
                                             'position', k.ORDINAL_POSITION))
            FROM information_schema.KEY_COLUMN_USAGE k
            WHERE k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME
              AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME),
          'on_delete', r.DELETE_RULE,
          'on_update', r.UPDATE_RULE))
        FROM information_schema.REFERENTIAL_CONSTRAINTS r
        WHERE r.CONSTRAINT_SCHEMA = t.TABLE_SCHEMA AND r.TABLE_NAME = t.TABLE_NAME),
      'indexes', (
        SELECT JSON_ARRAYAGG(JSON_OBJECT(
          'name', s.INDEX_NAME,
          'unique', s.NON_UNIQUE = 0,
          'method', s.INDEX_TYPE,
          'parts', (
            SELECT JSON_ARRAYAGG(JSON_OBJECT(
              'position', p.SEQ_IN_INDEX,
              'column', p.COLUMN_NAME,
              'descending', p.COLLATION = 'D',
              'prefix', p.SUB_PART))
            FROM information_schema.STATISTICS p
            WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME
              AND p.INDEX_NAME = s.INDEX_NAME)))
        FROM information_schema.STATISTICS s
        WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME
          AND s.SEQ_IN_INDEX = 1 AND s.INDEX_NAME <> 'PRIMARY'
          AND (s.NON_UNIQUE = 1 OR EXISTS (
            SELECT 1 FROM information_schema.STATISTICS q
            WHERE q.TABLE_SCHEMA = s.TABLE_SCHEMA AND q.TABLE_NAME = s.TABLE_NAME
              AND q.INDEX_NAME = s.INDEX_NAME
              AND (q.SUB_PART IS NOT NULL OR q.COLUMN_NAME IS NULL OR q.COLLATION = 'D'))))))
    FROM information_schema.TABLES t
    WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')),
  'views', (
    SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'name', v.TABLE_NAME,
      'definition', REPLACE(v.VIEW_DEFINITION, CONCAT('`', DATABASE(), '`.'), '')))
    FROM information_schema.VIEWS v
    WHERE v.TABLE_SCHEMA = DATABASE())
);
"#;
