//! A set of column indices as a fixed-size bit set: the left-hand sides, agree sets and keys of
//! discovery, copied freely and hashed cheaply.

use std::fmt;
use std::hash::{Hash, Hasher};

const WORDS: usize = 4;

/// The most columns a table may have for discovery (the bit set's width).
pub const MAX_COLUMNS: usize = WORDS * 64;

/// Column indices below [`MAX_COLUMNS`]; larger indices are ignored by `insert` and never contained.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnSet([u64; WORDS]);

impl ColumnSet {
    pub const EMPTY: Self = Self([0; WORDS]);

    /// The columns `0..count` (all of a table's columns).
    pub fn first(count: usize) -> Self {
        let mut set = Self::EMPTY;
        for column in 0..count.min(MAX_COLUMNS) {
            set.insert(column);
        }
        set
    }

    pub fn single(column: usize) -> Self {
        let mut set = Self::EMPTY;
        set.insert(column);
        set
    }

    #[cfg(test)]
    pub fn from_columns(columns: impl IntoIterator<Item = usize>) -> Self {
        let mut set = Self::EMPTY;
        for column in columns {
            set.insert(column);
        }
        set
    }

    pub fn insert(&mut self, column: usize) {
        if let Some(word) = self.0.get_mut(column / 64) {
            *word |= 1 << (column % 64);
        }
    }

    /// Sets the columns `64 * word ..` from the bits of `bits`.
    pub fn set_word(&mut self, word: usize, bits: u64) {
        if let Some(slot) = self.0.get_mut(word) {
            *slot = bits;
        }
    }

    pub fn remove(&mut self, column: usize) {
        if let Some(word) = self.0.get_mut(column / 64) {
            *word &= !(1 << (column % 64));
        }
    }

    pub fn contains(&self, column: usize) -> bool {
        self.0
            .get(column / 64)
            .is_some_and(|word| word & (1 << (column % 64)) != 0)
    }

    pub fn with(mut self, column: usize) -> Self {
        self.insert(column);
        self
    }

    pub fn without(mut self, column: usize) -> Self {
        self.remove(column);
        self
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|word| *word == 0)
    }

    pub fn union(&self, other: &Self) -> Self {
        self.zip(other, |a, b| a | b)
    }

    pub fn intersection(&self, other: &Self) -> Self {
        self.zip(other, |a, b| a & b)
    }

    pub fn difference(&self, other: &Self) -> Self {
        self.zip(other, |a, b| a & !b)
    }

    #[cfg(test)]
    pub fn is_subset(&self, other: &Self) -> bool {
        self.0.iter().zip(other.0.iter()).all(|(a, b)| a & !b == 0)
    }

    /// The columns in ascending order.
    pub fn iter(&self) -> Columns {
        Columns {
            words: self.0,
            word: 0,
        }
    }

    /// The columns at or above `start`, ascending.
    pub fn iter_from(&self, start: usize) -> Columns {
        let mut words = self.0;
        for (index, word) in words.iter_mut().enumerate() {
            let low = index * 64;
            if start >= low + 64 {
                *word = 0;
            } else if start > low {
                *word &= !0 << (start - low);
            }
        }
        Columns { words, word: 0 }
    }

    pub fn to_vec(self) -> Vec<usize> {
        self.iter().collect()
    }

    fn zip(&self, other: &Self, operation: impl Fn(u64, u64) -> u64) -> Self {
        let mut words = [0; WORDS];
        for ((out, a), b) in words.iter_mut().zip(self.0.iter()).zip(other.0.iter()) {
            *out = operation(*a, *b);
        }
        Self(words)
    }
}

impl Hash for ColumnSet {
    /// One word for the hasher: agree sets are hashed in sampling's innermost loop.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let [a, b, c, d] = self.0;
        state.write_u64(a ^ b.rotate_left(17) ^ c.rotate_left(31) ^ d.rotate_left(47));
    }
}

impl fmt::Debug for ColumnSet {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.debug_set().entries(self.iter()).finish()
    }
}

/// Iterator over a [`ColumnSet`], ascending.
#[derive(Debug, Clone)]
pub struct Columns {
    words: [u64; WORDS],
    word: usize,
}

impl Iterator for Columns {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while let Some(bits) = self.words.get_mut(self.word) {
            if *bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                *bits &= *bits - 1;
                return Some(self.word * 64 + bit);
            }
            self.word += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_and_ascending_iteration() {
        let a = ColumnSet::from_columns([0, 5, 64, 200]);
        let b = ColumnSet::from_columns([5, 63, 200]);
        assert_eq!(a.len(), 4);
        assert_eq!(a.union(&b).to_vec(), vec![0, 5, 63, 64, 200]);
        assert_eq!(a.intersection(&b).to_vec(), vec![5, 200]);
        assert_eq!(a.difference(&b).to_vec(), vec![0, 64]);
        assert!(ColumnSet::from_columns([5, 200]).is_subset(&a));
        assert!(!b.is_subset(&a));
        assert_eq!(a.iter_from(6).collect::<Vec<_>>(), vec![64, 200]);
        assert_eq!(a.iter_from(64).collect::<Vec<_>>(), vec![64, 200]);
        assert_eq!(a.iter_from(201).count(), 0);
        assert_eq!(ColumnSet::first(3).to_vec(), vec![0, 1, 2]);
        let mut c = a;
        c.insert(MAX_COLUMNS);
        assert_eq!(c, a, "out-of-range columns are ignored");
        assert!(!a.contains(MAX_COLUMNS + 7));
    }
}
