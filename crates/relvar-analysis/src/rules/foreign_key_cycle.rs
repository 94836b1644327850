//! RV024: tables whose foreign keys form a cycle (self references excepted).

use relvar_model::{Deferral, EdgeDirection, TableId};

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::graph::strongly_connected;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV024",
    name: "foreign-key-cycle",
    severity: Warning,
    summary: "Foreign keys between two or more tables form a cycle (a table referencing itself, a hierarchy, is not counted).",
    why: "Rows in a cycle cannot all be inserted first: one of the foreign keys must be nullable and filled in later, or deferred to commit; loading, copying and deleting the tables needs the same care, and when every foreign key in the cycle is NOT NULL and checked immediately, no row can ever be inserted.",
    example: "CREATE TABLE staff (id int PRIMARY KEY, store_id int NOT NULL);\nCREATE TABLE store (id int PRIMARY KEY, manager_id int NOT NULL REFERENCES staff (id));\nALTER TABLE staff ADD FOREIGN KEY (store_id) REFERENCES store (id);",
}

pub const SCOPE: Scope = Scope::Design;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let tables = &cx.design.tables;
    let adjacency = cx.graph.adjacency(EdgeDirection::ToReferenced, |_| true);
    for component in strongly_connected(&adjacency) {
        if component.len() < 2 {
            continue;
        }
        let members: Vec<&relvar_model::Table> = component
            .iter()
            .filter_map(|index| tables.get(*index))
            .collect();
        let ids: Vec<TableId> = members.iter().map(|table| table.id).collect();
        let inner: Vec<&relvar_model::ForeignKey> = cx
            .design
            .foreign_keys
            .iter()
            .filter(|fk| {
                fk.from_table != fk.to_table
                    && ids.contains(&fk.from_table)
                    && ids.contains(&fk.to_table)
            })
            .collect();
        let stuck = inner.iter().all(|fk| {
            fk.deferral == Deferral::NotDeferrable
                && fk.from_columns.iter().all(|column| {
                    cx.column(fk.from_table, *column)
                        .is_some_and(|found| !found.nullable)
                })
        });
        let names: Vec<String> = members.iter().map(|table| table.display_name()).collect();
        let consequence = if stuck {
            "every foreign key in it is NOT NULL and not deferrable, so no row can be inserted first"
        } else {
            "inserting, loading and deleting their rows needs a nullable or deferred foreign key"
        };
        let mut objects: Vec<ObjectRef> = ids.iter().map(|id| ObjectRef::Table(*id)).collect();
        objects.extend(inner.iter().map(|fk| ObjectRef::ForeignKey(fk.id)));
        report.on(
            objects,
            format!(
                "tables {} reference each other in a cycle: {consequence}",
                names.join(", ")
            ),
        );
    }
}
