//! Discovered dependencies and keys proposed for a model table: sample columns matched by name
//! (exact, then ignoring ASCII case), unmatched ones reported with what they kept out, and the
//! declaring command equivalent to what was found; on small tables, random samples and every real
//! table of `../shared/datasets/fd`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;
use relvar_model::{Column, Design, PrimaryKey, Table, TableId};
use relvar_normalize::discover::{
    Discovered, DiscoveryOptions, ReadOptions, SampleTable, discover,
};
use relvar_normalize::{
    AttrSet, Fd, Proposal, Unmatched, UnmatchedColumn, equivalent, propose,
    table_dependencies_text, table_relation,
};

const DATASETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/datasets/fd");

/// A design holding one table of text columns, with `key` as its primary key when not empty.
fn design(columns: &[&str], key: &[&str]) -> (Design, TableId) {
    let mut design = Design::default();
    let id = design.ids.table();
    let mut table = Table::new(id, None, "t");
    for name in columns {
        let column = design.ids.column();
        table.columns.push(Column::new(column, *name, "text"));
    }
    if !key.is_empty() {
        let columns = key.iter().map(|name| table.column_id(name).unwrap());
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns: columns.collect(),
        });
    }
    design.tables.push(table);
    (design, id)
}

fn found(csv: &str) -> Discovered {
    let sample = SampleTable::read(csv.as_bytes(), &ReadOptions::default()).unwrap();
    discover(&sample, &DiscoveryOptions::default()).unwrap()
}

/// The table after applying the proposal's command, checking that undo gives the design back.
fn declared(design: &Design, table: TableId, proposal: &Proposal) -> Table {
    let mut changed = design.clone();
    let command = proposal.declare_command(changed.table(table).unwrap());
    let inverse = command.apply(&mut changed).unwrap();
    let mut undone = changed.clone();
    inverse.apply(&mut undone).unwrap();
    assert_eq!(&undone, design);
    changed.table(table).unwrap().clone()
}

/// The discovered FDs and keys (`K -> every other column`) over the table's positions.
fn found_fds(table: &Table, found: &Discovered, proposal: &Proposal) -> Vec<Fd> {
    let position = |sample: &usize| {
        let id = proposal.columns[*sample].unwrap();
        table
            .columns
            .iter()
            .position(|column| column.id == id)
            .unwrap()
    };
    let set = |samples: &[usize]| samples.iter().map(position).collect::<AttrSet>();
    let all = AttrSet::full(table.columns.len());
    let dependencies = found
        .dependencies
        .iter()
        .map(|fd| Fd::new(set(&fd.lhs), AttrSet::single(position(&fd.rhs))));
    let keys = found.uniques.iter().map(|key| {
        let key = set(key);
        Fd::new(key.clone(), all.difference(&key))
    });
    dependencies.chain(keys).collect()
}

#[test]
fn sample_columns_match_by_name_exactly_then_ignoring_case() {
    let (design, id) = design(&["id", "Customer", "city", "zip", "CODE", "Code"], &[]);
    let table = design.table(id).unwrap();
    let csv = "ID,customer, zip ,City,note,zip,Code,code\n1,a,1,x,n,1,c,c\n";
    let proposal = propose(table, &found(csv));
    let column = |name: &str| Some(table.column_id(name).unwrap());
    assert_eq!(
        proposal.columns,
        [
            column("id"),
            column("Customer"),
            None,
            column("city"),
            None,
            column("zip"),
            column("Code"),
            None,
        ]
    );
    let unmatched = |position: usize, name: &str, reason| UnmatchedColumn {
        position,
        name: name.to_owned(),
        reason,
    };
    assert_eq!(
        proposal.unmatched,
        [
            unmatched(2, " zip ", Unmatched::Taken),
            unmatched(4, "note", Unmatched::Missing),
            unmatched(7, "code", Unmatched::Ambiguous),
        ]
    );
}

