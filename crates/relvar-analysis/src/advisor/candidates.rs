//! Index candidates, one per table reading (and one per containment search) of each query: a
//! B-tree key of the equality columns, then the sort, then one range; a partial predicate for
//! constant predicates; expression keys for function predicates; GIN for jsonb, arrays and
//! full-text; INCLUDE columns where the query would then read the index alone.

use std::collections::BTreeSet;

use relvar_model::{ColumnId, Table};
use relvar_sql::Dialect;

use super::AdvisorOptions;
use super::cost::column_width;
use crate::workload::{ContainmentKind, ExtractedQuery, QueryKind, TableAccess};

/// One part of an index key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyPart {
    Column(ColumnId),
    /// An expression as an expression index spells it (`lower(email)`).
    Expression(String),
}

/// The index one query would like on one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub table: relvar_model::TableId,
    /// Key parts compared for equality: their order among themselves is free.
    pub equality: Vec<KeyPart>,
    /// Key parts after them, in order: the sort, then a range.
    pub ordered: Vec<KeyPart>,
    pub include: Vec<ColumnId>,
    /// The partial index's predicate, conjuncts in a fixed order.
    pub predicate: Option<String>,
    /// `gin` for containment and full-text; `None` for a B-tree.
    pub method: Option<&'static str>,
    pub query: usize,
    /// What of the query the index serves, in words.
    pub reason: String,
}

/// Widest column (bytes) worth copying into an index as INCLUDE.
const NARROW: u32 = 16;

/// The candidates of every query, in query order.
pub fn collect<'a>(
    tables: &dyn Fn(relvar_model::TableId) -> Option<&'a Table>,
    dialect: Dialect,
    queries: &[ExtractedQuery],
    options: &AdvisorOptions,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for query in queries {
        if query.shape.kind == QueryKind::Insert {
            continue;
        }
        let filtered_elsewhere = |position: usize| {
            query
                .shape
                .accesses
                .iter()
                .enumerate()
                .any(|(other, access)| other != position && access.has_own_filter())
        };
        for (position, access) in query.shape.accesses.iter().enumerate() {
            let Some(table) = tables(access.table) else {
                continue;
            };
            if let Some(candidate) = btree(
                table,
                access,
                dialect,
                options,
                query.query,
                filtered_elsewhere(position),
            ) {
                out.push(candidate);
            }
            if dialect == Dialect::PostgreSql {
                out.extend(gin(table, access, query.query));
            }
        }
    }
    out
}

