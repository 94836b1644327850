//! A catalog document made into a design: tables with their columns, keys, checks and indexes,
//! then foreign keys (which need every table), enums, domains, sequences and views.

use relvar_model::{
    CheckConstraint, Column, Deferral, Design, Domain, EnumType, ForeignKey, GeneratedColumn,
    Identity, Index, IndexKey, IndexKind, IndexPart, PartitionOf, PrimaryKey, ReferentialAction,
    Sequence, SequenceOwner, Table, TableId, UniqueConstraint,
};

use super::document::{
    ColumnEntry, Document, ForeignKeyEntry, IndexEntry, KeyEntry, SequenceEntry, TableEntry,
};
use super::sql_text::OwnSql;
use crate::dialect::Dialect;
use crate::import::strip_parentheses;

/// What building found: the design, how many objects it read, and what it had to leave out.
pub(super) struct Built {
    pub design: Design,
    pub objects: usize,
    pub warnings: Vec<String>,
}

pub(super) fn build(document: Document, dialect: Dialect) -> Built {
    let mut built = Built {
        design: Design {
            source_dialect: Some(dialect),
            schemas: document.schemas,
            ..Design::default()
        },
        objects: 0,
        warnings: Vec::new(),
    };
    let mut foreign_keys = Vec::new();
    let mut tables = document.tables;
    relvar_model::order::sort_by(&mut tables[..], |a, b| {
        (&a.schema, &a.name).cmp(&(&b.schema, &b.name))
    });
    let own = OwnSql::read(&tables, dialect);
    for entry in tables {
        let Some(name) = entry.name.clone().filter(|name| !name.is_empty()) else {
            built
                .warnings
                .push(String::from("a table without a name was left out"));
            continue;
        };
        let id = built.design.ids.table();
        let mut table = Table::new(id, entry.schema.clone(), name);
        built.table(&mut table, entry, &own, dialect, &mut foreign_keys);
        built.design.tables.push(table);
        built.objects += 1;
    }
    for (from, entry) in foreign_keys {
        built.foreign_key(from, entry, &own);
    }
    built.named_types(document.enums, document.domains);
    for entry in document.sequences {
        built.sequence(entry);
    }
    built.objects += super::views::add_views(&mut built.design, document.views, dialect);
    built
}

impl Built {
    fn table(
        &mut self,
        table: &mut Table,
        mut entry: TableEntry,
        own_sql: &OwnSql,
        dialect: Dialect,
        foreign_keys: &mut Vec<(TableId, ForeignKeyEntry)>,
    ) {
        table.comment = entry.comment.take().filter(|comment| !comment.is_empty());
        table.partition_by = entry.partition_by.take();
        if let Some(parent) = entry.partition_of.take() {
            table.partition_of = Some(PartitionOf {
                parent,
                bound: entry.partition_bound.take().unwrap_or_default(),
            });
        }
        relvar_model::order::sort_by(&mut entry.columns[..], |a, b| {
            let position = |column: &ColumnEntry| column.position.unwrap_or(f64::MAX);
            position(a).total_cmp(&position(b))
        });
        table.verbatim_options = std::mem::take(&mut entry.options);
        for column in std::mem::take(&mut entry.columns) {
            let Some(name) = column.name.clone() else {
                continue;
            };
            let id = self.design.ids.column();
            let mut made = Column::new(id, name, column.data_type.clone().unwrap_or_default());
            fill_column(&mut made, column);
            if let Some(own) = own_sql.column(&table.name, &made.name) {
                made.data_type.clone_from(&own.data_type);
                made.generated = made.generated.take().or_else(|| own.generated.clone());
                made.collation = made.collation.take().or_else(|| own.collation.clone());
                made.identity = made.identity.or(own.identity);
                if made.generated.is_some() {
                    made.default = None;
                }
            }
            table.columns.push(made);
        }
        if let Some(key) = entry.primary_key.take()
            && !key.columns.is_empty()
            && let Some(columns) = self.columns_of(table, &key.columns, "primary key")
        {
            table.primary_key = Some(PrimaryKey {
                name: key.name,
                columns,
            });
        }
        for unique in std::mem::take(&mut entry.uniques) {
            self.unique(table, unique);
        }
        for check in std::mem::take(&mut entry.checks) {
            if let Some(expression) = check.expression.filter(|text| !text.trim().is_empty()) {
                table.checks.push(CheckConstraint {
                    name: check.name,
                    expression: strip_parentheses(&expression),
                });
            }
        }
        if entry.checks.is_empty()
            && entry.sql.is_some()
            && let Some(own) = own_sql.table(&table.name)
        {
            table.checks.clone_from(&own.checks);
        }
        for index in std::mem::take(&mut entry.indexes) {
            let from_sql = index
                .sql
                .as_ref()
                .and(index.name.as_deref())
                .and_then(|name| own_sql.index(name, table));
            match from_sql {
                Some(index) => table.indexes.push(index),
                None => self.index(table, index, dialect),
            }
        }
        table.verbatim_elements = entry.other_constraints;
        for foreign_key in std::mem::take(&mut entry.foreign_keys) {
            foreign_keys.push((table.id, foreign_key));
        }
    }

