//! Decompositions of a relation: 3NF synthesis, BCNF and 4NF decomposition, and what they share
//! (components with a key, the dependencies a decomposition loses).

mod search;
mod split;
mod synthesis;

pub(crate) use search::{SEARCH_BUDGET, Search, search_subsets};
pub use split::{decompose_4nf, decompose_bcnf};
pub use synthesis::synthesize_3nf;

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::preserve::lost_dependencies;
use crate::relation::{Fd, Relation};

/// One relation of a decomposition: its attributes and a candidate key of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub attributes: AttrSet,
    pub key: AttrSet,
}

/// The relations a relation is split into, and what the split costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decomposition {
    pub components: Vec<Component>,
    /// For each dependency of the relation that the components do not preserve, the part of its
    /// right side they lose.
    pub lost: Vec<Fd>,
    /// False when a component could not be fully searched for violations within the budget (a
    /// very wide component); it is then in the normal form only as far as was checked.
    pub checked: bool,
}

impl Decomposition {
    /// Each component's attributes, in order.
    pub fn schemas(&self) -> Vec<AttrSet> {
        self.components
            .iter()
            .map(|component| component.attributes.clone())
            .collect()
    }

    /// `name(a, b) key {a}` for each component, one per line, for messages and tests.
    pub fn describe(&self, relation: &Relation) -> String {
        self.components
            .iter()
            .map(|component| {
                format!(
                    "({}) key {}\n",
                    relation.show(&component.attributes),
                    relation.show_braced(&component.key)
                )
            })
            .collect()
    }

    fn new(relation: &Relation, components: Vec<Component>, checked: bool) -> Self {
        let schemas: Vec<AttrSet> = components.iter().map(|c| c.attributes.clone()).collect();
        Self {
            lost: lost_dependencies(&relation.fds, &schemas),
            components,
            checked,
        }
    }
}

/// A candidate key of `attributes` (within them, under the relation's dependencies), shrunk from
/// `preferred` when that determines them, else from all of them.
fn key_of(closure: &Closure<'_>, attributes: &AttrSet, preferred: Option<&AttrSet>) -> AttrSet {
    let start = preferred
        .filter(|preferred| {
            preferred.is_subset(attributes) && closure.determines(preferred, attributes)
        })
        .unwrap_or(attributes);
    closure.minimize(start, attributes)
}

/// The components less those within another (the join is the same without them); of equal
/// ones the first is kept.
pub(crate) fn without_contained(components: Vec<Component>) -> Vec<Component> {
    let contained = |index: usize, component: &Component| {
        components.iter().enumerate().any(|(other, bigger)| {
            other != index
                && component.attributes.is_subset(&bigger.attributes)
                && (component.attributes != bigger.attributes || other < index)
        })
    };
    components
        .iter()
        .enumerate()
        .filter(|(index, component)| !contained(*index, component))
        .map(|(_, component)| component.clone())
        .collect()
}
