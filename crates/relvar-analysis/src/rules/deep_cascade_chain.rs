//! RV025: ON DELETE CASCADE chains more than two foreign keys deep.

use relvar_model::{EdgeDirection, ReferentialAction};

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::graph::longest_paths;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV025",
    name: "deep-cascade-chain",
    severity: Warning,
    summary: "Deleting a row cascades through more than two levels of ON DELETE CASCADE foreign keys.",
    why: "One DELETE then silently removes rows of many tables, holding locks on all of them for as long as it takes; a mistaken delete of a top-level row is hard to notice and to undo. Past two levels, RESTRICT with explicit deletes (or soft deletes) keeps the damage visible.",
    example: "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer ON DELETE CASCADE);\nCREATE TABLE order_line (id int PRIMARY KEY, order_id int REFERENCES orders ON DELETE CASCADE);\nCREATE TABLE shipment_item (id int PRIMARY KEY, line_id int REFERENCES order_line ON DELETE CASCADE);",
}

pub const SCOPE: Scope = Scope::Design;

/// Cascades deeper than this are reported.
pub const CASCADE_DEPTH: usize = 2;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let tables = &cx.design.tables;
    // Parent to child: deleting the parent deletes the child's rows.
    let adjacency = cx.graph.adjacency(EdgeDirection::ToReferencing, |fk| {
        fk.on_delete == ReferentialAction::Cascade
    });
    let mut cascaded = vec![false; tables.len()];
    for child in adjacency.iter().flatten() {
        if let Some(flag) = cascaded.get_mut(*child) {
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
        report.on(
            members
                .iter()
                .map(|table| ObjectRef::Table(table.id))
                .collect(),
            format!(
                "deleting a row of {} cascades {depth} levels deep: {}",
                root.display_name(),
                names.join(" -> ")
            ),
        );
    }
}
