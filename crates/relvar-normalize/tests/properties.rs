//! Algebraic laws of the theory on random small relations, checked against brute force over every
//! subset and against the chase.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use proptest::prelude::*;
use relvar_normalize::{
    AttrSet, Closure, Fd, Mvd, NormalForm, analyse, candidate_keys, chase_implies_fd,
    chase_implies_mvd, decompose_4nf, decompose_bcnf, equivalent, implies, implies_mvd,
    is_lossless, lost_dependencies, minimal_cover, preserves, restrict, synthesize_3nf,
};
use support::{brute_keys, is_2nf, is_3nf, is_bcnf, naive_closure, projection, relation, subsets};

fn any_set(width: usize) -> impl Strategy<Value = AttrSet> {
    any::<u16>().prop_map(move |bits| (0..width).filter(|b| bits & (1 << b) != 0).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn closure_is_extensive_idempotent_monotone_and_the_fixpoint(
        relation in relation(8, 8, false),
        bits in any::<(u16, u16)>(),
    ) {
        let width = relation.width();
        let pick = |b: u16| -> AttrSet { (0..width).filter(|i| b & (1 << i) != 0).collect() };
        let (x, extra) = (pick(bits.0), pick(bits.1));
        let y = x.union(&extra);
        let closure = Closure::new(&relation.fds);
        let of_x = closure.of(&x);
        prop_assert!(x.is_subset(&of_x));
        prop_assert_eq!(closure.of(&of_x), of_x.clone());
        prop_assert!(of_x.is_subset(&closure.of(&y)));
        prop_assert_eq!(of_x, naive_closure(&relation.fds, &x));
    }

    #[test]
    fn the_minimal_cover_is_equivalent_and_minimal(relation in relation(7, 8, false)) {
        let cover = minimal_cover(&relation.fds);
        prop_assert!(equivalent(&cover, &relation.fds));
        for (index, fd) in cover.iter().enumerate() {
            prop_assert_eq!(fd.rhs.len(), 1);
            prop_assert!(!fd.is_trivial());
            let others: Vec<Fd> = cover.iter().enumerate()
                .filter(|(other, _)| *other != index).map(|(_, f)| f.clone()).collect();
            prop_assert!(!implies(&others, fd), "redundant {:?}", fd);
            for attribute in fd.lhs.iter() {
                let smaller = Fd::new(fd.lhs.without(attribute), fd.rhs.clone());
                prop_assert!(!implies(&cover, &smaller), "extraneous {} in {:?}", attribute, fd);
            }
        }
        prop_assert_eq!(minimal_cover(&relation.fds), cover, "deterministic");
    }

    #[test]
    fn candidate_keys_are_the_brute_force_keys(relation in relation(8, 8, false)) {
        let all = relation.all();
        let search = candidate_keys(&relation.fds, &all, 10_000);
        prop_assert!(!search.more);
        prop_assert_eq!(&search.keys, &brute_keys(&relation.fds, &all));
        let closure = Closure::new(&relation.fds);
        for key in &search.keys {
            prop_assert!(closure.determines(key, &all));
            for attribute in key.iter() {
                prop_assert!(!closure.determines(&key.without(attribute), &all));
            }
        }
        let capped = candidate_keys(&relation.fds, &all, 1);
        prop_assert_eq!(capped.more, search.keys.len() > 1);
    }

    #[test]
    fn synthesis_is_lossless_preserving_and_in_3nf(relation in relation(7, 7, false)) {
        let result = synthesize_3nf(&relation);
        let schemas = result.schemas();
        prop_assert_eq!(is_lossless(&relation, &schemas), Ok(true));
        prop_assert!(result.lost.is_empty());
        prop_assert!(relation.fds.iter().all(|fd| preserves(&relation.fds, &schemas, fd)));
        for component in &result.components {
            prop_assert!(is_3nf(&relation.fds, &component.attributes), "{:?}", component);
            let keys = brute_keys(&relation.fds, &component.attributes);
            prop_assert!(keys.contains(&component.key), "{:?} not among {:?}", component, keys);
        }
        for (index, schema) in schemas.iter().enumerate() {
            prop_assert!(!schemas.iter().enumerate().any(|(other, s)| other != index && schema.is_subset(s)));
        }
    }

    #[test]
    fn bcnf_decomposition_is_lossless_in_bcnf_and_states_what_it_loses(
        relation in relation(7, 7, false),
    ) {
        let result = decompose_bcnf(&relation);
        let schemas = result.schemas();
        prop_assert!(result.checked);
        prop_assert_eq!(is_lossless(&relation, &schemas), Ok(true));
        for component in &result.components {
            prop_assert!(is_bcnf(&relation.fds, &component.attributes), "{:?}", component);
            let keys = brute_keys(&relation.fds, &component.attributes);
            prop_assert!(keys.contains(&component.key));
        }
        let lost_whole: Vec<&Fd> = relation.fds.iter()
            .filter(|fd| !preserves(&relation.fds, &schemas, fd)).collect();
        prop_assert_eq!(result.lost.len(), lost_whole.len());
        prop_assert_eq!(decompose_bcnf(&relation), result, "deterministic");
    }

    #[test]
    fn ullmans_preservation_test_agrees_with_projecting(
        relation in relation(6, 6, false),
        splits in prop::collection::vec(any::<u16>(), 1..4),
    ) {
        let width = relation.width();
        let mut schemas: Vec<AttrSet> = splits.iter()
            .map(|bits| (0..width).filter(|b| bits & (1 << b) != 0).collect())
            .filter(|s: &AttrSet| !s.is_empty())
            .collect();
        if schemas.is_empty() { schemas.push(relation.all()); }
        let projected: Vec<Fd> = schemas.iter()
            .flat_map(|schema| projection(&relation.fds, schema)).collect();
        for fd in &relation.fds {
            prop_assert_eq!(preserves(&relation.fds, &schemas, fd), implies(&projected, fd));
        }
        prop_assert_eq!(
            lost_dependencies(&relation.fds, &schemas).is_empty(),
            relation.fds.iter().all(|fd| implies(&projected, fd))
        );
    }

    #[test]
    fn the_normal_form_agrees_with_brute_force(relation in relation(7, 7, false)) {
        let all = relation.all();
        let analysis = analyse(&relation, 10_000);
        let reached = analysis.normal_form;
        prop_assert_eq!(reached >= NormalForm::Second, is_2nf(&relation.fds, &all));
        prop_assert_eq!(reached >= NormalForm::Third, is_3nf(&relation.fds, &all));
        prop_assert_eq!(reached >= NormalForm::BoyceCodd, is_bcnf(&relation.fds, &all));
        prop_assert_eq!(reached == NormalForm::Fourth, is_bcnf(&relation.fds, &all));
        prop_assert_eq!(analysis.violations.is_empty(), reached == NormalForm::Fourth);
    }

    #[test]
    fn the_chase_agrees_with_closure_and_the_dependency_basis(
        relation in relation(5, 4, true),
        lhs in any_set(5),
        rhs in any_set(5),
    ) {
        let all = relation.all();
        let lhs = lhs.intersection(&all);
        let rhs = rhs.intersection(&all);
        let mvd = Mvd::new(lhs.clone(), rhs.clone());
        let by_basis = implies_mvd(&all, &relation.fds, &relation.mvds, &mvd);
        prop_assert_eq!(Ok(by_basis), chase_implies_mvd(&relation, &mvd));
        if relation.mvds.is_empty() {
            let fd = Fd::new(lhs, rhs);
            prop_assert_eq!(Ok(implies(&relation.fds, &fd)), chase_implies_fd(&relation, &fd));
        }
    }

    #[test]
    fn fourth_normal_form_decomposition_is_lossless_and_leaves_no_violation(
        relation in relation(6, 4, true),
    ) {
        let all = relation.all();
        let result = decompose_4nf(&relation);
        prop_assert!(result.checked);
        prop_assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
        let closure = Closure::new(&relation.fds);
        for component in &result.components {
            let schema = &component.attributes;
            for lhs in subsets(schema) {
                if closure.determines(&lhs, schema) {
                    continue;
                }
                for rhs in subsets(&schema.difference(&lhs)) {
                    let rest = schema.difference(&lhs).difference(&rhs);
                    if rhs.is_empty() || rest.is_empty() {
                        continue;
                    }
                    // X ->> Y holds on the component when X ->> Y ∪ Z holds for some Z outside it.
                    let outside = all.difference(schema);
                    let holds = subsets(&outside).iter().any(|extra| {
                        let mvd = Mvd::new(lhs.clone(), rhs.union(extra));
                        chase_implies_mvd(&relation, &mvd) == Ok(true)
                    });
                    prop_assert!(!holds, "{:?} ->> {:?} in {:?}", lhs, rhs, schema);
                }
            }
        }
    }

    #[test]
    fn a_restricted_relation_has_exactly_the_projected_dependencies(
        relation in relation(7, 7, false),
        bits in any::<u16>(),
    ) {
        let width = relation.width();
        let attributes: AttrSet = (0..width).filter(|b| bits & (1 << b) != 0).collect();
        let restricted = restrict(&relation, &attributes).unwrap();
        let order: Vec<usize> = attributes.iter().collect();
        let back = |set: &AttrSet| -> AttrSet { set.iter().map(|i| order[i]).collect() };
        let fds: Vec<Fd> = restricted.fds.iter().map(|fd| Fd::new(back(&fd.lhs), back(&fd.rhs))).collect();
        prop_assert!(equivalent(&fds, &projection(&relation.fds, &attributes)));
        prop_assert_eq!(restricted.names.len(), attributes.len());
    }
}