    fn unique(&mut self, table: &mut Table, unique: KeyEntry) {
        if let Some(columns) = self.columns_of(table, &unique.columns, "unique constraint") {
            table.uniques.push(UniqueConstraint {
                name: unique.name,
                columns,
            });
        }
    }

    fn index(&mut self, table: &mut Table, mut entry: IndexEntry, dialect: Dialect) {
        relvar_model::order::sort_by(&mut entry.parts[..], |a, b| {
            let position = |part: &super::document::IndexPartEntry| part.position.unwrap_or(0.0);
            position(a).total_cmp(&position(b))
        });
        let mut parts = Vec::new();
        for part in entry.parts {
            let key = match (&part.column, &part.expression) {
                (Some(name), _) => match table.column_id(name) {
                    Some(id) => IndexKey::Column(id),
                    None => IndexKey::Expression(dialect_quote(dialect, name)),
                },
                (None, Some(expression)) => IndexKey::Expression(strip_parentheses(expression)),
                (None, None) => {
                    self.warnings.push(format!(
                        "{}: index {} has a part that is neither a column nor an expression; left out",
                        table.qualified_name(),
                        entry.name.as_deref().unwrap_or("without a name")
                    ));
                    return;
                }
            };
            parts.push(IndexPart {
                key,
                prefix: part
                    .prefix
                    .filter(|length| *length >= 1.0 && *length <= f64::from(u32::MAX))
                    .map(|length| length as u32),
                descending: part.descending.0,
                operator_class: part.operator_class.filter(|name| !name.is_empty()),
                collation: part.collation.filter(|name| !name.is_empty()),
            });
        }
        if parts.is_empty() {
            return;
        }
        let include = entry
            .include
            .iter()
            .filter_map(|name| table.column_id(name))
            .collect();
        // MySQL reports a full-text or spatial index by its type, which the model holds as a layout.
        let layout = entry.method.as_deref().and_then(index_kind);
        let method = entry
            .method
            .filter(|_| layout.is_none())
            .map(|method| method.to_ascii_lowercase())
            .filter(|method| method != "btree" && !method.is_empty());
        table.indexes.push(Index {
            name: entry.name,
            unique: entry.unique.0,
            method,
            parts,
            include,
            kind: entry.kind.as_deref().and_then(index_kind).or(layout),
            verbatim_options: Vec::new(),
            predicate: entry
                .predicate
                .filter(|text| !text.trim().is_empty())
                .map(|text| strip_parentheses(&text)),
        });
    }

    fn foreign_key(&mut self, from: TableId, entry: ForeignKeyEntry, own_sql: &OwnSql) {
        let Some(from_table) = self.design.table(from) else {
            return;
        };
        let from_name = from_table.qualified_name();
        let target = entry.ref_table.as_deref().and_then(|name| {
            find_table(&self.design, entry.ref_schema.as_deref(), name).map(|table| table.id)
        });
        let Some(to) = target else {
            self.warnings.push(format!(
                "{from_name}: foreign key {} references {}, which is not in the catalog; left out",
                entry.name.as_deref().unwrap_or("without a name"),
                entry.ref_table.as_deref().unwrap_or("nothing")
            ));
            return;
        };
        let columns = |table: Option<&Table>, names: &[String]| -> Option<Vec<_>> {
            let table = table?;
            let ids: Option<Vec<_>> = names.iter().map(|name| table.column_id(name)).collect();
            ids.filter(|ids| !ids.is_empty())
        };
        let from_columns = columns(self.design.table(from), &entry.columns);
        let to_columns = if entry.ref_columns.iter().all(String::is_empty) {
            self.design
                .table(to)
                .and_then(|table| table.primary_key.as_ref())
                .map(|key| key.columns.clone())
        } else {
            columns(self.design.table(to), &entry.ref_columns)
        };
        let (Some(from_columns), Some(to_columns)) = (from_columns, to_columns) else {
            self.warnings.push(format!(
                "{from_name}: foreign key {} names columns its tables do not have; left out",
                entry.name.as_deref().unwrap_or("without a name")
            ));
            return;
        };
        if from_columns.len() != to_columns.len() {
            self.warnings.push(format!(
                "{from_name}: foreign key {} pairs {} columns with {}; left out",
                entry.name.as_deref().unwrap_or("without a name"),
                from_columns.len(),
                to_columns.len()
            ));
            return;
        }
        let id = self.design.ids.foreign_key();
        let mut foreign_key = ForeignKey {
            id,
            name: entry.name,
            from_table: from,
            from_columns,
            to_table: to,
            to_columns,
            on_delete: action(entry.on_delete.as_deref()),
            on_update: action(entry.on_update.as_deref()),
            deferral: match (entry.deferrable.0, entry.deferred.0) {
                (false, _) => Deferral::NotDeferrable,
                (true, false) => Deferral::DeferrableImmediate,
                (true, true) => Deferral::DeferrableDeferred,
            },
        };
        if foreign_key.name.is_none() {
            foreign_key.name = own_sql.foreign_key_name(&self.design, &foreign_key);
        }
        self.design.foreign_keys.push(foreign_key);
    }

