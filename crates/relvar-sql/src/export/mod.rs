//! DDL export: writes any design as a script for any dialect's engine. Objects come in dependency
//! order (schemas, enums, tables with the foreign keys they can hold and the indexes foreign keys
//! reference, foreign keys closing cycles, indexes, comments); types and expressions are
//! translated between dialects, and every loss is reported as a warning, in the script's header
//! and to the caller.

mod affinity;
mod columns;
mod comments;
mod expressions;
mod foreign_keys;
mod indexes;
mod inheritance;
mod mariadb;
mod names;
mod order;
mod partitions;
mod pieces;
mod placement;
mod references;
mod sequences;
mod table;
mod types;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use relvar_model::{
    ColumnId, Design, EnumType, ForeignKeyGraph, Table, TableId, is_default_schema,
};

use crate::dialect::{Dialect, SqlSyntax};
use names::NameRegistry;
pub use pieces::DdlPieces;
use placement::{Placement, placement};
pub(crate) use types::SqlType;
use types::string_literal;

/// A DDL script and what it could not carry over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DdlExport {
    pub sql: String,
    /// One line per loss, e.g. `film.rating: no set type; written as text ...`.
    pub warnings: Vec<String>,
}

/// Writes the design as DDL for `dialect`.
pub fn export_ddl(design: &Design, dialect: Dialect) -> DdlExport {
    let mut writer = writer(design, dialect);
    let body = writer.body();
    let mut sql = writer.header();
    sql.push_str(&body);
    DdlExport {
        sql,
        warnings: writer.warnings,
    }
}

/// A writer of `design` for `dialect`, before any table is named.
fn writer(design: &Design, dialect: Dialect) -> DdlWriter<'_> {
    let from = design.dialect();
    let placements = design
        .unmodelled
        .iter()
        .map(|statement| placement(design, statement, from))
        .collect();
    let mut foreign_key_columns = BTreeSet::new();
    for foreign_key in &design.foreign_keys {
        let from_columns = foreign_key
            .from_columns
            .iter()
            .map(|id| (foreign_key.from_table, *id));
        let to_columns = foreign_key
            .to_columns
            .iter()
            .map(|id| (foreign_key.to_table, *id));
        foreign_key_columns.extend(from_columns.chain(to_columns));
    }
    DdlWriter {
        design,
        to: dialect,
        from,
        warnings: Vec::new(),
        names: NameRegistry::new(dialect),
        placements,
        graph: design.foreign_key_graph(),
        foreign_key_columns,
        written_early: BTreeSet::new(),
        table_names: BTreeMap::new(),
    }
}

struct DdlWriter<'a> {
    design: &'a Design,
    to: Dialect,
    /// The dialect the design's SQL text (types, expressions, verbatim parts) is written in.
    from: Dialect,
    warnings: Vec<String>,
    names: NameRegistry,
    /// Where each of `design.unmodelled` goes, in the same order.
    placements: Vec<Placement>,
    graph: ForeignKeyGraph<'a>,
    /// (table, column) pairs on either side of a foreign key.
    foreign_key_columns: BTreeSet<(TableId, ColumnId)>,
    /// Indexes (table, position) written right after their table, as foreign keys need them.
    written_early: BTreeSet<(TableId, usize)>,
    /// Tables written under another name than their own (schemas flattened, clashes resolved).
    table_names: BTreeMap<TableId, String>,
}

