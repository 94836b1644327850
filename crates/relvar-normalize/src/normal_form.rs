//! The highest normal form a relation reaches (1NF to 4NF) and each violating dependency,
//! explained in words. Keys and prime attributes come from the functional dependencies;
//! multivalued dependencies matter for 4NF.

use std::fmt;

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::keys::{KeySearch, candidate_keys};
use crate::relation::{Fd, Mvd, Relation};

/// The normal forms in increasing strictness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NormalForm {
    First,
    Second,
    Third,
    BoyceCodd,
    Fourth,
}

impl NormalForm {
    /// The next weaker normal form, which a relation breaking this one still reaches at best.
    fn below(self) -> Self {
        match self {
            Self::First | Self::Second => Self::First,
            Self::Third => Self::Second,
            Self::BoyceCodd => Self::Third,
            Self::Fourth => Self::BoyceCodd,
        }
    }
}

impl fmt::Display for NormalForm {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Self::First => "1NF",
            Self::Second => "2NF",
            Self::Third => "3NF",
            Self::BoyceCodd => "BCNF",
            Self::Fourth => "4NF",
        })
    }
}

/// A dependency, functional or multivalued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependency {
    Functional(Fd),
    Multivalued(Mvd),
}

/// A dependency that keeps the relation from a normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The weakest normal form it breaks.
    pub breaks: NormalForm,
    /// The dependency, with only the attributes that violate on its right side.
    pub dependency: Dependency,
    /// True when the dependency was not declared but follows from those that were.
    pub implied: bool,
    /// Why, in words: e.g. "zip -> city: zip is not a superkey and city is not part of any
    /// candidate key, so this violates 3NF".
    pub explanation: String,
}

/// Keys, prime attributes, the normal form and its violations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub keys: KeySearch,
    /// Attributes in some candidate key found.
    pub prime: AttrSet,
    pub normal_form: NormalForm,
    pub violations: Vec<Violation>,
}

/// How many candidate keys an analysis lists at most.
pub const KEY_CAP: usize = 1_000;

/// Analyses the relation; at most `key_cap` keys are searched for, and when there are more, the
/// attributes of the keys not found count as not prime.
pub fn analyse(relation: &Relation, key_cap: usize) -> Analysis {
    let all = relation.all();
    let closure = Closure::new(&relation.fds);
    let keys = candidate_keys(&relation.fds, &all, key_cap);
    let prime = keys.prime_attributes();
    let explainer = Explainer {
        relation,
        keys: &keys,
        prime: &prime,
    };
    let mut violations = Vec::new();
    for fd in &relation.fds {
        if closure.determines(&fd.lhs, &all) {
            continue;
        }
        violations.extend(explainer.functional(fd));
    }
    if !violations.iter().any(|v| v.breaks == NormalForm::Second) {
        violations.extend(explainer.partial_dependencies(&closure));
    }
    for mvd in &relation.mvds {
        if !mvd.is_trivial_in(&all) && !closure.determines(&mvd.lhs, &all) {
            violations.push(explainer.multivalued(mvd));
        }
    }
    relvar_model::order::sort_by_key(&mut violations[..], |violation| violation.breaks);
    let normal_form = violations
        .first()
        .map_or(NormalForm::Fourth, |violation| violation.breaks.below());
    Analysis {
        keys,
        prime,
        normal_form,
        violations,
    }
}

struct Explainer<'a> {
    relation: &'a Relation,
    keys: &'a KeySearch,
    prime: &'a AttrSet,
}

impl Explainer<'_> {
    /// The violations of a declared dependency whose left side is not a superkey.
    fn functional(&self, fd: &Fd) -> Vec<Violation> {
        let relation = self.relation;
        let determined = fd.rhs.difference(&fd.lhs);
        let non_prime = determined.difference(self.prime);
        let prime = determined.intersection(self.prime);
        let lhs = self.side(&fd.lhs);
        let mut violations = Vec::new();
        if !non_prime.is_empty() {
            let part = Fd::new(fd.lhs.clone(), non_prime.clone());
            let shown = relation.show_fd(&part);
            let rhs = self.not_in_keys(&non_prime);
            let partial_of = self
                .keys
                .keys
                .iter()
                .find(|key| fd.lhs.is_subset(key) && fd.lhs != **key);
            let (breaks, explanation) = match partial_of {
                Some(key) => (
                    NormalForm::Second,
                    format!(
                        "{shown}: {lhs} is only part of the candidate key {} and {rhs}, so this partial dependency violates 2NF",
                        relation.show_braced(key)
                    ),
                ),
                None => (
                    NormalForm::Third,
                    format!("{shown}: {lhs} is not a superkey and {rhs}, so this violates 3NF"),
                ),
            };
            violations.push(Violation {
                breaks,
                dependency: Dependency::Functional(part),
                implied: false,
                explanation,
            });
        }
        if !prime.is_empty() {
            let part = Fd::new(fd.lhs.clone(), prime.clone());
            let verb = if prime.len() == 1 { "is" } else { "are" };
            violations.push(Violation {
                breaks: NormalForm::BoyceCodd,
                explanation: format!(
                    "{}: {lhs} is not a superkey, so this violates BCNF ({} {verb} part of a candidate key, so 3NF allows it)",
                    relation.show_fd(&part),
                    relation.show(&prime)
                ),
                dependency: Dependency::Functional(part),
                implied: false,
            });
        }
        violations
    }

    /// Non-prime attributes that a proper part of a key determines, though no declared
    /// dependency says so directly; one violation per smallest such part.
    fn partial_dependencies(&self, closure: &Closure<'_>) -> Vec<Violation> {
        let mut found: Vec<Violation> = Vec::new();
        for key in &self.keys.keys {
            for attribute in key.iter() {
                let part = key.without(attribute);
                let non_prime = closure.of(&part).difference(self.prime);
                if non_prime.is_empty() {
                    continue;
                }
                let lhs = closure.minimize(&part, &non_prime);
                let fd = Fd::new(lhs, non_prime);
                let dependency = Dependency::Functional(fd.clone());
                if found.iter().any(|known| known.dependency == dependency) {
                    continue;
                }
                found.push(Violation {
                    breaks: NormalForm::Second,
                    explanation: format!(
                        "{}: {} is only part of the candidate key {} and {}, so this partial dependency (implied by the declared ones) violates 2NF",
                        self.relation.show_fd(&fd),
                        self.side(&fd.lhs),
                        self.relation.show_braced(key),
                        self.not_in_keys(&fd.rhs)
                    ),
                    dependency,
                    implied: true,
                });
            }
        }
        found
    }

    fn multivalued(&self, mvd: &Mvd) -> Violation {
        Violation {
            breaks: NormalForm::Fourth,
            explanation: format!(
                "{}: {} is not a superkey, so this multivalued dependency violates 4NF",
                self.relation.show_mvd(mvd),
                self.side(&mvd.lhs)
            ),
            dependency: Dependency::Multivalued(mvd.clone()),
            implied: false,
        }
    }

    /// A left side in prose; the empty one is named as such.
    fn side(&self, set: &AttrSet) -> String {
        if set.is_empty() {
            "the empty set".to_owned()
        } else {
            self.relation.show(set)
        }
    }

    /// "city is not part of any candidate key", "city, state are not part of any candidate key".
    fn not_in_keys(&self, attributes: &AttrSet) -> String {
        let verb = if attributes.len() == 1 { "is" } else { "are" };
        let found = if self.keys.more { " found" } else { "" };
        format!(
            "{} {verb} not part of any candidate key{found}",
            self.relation.show(attributes)
        )
    }
}
