//! What the catalog's design must share with the design of the DDL that was executed, and
//! what it need not: a catalog cannot know how a type was spelled (compared as the engine's
//! canonical type), the names an engine gave constraints the DDL left unnamed (not compared),
//! how an index expression or check was written (expressions compared without spacing, quotes,
//! parentheses and casts; checks by count), whether a unique key was declared as a constraint
//! or an index (compared as one set of keys), and the indexes MariaDB makes for foreign keys
//! (extra indexes on a foreign key's leading columns are allowed).

use std::collections::BTreeMap;

use relvar_model::{ColumnId, Design, IndexKey, ReferentialAction, Table};
use relvar_sql::{Dialect, mapped_type};

pub fn counts(design: &Design) -> (usize, usize, usize, usize) {
    (
        design.tables.len(),
        design.tables.iter().map(|t| t.columns.len()).sum(),
        design.foreign_keys.len(),
        design.tables.iter().map(|t| t.indexes.len()).sum(),
    )
}

/// Every way the catalog's design differs from the DDL's, in words.
pub fn differences(written: &Design, read: &Design, target: Dialect) -> Vec<String> {
    let key = |table: &Table| {
        let schema = match (target, table.schema.as_deref()) {
            (Dialect::PostgreSql, Some(schema)) if !relvar_model::is_default_schema(schema) => {
                format!("{}.", schema.to_lowercase())
            }
            _ => String::new(),
        };
        format!("{schema}{}", table.name.to_lowercase())
    };
    let read_tables: BTreeMap<String, &Table> = read.tables.iter().map(|t| (key(t), t)).collect();
    let mut problems = Vec::new();
    let mut children = Vec::new();
    for table in &written.tables {
        if is_child_without_columns(table) {
            children.extend(read_tables.get(&key(table)).map(|back| back.id));
            continue;
        }
        match read_tables.get(&key(table)) {
            Some(back) => problems.extend(table_differences(table, back, written, read, target)),
            None => problems.push(format!("table {} missing", key(table))),
        }
    }
    if read.tables.len() != written.tables.len() {
        problems.push(format!(
            "{} tables written, {} in the catalog",
            written.tables.len(),
            read.tables.len()
        ));
    }
    let read_foreign_keys = read
        .foreign_keys
        .iter()
        .filter(|fk| !children.contains(&fk.from_table))
        .count();
    for (what, a, b) in [
        (
            "foreign keys",
            written.foreign_keys.len(),
            read_foreign_keys,
        ),
        ("views", written.views.len(), read.views.len()),
        ("enums", written.enums.len(), read.enums.len()),
    ] {
        if a != b {
            problems.push(format!("{a} {what} written, {b} in the catalog"));
        }
    }
    problems
}

/// A partition or inheriting table written without columns of its own (`PARTITION OF`,
/// `INHERITS`): the catalog lists the columns it has, the DDL's import cannot know them, nor
/// read the indexes and foreign keys on them.
fn is_child_without_columns(table: &Table) -> bool {
    table.columns.is_empty()
        && (table.partition_of.is_some()
            || table
                .verbatim_options
                .iter()
                .any(|option| option.to_ascii_uppercase().starts_with("INHERITS")))
}

fn names(table: &Table, ids: &[ColumnId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| table.columns.iter().find(|c| c.id == *id))
        .map(|c| c.name.to_lowercase())
        .collect()
}