fn btree(
    table: &Table,
    access: &TableAccess,
    dialect: Dialect,
    options: &AdvisorOptions,
    query: usize,
    filtered_elsewhere: bool,
) -> Option<Candidate> {
    let name = |column: ColumnId| column_name(table, column);
    let partial = dialect != Dialect::MySql;
    let literal: BTreeSet<ColumnId> = access.literal_equalities.iter().copied().collect();
    let mut equality: Vec<KeyPart> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let parameter_equalities: Vec<ColumnId> = dedup(&access.equalities)
        .into_iter()
        .filter(|column| !literal.contains(column))
        .collect();
    let functions: Vec<&crate::workload::FunctionPredicate> = if dialect == Dialect::MsSql {
        Vec::new()
    } else {
        access.function_predicates.iter().collect()
    };
    let other_keys = !parameter_equalities.is_empty()
        || !access.order_by.is_empty()
        || !access.ranges.is_empty()
        || !functions.is_empty();
    // Literal equalities become the partial predicate when something else makes the key.
    let literal_as_predicate = partial && other_keys;
    for column in dedup(&access.equalities) {
        if literal.contains(&column) && literal_as_predicate {
            continue;
        }
        equality.push(KeyPart::Column(column));
        words.push(format!("{} = ?", name(column)));
    }
    for function in functions.iter().filter(|f| f.equality) {
        let part = KeyPart::Expression(function.expression.clone());
        if !equality.contains(&part) {
            equality.push(part);
            words.push(format!("{} = ?", function.expression));
        }
    }
    let mut ordered: Vec<KeyPart> = Vec::new();
    let sort_usable =
        !access.order_by.is_empty() && (access.limit.is_some() || access.ranges.is_empty());
    if sort_usable {
        let mut sort_words = Vec::new();
        for key in &access.order_by {
            let part = KeyPart::Column(key.column);
            if !equality.contains(&part) && !ordered.contains(&part) {
                ordered.push(part);
                sort_words.push(format!(
                    "{}{}",
                    name(key.column),
                    if key.descending { " DESC" } else { "" }
                ));
            }
        }
        if !sort_words.is_empty() {
            words.push(format!("ORDER BY {}", sort_words.join(", ")));
        }
    }
    let range = dedup(&access.ranges)
        .into_iter()
        .map(KeyPart::Column)
        .chain(
            functions
                .iter()
                .filter(|f| !f.equality)
                .map(|f| KeyPart::Expression(f.expression.clone())),
        )
        .find(|part| !equality.contains(part));
    if let Some(part) = range
        && !ordered.contains(&part)
    {
        words.push(format!("range on {}", part_name(table, &part)));
        ordered.push(part);
    }
    let mut predicate_parts: Vec<String> = Vec::new();
    if partial {
        for constant in &access.constant_predicates {
            let is_literal = literal.contains(&constant.column);
            if (!is_literal || literal_as_predicate) && !predicate_parts.contains(&constant.sql) {
                predicate_parts.push(constant.sql.clone());
            }
        }
    }
    let only_flags = ordered.is_empty()
        && !equality.is_empty()
        && equality.iter().all(|part| match part {
            KeyPart::Column(column) => literal.contains(column) && is_boolean(table, *column),
            KeyPart::Expression(_) => false,
        });
    if only_flags {
        // A key of yes/no flags alone selects half the table: no index helps.
        return None;
    }
    if equality.is_empty() && ordered.is_empty() {
        // A table read only through a join, looked up from a filtered one.
        let join = access
            .joins
            .first()
            .copied()
            .filter(|_| filtered_elsewhere)?;
        equality.push(KeyPart::Column(join));
        words.push(format!("joined on {}", name(join)));
    }
    relvar_model::order::sort(&mut predicate_parts[..]);
    let predicate = (!predicate_parts.is_empty()).then(|| predicate_parts.join(" AND "));
    if let Some(predicate) = &predicate {
        words.push(format!("WHERE {predicate}"));
    }
    let include = include_columns(
        table, access, dialect, options, &equality, &ordered, &predicate,
    );
    if !include.is_empty() {
        words.push(format!(
            "reads {} too",
            include
                .iter()
                .map(|c| name(*c))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    relvar_model::order::sort(&mut equality[..]);
    Some(Candidate {
        table: table.id,
        equality,
        ordered,
        include,
        predicate,
        method: None,
        query,
        reason: words.join("; "),
    })
}

/// The few narrow columns a query reads beyond the key, when INCLUDE makes it index-only.
fn include_columns(
    table: &Table,
    access: &TableAccess,
    dialect: Dialect,
    options: &AdvisorOptions,
    equality: &[KeyPart],
    ordered: &[KeyPart],
    predicate: &Option<String>,
) -> Vec<ColumnId> {
    if !options.include_columns
        || access.reads_all_columns
        || !matches!(dialect, Dialect::PostgreSql | Dialect::MsSql)
    {
        return Vec::new();
    }
    let keyed: BTreeSet<ColumnId> = equality
        .iter()
        .chain(ordered)
        .filter_map(|part| match part {
            KeyPart::Column(column) => Some(*column),
            KeyPart::Expression(_) => None,
        })
        .collect();
    if equality
        .iter()
        .chain(ordered)
        .any(|p| matches!(p, KeyPart::Expression(_)))
    {
        return Vec::new();
    }
    let predicate_columns: BTreeSet<ColumnId> = access
        .constant_predicates
        .iter()
        .filter(|c| predicate.as_deref().is_some_and(|p| p.contains(&c.sql)))
        .map(|c| c.column)
        .collect();
    let extra: Vec<ColumnId> = access
        .columns_read
        .iter()
        .copied()
        .filter(|column| !keyed.contains(column) && !predicate_columns.contains(column))
        .collect();
    let narrow = extra.iter().all(|id| {
        table
            .columns
            .iter()
            .find(|column| column.id == *id)
            .and_then(|column| column_width(&column.data_type))
            .is_some_and(|width| width <= NARROW)
    });
    if extra.is_empty() || extra.len() > options.max_include_columns || !narrow {
        return Vec::new();
    }
    extra
}

/// GIN candidates for jsonb and array containment and full-text search.
fn gin(table: &Table, access: &TableAccess, query: usize) -> Vec<Candidate> {
    let mut out = Vec::new();
    for search in &access.containments {
        let part = match (&search.column, &search.expression) {
            (Some(column), _) => KeyPart::Column(*column),
            (None, Some(expression)) => KeyPart::Expression(expression.clone()),
            (None, None) => continue,
        };
        let what = match search.kind {
            ContainmentKind::Jsonb => "jsonb containment",
            ContainmentKind::Array => "array containment",
            ContainmentKind::FullText => "full-text search",
        };
        out.push(Candidate {
            table: table.id,
            reason: format!("{what} on {}", part_name(table, &part)),
            equality: vec![part],
            ordered: Vec::new(),
            include: Vec::new(),
            predicate: None,
            method: Some("gin"),
            query,
        });
    }
    out
}

fn dedup(columns: &[ColumnId]) -> Vec<ColumnId> {
    let mut seen = BTreeSet::new();
    columns
        .iter()
        .copied()
        .filter(|column| seen.insert(*column))
        .collect()
}

fn is_boolean(table: &Table, column: ColumnId) -> bool {
    table
        .columns
        .iter()
        .find(|c| c.id == column)
        .is_some_and(|c| {
            matches!(
                c.data_type.to_ascii_lowercase().as_str(),
                "boolean" | "bool" | "bit" | "tinyint(1)"
            )
        })
}

pub fn column_name(table: &Table, column: ColumnId) -> String {
    table
        .columns
        .iter()
        .find(|c| c.id == column)
        .map_or_else(|| format!("#{}", column.0), |c| c.name.clone())
}

pub fn part_name(table: &Table, part: &KeyPart) -> String {
    match part {
        KeyPart::Column(column) => column_name(table, *column),
        KeyPart::Expression(expression) => expression.clone(),
    }
}
