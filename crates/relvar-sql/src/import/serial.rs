//! PostgreSQL's `serial` types, read as what the engine makes of them: an integer column, NOT
//! NULL, whose default takes the next value of a sequence the column owns, named as the engine
//! names it (`users_id_seq`). Exported, they make the catalog a `serial` makes.

use relvar_model::{Column, Sequence, SequenceOwner};

use super::Importer;
use super::names::QualifiedName;
use crate::dialect::{Dialect, SqlSyntax};

/// PostgreSQL's longest name, in bytes; longer ones are cut.
const NAME_BYTES: usize = 63;

/// The integer type a `serial` type stands for; `None` for any other type.
pub(super) fn serial_integer(data_type: &str, dialect: Dialect) -> Option<&'static str> {
    if dialect != Dialect::PostgreSql {
        return None;
    }
    match data_type {
        "serial" | "serial4" => Some("integer"),
        "bigserial" | "serial8" => Some("bigint"),
        "smallserial" | "serial2" => Some("smallint"),
        _ => None,
    }
}

impl Importer {
    /// Makes `column` of `table` the engine's numbered column: its sequence added to the design,
    /// its default the sequence's next value.
    pub(super) fn number_serially(&mut self, table: &QualifiedName, column: &mut Column) {
        let name = sequence_name(&table.name, &column.name);
        let schema = table.schema.clone();
        let quoted = Dialect::PostgreSql.quote(&name);
        let regclass = match schema.as_deref() {
            Some(schema) if !relvar_model::is_default_schema(schema) => {
                format!("{}.{quoted}", Dialect::PostgreSql.quote(schema))
            }
            _ => quoted,
        };
        column.nullable = false;
        column.default = Some(format!(
            "nextval('{}'::regclass)",
            regclass.replace('\'', "''")
        ));
        self.design.sequences.push(Sequence {
            schema,
            name,
            data_type: Some(column.data_type.clone()),
            owned_by: Some(SequenceOwner {
                table: table.display(),
                column: column.name.clone(),
            }),
            ..Sequence::default()
        });
    }
}

/// The name PostgreSQL gives a serial column's sequence: `table_column_seq`, the longer of the
/// two names cut a character at a time until it fits in 63 bytes.
fn sequence_name(table: &str, column: &str) -> String {
    let label = "seq";
    let room = NAME_BYTES.saturating_sub(label.len() + 2);
    let (mut table_chars, mut column_chars) = (table.chars().count(), column.chars().count());
    let bytes =
        |text: &str, chars: usize| text.chars().take(chars).map(char::len_utf8).sum::<usize>();
    while bytes(table, table_chars) + bytes(column, column_chars) > room {
        if table_chars > column_chars {
            table_chars -= 1;
        } else {
            column_chars -= 1;
        }
    }
    let table: String = table.chars().take(table_chars).collect();
    let column: String = column.chars().take(column_chars).collect();
    format!("{table}_{column}_{label}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sequence_is_named_as_postgresql_names_it() {
        assert_eq!(sequence_name("users", "id"), "users_id_seq");
        let long_table = "t".repeat(70);
        let name = sequence_name(&long_table, "id");
        assert_eq!(name.len(), NAME_BYTES);
        assert!(name.ends_with("_id_seq"));
        let both = sequence_name(&"a".repeat(40), &"b".repeat(40));
        assert_eq!(both, format!("{}_{}_seq", "a".repeat(29), "b".repeat(29)));
    }
}
