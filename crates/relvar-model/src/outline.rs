//! A stable, readable text outline of a design, by names rather than ids: what snapshot tests
//! compare and what a summary prints. Positions are left out.

use std::fmt::Write;

use crate::design::{Deferral, Design, ReferentialAction};
use crate::ids::ColumnId;
use crate::table::{Identity, Index, IndexKey, Table};

impl Design {
    /// One line per table, column, key, foreign key and unmodelled statement.
    pub fn outline(&self) -> String {
        let mut out = String::new();
        for schema in &self.schemas {
            let _ = writeln!(out, "schema {schema}");
        }
        for enum_type in &self.enums {
            let _ = writeln!(
                out,
                "enum {} ({})",
                enum_type.qualified_name(),
                enum_type.values.join(", ")
            );
        }
        for domain in &self.domains {
            let _ = write!(
                out,
                "domain {} {}",
                domain.qualified_name(),
                domain.data_type
            );
            if let Some(collation) = &domain.collation {
                let _ = write!(out, " COLLATE {collation}");
            }
            if let Some(default) = &domain.default {
                let _ = write!(out, " DEFAULT {default}");
            }
            for check in &domain.checks {
                let _ = write!(out, " check");
                if let Some(name) = &check.name {
                    let _ = write!(out, " {name}");
                }
                let _ = write!(out, " ({})", check.expression);
            }
            out.push('\n');
        }
        for sequence in &self.sequences {
            let _ = write!(out, "sequence {}", sequence.qualified_name());
            if let Some(data_type) = &sequence.data_type {
                let _ = write!(out, " as {data_type}");
            }
            let options = [
                ("start", sequence.start),
                ("increment", sequence.increment),
                ("min", sequence.min_value),
                ("max", sequence.max_value),
                ("cache", sequence.cache),
            ];
            for (label, value) in options {
                if let Some(value) = value {
                    let _ = write!(out, " {label} {value}");
                }
            }
            if sequence.cycle {
                out.push_str(" cycle");
            }
            if let Some(owner) = &sequence.owned_by {
                let _ = write!(out, " owned by {}.{}", owner.table, owner.column);
            }
            out.push('\n');
        }
        for table in &self.tables {
            outline_table(&mut out, table);
        }
        for view in &self.views {
            let kind = if view.materialized {
                "materialized view"
            } else {
                "view"
            };
            let _ = writeln!(
                out,
                "{kind} {} reads ({})",
                view.qualified_name(),
                view.reads.join(", ")
            );
        }
        for foreign_key in &self.foreign_keys {
            let (Some(from), Some(to)) = (
                self.table(foreign_key.from_table),
                self.table(foreign_key.to_table),
            ) else {
                continue;
            };
            let _ = write!(
                out,
                "foreign key {}{} ({}) -> {} ({})",
                foreign_key
                    .name
                    .as_deref()
                    .map(|name| format!("{name} "))
                    .unwrap_or_default(),
                from.qualified_name(),
                column_names(from, &foreign_key.from_columns),
                to.qualified_name(),
                column_names(to, &foreign_key.to_columns),
            );
            for (event, action) in [
                ("DELETE", foreign_key.on_delete),
                ("UPDATE", foreign_key.on_update),
            ] {
                if action != ReferentialAction::NoAction {
                    let _ = write!(out, " ON {event} {}", action.sql());
                }
            }
            match foreign_key.deferral {
                Deferral::NotDeferrable => {}
                Deferral::DeferrableImmediate => out.push_str(" DEFERRABLE"),
                Deferral::DeferrableDeferred => out.push_str(" DEFERRABLE INITIALLY DEFERRED"),
            }
            out.push('\n');
        }
        for statement in &self.unmodelled {
            let _ = writeln!(
                out,
                "kept from line {}: {}",
                statement.line, statement.reason
            );
        }
        out
    }
}