impl DdlWriter<'_> {
    fn same_dialect(&self) -> bool {
        self.from == self.to
    }

    /// A table SQLite makes for itself, read from its schema: never written.
    fn engine_owned(&self, table: &Table) -> bool {
        self.from == Dialect::Sqlite
            && table
                .name
                .get(..7)
                .is_some_and(|start| start.eq_ignore_ascii_case("sqlite_"))
    }

    fn warn(&mut self, what: impl Into<String>) {
        self.warnings.push(what.into());
    }

    fn body(&mut self) -> String {
        let mut out = String::new();
        self.name_tables();
        let carried = self
            .placements
            .iter()
            .filter(|placement| !matches!(placement, Placement::Left { .. }))
            .count();
        if !self.design.views.is_empty() && !self.same_dialect() {
            self.warn(format!(
                "{} views are not written for {}: their queries are {} SQL",
                self.design.views.len(),
                self.to.name(),
                self.from.name()
            ));
        }
        if carried > 0 && !self.same_dialect() {
            self.warn(format!(
                "{carried} statements kept from the {} import (views, routines, ...) are not written for {}",
                self.from.name(),
                self.to.name()
            ));
        }
        self.schemas(&mut out);
        self.enums(&mut out);
        self.domains(&mut out);
        self.sequences(&mut out);
        self.unmodelled(&mut out, Placement::BeforeTables);
        let mut ordered = order::tables_in_dependency_order(self.design);
        // SQLite makes and keeps its own tables (`sqlite_sequence`, `sqlite_stat1`).
        ordered.retain(|table| !self.engine_owned(table));
        let mut created = BTreeSet::new();
        let mut deferred = Vec::new();
        for table in &ordered {
            deferred.extend(self.create_table(&mut out, table, &created));
            self.key_indexes_now(&mut out, table);
            created.insert(table.id);
        }
        for foreign_key in deferred {
            self.add_foreign_key(&mut out, foreign_key);
        }
        for table in &ordered {
            self.indexes(&mut out, table);
        }
        for table in &ordered {
            self.comments(&mut out, table);
        }
        self.attach_partitions(&mut out, &ordered);
        self.sequence_owners(&mut out);
        self.unmodelled(&mut out, Placement::AfterTables);
        out
    }

    fn header(&self) -> String {
        let design = self.design;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "-- {} DDL for the Relvar design {}: {} tables, {} foreign keys.",
            self.to.name(),
            string_literal(&design.name),
            design
                .tables
                .iter()
                .filter(|table| !self.engine_owned(table))
                .count(),
            design.foreign_keys.len()
        );
        let mut left: Vec<(&str, usize)> = Vec::new();
        for placement in &self.placements {
            if let Placement::Left { what } = *placement {
                match left.iter_mut().find(|(known, _)| *known == what) {
                    Some((_, count)) => *count += 1,
                    None => left.push((what, 1)),
                }
            }
        }
        for (what, count) in left {
            let _ = writeln!(out, "-- Not written: {count} imported statements ({what}).");
        }
        for warning in &self.warnings {
            let _ = writeln!(out, "-- Warning: {}", warning.replace('\n', " "));
        }
        out.push('\n');
        out
    }

    /// Writes back, in source order, the kept statements that belong at `placement`; only a
    /// script for the dialect they were written in can hold them.
    fn unmodelled(&mut self, out: &mut String, placement: Placement) {
        if !self.same_dialect() {
            return;
        }
        let kept = self
            .design
            .unmodelled
            .iter()
            .zip(&self.placements)
            .filter(|(_, placed)| **placed == placement)
            .map(|(statement, _)| (statement.line, statement.text.as_str()));
        let views = self
            .design
            .views
            .iter()
            .filter(|_| placement == Placement::AfterTables)
            .map(|view| (view.line, view.sql.as_str()));
        let mut statements: Vec<(u32, &str)> = kept.chain(views).collect();
        // Views and kept statements in source order: each may use what came before it.
        relvar_model::order::sort_by_key(&mut statements[..], |(line, _)| *line);
        for (_, text) in statements {
            let text = text.trim_end().trim_end_matches(';');
            match self.to {
                Dialect::MsSql => {
                    let _ = writeln!(out, "{text}\nGO\n");
                }
                // A routine body holds semicolons: the mysql client needs another delimiter.
                Dialect::MySql if text.contains(';') => {
                    let _ = writeln!(out, "DELIMITER ;;\n{text};;\nDELIMITER ;\n");
                }
                _ => {
                    let _ = writeln!(out, "{text};\n");
                }
            }
        }
    }

    /// `CREATE SCHEMA` for every schema the design declares or its tables use, but the target's
    /// default.
    fn schemas(&mut self, out: &mut String) {
        let mut seen = BTreeSet::new();
        let declared = self.design.schemas.iter().map(String::as_str);
        let used = self
            .design
            .tables
            .iter()
            .filter_map(|table| table.schema.as_deref())
            .chain(
                self.design
                    .sequences
                    .iter()
                    .filter_map(|sequence| sequence.schema.as_deref()),
            );
        for schema in declared.chain(used) {
            let Some(schema) = self
                .schema_of(Some(schema))
                .filter(|schema| !is_default_schema(schema))
            else {
                continue;
            };
            if !seen.insert(schema.to_owned()) {
                continue;
            }
            let quoted = self.to.quote(schema);
            match self.to {
                Dialect::PostgreSql => {
                    let _ = writeln!(out, "CREATE SCHEMA IF NOT EXISTS {quoted};");
                }
                // CREATE SCHEMA must stand alone in its batch.
                Dialect::MsSql => {
                    let _ = writeln!(out, "CREATE SCHEMA {quoted};\nGO");
                }
                Dialect::MySql | Dialect::Sqlite => {}
            }
        }
        if !seen.is_empty() {
            out.push('\n');
        }
    }

    /// The schema a name is written with in the target, if any. A default schema written out in
    /// the source stays for the same engine (pg_dump empties the search path, so its names need
    /// it); other engines' default schemas, and every schema in MySQL (where it is a database)
    /// and SQLite, are left out.
    fn schema_of<'s>(&self, schema: Option<&'s str>) -> Option<&'s str> {
        let schema = schema?;
        match self.to {
            Dialect::PostgreSql | Dialect::MsSql
                if !is_default_schema(schema) || self.same_dialect() =>
            {
                Some(schema)
            }
            _ => None,
        }
    }

    /// An expression on `table` in the target's SQL, its columns quoted as the target needs.
    fn translate_on(&self, table: &Table, expression: &str) -> Option<String> {
        let columns: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        expressions::translate_in(expression, self.from, self.to, &columns)
    }

    fn qualified(&self, schema: Option<&str>, name: &str) -> String {
        match self.schema_of(schema) {
            Some(schema) => format!("{}.{}", self.to.quote(schema), self.to.quote(name)),
            None => self.to.quote(name),
        }
    }

    fn table_name(&self, table: &Table) -> String {
        self.qualified(table.schema.as_deref(), self.written_name(table))
    }

    fn enums(&mut self, out: &mut String) {
        if self.to != Dialect::PostgreSql {
            return;
        }
        let mut written = false;
        for enum_type in &self.design.enums {
            self.create_enum(
                out,
                enum_type.schema.as_deref(),
                &enum_type.name,
                &enum_type.values,
            );
            written = true;
        }
        for table in &self.design.tables {
            for column in &table.columns {
                if self.enum_type(&column.data_type).is_none()
                    && let SqlType::Enum(values) = SqlType::parse(&column.data_type)
                {
                    let name = inline_enum_name(table, &column.name);
                    self.create_enum(out, table.schema.as_deref(), &name, &values);
                    written = true;
                }
            }
        }
        if written {
            out.push('\n');
        }
    }

    fn create_enum(&self, out: &mut String, schema: Option<&str>, name: &str, values: &[String]) {
        let labels: Vec<String> = values.iter().map(|value| string_literal(value)).collect();
        let _ = writeln!(
            out,
            "CREATE TYPE {} AS ENUM ({});",
            self.qualified(schema, name),
            labels.join(", ")
        );
    }

    /// `CREATE DOMAIN` for PostgreSQL; other engines have none, and columns get the base type.
    fn domains(&self, out: &mut String) {
        if self.to != Dialect::PostgreSql || self.design.domains.is_empty() {
            return;
        }
        for domain in &self.design.domains {
            let _ = writeln!(out, "{};", self.create_domain(domain));
        }
        out.push('\n');
    }

    pub(super) fn create_domain(&self, domain: &relvar_model::Domain) -> String {
        let mut line = format!(
            "CREATE DOMAIN {} AS {}",
            self.qualified(domain.schema.as_deref(), &domain.name),
            domain.data_type
        );
        if let Some(collation) = &domain.collation {
            let _ = write!(line, " COLLATE {collation}");
        }
        if let Some(default) = &domain.default {
            let _ = write!(line, " DEFAULT {default}");
        }
        for check in &domain.checks {
            let name = check
                .name
                .as_ref()
                .map(|name| format!("CONSTRAINT {} ", self.to.quote(name)))
                .unwrap_or_default();
            let _ = write!(line, " {name}CHECK ({})", check.expression);
        }
        line
    }

    /// The design's named enum a column type refers to.
    fn enum_type(&self, data_type: &str) -> Option<&EnumType> {
        let unquoted = unquoted_name(data_type);
        self.design
            .enums
            .iter()
            .find(|enum_type| names_type(&unquoted, &enum_type.name, &enum_type.qualified_name()))
    }
}

