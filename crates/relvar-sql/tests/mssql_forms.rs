//! SQL Server forms that once lost a whole CREATE TABLE or were kept unmodelled, in scripts built
//! from lists of them: each column form at each column position, each table element and option,
//! and every combination of the CREATE INDEX clauses. Each is modelled or kept verbatim where it
//! belongs, written back for SQL Server (which reads back to the same design), and mapped or left
//! out with a warning for PostgreSQL, MySQL and SQLite.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use relvar_model::{Design, IndexKind};
use relvar_sql::{Dialect, Severity, export_ddl, import_sql};

/// What a column form becomes in the model.
#[derive(Debug, Clone, Copy)]
enum Held {
    /// The column's default, with this text.
    Default(&'static str),
    /// Verbatim on the column.
    OnColumn,
    /// The column is the primary key.
    PrimaryKey,
    /// The column is a unique constraint.
    Unique,
}

/// Column forms, each written after `[cN] <type>`, with what the model holds of them.
const COLUMN_FORMS: &[(&str, &str, Held)] = &[
    (
        "int",
        "DEFAULT (NEXT VALUE FOR [Sequences].[Ids])",
        Held::Default("(NEXT VALUE FOR [Sequences].[Ids])"),
    ),
    (
        "bigint",
        "CONSTRAINT [DF_t_c] DEFAULT NEXT VALUE FOR Ids NOT NULL",
        Held::Default("NEXT VALUE FOR Ids"),
    ),
    (
        "nvarchar(100)",
        "MASKED WITH (FUNCTION = 'partial(1, \"xx\", 0)') NULL",
        Held::OnColumn,
    ),
    (
        "varchar(50)",
        "MASKED WITH (FUNCTION = 'email()')",
        Held::OnColumn,
    ),
    (
        "datetime2(7)",
        "GENERATED ALWAYS AS ROW START HIDDEN NOT NULL",
        Held::OnColumn,
    ),
    (
        "datetime2",
        "GENERATED ALWAYS AS ROW END NOT NULL",
        Held::OnColumn,
    ),
    ("int", "SPARSE NULL", Held::OnColumn),
    ("uniqueidentifier", "ROWGUIDCOL NOT NULL", Held::OnColumn),
    (
        "int",
        "IDENTITY(1,1) NOT FOR REPLICATION NOT NULL",
        Held::OnColumn,
    ),
    (
        "int",
        "NOT NULL CONSTRAINT [PK_t] PRIMARY KEY CLUSTERED",
        Held::PrimaryKey,
    ),
    ("int", "PRIMARY KEY NONCLUSTERED", Held::PrimaryKey),
    ("int", "UNIQUE NONCLUSTERED", Held::Unique),
    (
        "int",
        "CONSTRAINT [UQ_t] UNIQUE CLUSTERED NOT NULL",
        Held::Unique,
    ),
];

/// The words of each form that must not reach a PostgreSQL script.
const SQL_SERVER_ONLY: &[&str] = &[
    "NEXT VALUE",
    "MASKED",
    "AS ROW",
    "SPARSE",
    "ROWGUIDCOL",
    "REPLICATION",
    "CLUSTERED",
    "COLUMNSTORE",
    "SYSTEM_TIME",
    "[PRIMARY]",
    "FILLFACTOR",
];

const COLUMNS: usize = 3;

fn table_with(form_at: usize, form: (&str, &str)) -> String {
    let columns: Vec<String> = (0..COLUMNS)
        .map(|at| match at == form_at {
            true => format!("    [c{at}] {} {}", form.0, form.1),
            false => format!("    [c{at}] int NULL"),
        })
        .collect();
    format!(
        "CREATE SEQUENCE [Sequences].[Ids] AS int;\nGO\nCREATE TABLE [dbo].[t] (\n{}\n);\nGO\n",
        columns.join(",\n")
    )
}

fn import(text: &str) -> Design {
    let import = import_sql(text, Dialect::MsSql);
    let loud: Vec<String> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(ToString::to_string)
        .collect();
    assert!(loud.is_empty(), "{text}\n{loud:#?}");
    import.design
}

/// SQL Server's export reads back to the same design (but for the schema of a sequence, which
/// the export must create); PostgreSQL's has none of the SQL Server forms.
fn assert_exports(design: &Design, case: &str) {
    let export = export_ddl(design, Dialect::MsSql);
    let again = import(&export.sql);
    let outline = |design: &Design| {
        support::sorted_entries(
            design
                .outline()
                .lines()
                .filter(|line| !line.starts_with("kept from") && !line.starts_with("schema ")),
        )
    };
    assert_eq!(outline(&again), outline(design), "{case}\n{}", export.sql);
    let sequenced = design.tables.iter().flat_map(|t| &t.columns).any(|c| {
        c.default
            .as_deref()
            .is_some_and(|d| d.contains("NEXT VALUE FOR"))
    });
    for dialect in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
        let export = export_ddl(design, dialect);
        let body: String = export
            .sql
            .lines()
            .filter(|line| !line.starts_with("--"))
            .collect();
        for words in SQL_SERVER_ONLY {
            assert!(!body.contains(words), "{words} in {case}\n{}", export.sql);
        }
        if sequenced && dialect == Dialect::PostgreSql {
            assert!(body.contains("DEFAULT (nextval('") || body.contains("DEFAULT nextval('"));
        } else if sequenced {
            let warned = export.warnings.iter().any(|w| w.contains("NEXT VALUE FOR"));
            assert!(warned, "{case}\n{:?}", export.warnings);
        }
    }
}

