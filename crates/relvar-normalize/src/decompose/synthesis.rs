//! 3NF synthesis (Bernstein, 1976, as the textbooks give it): one relation per left side of a
//! minimal cover, a relation for a candidate key when none holds one, and relations contained in
//! another dropped. Lossless and dependency-preserving by construction.

use super::{Component, Decomposition, without_contained};
use crate::closure::Closure;
use crate::cover::{merge_left_sides, minimal_cover};
use crate::keys::CandidateKeys;
use crate::relation::Relation;

/// The 3NF synthesis of the relation. Left sides that determine each other are not merged; the
/// key relation, when needed, is the first candidate key found (attributes dropped in increasing
/// position from all of them).
pub fn synthesize_3nf(relation: &Relation) -> Decomposition {
    let all = relation.all();
    let closure = Closure::new(&relation.fds);
    let mut components: Vec<Component> = merge_left_sides(&minimal_cover(&relation.fds))
        .into_iter()
        .map(|fd| Component {
            attributes: fd.lhs.union(&fd.rhs),
            key: fd.lhs,
        })
        .collect();
    let holds_key = components
        .iter()
        .any(|component| closure.determines(&component.attributes, &all));
    if !holds_key {
        let key = CandidateKeys::new(&relation.fds, all.clone())
            .next()
            .unwrap_or_else(|| all.clone());
        components.push(Component {
            attributes: key.clone(),
            key,
        });
    }
    Decomposition::new(relation, without_contained(components), true)
}
