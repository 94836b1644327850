//! A model table as a relation: its columns by position, its declared dependencies, and the
//! dependencies its unique keys imply (a key `K` gives `K -> all`).
//! Also reads and writes a table's dependencies as text.

use relvar_model::{ColumnId, Command, DeclaredDependency, DependencyKind, Table};

use crate::attrs::AttrSet;
use crate::parse::{ParseError, parse_dependencies};
use crate::relation::{Fd, Mvd, Relation};

/// The table as a relation: declared dependencies first, in order, then one per unique key
/// (primary key, unique constraints, unique indexes).
pub fn table_relation(table: &Table) -> Relation {
    let mut relation = Relation::new(table.columns.iter().map(|column| column.name.clone()));
    for dependency in &table.dependencies {
        let (lhs, rhs) = (
            positions(table, &dependency.lhs),
            positions(table, &dependency.rhs),
        );
        match dependency.kind {
            DependencyKind::Functional => relation.fds.push(Fd::new(lhs, rhs)),
            DependencyKind::Multivalued => relation.mvds.push(Mvd::new(lhs, rhs)),
        }
    }
    relation.fds.extend(key_dependencies(table));
    relation
}

/// `K -> all other columns` for each of the table's unique keys ([`Table::unique_keys`]).
pub fn key_dependencies(table: &Table) -> Vec<Fd> {
    let all = AttrSet::full(table.columns.len());
    table
        .unique_keys()
        .iter()
        .map(|columns| {
            let key = positions(table, columns);
            let rest = all.difference(&key);
            Fd::new(key, rest)
        })
        .filter(|fd| !fd.lhs.is_empty())
        .collect()
}

/// Reads dependencies written as text against the table's column names.
pub fn read_table_dependencies(
    table: &Table,
    text: &str,
) -> Result<Vec<DeclaredDependency>, Vec<ParseError>> {
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    let parsed = parse_dependencies(text, &names)?;
    let id = |position: &usize| table.columns.get(*position).map(|column| column.id);
    Ok(parsed
        .iter()
        .map(|dependency| DeclaredDependency {
            kind: dependency.kind,
            lhs: dependency.lhs.iter().filter_map(id).collect(),
            rhs: dependency.rhs.iter().filter_map(id).collect(),
        })
        .collect())
}

/// The command that sets the table's dependencies to those the text declares.
pub fn set_dependencies_command(table: &Table, text: &str) -> Result<Command, Vec<ParseError>> {
    Ok(Command::SetTableDependencies {
        table: table.id,
        dependencies: read_table_dependencies(table, text)?,
    })
}

/// The table's declared dependencies as text, one per line, as `read_table_dependencies` reads
/// them; names that are not plain words are quoted.
pub fn table_dependencies_text(table: &Table) -> String {
    let name = |id: &ColumnId| {
        let name = table
            .columns
            .iter()
            .find(|column| column.id == *id)
            .map_or("?", |column| column.name.as_str());
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
        if plain {
            name.to_owned()
        } else {
            format!("\"{}\"", name.replace('"', "\"\""))
        }
    };
    let side = |ids: &[ColumnId]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    table
        .dependencies
        .iter()
        .map(|dependency| {
            let lhs = side(&dependency.lhs);
            let space = if lhs.is_empty() { "" } else { " " };
            format!(
                "{lhs}{space}{} {}\n",
                dependency.kind.arrow(),
                side(&dependency.rhs)
            )
        })
        .collect()
}

/// The position of the column `id` in the table.
pub(crate) fn position(table: &Table, id: ColumnId) -> Option<usize> {
    table.columns.iter().position(|column| column.id == id)
}

/// The positions of the columns `ids`; ids of other tables' columns are left out.
pub(crate) fn positions(table: &Table, ids: &[ColumnId]) -> AttrSet {
    ids.iter().filter_map(|id| position(table, *id)).collect()
}

/// The positions of the primary key's columns; empty without a primary key.
pub(crate) fn primary_key_positions(table: &Table) -> AttrSet {
    table
        .primary_key
        .as_ref()
        .map_or_else(AttrSet::new, |key| positions(table, &key.columns))
}

#[cfg(test)]
mod tests {
    use relvar_model::{Column, Index, IndexKey, IndexPart, TableId, UniqueConstraint};

    use super::*;

    #[test]
    fn every_unique_key_determines_the_rest_and_a_partial_index_does_not() {
        let mut table = Table::new(TableId(0), None, "person");
        for (id, name) in ["id", "email", "badge", "locker"].into_iter().enumerate() {
            table
                .columns
                .push(Column::new(ColumnId(id as u32 + 1), name, "int"));
        }
        table.uniques.push(UniqueConstraint {
            name: None,
            columns: vec![ColumnId(2)],
        });
        let unique_index = |column: u32, predicate: Option<&str>| Index {
            name: None,
            unique: true,
            method: None,
            parts: vec![IndexPart {
                key: IndexKey::Column(ColumnId(column)),
                prefix: None,
                descending: false,
                operator_class: None,
                collation: None,
            }],
            include: Vec::new(),
            predicate: predicate.map(str::to_owned),
            kind: None,
            verbatim_options: Vec::new(),
        };
        table.indexes.push(unique_index(3, None));
        table.indexes.push(unique_index(4, Some("locker > 0")));
        let left_sides: Vec<Vec<usize>> = key_dependencies(&table)
            .iter()
            .map(|fd| fd.lhs.iter().collect())
            .collect();
        assert_eq!(left_sides, vec![vec![1], vec![2]]);
    }
}
