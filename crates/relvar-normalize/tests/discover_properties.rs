//! Discovery on random small tables against brute force straight from the definitions: every
//! exact minimal FD, every minimal unique column combination, and every minimal approximate FD
//! whose g3 error (the fewest rows to remove for it to hold, found by trying every subset of
//! rows) is within the threshold; under both NULL rules and with a left-hand side limit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use std::collections::BTreeSet;

use proptest::prelude::*;
use relvar_normalize::discover::{
    Algorithm, DiscoveryOptions, NullEquality, NullRule, SampleTable, discover, within_error,
};

/// Rows of small values; `""` is the NULL marker in the tests that use one.
type Rows = Vec<Vec<String>>;

fn table(rows: &Rows, columns: usize) -> SampleTable {
    let names = (0..columns).map(|column| format!("c{column}")).collect();
    SampleTable::from_rows(names, rows.iter().map(|row| row.iter().map(String::as_str))).unwrap()
}

fn rows_strategy(
    max_rows: usize,
    max_columns: usize,
    values: &'static [&'static str],
) -> impl Strategy<Value = (Rows, usize)> {
    (1..=max_columns).prop_flat_map(move |columns| {
        let row = proptest::collection::vec(proptest::sample::select(values), columns)
            .prop_map(|row| row.into_iter().map(str::to_owned).collect::<Vec<_>>());
        (proptest::collection::vec(row, 0..=max_rows), Just(columns))
    })
}

/// Equality of two fields under the NULL rule of the tests (`""` is NULL when `nulls_distinct`).
fn equal(a: &str, b: &str, nulls_distinct: bool) -> bool {
    a == b && !(nulls_distinct && a.is_empty())
}

fn subsets(columns: usize, max_size: usize) -> Vec<Vec<usize>> {
    (0u32..1 << columns)
        .map(|mask| {
            (0..columns)
                .filter(|column| mask & (1 << column) != 0)
                .collect::<Vec<_>>()
        })
        .filter(|set| set.len() <= max_size)
        .collect()
}

fn agree(
    rows: &Rows,
    first: usize,
    second: usize,
    columns: &[usize],
    nulls_distinct: bool,
) -> bool {
    columns.iter().all(|column| {
        equal(
            &rows[first][*column],
            &rows[second][*column],
            nulls_distinct,
        )
    })
}

/// `lhs -> rhs` holds on the rows whose bit is set in `kept`.
fn holds_on(rows: &Rows, kept: u32, lhs: &[usize], rhs: usize, nulls_distinct: bool) -> bool {
    let live: Vec<usize> = (0..rows.len())
        .filter(|row| kept & (1 << row) != 0)
        .collect();
    live.iter().enumerate().all(|(index, first)| {
        live[index + 1..].iter().all(|second| {
            !agree(rows, *first, *second, lhs, nulls_distinct)
                || agree(rows, *first, *second, &[rhs], nulls_distinct)
        })
    })
}

/// The fewest rows to remove for `lhs -> rhs` to hold, by trying every subset of rows.
fn fewest_removals(rows: &Rows, lhs: &[usize], rhs: usize, nulls_distinct: bool) -> usize {
    let all = (1u32 << rows.len()) - 1;
    (0..=all)
        .filter(|kept| holds_on(rows, *kept, lhs, rhs, nulls_distinct))
        .map(|kept| rows.len() - kept.count_ones() as usize)
        .min()
        .unwrap()
}

fn line(lhs: &[usize], rhs: usize) -> String {
    format!("{lhs:?} -> {rhs}")
}

/// Minimal non-trivial `X -> A` with |X| <= max_lhs whose error is within `error`.
fn brute_force_dependencies(
    rows: &Rows,
    columns: usize,
    error: f64,
    max_lhs: usize,
    nulls_distinct: bool,
) -> BTreeSet<String> {
    let valid = |lhs: &[usize], rhs: usize| {
        if error == 0.0 {
            holds_on(
                rows,
                (1u32 << rows.len()).wrapping_sub(1),
                lhs,
                rhs,
                nulls_distinct,
            )
        } else {
            within_error(
                fewest_removals(rows, lhs, rhs, nulls_distinct),
                rows.len(),
                error,
            )
        }
    };
    let mut found = BTreeSet::new();
    for rhs in 0..columns {
        for lhs in subsets(columns, max_lhs) {
            if lhs.contains(&rhs) || !valid(&lhs, rhs) {
                continue;
            }
            let minimal = lhs.iter().all(|removed| {
                let smaller: Vec<usize> = lhs
                    .iter()
                    .copied()
                    .filter(|column| column != removed)
                    .collect();
                !valid(&smaller, rhs)
            });
            if minimal {
                found.insert(line(&lhs, rhs));
            }
        }
    }
    found
}

