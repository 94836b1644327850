//! What every rule looks things up in: the design, its engine's facts, and the foreign keys of
//! each table, gathered once per review so that no rule is quadratic in the design's size.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use relvar_model::{
    Column, ColumnId, Design, Dialect, ForeignKey, ForeignKeyGraph, ForeignKeyId, Table, TableId,
};

use crate::names::words;

use crate::dialect::{DialectFacts, facts};
use crate::types::SqlType;

/// The design under review and the indexes over it that rules share.
#[derive(Debug)]
pub struct Context<'a> {
    pub design: &'a Design,
    pub dialect: &'static DialectFacts,
    /// The foreign keys by table, and tables by position.
    pub graph: ForeignKeyGraph<'a>,
    foreign_keys: BTreeMap<ForeignKeyId, &'a ForeignKey>,
    /// Each table's column facts, in the order of `design.tables` and of its columns.
    columns: Vec<TableFacts>,
    /// The tables checked by rules of table and neighbour scope; all when none.
    only: Option<BTreeSet<TableId>>,
    /// Every index's schema and name in ASCII lower case, gathered when first asked for.
    index_names: OnceCell<HashSet<(Option<String>, String)>>,
}

/// A column's type and name taken apart once per review, for every rule to read.
#[derive(Debug, Clone)]
pub struct ColumnFacts {
    /// The type as written.
    pub written: SqlType,
    /// The type with a domain's name replaced by the domain's base type.
    pub resolved: SqlType,
    /// `resolved.canonical()`.
    pub canonical: String,
    /// The name's words, lower case.
    pub words: Vec<String>,
}

/// The facts of a table's columns, in its columns' order; shared between reviews of designs in
/// which the table and the design's domains are the same.
pub(crate) type TableFacts = Arc<[ColumnFacts]>;

impl<'a> Context<'a> {
    pub fn new(design: &'a Design) -> Self {
        Self::reusing(design, |_| None)
    }

    /// The context of `design`, taking the column facts of a table from `known` where it has
    /// them (facts worked out for the same table under the same domains).
    pub(crate) fn reusing(
        design: &'a Design,
        known: impl Fn(&Table) -> Option<TableFacts>,
    ) -> Self {
        let columns = design
            .tables
            .iter()
            .map(|table| {
                known(table).unwrap_or_else(|| {
                    table
                        .columns
                        .iter()
                        .map(|column| column_facts(design, column))
                        .collect()
                })
            })
            .collect();
        let foreign_keys = design.foreign_keys.iter().map(|fk| (fk.id, fk)).collect();
        Self {
            design,
            dialect: facts(design.source_dialect),
            graph: design.foreign_key_graph(),
            foreign_keys,
            columns,
            only: None,
            index_names: OnceCell::new(),
        }
    }

    /// Each table's column facts, by table.
    pub(crate) fn table_facts(&self) -> impl Iterator<Item = (TableId, &TableFacts)> {
        self.design
            .tables
            .iter()
            .map(|table| table.id)
            .zip(&self.columns)
    }

    /// Whether an index of the schema already has this name (ASCII case ignored).
    pub fn index_name_taken(&self, schema: Option<&str>, name: &str) -> bool {
        let names = self.index_names.get_or_init(|| {
            self.design
                .tables
                .iter()
                .flat_map(|table| {
                    table.indexes.iter().filter_map(|index| {
                        let name = index.name.as_deref()?.to_ascii_lowercase();
                        Some((table.schema.clone(), name))
                    })
                })
                .collect()
        });
        names.contains(&(schema.map(str::to_owned), name.to_ascii_lowercase()))
    }

    /// Checks only these tables from now on (all of them with none).
    pub(crate) fn check_only(&mut self, only: Option<BTreeSet<TableId>>) {
        self.only = only;
    }