fn outline_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "table {}", table.qualified_name());
    for column in &table.columns {
        let _ = write!(out, "  {} {}", column.name, column.data_type);
        if !column.nullable {
            out.push_str(" NOT NULL");
        }
        if let Some(default) = &column.default {
            let _ = write!(out, " DEFAULT {default}");
        }
        match column.identity {
            Some(Identity::Always) => out.push_str(" IDENTITY ALWAYS"),
            Some(Identity::ByDefault) => out.push_str(" IDENTITY"),
            None => {}
        }
        if let Some(generated) = &column.generated {
            let storage = if generated.stored {
                "STORED"
            } else {
                "VIRTUAL"
            };
            let _ = write!(out, " AS ({}) {storage}", generated.expression);
        }
        if let Some(collation) = &column.collation {
            let _ = write!(out, " COLLATE {collation}");
        }
        if column.comment.is_some() {
            out.push_str(" (commented)");
        }
        for option in &column.verbatim {
            let _ = write!(out, " [{option}]");
        }
        out.push('\n');
    }
    if let Some(key) = &table.primary_key {
        let _ = writeln!(
            out,
            "  primary key {}({})",
            named(key.name.as_deref()),
            column_names(table, &key.columns)
        );
    }
    for unique in &table.uniques {
        let _ = writeln!(
            out,
            "  unique {}({})",
            named(unique.name.as_deref()),
            column_names(table, &unique.columns)
        );
    }
    for dependency in &table.dependencies {
        let _ = writeln!(
            out,
            "  dependency {} {} {}",
            column_names(table, &dependency.lhs),
            dependency.kind.arrow(),
            column_names(table, &dependency.rhs)
        );
    }
    for check in &table.checks {
        let _ = writeln!(
            out,
            "  check {}({})",
            named(check.name.as_deref()),
            check.expression
        );
    }
    for index in &table.indexes {
        outline_index(out, table, index);
    }
    if let Some(partitioning) = &table.partition_by {
        let _ = writeln!(out, "  partition by {partitioning}");
    }
    if let Some(partition) = &table.partition_of {
        let _ = writeln!(
            out,
            "  partition of {} {}",
            partition.parent, partition.bound
        );
    }
    for element in &table.verbatim_elements {
        let _ = writeln!(out, "  [{element}]");
    }
    for option in &table.verbatim_options {
        let _ = writeln!(out, "  [{option}]");
    }
}

fn outline_index(out: &mut String, table: &Table, index: &Index) {
    let kind = if index.unique {
        "unique index"
    } else {
        "index"
    };
    let _ = write!(out, "  {kind} {}", named(index.name.as_deref()));
    if let Some(layout) = index.kind {
        let _ = write!(out, "{} ", layout.keywords().to_ascii_lowercase());
    }
    if let Some(method) = &index.method {
        let _ = write!(out, "using {method} ");
    }
    let parts: Vec<String> = index
        .parts
        .iter()
        .map(|part| {
            let key = match &part.key {
                IndexKey::Column(id) => column_names(table, &[*id]),
                IndexKey::Expression(expression) => format!("({expression})"),
            };
            let mut key = match part.prefix {
                Some(length) => format!("{key}({length})"),
                None => key,
            };
            if let Some(collation) = &part.collation {
                let _ = write!(key, " COLLATE {collation}");
            }
            if let Some(operator_class) = &part.operator_class {
                let _ = write!(key, " {operator_class}");
            }
            if part.descending {
                format!("{key} DESC")
            } else {
                key
            }
        })
        .collect();
    let _ = write!(out, "({})", parts.join(", "));
    if !index.include.is_empty() {
        let _ = write!(out, " include ({})", column_names(table, &index.include));
    }
    if let Some(predicate) = &index.predicate {
        let _ = write!(out, " where {predicate}");
    }
    for option in &index.verbatim_options {
        let _ = write!(out, " [{option}]");
    }
    out.push('\n');
}

fn named(name: Option<&str>) -> String {
    name.map(|name| format!("{name} ")).unwrap_or_default()
}

fn column_names(table: &Table, ids: &[ColumnId]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            table
                .columns
                .iter()
                .find(|column| column.id == *id)
                .map_or("?", |column| column.name.as_str())
        })
        .collect();
    names.join(", ")
}
