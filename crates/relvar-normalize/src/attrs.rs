//! Sets of attributes (column positions) as a bitset over 64-bit words, for any number of columns.

use std::fmt;

const BITS: usize = 64;

/// A set of attribute positions. Equal sets compare equal whatever their history: the words never
/// end in a zero word.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AttrSet {
    words: Vec<u64>,
}

impl AttrSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// The attributes `0..count`.
    pub fn full(count: usize) -> Self {
        (0..count).collect()
    }

    pub fn single(attribute: usize) -> Self {
        let mut set = Self::new();
        set.insert(attribute);
        set
    }

    pub fn insert(&mut self, attribute: usize) -> bool {
        let (word, bit) = (attribute / BITS, attribute % BITS);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        let Some(slot) = self.words.get_mut(word) else {
            return false;
        };
        let added = *slot & (1 << bit) == 0;
        *slot |= 1 << bit;
        added
    }

    pub fn remove(&mut self, attribute: usize) -> bool {
        let (word, bit) = (attribute / BITS, attribute % BITS);
        let Some(slot) = self.words.get_mut(word) else {
            return false;
        };
        let removed = *slot & (1 << bit) != 0;
        *slot &= !(1 << bit);
        self.trim();
        removed
    }

    pub fn contains(&self, attribute: usize) -> bool {
        self.words
            .get(attribute / BITS)
            .is_some_and(|word| word & (1 << (attribute % BITS)) != 0)
    }

    pub fn len(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn is_subset(&self, other: &Self) -> bool {
        self.words.len() <= other.words.len()
            && self
                .words
                .iter()
                .zip(&other.words)
                .all(|(mine, theirs)| mine & !theirs == 0)
    }

    pub fn intersects(&self, other: &Self) -> bool {
        self.words
            .iter()
            .zip(&other.words)
            .any(|(mine, theirs)| mine & theirs != 0)
    }

    pub fn union(&self, other: &Self) -> Self {
        let mut result = self.clone();
        result.union_with(other);
        result
    }

    pub fn union_with(&mut self, other: &Self) {
        if self.words.len() < other.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            *mine |= theirs;
        }
    }

    pub fn intersection(&self, other: &Self) -> Self {
        let mut result = Self {
            words: self
                .words
                .iter()
                .zip(&other.words)
                .map(|(mine, theirs)| mine & theirs)
                .collect(),
        };
        result.trim();
        result
    }

    pub fn difference(&self, other: &Self) -> Self {
        let mut result = self.clone();
        for (mine, theirs) in result.words.iter_mut().zip(&other.words) {
            *mine &= !theirs;
        }
        result.trim();
        result
    }

    /// The set without one attribute.
    pub fn without(&self, attribute: usize) -> Self {
        let mut result = self.clone();
        result.remove(attribute);
        result
    }

    /// The set with one more attribute.
    pub fn with(&self, attribute: usize) -> Self {
        let mut result = self.clone();
        result.insert(attribute);
        result
    }

    /// The attributes in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(index, word)| {
            let mut rest = *word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(index * BITS + bit)
            })
        })
    }

    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    /// Orders sets as people read them: fewer attributes first, then by their positions.
    pub fn reading_order(&self, other: &Self) -> std::cmp::Ordering {
        self.len()
            .cmp(&other.len())
            .then_with(|| self.iter().cmp(other.iter()))
    }

    fn trim(&mut self) {
        while self.words.last() == Some(&0) {
            self.words.pop();
        }
    }
}

impl FromIterator<usize> for AttrSet {
    fn from_iter<I: IntoIterator<Item = usize>>(attributes: I) -> Self {
        let mut set = Self::new();
        for attribute in attributes {
            set.insert(attribute);
        }
        set
    }
}

impl fmt::Debug for AttrSet {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_past_one_word_behave_as_sets() {
        let mut set: AttrSet = [3, 64, 130].into_iter().collect();
        assert_eq!(set.len(), 3);
        assert!(set.contains(64) && !set.contains(65));
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![3, 64, 130]);
        assert!(set.remove(130));
        assert_eq!(set, [64, 3].into_iter().collect());
        let other: AttrSet = [3, 200].into_iter().collect();
        assert_eq!(set.intersection(&other), AttrSet::single(3));
        assert_eq!(set.difference(&other), AttrSet::single(64));
        assert_eq!(set.union(&other).len(), 3);
        assert!(AttrSet::single(3).is_subset(&set) && !other.is_subset(&set));
        assert!(set.difference(&set).is_empty());
        assert_eq!(format!("{set:?}"), "{3, 64}");
    }
}
