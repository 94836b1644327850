//! Candidate keys by the algorithm of Lucchesi and Osborn (1978), streamed: each key found is
//! tried against every dependency `X -> Y`; `X ∪ (K - Y)` is a superkey, and when it contains no
//! key found so far it shrinks to a new one. Time is polynomial in the number of keys, so a cap
//! bounds the work on schemas with very many keys.

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::relation::Fd;

/// The candidate keys of the attributes `universe` under some dependencies, one at a time.
#[derive(Debug, Clone)]
pub struct CandidateKeys<'a> {
    closure: Closure<'a>,
    universe: AttrSet,
    found: Vec<AttrSet>,
    /// The key being tried against the dependencies, and the next dependency to try.
    expanding: usize,
    next_fd: usize,
    started: bool,
}

impl<'a> CandidateKeys<'a> {
    pub fn new(fds: &'a [Fd], universe: AttrSet) -> Self {
        Self {
            closure: Closure::new(fds),
            universe,
            found: Vec::new(),
            expanding: 0,
            next_fd: 0,
            started: false,
        }
    }
}

impl Iterator for CandidateKeys<'_> {
    type Item = AttrSet;

    fn next(&mut self) -> Option<AttrSet> {
        if !self.started {
            self.started = true;
            let first = self.closure.minimize(&self.universe, &self.universe);
            self.found.push(first.clone());
            return Some(first);
        }
        loop {
            let key = self.found.get(self.expanding)?;
            let Some(fd) = self.closure.fds().get(self.next_fd) else {
                self.expanding += 1;
                self.next_fd = 0;
                continue;
            };
            self.next_fd += 1;
            let lhs = fd.lhs.intersection(&self.universe);
            let superkey = lhs.union(&key.difference(&fd.rhs));
            if self.found.iter().any(|known| known.is_subset(&superkey)) {
                continue;
            }
            let new = self.closure.minimize(&superkey, &self.universe);
            self.found.push(new.clone());
            return Some(new);
        }
    }
}

/// Candidate keys up to a cap, and whether there are more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySearch {
    /// The keys found, fewest attributes first, then by attribute position.
    pub keys: Vec<AttrSet>,
    /// True when the search stopped at the cap with at least one more key to find.
    pub more: bool,
}

impl KeySearch {
    /// The attributes in some key found (all prime attributes when `more` is false).
    pub fn prime_attributes(&self) -> AttrSet {
        let mut prime = AttrSet::new();
        for key in &self.keys {
            prime.union_with(key);
        }
        prime
    }

    /// Whether some key found lies strictly within `set`.
    pub fn has_key_within(&self, set: &AttrSet) -> bool {
        self.keys.iter().any(|key| key.is_subset(set) && key != set)
    }
}

/// At most `cap` candidate keys of `universe` under `fds`; `more` tells whether one more exists.
pub fn candidate_keys(fds: &[Fd], universe: &AttrSet, cap: usize) -> KeySearch {
    let mut stream = CandidateKeys::new(fds, universe.clone());
    let mut keys: Vec<AttrSet> = stream.by_ref().take(cap).collect();
    let more = stream.next().is_some();
    relvar_model::order::sort_by(&mut keys[..], AttrSet::reading_order);
    KeySearch { keys, more }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::Relation;

    #[test]
    fn a_schema_with_a_million_keys_stops_at_the_cap_and_says_there_are_more() {
        let names: Vec<String> = (0..20)
            .flat_map(|i| [format!("a{i}"), format!("b{i}")])
            .collect();
        let mut relation = Relation::new(names);
        for i in 0..20 {
            let (a, b) = (format!("a{i}"), format!("b{i}"));
            relation = relation.with_fd(&[&a], &[&b]).with_fd(&[&b], &[&a]);
        }
        let started = std::time::Instant::now();
        let search = candidate_keys(&relation.fds, &relation.all(), 500);
        assert_eq!(search.keys.len(), 500);
        assert!(search.more);
        assert!(search.keys.iter().all(|key| key.len() == 20));
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        let none_more = candidate_keys(&relation.fds[..2], &relation.all(), 2);
        assert_eq!(none_more.keys.len(), 2);
        assert!(!none_more.more);
    }
}
