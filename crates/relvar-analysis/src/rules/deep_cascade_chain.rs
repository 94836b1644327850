//! RV025: ON DELETE CASCADE chains more than two foreign keys deep.

use std::collections::BTreeMap;

use relvar_model::{ReferentialAction, TableId};

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::graph::longest_paths;
use crate::rule::rule_info;

rule_info! {
    code: "RV025",
    name: "deep-cascade-chain",
    severity: Warning,
    summary: "Deleting a row cascades through more than two levels of ON DELETE CASCADE foreign keys.",
    why: "One DELETE then silently removes rows of many tables, holding locks on all of them for as long as it takes; a mistaken delete of a top-level row is hard to notice and to undo. Past two levels, RESTRICT with explicit deletes (or soft deletes) keeps the damage visible.",
    example: "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer ON DELETE CASCADE);\nCREATE TABLE order_line (id int PRIMARY KEY, order_id int REFERENCES orders ON DELETE CASCADE);\nCREATE TABLE shipment_item (id int PRIMARY KEY, line_id int REFERENCES order_line ON DELETE CASCADE);",
}

/// Cascades deeper than this are reported.
pub const CASCADE_DEPTH: usize = 2;

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tables = &cx.design.tables;
    let position: BTreeMap<TableId, usize> = tables
        .iter()
        .enumerate()
        .map(|(index, table)| (table.id, index))
        .collect();
    // Parent to child: deleting the parent deletes the child's rows.
    let mut adjacency = vec![Vec::new(); tables.len()];
    let mut cascaded = vec![false; tables.len()];
    for fk in &cx.design.foreign_keys {
        if fk.on_delete != ReferentialAction::Cascade || fk.from_table == fk.to_table {
            continue;
        }
        let (Some(&parent), Some(&child)) =
            (position.get(&fk.to_table), position.get(&fk.from_table))
        else {
            continue;
        };
        if let Some(edges) = adjacency.get_mut(parent) {
            edges.push(child);
        }
        if let Some(flag) = cascaded.get_mut(child) {
            *flag = true;
        }
    }
    let paths = longest_paths(&adjacency);
    for (start, (depth, _)) in paths.iter().enumerate() {
        if *depth <= CASCADE_DEPTH || cascaded.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut chain = vec![start];
        let mut at = start;
        while let Some((_, Some(next))) = paths.get(at) {
            if chain.contains(next) {
                break;
            }
            chain.push(*next);
            at = *next;
        }
        let members: Vec<&relvar_model::Table> = chain
            .iter()
            .filter_map(|index| tables.get(*index))
            .collect();
        let names: Vec<String> = members.iter().map(|table| table.display_name()).collect();
        let Some(root) = members.first() else {
            continue;
        };
        out.push(Finding::new(
            &INFO,
            members
                .iter()
                .map(|table| ObjectRef::Table(table.id))
                .collect(),
            format!(
                "deleting a row of {} cascades {depth} levels deep: {}",
                root.display_name(),
                names.join(" -> ")
            ),
        ));
    }
}
