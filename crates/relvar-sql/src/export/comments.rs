//! Table and column comments in each dialect's form: PostgreSQL `COMMENT ON`, SQL Server
//! `MS_Description` extended properties, SQL comments for SQLite (MySQL's are inline).

use std::fmt::Write;

use relvar_model::Table;

use super::DdlWriter;
use super::types::string_literal;
use crate::dialect::{Dialect, SqlSyntax};

impl DdlWriter<'_> {
    pub(super) fn sqlite_comments(&mut self, out: &mut String, table: &Table) {
        let mut any = false;
        if let Some(comment) = &table.comment {
            let _ = writeln!(out, "-- {}: {}", table.name, comment.replace('\n', " "));
            any = true;
        }
        for column in &table.columns {
            if let Some(comment) = &column.comment {
                let _ = writeln!(
                    out,
                    "-- {}.{}: {}",
                    table.name,
                    column.name,
                    comment.replace('\n', " ")
                );
                any = true;
            }
        }
        if any {
            self.warn(format!(
                "{}: SQLite keeps no comments; written as SQL comments",
                table.qualified_name()
            ));
        }
    }

    /// PostgreSQL `COMMENT ON`, SQL Server `MS_Description` extended properties.
    pub(super) fn comments(&mut self, out: &mut String, table: &Table) {
        let on_table = table.comment.as_deref().map(|comment| (None, comment));
        let on_columns = table
            .columns
            .iter()
            .filter_map(|column| Some((Some(column.name.as_str()), column.comment.as_deref()?)));
        let targets: Vec<(Option<&str>, &str)> = on_table.into_iter().chain(on_columns).collect();
        for (column, comment) in targets {
            match self.to {
                Dialect::PostgreSql => {
                    let target = match column {
                        Some(column) => format!(
                            "COLUMN {}.{}",
                            self.table_name(table),
                            self.to.quote(column)
                        ),
                        None => format!("TABLE {}", self.table_name(table)),
                    };
                    let _ = writeln!(out, "COMMENT ON {target} IS {};", string_literal(comment));
                }
                Dialect::MsSql => {
                    let schema = self.schema_of(table.schema.as_deref()).unwrap_or("dbo");
                    let _ = write!(
                        out,
                        "EXEC sp_addextendedproperty N'MS_Description', N{}, N'SCHEMA', N{}, N'TABLE', N{}",
                        string_literal(comment),
                        string_literal(schema),
                        string_literal(&table.name)
                    );
                    if let Some(column) = column {
                        let _ = write!(out, ", N'COLUMN', N{}", string_literal(column));
                    }
                    out.push_str(";\n");
                }
                Dialect::MySql | Dialect::Sqlite => {}
            }
        }
    }
}
