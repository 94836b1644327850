//! Name resolution for the extraction: the design's tables by name, and the scopes of a query
//! (one frame per SELECT) that bind aliases to tables so column references find their table.

use std::collections::BTreeMap;

use relvar_model::{Column, Design, Table, TableId};
use relvar_sql::{Dialect, SqlSyntax};
use sqlparser::ast::{Ident, ObjectName, ObjectNamePart};

/// The design's tables by lower-case name, for resolving the names queries use.
#[derive(Debug)]
pub struct Tables<'a> {
    by_name: BTreeMap<String, Vec<&'a Table>>,
    by_id: BTreeMap<TableId, &'a Table>,
    pub dialect: Dialect,
}

impl<'a> Tables<'a> {
    pub fn new(design: &'a Design, dialect: Dialect) -> Self {
        let mut by_name: BTreeMap<String, Vec<&'a Table>> = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        for table in &design.tables {
            by_name
                .entry(table.name.to_lowercase())
                .or_default()
                .push(table);
            by_id.entry(table.id).or_insert(table);
        }
        Self {
            by_name,
            by_id,
            dialect,
        }
    }

    pub fn table(&self, id: TableId) -> Option<&'a Table> {
        self.by_id.get(&id).copied()
    }

    /// The table a (possibly schema-qualified) name means: the one whose schema is the one
    /// given, else one in a default schema, else the only one of that name.
    pub fn find(&self, name: &ObjectName) -> Option<&'a Table> {
        let parts = idents(name);
        let (table, schema) = match parts.as_slice() {
            [.., schema, table] => (*table, Some(*schema)),
            [table] => (*table, None),
            [] => return None,
        };
        let folded = self.dialect.fold(table);
        let candidates = self.by_name.get(&folded.to_lowercase())?;
        let exact: Vec<&&Table> = candidates
            .iter()
            .filter(|candidate| candidate.name == folded)
            .collect();
        let pool: Vec<&Table> = if exact.is_empty() {
            candidates.clone()
        } else {
            exact.into_iter().copied().collect()
        };
        match schema {
            Some(schema) => {
                let folded_schema = self.dialect.fold(schema);
                // A design without schemas keeps its tables in the engine's default one.
                let default = relvar_model::is_default_schema(&folded_schema.to_lowercase());
                pool.iter()
                    .find(|candidate| match candidate.schema.as_deref() {
                        Some(own) => own.eq_ignore_ascii_case(&folded_schema),
                        None => default,
                    })
                    .copied()
            }
            None => pool
                .iter()
                .find(|candidate| {
                    candidate
                        .schema
                        .as_deref()
                        .is_none_or(relvar_model::is_default_schema)
                })
                .or_else(|| pool.first())
                .copied(),
        }
    }
}

/// The identifiers of a name, functions left out.
pub fn idents(name: &ObjectName) -> Vec<&Ident> {
    name.0
        .iter()
        .filter_map(|part| match part {
            ObjectNamePart::Identifier(ident) => Some(ident),
            ObjectNamePart::Function(_) => None,
        })
        .collect()
}

/// A table's column by the name a query uses: exactly as folded, else ignoring case.
pub fn column_named<'t>(table: &'t Table, ident: &Ident, dialect: Dialect) -> Option<&'t Column> {
    let folded = dialect.fold(ident);
    table
        .columns
        .iter()
        .find(|column| column.name == folded)
        .or_else(|| {
            table
                .columns
                .iter()
                .find(|column| column.name.eq_ignore_ascii_case(&folded))
        })
}

/// What a name in a FROM clause stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// A table of the design, read by the access at this position of the query's shape.
    Table { access: usize, table: TableId },
    /// A derived table, a CTE or a table the design does not have: its columns are not tracked.
    Opaque,
}

/// The names one SELECT (or UPDATE, DELETE) brings into scope, in FROM order.
#[derive(Debug, Default, Clone)]
pub struct Frame {
    pub bindings: Vec<(String, Binding)>,
}

impl Frame {
    pub fn bind(&mut self, name: String, binding: Binding) {
        self.bindings.push((name, binding));
    }

    /// The table accesses of this frame, in FROM order.
    pub fn accesses(&self) -> impl Iterator<Item = usize> + '_ {
        self.bindings
            .iter()
            .filter_map(|(_, binding)| match binding {
                Binding::Table { access, .. } => Some(*access),
                Binding::Opaque => None,
            })
    }
}