    fn named_types(
        &mut self,
        enums: Vec<super::document::EnumEntry>,
        domains: Vec<super::document::DomainEntry>,
    ) {
        for entry in enums {
            if let Some(name) = entry.name {
                self.design.enums.push(EnumType {
                    schema: entry.schema,
                    name,
                    values: entry.values,
                });
                self.objects += 1;
            }
        }
        for entry in domains {
            let (Some(name), Some(data_type)) = (entry.name, entry.data_type) else {
                continue;
            };
            self.design.domains.push(Domain {
                schema: entry.schema,
                name,
                data_type,
                collation: entry.collation,
                default: entry.default,
                checks: entry
                    .checks
                    .into_iter()
                    .filter_map(|check| {
                        Some(CheckConstraint {
                            name: check.name,
                            expression: strip_parentheses(&check.expression?),
                        })
                    })
                    .collect(),
            });
            self.objects += 1;
        }
    }

    fn sequence(&mut self, entry: SequenceEntry) {
        let Some(name) = entry.name else {
            return;
        };
        self.design.sequences.push(Sequence {
            schema: entry.schema,
            name,
            data_type: entry.data_type,
            start: entry.start,
            increment: entry.increment,
            min_value: entry.min_value,
            max_value: entry.max_value,
            cache: entry.cache,
            cycle: entry.cycle.0,
            owned_by: entry
                .owned_by_table
                .zip(entry.owned_by_column)
                .map(|(table, column)| SequenceOwner { table, column }),
        });
        self.objects += 1;
    }

    /// Ids of named columns of a table; none, with a warning, when one is not a column.
    fn columns_of(
        &mut self,
        table: &Table,
        names: &[String],
        what: &str,
    ) -> Option<Vec<relvar_model::ColumnId>> {
        let ids: Option<Vec<_>> = names.iter().map(|name| table.column_id(name)).collect();
        if ids.is_none() {
            self.warnings.push(format!(
                "{}: a {what} names columns the table does not have ({}); left out",
                table.qualified_name(),
                names.join(", ")
            ));
        }
        ids.filter(|ids| !ids.is_empty())
    }
}

/// Sets what a catalog says of a column.
fn fill_column(column: &mut Column, entry: ColumnEntry) {
    column.nullable = entry.nullable.0;
    column.default = entry.default.filter(|text| !text.is_empty());
    column.identity = entry
        .identity
        .filter(|kind| !kind.trim().is_empty())
        .map(|kind| {
            if kind.to_ascii_lowercase().contains("always") {
                Identity::Always
            } else {
                Identity::ByDefault
            }
        });
    if let Some(expression) = entry.generated.filter(|text| !text.trim().is_empty()) {
        column.generated = Some(GeneratedColumn {
            expression: strip_parentheses(&expression),
            stored: entry.stored.0,
        });
        column.default = None;
    }
    column.collation = entry.collation.filter(|text| !text.is_empty());
    column.comment = entry.comment.filter(|text| !text.is_empty());
    column.verbatim = entry.options;
}

/// The table a foreign key names: by schema and name as spelled, else as the model finds one.
fn find_table<'a>(design: &'a Design, schema: Option<&str>, name: &str) -> Option<&'a Table> {
    design
        .tables
        .iter()
        .find(|table| table.name == name && (schema.is_none() || table.schema.as_deref() == schema))
        .or_else(|| design.find_table(schema, name))
        .or_else(|| design.find_table(None, name))
}

/// A referential action as catalogs spell it (`CASCADE`, `set_null`, `NO ACTION`).
fn action(text: Option<&str>) -> ReferentialAction {
    let words = text
        .unwrap_or_default()
        .to_ascii_uppercase()
        .replace('_', " ");
    match words.trim() {
        "CASCADE" => ReferentialAction::Cascade,
        "RESTRICT" => ReferentialAction::Restrict,
        "SET NULL" => ReferentialAction::SetNull,
        "SET DEFAULT" => ReferentialAction::SetDefault,
        _ => ReferentialAction::NoAction,
    }
}

fn dialect_quote(dialect: Dialect, name: &str) -> String {
    crate::dialect::SqlSyntax::quote(dialect, name)
}

/// The model's kind for SQL Server's `type_desc` of an index or MySQL's `INDEX_TYPE`; `None`
/// for a plain (nonclustered, B-tree) one.
fn index_kind(type_desc: &str) -> Option<IndexKind> {
    [
        IndexKind::Clustered,
        IndexKind::ClusteredColumnstore,
        IndexKind::Columnstore,
        IndexKind::Fulltext,
        IndexKind::Spatial,
    ]
    .into_iter()
    .find(|kind| kind.keywords().eq_ignore_ascii_case(type_desc.trim()))
}
