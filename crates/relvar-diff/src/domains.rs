//! Domains (PostgreSQL's named types over a base type, with a default and checks), paired by
//! name: added, removed, or changed in their default, their checks, or their base type and
//! collation (which PostgreSQL cannot alter: such a domain is made again).

use relvar_model::{CheckConstraint, Design, Dialect, Domain};

use crate::diff::same_schema;
use crate::matching::same_name;
use crate::normal::{normal_expression, same_type};

/// A change of a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainDiff {
    Added(usize),
    Removed(usize),
    Changed {
        from: usize,
        to: usize,
        /// The base type or collation differs: the domain is made again.
        base_changed: bool,
        default_changed: bool,
        /// Positions of the first design's checks the second lacks.
        checks_removed: Vec<usize>,
        /// Positions of the second design's checks the first lacks.
        checks_added: Vec<usize>,
    },
}

pub(crate) fn domains(from: &Design, to: &Design, dialect: Dialect) -> Vec<DomainDiff> {
    let same = |a: &Domain, b: &Domain| {
        same_name(&a.name, &b.name, dialect)
            && same_schema(a.schema.as_deref(), b.schema.as_deref(), dialect)
    };
    let mut changes = Vec::new();
    for (at, old) in from.domains.iter().enumerate() {
        let Some((other, new)) = to
            .domains
            .iter()
            .enumerate()
            .find(|(_, new)| same(old, new))
        else {
            changes.push(DomainDiff::Removed(at));
            continue;
        };
        let base_changed = !same_type(&old.data_type, &new.data_type, dialect)
            || !old
                .collation
                .as_deref()
                .unwrap_or_default()
                .eq_ignore_ascii_case(new.collation.as_deref().unwrap_or_default());
        let default_changed = old.default.as_deref().map(normal_expression)
            != new.default.as_deref().map(normal_expression);
        let checks_removed = unmatched_checks(&old.checks, &new.checks);
        let checks_added = unmatched_checks(&new.checks, &old.checks);
        if base_changed || default_changed || !checks_removed.is_empty() || !checks_added.is_empty()
        {
            changes.push(DomainDiff::Changed {
                from: at,
                to: other,
                base_changed,
                default_changed,
                checks_removed,
                checks_added,
            });
        }
    }
    for (at, new) in to.domains.iter().enumerate() {
        if !from.domains.iter().any(|old| same(old, new)) {
            changes.push(DomainDiff::Added(at));
        }
    }
    changes
}

/// Positions of `checks` that none of `others` has (same expression, and same name where both
/// are named).
fn unmatched_checks(checks: &[CheckConstraint], others: &[CheckConstraint]) -> Vec<usize> {
    checks
        .iter()
        .enumerate()
        .filter(|(_, check)| {
            !others.iter().any(|other| {
                normal_expression(&other.expression) == normal_expression(&check.expression)
                    && match (&check.name, &other.name) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            })
        })
        .map(|(at, _)| at)
        .collect()
}
