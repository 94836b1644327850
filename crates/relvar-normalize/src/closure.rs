//! Attribute closure in time linear in the size of the dependencies (Beeri and Bernstein, 1979):
//! each dependency counts the attributes of its left side not yet reached, and fires at zero.

use crate::attrs::AttrSet;
use crate::relation::Fd;

/// The dependencies indexed for closures: which dependencies each attribute's arrival advances.
#[derive(Debug, Clone)]
pub struct Closure<'a> {
    fds: &'a [Fd],
    /// For each attribute, the dependencies with it on their left side.
    waiting_on: Vec<Vec<usize>>,
}

impl<'a> Closure<'a> {
    pub fn new(fds: &'a [Fd]) -> Self {
        let mut waiting_on: Vec<Vec<usize>> = Vec::new();
        for (index, fd) in fds.iter().enumerate() {
            for attribute in fd.lhs.iter() {
                if waiting_on.len() <= attribute {
                    waiting_on.resize_with(attribute + 1, Vec::new);
                }
                if let Some(list) = waiting_on.get_mut(attribute) {
                    list.push(index);
                }
            }
        }
        Self { fds, waiting_on }
    }

    pub fn fds(&self) -> &'a [Fd] {
        self.fds
    }

    /// Every attribute that `start` determines.
    pub fn of(&self, start: &AttrSet) -> AttrSet {
        self.without(start, None)
    }

    /// The closure under every dependency but the one at `skipped` (to test whether it is
    /// redundant).
    pub fn without(&self, start: &AttrSet, skipped: Option<usize>) -> AttrSet {
        let mut missing: Vec<usize> = self.fds.iter().map(|fd| fd.lhs.len()).collect();
        let mut reached = start.clone();
        let mut queue: Vec<usize> = start.iter().collect();
        for (index, fd) in self.fds.iter().enumerate() {
            if fd.lhs.is_empty() && Some(index) != skipped {
                fire(fd, &mut reached, &mut queue);
            }
        }
        while let Some(attribute) = queue.pop() {
            let Some(waiting) = self.waiting_on.get(attribute) else {
                continue;
            };
            for &index in waiting {
                let Some(count) = missing.get_mut(index) else {
                    continue;
                };
                *count = count.saturating_sub(1);
                if *count == 0
                    && Some(index) != skipped
                    && let Some(fd) = self.fds.get(index)
                {
                    fire(fd, &mut reached, &mut queue);
                }
            }
        }
        reached
    }

    /// Whether the dependencies imply `fd`.
    pub fn implies(&self, fd: &Fd) -> bool {
        fd.rhs.is_subset(&self.of(&fd.lhs))
    }

    /// Whether `set` determines every attribute of `target`.
    pub fn determines(&self, set: &AttrSet, target: &AttrSet) -> bool {
        target.is_subset(&self.of(set))
    }

    /// A minimal subset of `set` that still determines `target`, found by dropping attributes
    /// in increasing position; `set` itself must determine `target`.
    pub fn minimize(&self, set: &AttrSet, target: &AttrSet) -> AttrSet {
        let mut kept = set.clone();
        for attribute in set.iter() {
            let smaller = kept.without(attribute);
            if self.determines(&smaller, target) {
                kept = smaller;
            }
        }
        kept
    }
}

fn fire(fd: &Fd, reached: &mut AttrSet, queue: &mut Vec<usize>) {
    for attribute in fd.rhs.iter() {
        if reached.insert(attribute) {
            queue.push(attribute);
        }
    }
}

/// Every attribute that `start` determines under `fds`.
pub fn closure(fds: &[Fd], start: &AttrSet) -> AttrSet {
    Closure::new(fds).of(start)
}

/// Whether `fds` imply `fd`.
pub fn implies(fds: &[Fd], fd: &Fd) -> bool {
    Closure::new(fds).implies(fd)
}

/// Whether each set of dependencies implies every dependency of the other.
pub fn equivalent(first: &[Fd], second: &[Fd]) -> bool {
    let (of_first, of_second) = (Closure::new(first), Closure::new(second));
    second.iter().all(|fd| of_first.implies(fd)) && first.iter().all(|fd| of_second.implies(fd))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(attributes: &[usize]) -> AttrSet {
        attributes.iter().copied().collect()
    }

    #[test]
    fn closure_follows_chains_and_constants_but_not_a_skipped_dependency() {
        let fds = vec![
            Fd::new(set(&[0]), set(&[1])),
            Fd::new(set(&[1, 2]), set(&[3])),
            Fd::new(set(&[]), set(&[2])),
        ];
        let index = Closure::new(&fds);
        assert_eq!(index.of(&set(&[0])), set(&[0, 1, 2, 3]));
        assert_eq!(index.without(&set(&[0]), Some(2)), set(&[0, 1]));
        assert_eq!(index.of(&set(&[3])), set(&[2, 3]));
        assert!(index.implies(&Fd::new(set(&[0]), set(&[3]))));
        assert_eq!(index.minimize(&set(&[0, 1, 2]), &set(&[3])), set(&[1]));
        assert_eq!(index.minimize(&set(&[0, 3]), &set(&[1])), set(&[0]));
    }
}