/// The design's domain a column type refers to.
fn domain_named<'d>(design: &'d Design, data_type: &str) -> Option<&'d relvar_model::Domain> {
    let unquoted = unquoted_name(data_type);
    design
        .domains
        .iter()
        .find(|domain| names_type(&unquoted, &domain.name, &domain.qualified_name()))
}

/// A possibly qualified name as written (`public."a""b"`) without its double quotes (`public.a"b`).
fn unquoted_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                out.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c => out.push(c),
        }
    }
    out
}

/// Whether an unquoted column type names a user-defined type, bare or schema-qualified.
fn names_type(unquoted: &str, name: &str, qualified_name: &str) -> bool {
    unquoted.eq_ignore_ascii_case(name) || unquoted.eq_ignore_ascii_case(qualified_name)
}

/// The name of the PostgreSQL enum type made for a MySQL inline `enum(...)` column.
fn inline_enum_name(table: &Table, column: &str) -> String {
    format!("{}_{column}", table.name)
}

/// The values of a column typed `enum(...)` in place (MySQL), in their order; `None` for any
/// other type.
pub fn inline_enum_values(data_type: &str) -> Option<Vec<String>> {
    match SqlType::parse(data_type) {
        SqlType::Enum(values) => Some(values),
        _ => None,
    }
}

/// A column type as the exporter writes it for `dialect` under the documented mapping: what
/// compares a type read back from an engine with the type written.
pub fn mapped_type(data_type: &str, dialect: Dialect) -> String {
    SqlType::parse(data_type).write(dialect, false).sql
}
