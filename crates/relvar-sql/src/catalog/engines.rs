//! What one engine's catalog spells its own way, put as a script would have written it: MariaDB's
//! `json` (a `longtext` with a `json_valid` check), MySQL's full-text and spatial keys (kept as
//! table elements, as the importer keeps them), SQL Server's parenthesised defaults.

use relvar_model::{Design, IndexKey, Table};

use crate::dialect::{Dialect, SqlSyntax};
use crate::import::strip_parentheses;

pub(super) fn adjust(design: &mut Design, dialect: Dialect) {
    for table in &mut design.tables {
        match dialect {
            Dialect::MySql => {
                mariadb_json(table);
                keyed_text(table, dialect);
            }
            Dialect::MsSql => {
                for column in &mut table.columns {
                    if let Some(default) = &mut column.default {
                        *default = strip_parentheses(default);
                    }
                }
            }
            Dialect::PostgreSql | Dialect::Sqlite => {}
        }
    }
}

/// MariaDB stores `json` as `longtext` with a check `json_valid(col)` named after the column.
fn mariadb_json(table: &mut Table) {
    let mut json_columns = Vec::new();
    table.checks.retain(|check| {
        let Some(name) = check.name.as_deref() else {
            return true;
        };
        let wanted = format!("json_valid(`{}`)", name.replace('`', "``"));
        let is_json = check.expression.eq_ignore_ascii_case(&wanted);
        if is_json {
            json_columns.push(name.to_owned());
        }
        !is_json
    });
    for column in &mut table.columns {
        if json_columns.contains(&column.name) && column.data_type.eq_ignore_ascii_case("longtext")
        {
            column.data_type = String::from("json");
            if column
                .collation
                .as_deref()
                .is_some_and(|collation| collation.ends_with("_bin"))
            {
                column.collation = None;
            }
        }
    }
}

/// Full-text and spatial keys as the table elements a MySQL script writes.
fn keyed_text(table: &mut Table, dialect: Dialect) {
    let mut elements = Vec::new();
    let columns = table.columns.clone();
    table.indexes.retain(|index| {
        let Some(kind) = index
            .method
            .as_deref()
            .filter(|method| matches!(*method, "fulltext" | "spatial"))
        else {
            return true;
        };
        let parts: Vec<String> = index
            .parts
            .iter()
            .map(|part| match &part.key {
                IndexKey::Column(id) => columns
                    .iter()
                    .find(|column| column.id == *id)
                    .map_or_else(String::new, |column| dialect.quote(&column.name)),
                IndexKey::Expression(expression) => expression.clone(),
            })
            .collect();
        let name = index
            .name
            .as_deref()
            .map(|name| format!(" {}", dialect.quote(name)))
            .unwrap_or_default();
        elements.push(format!(
            "{} KEY{name} ({})",
            kind.to_ascii_uppercase(),
            parts.join(", ")
        ));
        false
    });
    table.verbatim_elements.extend(elements);
}