#[test]
fn dependencies_become_the_tables_and_unmatched_ones_are_kept_aside() {
    let (design, id) = design(&["emp_id", "name", "zip", "city"], &["emp_id"]);
    let table = design.table(id).unwrap();
    let csv = "EMP_ID,Name,Zip,City,Region\n\
               1,ann,75001,paris,idf\n\
               2,bob,75001,paris,idf\n\
               3,cat,69001,lyon,ara\n\
               4,dan,69002,lyon,ara\n";
    let found = found(csv);
    let proposal = propose(table, &found);
    assert_eq!(
        proposal.unmatched,
        [UnmatchedColumn {
            position: 4,
            name: "Region".to_owned(),
            reason: Unmatched::Missing,
        }]
    );
    let text = |proposed: &[relvar_normalize::ProposedDependency]| {
        let mut shown = table.clone();
        shown.dependencies = proposed.iter().map(|p| p.dependency.clone()).collect();
        table_dependencies_text(&shown)
    };
    let (implied, new): (Vec<_>, Vec<_>) = proposal
        .dependencies
        .iter()
        .cloned()
        .partition(|p| p.implied);
    // Whatever emp_id or name (unique in the sample) determines follows from the primary key
    // only for emp_id.
    assert_eq!(
        text(&implied),
        "emp_id -> name\nemp_id -> zip\nemp_id -> city\n"
    );
    assert_eq!(
        text(&new),
        "name -> emp_id\nname -> zip\nname -> city\nzip -> city\n"
    );
    let left_out: Vec<String> = proposal
        .left_out_dependencies
        .iter()
        .map(|fd| found.describe(fd))
        .collect();
    assert_eq!(
        left_out,
        [
            "EMP_ID -> Region",
            "Name -> Region",
            "Zip -> Region",
            "City -> Region",
            "Region -> City",
        ]
    );
    let keys: Vec<(Vec<&str>, bool)> = proposal
        .keys
        .iter()
        .map(|key| {
            let names = key.columns.iter().map(|id| {
                table
                    .columns
                    .iter()
                    .find(|column| column.id == *id)
                    .unwrap()
                    .name
                    .as_str()
            });
            (names.collect(), key.implied)
        })
        .collect();
    assert_eq!(keys, [(vec!["emp_id"], true), (vec!["name"], false)]);

    let after = declared(&design, id, &proposal);
    assert_eq!(
        table_dependencies_text(&after),
        "name -> emp_id\nzip -> city\n"
    );
    // Declaring again adds nothing.
    let again = propose(&after, &found);
    assert!(again.dependencies.iter().all(|p| p.implied));
    assert!(again.keys.iter().all(|key| key.implied));
    let mut design_after = design.clone();
    *design_after.tables.first_mut().unwrap() = after.clone();
    let twice = declared(&design_after, id, &again);
    assert_eq!(twice.dependencies, after.dependencies);
}

#[test]
fn keys_are_declared_with_only_what_is_not_yet_determined() {
    let (design, id) = design(&["a", "b", "c", "d"], &[]);
    let csv = "a,b,c,d\n1,1,1,1\n1,2,1,2\n2,1,1,3\n";
    let mut proposal = propose(design.table(id).unwrap(), &found(csv));
    let all = declared(&design, id, &proposal);
    assert_eq!(
        table_dependencies_text(&all),
        "-> c\nd -> a, b\na, b -> d\n"
    );
    // Only the keys kept: each declares what the ones before leave open.
    proposal.dependencies.clear();
    let keys = declared(&design, id, &proposal);
    assert_eq!(
        table_dependencies_text(&keys),
        "d -> a, b, c\na, b -> c, d\n"
    );
}

/// The declared dependencies (with the table's keys) imply exactly what was found.
fn check_equivalent(design: &Design, id: TableId, found: &Discovered) {
    let table = design.table(id).unwrap();
    let proposal = propose(table, found);
    assert!(proposal.unmatched.is_empty(), "{:?}", proposal.unmatched);
    let after = declared(design, id, &proposal);
    let fds = found_fds(&after, found, &proposal);
    let relation = table_relation(&after);
    assert!(
        equivalent(&relation.fds, &fds),
        "{}",
        table_dependencies_text(&after)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn declared_dependencies_are_equivalent_to_the_discovered_ones(
        (rows, columns) in (1usize..=5).prop_flat_map(|columns| {
            let row = proptest::collection::vec(0u8..3, columns);
            (proptest::collection::vec(row, 0..=8), Just(columns))
        }),
        reversed in any::<bool>(),
    ) {
        let names: Vec<String> = (0..columns).map(|column| format!("C{column}")).collect();
        let mut table_names: Vec<String> = names.iter().map(|name| name.to_lowercase()).collect();
        if reversed {
            table_names.reverse();
        }
        let table_names: Vec<&str> = table_names.iter().map(String::as_str).collect();
        let (design, id) = design(&table_names, &[]);
        let rows = rows.iter().map(|row| row.iter().map(u8::to_string).collect::<Vec<_>>());
        let sample = SampleTable::from_rows(names, rows.collect::<Vec<_>>().iter().map(|row| row.iter().map(String::as_str))).unwrap();
        let found = discover(&sample, &DiscoveryOptions::default()).unwrap();
        check_equivalent(&design, id, &found);
    }
}

#[test]
fn every_real_table_with_a_header_declared_is_equivalent_to_its_discovery() {
    // Every file with a header (desb_breast-cancer-wisconsin.csv has none).
    for file in [
        "sk_iris.csv",
        "sk_wine.csv",
        "sk_breast_cancer.csv",
        "sk_diabetes_raw.csv",
        "pyds_mtcars.csv",
        "pyds_mpg.csv",
        "pyds_diamonds.csv",
        "desb_echocardiogram_norm.csv",
        "desb_abalone_norm.csv",
        "desb_iris_norm.csv",
        "desb_balance-scale_norm.csv",
    ] {
        let bytes = std::fs::read(format!("{DATASETS}/{file}")).unwrap();
        let sample = SampleTable::read(&bytes, &ReadOptions::default()).unwrap();
        let found = discover(&sample, &DiscoveryOptions::default()).unwrap();
        let upper: Vec<String> = found
            .columns
            .iter()
            .map(|name| name.to_uppercase())
            .collect();
        let mut names: Vec<&str> = upper.iter().map(String::as_str).collect();
        names.push("NOT_IN_THE_SAMPLE");
        let (design, id) = design(&names, &[]);
        check_equivalent(&design, id, &found);
    }
}