fn brute_force_uniques(
    rows: &Rows,
    columns: usize,
    max_size: usize,
    nulls_distinct: bool,
) -> BTreeSet<Vec<usize>> {
    let unique = |set: &[usize]| {
        (0..rows.len()).all(|first| {
            (first + 1..rows.len()).all(|second| !agree(rows, first, second, set, nulls_distinct))
        })
    };
    subsets(columns, max_size)
        .into_iter()
        .filter(|set| unique(set))
        .filter(|set| {
            set.iter().all(|removed| {
                let smaller: Vec<usize> = set
                    .iter()
                    .copied()
                    .filter(|column| column != removed)
                    .collect();
                !unique(&smaller)
            })
        })
        .collect()
}

fn options(
    error: f64,
    max_lhs: Option<usize>,
    nulls_distinct: bool,
    algorithm: Algorithm,
) -> DiscoveryOptions {
    DiscoveryOptions {
        max_lhs,
        error,
        nulls: NullRule {
            marker: Some(String::new()),
            equality: if nulls_distinct {
                NullEquality::Distinct
            } else {
                NullEquality::Equal
            },
        },
        algorithm,
    }
}

fn found_lines(rows: &Rows, columns: usize, options: &DiscoveryOptions) -> BTreeSet<String> {
    discover(&table(rows, columns), options)
        .unwrap()
        .dependencies
        .iter()
        .map(|fd| line(&fd.lhs, fd.rhs))
        .collect()
}

const VALUES: &[&str] = &["a", "b", "c", ""];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exact_dependencies_and_keys_match_brute_force(
        (rows, columns) in rows_strategy(12, 6, VALUES),
        nulls_distinct in any::<bool>(),
        max_lhs in proptest::option::of(0usize..4),
    ) {
        let limit = max_lhs.unwrap_or(columns);
        let expected = brute_force_dependencies(&rows, columns, 0.0, limit, nulls_distinct);
        for algorithm in [Algorithm::HyFd, Algorithm::LevelWise] {
            let found = found_lines(&rows, columns, &options(0.0, max_lhs, nulls_distinct, algorithm));
            prop_assert_eq!(&found, &expected, "{:?}", algorithm);
        }
        let uniques: BTreeSet<Vec<usize>> = discover(&table(&rows, columns), &options(0.0, max_lhs, nulls_distinct, Algorithm::Auto))
            .unwrap()
            .uniques
            .into_iter()
            .collect();
        prop_assert_eq!(uniques, brute_force_uniques(&rows, columns, limit, nulls_distinct));
    }

    #[test]
    fn approximate_dependencies_match_brute_force_g3(
        (rows, columns) in rows_strategy(8, 4, VALUES),
        error in prop_oneof![Just(0.1), Just(0.125), Just(0.2), Just(0.25), 0.0..0.5f64],
        nulls_distinct in any::<bool>(),
        max_lhs in proptest::option::of(0usize..3),
    ) {
        let limit = max_lhs.unwrap_or(columns);
        let expected = brute_force_dependencies(&rows, columns, error, limit, nulls_distinct);
        let found = discover(&table(&rows, columns), &options(error, max_lhs, nulls_distinct, Algorithm::Auto)).unwrap();
        let lines: BTreeSet<String> = found.dependencies.iter().map(|fd| line(&fd.lhs, fd.rhs)).collect();
        prop_assert_eq!(lines, expected);
        let uniques: BTreeSet<Vec<usize>> = found.uniques.iter().cloned().collect();
        prop_assert_eq!(uniques, brute_force_uniques(&rows, columns, limit, nulls_distinct), "keys, found without agree sets");
        for fd in &found.dependencies {
            let removals = fewest_removals(&rows, &fd.lhs, fd.rhs, nulls_distinct);
            prop_assert_eq!(fd.error, removals as f64 / rows.len().max(1) as f64);
        }
    }

    #[test]
    fn hyfd_and_the_level_wise_search_agree_on_larger_tables(
        (rows, columns) in rows_strategy(300, 9, &["0", "1", "2", "3", "4", "5", "6", "7"]),
    ) {
        let hyfd = found_lines(&rows, columns, &options(0.0, None, false, Algorithm::HyFd));
        let level_wise = found_lines(&rows, columns, &options(0.0, None, false, Algorithm::LevelWise));
        prop_assert_eq!(hyfd, level_wise);
    }
}
