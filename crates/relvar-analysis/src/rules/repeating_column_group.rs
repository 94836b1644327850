//! RV019: numbered copies of one column (`phone1, phone2, phone3`), a repeating group (1NF).

use std::collections::BTreeMap;

use crate::context::Context;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV019",
    name: "repeating-column-group",
    severity: Warning,
    summary: "A table has three or more columns that differ only by a number at the end (`phone1`, `phone2`, `phone3`), a repeating group.",
    why: "A fixed number of slots caps what can be stored, leaves most slots NULL, and makes every question ('which customers have this phone?') a query over each slot. A child table with one row per value (and its position, if order matters) is the first normal form.",
    example: "CREATE TABLE customer (id int PRIMARY KEY, phone1 text, phone2 text, phone3 text);",
}

pub const SCOPE: Scope = Scope::Table;

/// The fewest numbered columns that make a group.
const GROUP_SIZE: usize = 3;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.entity_tables() {
        let mut groups: BTreeMap<String, Vec<(u64, usize)>> = BTreeMap::new();
        for (position, column) in table.columns.iter().enumerate() {
            let lower = column.name.to_lowercase();
            let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit());
            let Ok(number) = lower.get(stem.len()..).unwrap_or_default().parse::<u64>() else {
                continue;
            };
            let stem = stem.trim_end_matches('_');
            if stem.chars().any(char::is_alphabetic) {
                groups
                    .entry(stem.to_owned())
                    .or_default()
                    .push((number, position));
            }
        }
        let mut found: Vec<Vec<usize>> = groups
            .into_values()
            .filter_map(|mut members| {
                relvar_model::order::sort(&mut members[..]);
                members.dedup_by_key(|(number, _)| *number);
                (members.len() >= GROUP_SIZE)
                    .then(|| members.into_iter().map(|(_, position)| position).collect())
            })
            .collect();
        relvar_model::order::sort(&mut found[..]);
        for positions in found {
            let columns: Vec<_> = positions
                .iter()
                .filter_map(|position| table.columns.get(*position))
                .collect();
            let names: Vec<&str> = columns.iter().map(|column| column.name.as_str()).collect();
            let message = format!(
                "{} has numbered columns {}: a repeating group that belongs in a table of its own",
                table.display_name(),
                names.join(", ")
            );
            report.columns(table, columns, message);
        }
    }
}
