//! Dependency preservation without projecting dependencies (Ullman): a dependency `X -> Y` is
//! preserved by components `R1..Rn` when `Z`, grown from `X` by `Z ∪ ((Z ∩ Ri)+ ∩ Ri)` until it
//! stops changing, contains `Y`.

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::relation::Fd;

/// What the components' own dependencies let `start` reach.
pub fn reach(closure: &Closure<'_>, components: &[AttrSet], start: &AttrSet) -> AttrSet {
    let mut reached = start.clone();
    loop {
        let before = reached.len();
        for component in components {
            let inside = reached.intersection(component);
            let gained = closure.of(&inside).intersection(component);
            reached.union_with(&gained);
        }
        if reached.len() == before {
            return reached;
        }
    }
}

/// Whether the components preserve `fd`.
pub fn preserves(fds: &[Fd], components: &[AttrSet], fd: &Fd) -> bool {
    fd.rhs
        .is_subset(&reach(&Closure::new(fds), components, &fd.lhs))
}

/// For each of `fds` the components do not preserve, the part of its right side they lose.
pub fn lost_dependencies(fds: &[Fd], components: &[AttrSet]) -> Vec<Fd> {
    let closure = Closure::new(fds);
    fds.iter()
        .filter_map(|fd| {
            let lost = fd.rhs.difference(&reach(&closure, components, &fd.lhs));
            (!lost.is_empty()).then(|| Fd::new(fd.lhs.clone(), lost))
        })
        .collect()
}
