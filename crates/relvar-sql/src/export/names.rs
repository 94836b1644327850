//! Names the target engine needs unique across a schema or database: table names (schemas
//! flattened where the target has none), index and key names in PostgreSQL and SQLite, foreign
//! key and check names in MySQL, constraint names in SQL Server.

use std::collections::BTreeSet;

use relvar_model::{Table, is_default_schema};

use super::DdlWriter;
use crate::dialect::Dialect;

impl DdlWriter<'_> {
    /// Claims every table's name. Where the target has no schemas and the design's tables are
    /// in several, a table of a schema other than the default one is written `schema_name`.
    pub(super) fn name_tables(&mut self) {
        let design = self.design;
        fn schema(table: &Table) -> Option<&str> {
            table
                .schema
                .as_deref()
                .filter(|schema| !is_default_schema(schema))
        }
        let mut schemas: Vec<Option<&str>> = design.tables.iter().map(schema).collect();
        relvar_model::order::sort(&mut schemas[..]);
        schemas.dedup();
        let flatten = matches!(self.to, Dialect::MySql | Dialect::Sqlite) && schemas.len() > 1;
        let mut flattened = BTreeSet::new();
        for table in &design.tables {
            let wanted = match schema(table) {
                Some(schema) if flatten => {
                    flattened.insert(schema);
                    format!("{schema}_{}", table.name)
                }
                _ => table.name.clone(),
            };
            let scope = self.schema_of(table.schema.as_deref());
            let (name, _) = self
                .names
                .claim(scope, &wanted, NameKind::Table, Some(&wanted));
            if let Some(name) = name.filter(|name| *name != table.name) {
                self.table_names.insert(table.id, name);
            }
        }
        for schema in flattened {
            self.warn(format!(
                "schema {schema}: {} has no schemas beside the database; its tables are written as {schema}_<table>",
                self.to.name()
            ));
        }
    }

    /// The name a table is written with, without its schema.
    pub(super) fn written_name<'t>(&'t self, table: &'t Table) -> &'t str {
        self.table_names
            .get(&table.id)
            .map_or(table.name.as_str(), String::as_str)
    }
}

/// Names given out so far, in the scope where the target engine requires them to be unique.
pub(super) struct NameRegistry {
    dialect: Dialect,
    used: BTreeSet<(Option<String>, String)>,
}

/// What a name is for, which decides whether its engine scopes it to the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameKind {
    Table,
    PrimaryKey,
    Unique,
    Index,
    ForeignKey,
    Check,
}

impl NameRegistry {
    pub fn new(dialect: Dialect) -> Self {
        Self {
            dialect,
            used: BTreeSet::new(),
        }
    }

    /// The longest identifier the engine keeps whole.
    pub fn limit(&self) -> usize {
        match self.dialect {
            Dialect::PostgreSql => 63,
            Dialect::MySql => 64,
            Dialect::Sqlite => 1000,
            Dialect::MsSql => 128,
        }
    }

    fn schema_scoped(&self, kind: NameKind) -> bool {
        use NameKind::*;
        match self.dialect {
            Dialect::PostgreSql => matches!(kind, Table | PrimaryKey | Unique | Index),
            Dialect::Sqlite => matches!(kind, Table | Index),
            Dialect::MySql => matches!(kind, Table | ForeignKey | Check),
            Dialect::MsSql => !matches!(kind, Index),
        }
    }

    /// `wanted` if it is free (or the engine scopes it to its table), else a name made free from
    /// the table's name; `None` in, `None` out. Returns the name and whether it was changed.
    pub fn claim(
        &mut self,
        schema: Option<&str>,
        table: &str,
        kind: NameKind,
        wanted: Option<&str>,
    ) -> (Option<String>, bool) {
        let Some(wanted) = wanted else {
            return (None, false);
        };
        if !self.schema_scoped(kind) {
            return (Some(self.shorten(wanted)), false);
        }
        let schema = schema.map(str::to_owned);
        let mut candidate = self.shorten(wanted);
        let mut attempt = 1;
        while self.used.contains(&(schema.clone(), self.key(&candidate))) {
            attempt += 1;
            let base = format!("{table}_{wanted}");
            candidate = if attempt == 2 {
                self.shorten(&base)
            } else {
                let suffix = format!("_{attempt}");
                format!("{}{suffix}", shorten_to(&base, self.limit() - suffix.len()))
            };
        }
        let key = self.key(&candidate);
        self.used.insert((schema, key));
        let changed = candidate != wanted;
        (Some(candidate), changed)
    }

    /// A name as the engine tells names apart: PostgreSQL by their spelling (`"Users"` and
    /// `users` are two tables), the others ignoring letter case.
    fn key(&self, name: &str) -> String {
        if self.dialect.names_match_exactly() {
            name.to_owned()
        } else {
            name.to_lowercase()
        }
    }

    /// Cuts a name to the engine's limit.
    pub fn shorten(&self, name: &str) -> String {
        shorten_to(name, self.limit())
    }
}

/// The longest start of `name` of at most `limit` bytes that ends on a character boundary.
fn shorten_to(name: &str, limit: usize) -> String {
    let mut end = name.len().min(limit);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name.get(..end).unwrap_or(name).to_owned()
}