    /// Whether rules of table and neighbour scope look at this table now.
    pub fn checked(&self, table: TableId) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(&table))
    }

    /// The [`Context::checked`] tables, partitions included.
    pub fn checked_tables(&self) -> impl Iterator<Item = &'a Table> + '_ {
        self.design
            .tables
            .iter()
            .filter(|table| self.checked(table.id))
    }

    /// The foreign keys from [`Context::checked`] tables.
    pub fn checked_foreign_keys(&self) -> impl Iterator<Item = &'a ForeignKey> + '_ {
        self.design
            .foreign_keys
            .iter()
            .filter(|fk| self.checked(fk.from_table))
    }

    /// The tables that stand for themselves: partitions, which take their columns from their
    /// partitioned table, are left out so that what the parent shows is not repeated per partition.
    /// Only the [`Context::checked`] ones.
    pub fn entity_tables(&self) -> impl Iterator<Item = &'a Table> + '_ {
        self.checked_tables()
            .filter(|table| table.partition_of.is_none())
    }

    /// Every column of the (checked) entity tables with its facts, table by table.
    pub fn entity_columns(
        &self,
    ) -> impl Iterator<Item = (&'a Table, &'a Column, &ColumnFacts)> + '_ {
        self.design
            .tables
            .iter()
            .zip(&self.columns)
            .filter(|(table, _)| table.partition_of.is_none() && self.checked(table.id))
            .flat_map(|(table, facts)| {
                table
                    .columns
                    .iter()
                    .zip(facts.iter())
                    .map(move |(column, facts)| (table, column, facts))
            })
    }

    /// [`Context::entity_columns`] when the design is written for `engine`, else none: the
    /// columns an engine-specific rule looks at.
    pub fn entity_columns_in(
        &self,
        engine: Dialect,
    ) -> impl Iterator<Item = (&'a Table, &'a Column, &ColumnFacts)> + '_ {
        let wanted = self.is(engine);
        self.entity_columns().filter(move |_| wanted)
    }

    pub fn table(&self, id: TableId) -> Option<&'a Table> {
        self.graph.table(id)
    }

    pub fn column(&self, table: TableId, column: ColumnId) -> Option<&'a Column> {
        self.table(table)?
            .columns
            .iter()
            .find(|candidate| candidate.id == column)
    }

    /// The foreign keys whose referencing side is this table.
    pub fn foreign_keys_from(&self, table: TableId) -> &[&'a ForeignKey] {
        self.graph.references_from(table)
    }

    /// The foreign keys that reference this table.
    pub fn foreign_keys_to(&self, table: TableId) -> &[&'a ForeignKey] {
        self.graph.references_to(table)
    }

    /// Whether the column is a referencing column of one of its table's foreign keys.
    pub fn is_referencing(&self, table: TableId, column: ColumnId) -> bool {
        self.foreign_keys_from(table)
            .iter()
            .any(|fk| fk.from_columns.contains(&column))
    }

    /// Whether the design is written for this engine.
    pub fn is(&self, engine: Dialect) -> bool {
        self.dialect.engine == Some(engine)
    }

    /// The facts of a column of a table.
    pub fn column_facts(&self, table: TableId, column: ColumnId) -> Option<&ColumnFacts> {
        let position = self.graph.position(table)?;
        let index = self
            .design
            .tables
            .get(position)?
            .columns
            .iter()
            .position(|c| c.id == column)?;
        self.columns.get(position)?.get(index)
    }

    pub fn foreign_key(&self, id: ForeignKeyId) -> Option<&'a ForeignKey> {
        self.foreign_keys.get(&id).copied()
    }
}

fn column_facts(design: &Design, column: &Column) -> ColumnFacts {
    let written = SqlType::parse(&column.data_type);
    let domain = design.domains.iter().find(|domain| {
        domain.name.eq_ignore_ascii_case(&column.data_type)
            || domain
                .qualified_name()
                .eq_ignore_ascii_case(&column.data_type)
    });
    let resolved = match domain {
        Some(domain) => SqlType::parse(&domain.data_type),
        None => written.clone(),
    };
    ColumnFacts {
        canonical: resolved.canonical(),
        written,
        resolved,
        words: words(&column.name),
    }
}
