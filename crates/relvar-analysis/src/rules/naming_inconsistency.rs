//! RV027: names that break the design's dominant convention: case style of table and column
//! names, and singular or plural table names.

use std::collections::BTreeMap;

use relvar_model::Table;

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::names::{CaseStyle, case_style, is_plural, singular, words};
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV027",
    name: "naming-inconsistency",
    severity: Info,
    summary: "A table or column name breaks the convention most of the design follows: its case style (snake_case, camelCase, PascalCase, UPPER_CASE), singular against plural table names, or a foreign key column not named `<table>_id` (a role before it, as in `billing_address_id`, is fine). A convention counts when at least two thirds of at least three names follow it.",
    why: "Consistent names can be guessed: nobody has to look up whether it is `order_items`, `OrderItem` or `order_item`, generated code and ORMs map them uniformly, and in PostgreSQL mixed-case names must be quoted forever.",
    example: "CREATE TABLE customers (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY);\nCREATE TABLE invoices (id int PRIMARY KEY);\nCREATE TABLE OrderLine (id int PRIMARY KEY);",
}

pub const SCOPE: Scope = Scope::Design;

/// The fewest names that make a convention, and the share of them that must follow it.
const MIN_NAMES: usize = 3;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    check_foreign_key_names(cx, report);
    let tables: Vec<&Table> = cx.entity_tables().collect();
    let table_case = dominant(tables.iter().map(|table| case_style(&table.name)));
    let plural = dominant(tables.iter().copied().filter_map(last_word_plural));
    let column_case = dominant(
        tables
            .iter()
            .flat_map(|table| table.columns.iter().map(|column| case_style(&column.name))),
    );
    for table in tables.iter().copied() {
        let style = case_style(&table.name);
        if let Some(usual) = table_case.filter(|usual| !compatible(*usual, style)) {
            report.table(
                table,
                format!(
                    "table {} is {} while most table names are {}",
                    table.display_name(),
                    style.describe(),
                    usual.describe()
                ),
            );
        }
        if let (Some(usual), Some(this)) = (plural, last_word_plural(table))
            && usual != this
        {
            let (is, are) = if this {
                ("plural", "singular")
            } else {
                ("singular", "plural")
            };
            report.table(
                table,
                format!(
                    "table {} is {is} while most table names are {are}",
                    table.display_name()
                ),
            );
        }
        let Some(usual) = column_case else {
            continue;
        };
        let odd: Vec<_> = table
            .columns
            .iter()
            .filter(|column| !compatible(usual, case_style(&column.name)))
            .collect();
        if odd.is_empty() {
            continue;
        }
        let names: Vec<&str> = odd.iter().map(|column| column.name.as_str()).collect();
        let message = format!(
            "columns {} of {} are not {} like most column names",
            names.join(", "),
            table.display_name(),
            usual.describe()
        );
        report.columns(table, odd, message);
    }
}

/// Single-column foreign keys between two tables whose column is not `[role_]<table>_id`, when
/// most such columns are.
fn check_foreign_key_names(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let mut named = Vec::new();
    for fk in &cx.design.foreign_keys {
        let ([column], Some(to)) = (fk.from_columns.as_slice(), cx.table(fk.to_table)) else {
            continue;
        };
        let Some(facts) = cx.column_facts(fk.from_table, *column) else {
            continue;
        };
        if fk.from_table == fk.to_table {
            continue;
        }
        let entity: Vec<String> = words(&to.name).iter().map(|word| singular(word)).collect();
        let mut expected = entity.clone();
        expected.push(String::from("id"));
        let follows = facts.words.ends_with(&expected);
        named.push((fk, *column, follows, entity.join("_")));
    }
    if dominant(named.iter().map(|(_, _, follows, _)| *follows)) != Some(true) {
        return;
    }
    let followed = named.iter().filter(|(_, _, follows, _)| *follows).count();
    for (fk, column, _, entity) in named.iter().filter(|(_, _, follows, _)| !follows) {
        let (Some(from), Some(to)) = (cx.table(fk.from_table), cx.table(fk.to_table)) else {
            continue;
        };
        let name = from
            .columns
            .iter()
            .find(|c| c.id == *column)
            .map_or("", |c| c.name.as_str());
        report.on(
            vec![
                ObjectRef::column(from.id, *column),
                ObjectRef::ForeignKey(fk.id),
            ],
            format!(
                "{}.{name} references {} but is not named {entity}_id, as {followed} of the design's {} foreign key columns are named for their table",
                from.display_name(),
                to.display_name(),
                named.len()
            ),
        );
    }
}

/// Whether a name written in `style` follows the convention `usual`: a one-word name in lower
/// case fits camelCase as well as snake_case.
fn compatible(usual: CaseStyle, style: CaseStyle) -> bool {
    usual == style || (usual == CaseStyle::Camel && style == CaseStyle::Snake)
}

/// Whether a table's last word is plural; `None` for names without letters.
fn last_word_plural(table: &Table) -> Option<bool> {
    words(&table.name).last().map(|word| is_plural(word))
}

/// The value at least two thirds of at least [`MIN_NAMES`] items share.
fn dominant<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    let mut total = 0;
    for item in items {
        *counts.entry(item).or_default() += 1;
        total += 1;
    }
    let (value, count) = counts.into_iter().max_by_key(|(_, count)| *count)?;
    (total >= MIN_NAMES && count * 3 >= total * 2).then_some(value)
}
