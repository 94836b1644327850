//! A relation schema for the theory: attribute names, and the functional and multivalued
//! dependencies over them.

use crate::attrs::AttrSet;

/// A functional dependency `lhs -> rhs`: rows that agree on `lhs` agree on `rhs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fd {
    pub lhs: AttrSet,
    pub rhs: AttrSet,
}

impl Fd {
    pub fn new(lhs: AttrSet, rhs: AttrSet) -> Self {
        Self { lhs, rhs }
    }

    /// Whether it says nothing: the right side is within the left.
    pub fn is_trivial(&self) -> bool {
        self.rhs.is_subset(&self.lhs)
    }
}

/// A multivalued dependency `lhs ->> rhs`: for each `lhs` value, the set of `rhs` values is
/// independent of the values of the other attributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mvd {
    pub lhs: AttrSet,
    pub rhs: AttrSet,
}

impl Mvd {
    pub fn new(lhs: AttrSet, rhs: AttrSet) -> Self {
        Self { lhs, rhs }
    }

    /// Whether every relation over `universe` satisfies it: the right side is within the left,
    /// or both sides together are all the attributes.
    pub fn is_trivial_in(&self, universe: &AttrSet) -> bool {
        self.rhs.is_subset(&self.lhs) || universe.is_subset(&self.lhs.union(&self.rhs))
    }
}

/// Attributes named `0..names.len()` by position, with dependencies over them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Relation {
    pub names: Vec<String>,
    pub fds: Vec<Fd>,
    pub mvds: Vec<Mvd>,
}

impl Relation {
    /// A relation over these attribute names with no dependencies yet.
    pub fn new<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Self {
        Self {
            names: names.into_iter().map(Into::into).collect(),
            fds: Vec::new(),
            mvds: Vec::new(),
        }
    }

    /// Every attribute.
    pub fn all(&self) -> AttrSet {
        AttrSet::full(self.names.len())
    }

    pub fn width(&self) -> usize {
        self.names.len()
    }

    /// The position of the attribute with this name: exactly, or else ignoring ASCII case when
    /// only one attribute matches that way.
    pub fn position(&self, name: &str) -> Option<usize> {
        if let Some(exact) = self.names.iter().position(|known| known == name) {
            return Some(exact);
        }
        let mut matching = self
            .names
            .iter()
            .enumerate()
            .filter(|(_, known)| known.eq_ignore_ascii_case(name));
        match (matching.next(), matching.next()) {
            (Some((position, _)), None) => Some(position),
            _ => None,
        }
    }

    /// A set of attributes by name, each known; `None` when one is not.
    pub fn set_of(&self, names: &[&str]) -> Option<AttrSet> {
        names.iter().map(|name| self.position(name)).collect()
    }

    /// Names in position order, joined by `, `; `{}` for the empty set.
    pub fn show(&self, set: &AttrSet) -> String {
        if set.is_empty() {
            return "{}".to_owned();
        }
        let names: Vec<&str> = set
            .iter()
            .map(|position| self.names.get(position).map_or("?", String::as_str))
            .collect();
        names.join(", ")
    }

    /// `{a, b}`: a set shown as one thing, such as a key.
    pub fn show_braced(&self, set: &AttrSet) -> String {
        if set.is_empty() {
            return "{}".to_owned();
        }
        format!("{{{}}}", self.show(set))
    }

    pub fn show_fd(&self, fd: &Fd) -> String {
        format!("{} -> {}", self.show_side(&fd.lhs), self.show(&fd.rhs))
    }

    pub fn show_mvd(&self, mvd: &Mvd) -> String {
        format!("{} ->> {}", self.show_side(&mvd.lhs), self.show(&mvd.rhs))
    }

    /// A left side; the empty one is written as nothing, as the parser reads it.
    fn show_side(&self, set: &AttrSet) -> String {
        if set.is_empty() {
            String::new()
        } else {
            self.show(set)
        }
    }

    /// Adds `lhs -> rhs` by names; unknown names are left out.
    pub fn with_fd(mut self, lhs: &[&str], rhs: &[&str]) -> Self {
        let known = |names: &[&str]| {
            names
                .iter()
                .filter_map(|name| self.position(name))
                .collect()
        };
        let fd = Fd::new(known(lhs), known(rhs));
        self.fds.push(fd);
        self
    }

    /// Adds `lhs ->> rhs` by names; unknown names are left out.
    pub fn with_mvd(mut self, lhs: &[&str], rhs: &[&str]) -> Self {
        let known = |names: &[&str]| {
            names
                .iter()
                .filter_map(|name| self.position(name))
                .collect()
        };
        let mvd = Mvd::new(known(lhs), known(rhs));
        self.mvds.push(mvd);
        self
    }
}