#[test]
fn every_column_form_at_every_position_keeps_the_table_and_its_form() {
    for &(data_type, form, held) in COLUMN_FORMS {
        for at in 0..COLUMNS {
            let text = table_with(at, (data_type, form));
            let design = import(&text);
            let table = design.tables.iter().find(|t| t.name == "t").unwrap();
            assert_eq!(table.columns.len(), COLUMNS, "{text}");
            let column = &table.columns[at];
            match held {
                Held::Default(expected) => {
                    assert_eq!(column.default.as_deref(), Some(expected), "{text}");
                }
                Held::OnColumn => {
                    let words = form
                        .split(" NULL")
                        .next()
                        .unwrap()
                        .trim_end_matches(" NOT")
                        .trim_start_matches("IDENTITY(1,1) ");
                    assert_eq!(column.verbatim, [words], "{text}");
                }
                Held::PrimaryKey => {
                    assert_eq!(table.primary_key.as_ref().unwrap().columns, [column.id]);
                }
                Held::Unique => assert_eq!(table.uniques[0].columns, [column.id], "{text}"),
            }
            assert_exports(&design, &text);
        }
    }
}

#[test]
fn temporal_tables_keep_their_period_and_versioning_and_tables_their_storage() {
    let options = [
        "",
        "ON [PRIMARY]",
        "ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]",
        "WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [dbo].[t_history]))",
        "ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE)",
    ];
    let keys = [
        "CONSTRAINT [PK_t] PRIMARY KEY CLUSTERED ([id] ASC)",
        "CONSTRAINT [PK_t] PRIMARY KEY NONCLUSTERED ([id]) WITH (PAD_INDEX = OFF, FILLFACTOR = 90) ON [PRIMARY]",
    ];
    for option in options {
        for key in keys {
            for period_first in [false, true] {
                let period = "PERIOD FOR SYSTEM_TIME ([from], [to])";
                let elements = match period_first {
                    true => format!("{period},\n  {key}"),
                    false => format!("{key},\n  {period}"),
                };
                let text = format!(
                    "CREATE TABLE [dbo].[t] (\n  [id] int NOT NULL,\n  \
                     [from] datetime2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,\n  \
                     [to] datetime2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,\n  {elements}\n) {option};"
                );
                let design = import(&text);
                let table = &design.tables[0];
                assert_eq!(table.columns.len(), 3, "{text}");
                assert!(table.primary_key.is_some(), "{text}");
                assert_eq!(table.verbatim_elements, [period], "{text}");
                let kept_options: Vec<&str> =
                    table.verbatim_options.iter().map(|o| o.as_str()).collect();
                let expected: Vec<&str> = [option].into_iter().filter(|o| !o.is_empty()).collect();
                assert_eq!(
                    kept_options.join(" ").replace("ON(", "ON ("),
                    expected.join(" ")
                );
                assert!(!table.columns[1].nullable, "{text}");
                assert_exports(&design, &text);
            }
        }
    }
}

#[test]
fn every_combination_of_index_clauses_is_modelled_and_written_back() {
    let layouts: [(&str, Option<IndexKind>); 5] = [
        ("", None),
        ("NONCLUSTERED ", None),
        ("CLUSTERED ", Some(IndexKind::Clustered)),
        ("COLUMNSTORE ", Some(IndexKind::Columnstore)),
        ("NONCLUSTERED COLUMNSTORE ", Some(IndexKind::Columnstore)),
    ];
    let table =
        "CREATE TABLE [dbo].[t] ([id] int NOT NULL PRIMARY KEY, [a] int, [b] nvarchar(20));\nGO\n";
    for unique in [false, true] {
        for (layout, kind) in layouts {
            if unique && kind == Some(IndexKind::Columnstore) {
                continue;
            }
            for include in ["", " INCLUDE ([b])"] {
                for filter in ["", " WHERE [a] > 0"] {
                    for with in ["", " WITH (FILLFACTOR = 80, PAD_INDEX = ON)"] {
                        for on in ["", " ON [PRIMARY]", " ON [INDEXES]"] {
                            let text = format!(
                                "{table}CREATE {}{layout}INDEX [ix] ON [dbo].[t] ([a] DESC, [id]){include}{filter}{with}{on};",
                                if unique { "UNIQUE " } else { "" }
                            );
                            let design = import(&text);
                            let indexes = &design.tables[0].indexes;
                            assert_eq!(indexes.len(), 1, "{text}");
                            let index = &indexes[0];
                            assert_eq!((index.unique, index.kind), (unique, kind), "{text}");
                            assert_eq!(index.parts.len(), 2, "{text}");
                            assert_eq!(index.include.len(), include.len().min(1), "{text}");
                            assert_eq!(index.predicate.is_some(), !filter.is_empty(), "{text}");
                            let options: Vec<&str> = [with.trim(), on.trim()]
                                .into_iter()
                                .filter(|o| !o.is_empty())
                                .collect();
                            assert_eq!(index.verbatim_options, options, "{text}");
                            assert_exports(&design, &text);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_clustered_index_makes_the_exported_key_nonclustered() {
    let design = import(
        "CREATE TABLE t (id int NOT NULL PRIMARY KEY NONCLUSTERED, a int);\nGO\n\
         CREATE CLUSTERED INDEX cx ON t (a);",
    );
    let sql = export_ddl(&design, Dialect::MsSql).sql;
    assert!(sql.contains("PRIMARY KEY NONCLUSTERED ("), "{sql}");
    assert!(sql.contains("CREATE CLUSTERED INDEX cx ON t (a);"), "{sql}");
}