fn table_differences(
    table: &Table,
    back: &Table,
    written: &Design,
    read: &Design,
    target: Dialect,
) -> Vec<String> {
    let mut problems = Vec::new();
    let at = &table.name;
    let column_names = |t: &Table| {
        t.columns
            .iter()
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    if column_names(table) != column_names(back) {
        problems.push(format!(
            "{at}: columns {:?} read as {:?}",
            column_names(table),
            column_names(back)
        ));
        return problems;
    }
    for (column, again) in table.columns.iter().zip(&back.columns) {
        if !same_type(&column.data_type, &again.data_type, target) {
            problems.push(format!(
                "{at}.{}: type {} read as {}",
                column.name, column.data_type, again.data_type
            ));
        }
        if column.nullable != again.nullable {
            problems.push(format!(
                "{at}.{}: nullable {} read as {}",
                column.name, column.nullable, again.nullable
            ));
        }
        if column.identity.is_some() != again.identity.is_some() {
            problems.push(format!(
                "{at}.{}: identity {:?} read as {:?}",
                column.name, column.identity, again.identity
            ));
        }
        if column.generated.is_some() != again.generated.is_some() {
            problems.push(format!("{at}.{}: generated or not", column.name));
        }
    }
    let primary = |t: &Table| t.primary_key.as_ref().map(|k| names(t, &k.columns));
    if primary(table) != primary(back) {
        problems.push(format!(
            "{at}: primary key {:?} read as {:?}",
            primary(table),
            primary(back)
        ));
    }
    let uniques = |t: &Table| {
        let mut keys: Vec<Vec<String>> = t.uniques.iter().map(|u| names(t, &u.columns)).collect();
        keys.extend(
            t.indexes
                .iter()
                .filter(|i| i.unique && is_plain(i))
                .map(|i| names(t, &i.key_columns().collect::<Vec<_>>())),
        );
        keys.sort();
        keys
    };
    if uniques(table) != uniques(back) {
        problems.push(format!(
            "{at}: unique keys {:?} read as {:?}",
            uniques(table),
            uniques(back)
        ));
    }
    let fk_leads = foreign_key_columns(read, back);
    let mut found: Vec<String> = back
        .indexes
        .iter()
        .filter(|i| !(i.unique && is_plain(i)))
        .map(|i| index_signature(back, i))
        .collect();
    for index in table.indexes.iter().filter(|i| !(i.unique && is_plain(i))) {
        let signature = index_signature(table, index);
        match found.iter().position(|known| *known == signature) {
            Some(place) => {
                found.remove(place);
            }
            None => problems.push(format!("{at}: index {signature} not in the catalog")),
        }
    }
    for extra in found {
        let allowed =
            target == Dialect::MySql && fk_leads.iter().any(|lead| extra == format!("({lead})"));
        if !allowed {
            problems.push(format!("{at}: index {extra} only in the catalog"));
        }
    }
    let checks = |t: &Table| {
        t.checks
            .iter()
            .filter(|c| !c.expression.contains("json_valid"))
            .count()
    };
    if checks(table) != checks(back) {
        problems.push(format!(
            "{at}: {} checks written, {} in the catalog",
            checks(table),
            checks(back)
        ));
    }
    let mut written_fks = foreign_keys(written, table, target);
    let mut read_fks = foreign_keys(read, back, target);
    written_fks.sort();
    read_fks.sort();
    if written_fks != read_fks {
        problems.push(format!(
            "{at}: foreign keys {written_fks:?} read as {read_fks:?}"
        ));
    }
    problems
}

/// An index whose parts are plain columns: a unique one is a unique key.
fn is_plain(index: &relvar_model::Index) -> bool {
    index.predicate.is_none()
        && index.parts.iter().all(|part| {
            matches!(part.key, IndexKey::Column(_)) && part.prefix.is_none() && !part.descending
        })
}

/// An index by what it holds: unique or not, method, parts (column or normalised expression,
/// order, operator class, collation, prefix), included columns, and its predicate.
fn index_signature(table: &Table, index: &relvar_model::Index) -> String {
    let parts: Vec<String> = index
        .parts
        .iter()
        .map(|part| {
            let mut text = match &part.key {
                IndexKey::Column(id) => names(table, &[*id]).concat(),
                IndexKey::Expression(expression) => format!("expr:{}", normalised(expression)),
            };
            if part.descending {
                text.push_str(" desc");
            }
            if let Some(class) = &part.operator_class {
                text.push_str(&format!(" {}", normalised(class)));
            }
            if let Some(collation) = &part.collation {
                text.push_str(&format!(" collate {}", normalised(collation)));
            }
            let whole_column = match &part.key {
                IndexKey::Column(id) => table
                    .columns
                    .iter()
                    .find(|c| c.id == *id)
                    .and_then(|c| declared_length(&c.data_type)),
                IndexKey::Expression(_) => None,
            };
            if let Some(prefix) = part
                .prefix
                .filter(|prefix| Some(*prefix) < whole_column.or(Some(u32::MAX)))
            {
                text.push_str(&format!("({prefix})"));
            }
            text
        })
        .collect();
    let mut signature = format!("({})", parts.join(", "));
    if index.unique {
        signature = format!("unique {signature}");
    }
    if let Some(method) = &index.method {
        signature = format!("{method} {signature}");
    }
    if !index.include.is_empty() {
        signature.push_str(&format!(" include {:?}", names(table, &index.include)));
    }
    if let Some(predicate) = &index.predicate {
        signature.push_str(&format!(" where {}", normalised(predicate)));
    }
    signature
}

/// The length a type declares (`varchar(255)`): MariaDB forgets a key prefix that long.
fn declared_length(data_type: &str) -> Option<u32> {
    let (_, rest) = data_type.split_once('(')?;
    rest.split(')').next()?.trim().parse().ok()
}

/// SQL text without what engines change when they print it back: case, spacing, quotes,
/// parentheses and `::type` casts.
fn normalised(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::new();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            while chars
                .peek()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ' ' | '.'))
            {
                chars.next();
            }
            continue;
        }
        if !matches!(c, ' ' | '\n' | '\t' | '"' | '`' | '[' | ']' | '(' | ')') {
            out.push(c);
        }
    }
    out
}

/// The leading column lists of the table's foreign keys, as an index signature writes them.
fn foreign_key_columns(design: &Design, table: &Table) -> Vec<String> {
    design
        .foreign_keys
        .iter()
        .filter(|fk| fk.from_table == table.id)
        .map(|fk| names(table, &fk.from_columns).join(", "))
        .collect()
}

fn foreign_keys(design: &Design, table: &Table, target: Dialect) -> Vec<String> {
    let action = |a: ReferentialAction| match (target, a) {
        (Dialect::MySql, ReferentialAction::Restrict) => ReferentialAction::NoAction,
        (_, a) => a,
    };
    design
        .foreign_keys
        .iter()
        .filter(|fk| fk.from_table == table.id)
        .filter_map(|fk| {
            let to = design.table(fk.to_table)?;
            Some(format!(
                "{:?}->{}{:?} {:?}/{:?} {:?}",
                names(table, &fk.from_columns),
                to.name.to_lowercase(),
                names(to, &fk.to_columns),
                action(fk.on_delete),
                action(fk.on_update),
                fk.deferral
            ))
        })
        .collect()
}

/// Types equal as the engine's canonical spelling of them.
fn same_type(a: &str, b: &str, target: Dialect) -> bool {
    let canonical = |t: &str| {
        let bare = match target {
            Dialect::PostgreSql => t.trim_start_matches("public."),
            _ => t,
        };
        mapped_type(bare, target).to_lowercase()
    };
    canonical(a) == canonical(b)
}
