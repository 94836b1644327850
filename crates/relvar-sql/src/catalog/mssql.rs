//! The catalog query for SQL Server 2016 or later: the sys catalog views read with FOR JSON PATH,
//! the document returned as one value (a bare FOR JSON result reaches clients cut into rows of
//! 2,033 characters). Written against the documented catalog views; no SQL Server runs here, so
//! it is untested against a live server (its reader is tested on a hand-written sample).

/// Run with `sqlcmd -S SERVER -d DATABASE -E -i FILE -y 0 -h -1 -o schema.json`.
pub const QUERY: &str = r#"-- Relvar: the schema of this SQL Server database (2016 or later) as one JSON document.
-- It reads the sys catalog views only, never a row of data. Run it in sqlcmd:
--   sqlcmd -S SERVER -d DATABASE -E -i relvar-catalog-mssql.sql -y 0 -h -1 -o schema.json
-- (-y 0 prints the whole document, which is one long value; bcp "..." queryout works too.)
SET NOCOUNT ON;
SELECT (
  SELECT
    1 AS relvar_catalog,
    'mssql' AS engine,
    CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS server,
    DB_NAME() AS [database],
    (SELECT s.name AS [name]
     FROM sys.schemas s
     WHERE s.schema_id > 4 AND s.schema_id < 16384
     ORDER BY s.name
     FOR JSON PATH) AS schemas,
    (SELECT
       SCHEMA_NAME(t.schema_id) AS [schema],
       t.name AS [name],
       CAST((SELECT ep.value FROM sys.extended_properties ep
             WHERE ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0
               AND ep.name = 'MS_Description') AS nvarchar(max)) AS comment,
       (SELECT
          c.column_id AS position,
          c.name AS [name],
          CASE
            WHEN ty.is_user_defined = 1 THEN SCHEMA_NAME(ty.schema_id) + '.' + ty.name
            WHEN ty.name IN ('varchar', 'char', 'varbinary', 'binary')
              THEN ty.name + '(' + CASE WHEN c.max_length = -1 THEN 'max'
                                        ELSE CAST(c.max_length AS varchar(10)) END + ')'
            WHEN ty.name IN ('nvarchar', 'nchar')
              THEN ty.name + '(' + CASE WHEN c.max_length = -1 THEN 'max'
                                        ELSE CAST(c.max_length / 2 AS varchar(10)) END + ')'
            WHEN ty.name IN ('decimal', 'numeric')
              THEN ty.name + '(' + CAST(c.precision AS varchar(10)) + ','
                   + CAST(c.scale AS varchar(10)) + ')'
            WHEN ty.name IN ('datetime2', 'time', 'datetimeoffset')
              THEN ty.name + '(' + CAST(c.scale AS varchar(10)) + ')'
            ELSE ty.name END AS [type],
          c.is_nullable AS nullable,
          dc.definition AS [default],
          CASE WHEN c.is_identity = 1 THEN 'always' END AS [identity],
          cc.definition AS generated,
          cc.is_persisted AS stored,
          CASE WHEN c.collation_name <> CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128))
               THEN c.collation_name END AS collation,
          CAST((SELECT ep.value FROM sys.extended_properties ep
                WHERE ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id
                  AND ep.name = 'MS_Description') AS nvarchar(max)) AS comment
        FROM sys.columns c
        JOIN sys.types ty ON ty.user_type_id = c.user_type_id
        LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
        LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
        WHERE c.object_id = t.object_id
        ORDER BY c.column_id
        FOR JSON PATH) AS columns,
       JSON_QUERY((
         SELECT
           k.name AS [name],
           (SELECT col.name AS [name], ic.key_ordinal AS position
            FROM sys.index_columns ic
            JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
            WHERE ic.object_id = k.parent_object_id AND ic.index_id = k.unique_index_id
            ORDER BY ic.key_ordinal
            FOR JSON PATH) AS columns
         FROM sys.key_constraints k
         WHERE k.parent_object_id = t.object_id AND k.type = 'PK'
         FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS primary_key,
       (SELECT
          k.name AS [name],
          (SELECT col.name AS [name], ic.key_ordinal AS position
           FROM sys.index_columns ic
           JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
           WHERE ic.object_id = k.parent_object_id AND ic.index_id = k.unique_index_id
           ORDER BY ic.key_ordinal
           FOR JSON PATH) AS columns
        FROM sys.key_constraints k
        WHERE k.parent_object_id = t.object_id AND k.type = 'UQ'
        ORDER BY k.name
        FOR JSON PATH) AS uniques,
       (SELECT ck.name AS [name], ck.definition AS expression
        FROM sys.check_constraints ck
        WHERE ck.parent_object_id = t.object_id
        ORDER BY ck.name
        FOR JSON PATH) AS checks,
       (SELECT
          fk.name AS [name],
          (SELECT pc.name AS [name], fkc.constraint_column_id AS position
           FROM sys.foreign_key_columns fkc
           JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
           WHERE fkc.constraint_object_id = fk.object_id
           ORDER BY fkc.constraint_column_id
           FOR JSON PATH) AS columns,
          OBJECT_SCHEMA_NAME(fk.referenced_object_id) AS ref_schema,
          OBJECT_NAME(fk.referenced_object_id) AS ref_table,
          (SELECT rc.name AS [name], fkc.constraint_column_id AS position
           FROM sys.foreign_key_columns fkc
           JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id
                              AND rc.column_id = fkc.referenced_column_id
           WHERE fkc.constraint_object_id = fk.object_id
           ORDER BY fkc.constraint_column_id
           FOR JSON PATH) AS ref_columns,
          REPLACE(fk.delete_referential_action_desc, '_', ' ') AS on_delete,
          REPLACE(fk.update_referential_action_desc, '_', ' ') AS on_update
        FROM sys.foreign_keys fk
        WHERE fk.parent_object_id = t.object_id
        ORDER BY fk.name
        FOR JSON PATH) AS foreign_keys,
       (SELECT
          i.name AS [name],
          i.is_unique AS [unique],
          i.type_desc AS kind,
          i.filter_definition AS predicate,
          (SELECT col.name AS [column], ic.key_ordinal AS position,
                  ic.is_descending_key AS descending
           FROM sys.index_columns ic
           JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
           WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id
             AND ic.is_included_column = 0 AND ic.key_ordinal > 0
           ORDER BY ic.key_ordinal
           FOR JSON PATH) AS parts,
          (SELECT col.name AS [name], ic.index_column_id AS position
           FROM sys.index_columns ic
           JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
           WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id
             AND ic.is_included_column = 1
           ORDER BY ic.index_column_id
           FOR JSON PATH) AS [include]
        FROM sys.indexes i
        WHERE i.object_id = t.object_id AND i.type IN (1, 2)
          AND i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.is_hypothetical = 0
        ORDER BY i.name
        FOR JSON PATH) AS indexes
     FROM sys.tables t
     WHERE t.is_ms_shipped = 0
     ORDER BY SCHEMA_NAME(t.schema_id), t.name
     FOR JSON PATH) AS tables,
    (SELECT
       SCHEMA_NAME(v.schema_id) AS [schema],
       v.name AS [name],
       OBJECT_DEFINITION(v.object_id) AS definition
     FROM sys.views v
     WHERE v.is_ms_shipped = 0
     ORDER BY v.object_id
     FOR JSON PATH) AS views,
    (SELECT
       SCHEMA_NAME(sq.schema_id) AS [schema],
       sq.name AS [name],
       TYPE_NAME(sq.user_type_id) AS [type],
       CAST(sq.start_value AS bigint) AS [start],
       CAST(sq.increment AS bigint) AS [increment],
       CAST(sq.minimum_value AS bigint) AS min_value,
       CAST(sq.maximum_value AS bigint) AS max_value,
       sq.cache_size AS [cache],
       sq.is_cycling AS [cycle]
     FROM sys.sequences sq
     ORDER BY SCHEMA_NAME(sq.schema_id), sq.name
     FOR JSON PATH) AS sequences
  FOR JSON PATH, WITHOUT_ARRAY_WRAPPER
) AS relvar_catalog_document;
"#;
