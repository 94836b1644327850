//! Reviewing a design again after an edit with work in proportion to the edit: the findings of
//! table-scope rules are looked for again only on the tables that changed (or whose foreign keys
//! did), those of neighbour-scope rules also on the tables at the other ends of their foreign
//! keys, and design-scope rules run in full. The result equals [`crate::review_with_advice`]
//! (`tests/incremental.rs` proves it after every step of random edit sequences).

use std::collections::{BTreeSet, HashMap};

use std::sync::Arc;

use relvar_model::{Design, Dialect, Domain, ForeignKey, ForeignKeyId, Table, TableId};

use crate::advisor::Advice;
use crate::context::{Context, TableFacts};
use crate::finding::Finding;
use crate::review::{ReviewOptions, run_rules, with_unused_indexes};
use crate::rule::Scope;

/// The scopes whose findings are kept per table between reviews.
const KEPT_SCOPES: [Scope; 2] = [Scope::Table, Scope::Neighbours];

/// What every finding depends on: when any of it changes, everything is looked for again.
#[derive(Debug, Clone, PartialEq)]
struct Basis {
    options: ReviewOptions,
    dialect: Option<Dialect>,
    domains: Vec<Domain>,
}

impl Basis {
    fn of(design: &Design, options: &ReviewOptions) -> Self {
        Self {
            options: options.clone(),
            dialect: design.source_dialect,
            domains: design.domains.clone(),
        }
    }
}

/// The design as last reviewed and the findings kept from that review.
#[derive(Debug)]
struct Reviewed {
    basis: Basis,
    tables: HashMap<TableId, Table>,
    foreign_keys: HashMap<ForeignKeyId, ForeignKey>,
    /// The column facts of each table, for the next review's lookups.
    facts: HashMap<TableId, TableFacts>,
    /// Per kept scope: the findings of its rules by the table they concern.
    kept: [HashMap<Option<TableId>, Vec<Finding>>; KEPT_SCOPES.len()],
}

impl Reviewed {
    fn new(basis: Basis, design: &Design) -> Self {
        Self {
            basis,
            tables: design
                .tables
                .iter()
                .map(|table| (table.id, table.clone()))
                .collect(),
            foreign_keys: design
                .foreign_keys
                .iter()
                .map(|fk| (fk.id, fk.clone()))
                .collect(),
            facts: HashMap::new(),
            kept: Default::default(),
        }
    }
}

/// A review that remembers the last design it reviewed, to review the next one incrementally.
#[derive(Debug, Default)]
pub struct IncrementalReview {
    last: Option<Reviewed>,
}

impl IncrementalReview {
    pub fn new() -> Self {
        Self::default()
    }

    /// The same findings as [`crate::review_with_advice`] of `design`.
    pub fn review_with_advice(
        &mut self,
        design: &Design,
        options: &ReviewOptions,
        advice: Option<&Advice>,
    ) -> Vec<Finding> {
        let basis = Basis::of(design, options);
        let (mut reviewed, changed) = match self.last.take() {
            Some(mut last) if last.basis == basis => {
                let changed = changed_tables(&mut last, design);
                (last, Some(changed))
            }
            _ => (Reviewed::new(basis, design), None),
        };
        let mut context = Context::reusing(design, |table| {
            let same = changed
                .as_ref()
                .is_some_and(|changed| !changed.contains(&table.id));
            same.then(|| reviewed.facts.get(&table.id).cloned())
                .flatten()
        });
        reviewed.facts = context
            .table_facts()
            .map(|(table, facts)| (table, Arc::clone(facts)))
            .collect();
        look_again(&mut reviewed, &mut context, options, changed.as_ref());
        let mut findings: Vec<Finding> = reviewed
            .kept
            .iter()
            .flat_map(HashMap::values)
            .flatten()
            .cloned()
            .collect();
        findings.extend(run_rules(&context, options, |rule| {
            rule.scope == Scope::Design
        }));
        self.last = Some(reviewed);
        with_unused_indexes(&context, findings, options, advice)
    }
}

/// Looks for the kept scopes' findings again: where the design changed, or everywhere.
fn look_again(
    reviewed: &mut Reviewed,
    context: &mut Context<'_>,
    options: &ReviewOptions,
    changed: Option<&BTreeSet<TableId>>,
) {
    let near = changed.map(|changed| {
        let mut near = changed.clone();
        for &table in changed {
            let ends = context
                .foreign_keys_from(table)
                .iter()
                .chain(context.foreign_keys_to(table));
            for fk in ends {
                near.extend([fk.from_table, fk.to_table]);
            }
        }
        near
    });
    for (kept, scope) in reviewed.kept.iter_mut().zip(KEPT_SCOPES) {
        let again = if scope == Scope::Table {
            changed
        } else {
            near.as_ref()
        };
        match again {
            Some(again) => {
                kept.retain(|table, _| table.is_none_or(|table| !again.contains(&table)));
                context.check_only(Some(again.clone()));
            }
            None => {
                kept.clear();
                context.check_only(None);
            }
        }
        keep(
            kept,
            context,
            run_rules(context, options, |rule| rule.scope == scope),
        );
    }
    context.check_only(None);
}

/// The tables added, removed or changed since `last`, with both ends of every foreign key
/// added, removed or changed; `last` takes in the design as it is now.
fn changed_tables(last: &mut Reviewed, design: &Design) -> BTreeSet<TableId> {
    let mut changed = BTreeSet::new();
    for table in &design.tables {
        if last.tables.get(&table.id) != Some(table) {
            changed.insert(table.id);
            last.tables.insert(table.id, table.clone());
        }
    }
    if last.tables.len() != design.tables.len() {
        let present: BTreeSet<TableId> = design.tables.iter().map(|table| table.id).collect();
        last.tables.retain(|id, _| {
            let kept = present.contains(id);
            if !kept {
                changed.insert(*id);
            }
            kept
        });
    }
    for fk in &design.foreign_keys {
        let before = last.foreign_keys.get(&fk.id);
        if before != Some(fk) {
            if let Some(before) = before {
                changed.extend([before.from_table, before.to_table]);
            }
            changed.extend([fk.from_table, fk.to_table]);
            last.foreign_keys.insert(fk.id, fk.clone());
        }
    }
    if last.foreign_keys.len() != design.foreign_keys.len() {
        let present: BTreeSet<ForeignKeyId> = design.foreign_keys.iter().map(|fk| fk.id).collect();
        last.foreign_keys.retain(|id, fk| {
            let kept = present.contains(id);
            if !kept {
                changed.extend([fk.from_table, fk.to_table]);
            }
            kept
        });
    }
    changed
}

/// Files findings under the table they concern.
fn keep(
    kept: &mut HashMap<Option<TableId>, Vec<Finding>>,
    context: &Context<'_>,
    findings: Vec<Finding>,
) {
    for finding in findings {
        kept.entry(finding.table_in(context))
            .or_default()
            .push(finding);
    }
}
