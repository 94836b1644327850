//! What only an object's own SQL says (SQLite keeps each table's and index's CREATE statement and
//! no catalog of checks, collations, generated expressions, index expressions or constraint
//! names): every statement the document carries read as one script by the importer, then
//! matched to the catalog's tables and columns by name.

use relvar_model::{Column, ColumnId, Design, ForeignKey, Index, IndexKey, IndexPart, Table};

use super::document::TableEntry;
use crate::dialect::Dialect;
use crate::import::import_sql;

/// The design the document's own CREATE statements declare; empty when it carries none.
pub(super) struct OwnSql {
    design: Design,
}

impl OwnSql {
    pub fn read(tables: &[TableEntry], dialect: Dialect) -> Self {
        let mut script = String::new();
        let statements = tables.iter().flat_map(|table| {
            table
                .sql
                .iter()
                .chain(table.indexes.iter().filter_map(|index| index.sql.as_ref()))
        });
        for statement in statements {
            script.push_str(statement);
            script.push_str(";\n");
        }
        let design = if script.is_empty() {
            Design::default()
        } else {
            import_sql(&script, dialect).design
        };
        Self { design }
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.design.tables.iter().find(|table| table.name == name)
    }

    pub fn column<'a>(&'a self, table: &str, name: &str) -> Option<&'a Column> {
        self.table(table)?
            .columns
            .iter()
            .find(|column| column.name == name)
    }

    /// An index of the table by name, its columns those of `target` (the catalog's table).
    pub fn index(&self, name: &str, target: &Table) -> Option<Index> {
        let own = self.table(&target.name)?;
        let index = own
            .indexes
            .iter()
            .find(|index| index.name.as_deref() == Some(name))?
            .clone();
        let same_column = |id: ColumnId| {
            let name = &own.columns.iter().find(|column| column.id == id)?.name;
            target.column_id(name)
        };
        let parts: Option<Vec<IndexPart>> = index
            .parts
            .into_iter()
            .map(|part| {
                let key = match part.key {
                    IndexKey::Column(id) => IndexKey::Column(same_column(id)?),
                    expression => expression,
                };
                Some(IndexPart { key, ..part })
            })
            .collect();
        let include: Option<Vec<_>> = index.include.into_iter().map(same_column).collect();
        Some(Index {
            parts: parts?,
            include: include?,
            ..index
        })
    }

    /// The name the statements give a foreign key the catalog describes by its columns.
    pub fn foreign_key_name(&self, design: &Design, foreign_key: &ForeignKey) -> Option<String> {
        let names = |table: &Table, ids: &[ColumnId]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
                .map(|column| column.name.clone())
                .collect()
        };
        let from = design.table(foreign_key.from_table)?;
        let to = design.table(foreign_key.to_table)?;
        let wanted = (
            from.name.as_str(),
            names(from, &foreign_key.from_columns),
            to.name.as_str(),
        );
        self.design.foreign_keys.iter().find_map(|own| {
            let own_from = self.design.table(own.from_table)?;
            let own_to = self.design.table(own.to_table)?;
            let candidate = (
                own_from.name.as_str(),
                names(own_from, &own.from_columns),
                own_to.name.as_str(),
            );
            (candidate == wanted).then(|| own.name.clone()).flatten()
        })
    }
}
