//! DDL export: writes a design as a script its dialect's engine runs, tables first, then foreign
//! keys by ALTER TABLE so that cycles and forward references work.

use std::fmt::Write;

use relvar_model::{ColumnId, Design, ForeignKey, ReferentialAction, Table};

use crate::dialect::Dialect;

/// Writes the design as DDL for `dialect`.
pub fn export_ddl(design: &Design, dialect: Dialect) -> String {
    let writer = DdlWriter { design, dialect };
    let mut out = String::new();
    writer.header(&mut out);
    for table in &design.tables {
        writer.create_table(&mut out, table);
    }
    for foreign_key in &design.foreign_keys {
        writer.add_foreign_key(&mut out, foreign_key);
    }
    out
}

struct DdlWriter<'a> {
    design: &'a Design,
    dialect: Dialect,
}

impl DdlWriter<'_> {
    fn header(&self, out: &mut String) {
        let design = self.design;
        let _ = writeln!(
            out,
            "-- {} DDL for the Relvar design {}: {} tables, {} foreign keys.",
            self.dialect.name(),
            string_literal(&design.name),
            design.tables.len(),
            design.foreign_keys.len()
        );
        if !design.unmodelled.is_empty() {
            let _ = writeln!(
                out,
                "-- Not written here: {} imported statements Relvar keeps with the design but does not model yet.",
                design.unmodelled.len()
            );
        }
        out.push('\n');
    }

    fn table_name(&self, table: &Table) -> String {
        match &table.schema {
            Some(schema) => format!(
                "{}.{}",
                self.dialect.quote(schema),
                self.dialect.quote(&table.name)
            ),
            None => self.dialect.quote(&table.name),
        }
    }

    fn column_list(&self, table: &Table, ids: &[ColumnId]) -> String {
        let names: Vec<String> = ids
            .iter()
            .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
            .map(|column| self.dialect.quote(&column.name))
            .collect();
        names.join(", ")
    }

    fn constraint_prefix(&self, name: Option<&String>) -> String {
        name.map(|name| format!("CONSTRAINT {} ", self.dialect.quote(name)))
            .unwrap_or_default()
    }

    fn create_table(&self, out: &mut String, table: &Table) {
        let mut elements: Vec<String> = table
            .columns
            .iter()
            .map(|column| {
                let mut line = format!("{} {}", self.dialect.quote(&column.name), column.data_type);
                if let Some(default) = &column.default {
                    let _ = write!(line, " DEFAULT {default}");
                }
                if !column.nullable {
                    line.push_str(" NOT NULL");
                }
                for option in &column.verbatim {
                    let _ = write!(line, " {option}");
                }
                line
            })
            .collect();
        if let Some(key) = &table.primary_key {
            let prefix = self.constraint_prefix(key.name.as_ref());
            elements.push(format!(
                "{prefix}PRIMARY KEY ({})",
                self.column_list(table, &key.columns)
            ));
        }
        for unique in &table.uniques {
            let prefix = self.constraint_prefix(unique.name.as_ref());
            elements.push(format!(
                "{prefix}UNIQUE ({})",
                self.column_list(table, &unique.columns)
            ));
        }
        elements.extend(table.verbatim_elements.iter().cloned());
        let _ = write!(
            out,
            "CREATE TABLE {} (\n    {}\n)",
            self.table_name(table),
            elements.join(",\n    ")
        );
        for option in &table.verbatim_options {
            let _ = write!(out, "\n{option}");
        }
        out.push_str(";\n");
        if let Some(comment) = &table.comment {
            let _ = writeln!(
                out,
                "COMMENT ON TABLE {} IS {};",
                self.table_name(table),
                string_literal(comment)
            );
        }
        for column in &table.columns {
            if let Some(comment) = &column.comment {
                let name = format!(
                    "{}.{}",
                    self.table_name(table),
                    self.dialect.quote(&column.name)
                );
                let _ = writeln!(
                    out,
                    "COMMENT ON COLUMN {name} IS {};",
                    string_literal(comment)
                );
            }
        }
        out.push('\n');
    }

    fn add_foreign_key(&self, out: &mut String, foreign_key: &ForeignKey) {
        let (Some(from), Some(to)) = (
            self.design.table(foreign_key.from_table),
            self.design.table(foreign_key.to_table),
        ) else {
            return;
        };
        let _ = write!(
            out,
            "ALTER TABLE {} ADD {}FOREIGN KEY ({}) REFERENCES {} ({})",
            self.table_name(from),
            self.constraint_prefix(foreign_key.name.as_ref()),
            self.column_list(from, &foreign_key.from_columns),
            self.table_name(to),
            self.column_list(to, &foreign_key.to_columns),
        );
        for (event, action) in [
            ("DELETE", foreign_key.on_delete),
            ("UPDATE", foreign_key.on_update),
        ] {
            if action != ReferentialAction::NoAction {
                let _ = write!(out, " ON {event} {}", action.sql());
            }
        }
        out.push_str(";\n");
    }
}

/// A SQL string literal: single quotes, inner quotes doubled.
fn string_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}
