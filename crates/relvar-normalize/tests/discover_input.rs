//! Reading sample rows (separators, headers, quotes, line ends, malformed and hostile input), the
//! NULL rules, the options, and the sliced run a browser drives.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_normalize::discover::{
    Algorithm, Discovered, Discovery, DiscoveryOptions, MAX_COLUMNS, NullEquality, NullRule,
    OptionsError, ReadOptions, SampleTable, Stage, TableError, discover,
};

fn read(text: &str) -> Result<SampleTable, TableError> {
    SampleTable::read(text.as_bytes(), &ReadOptions::default())
}

fn lines(found: &Discovered) -> Vec<String> {
    found
        .dependencies
        .iter()
        .map(|fd| found.describe(fd))
        .collect()
}

fn found(text: &str, options: &DiscoveryOptions) -> Discovered {
    discover(&read(text).unwrap(), options).unwrap()
}

fn nulls(marker: &str, equality: NullEquality) -> DiscoveryOptions {
    DiscoveryOptions {
        nulls: NullRule {
            marker: Some(marker.to_owned()),
            equality,
        },
        ..DiscoveryOptions::default()
    }
}

#[test]
fn ragged_rows_are_refused_with_their_line() {
    let error = read("a,b\n1,2\n3\n").unwrap_err();
    assert_eq!(
        error,
        TableError::RaggedRow {
            line: 3,
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        error.to_string(),
        "line 3: 1 fields where the first record has 2"
    );
    let longer = read("a,b\n1,2\n\r\n\n3,4,5\n").unwrap_err();
    assert!(
        matches!(
            longer,
            TableError::RaggedRow {
                line: 5,
                found: 3,
                ..
            }
        ),
        "{longer:?}"
    );
    let quoted = read("a,b\n\"1\n2\",3\n4\n").unwrap_err();
    assert!(
        matches!(
            quoted,
            TableError::RaggedRow {
                line: 4,
                found: 1,
                ..
            }
        ),
        "{quoted:?}"
    );
    let rows = SampleTable::from_rows(vec!["a".into()], [vec!["1"], vec!["2", "3"]]).unwrap_err();
    assert!(matches!(rows, TableError::RaggedRow { line: 2, .. }));
}

#[test]
fn an_unclosed_quote_runs_to_the_end_and_is_reported_as_ragged() {
    let error = read("a,b\n\"1,2\n3,4\n").unwrap_err();
    assert!(
        matches!(
            error,
            TableError::RaggedRow {
                line: 2,
                found: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn empty_input_and_too_many_columns_are_refused() {
    assert_eq!(read("").unwrap_err(), TableError::NoColumns);
    assert_eq!(read("\n\n").unwrap_err(), TableError::NoColumns);
    let wide = (0..=MAX_COLUMNS)
        .map(|column| column.to_string())
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(
        read(&wide).unwrap_err(),
        TableError::TooManyColumns {
            count: MAX_COLUMNS + 1
        }
    );
}

#[test]
fn quotes_line_ends_and_byte_order_marks_are_read() {
    let table =
        read("\u{feff}name,\"note, quoted\"\r\n\"x\"\"y\",\"two\nlines\"\r\nplain,\r\n").unwrap();
    assert_eq!(table.names, ["name", "note, quoted"]);
    assert_eq!(table.row_count, 2);
    assert_eq!(table.columns[0].texts, ["x\"y", "plain"]);
    assert_eq!(table.columns[1].texts, ["two\nlines", ""]);
}

#[test]
fn fields_are_compared_byte_for_byte_even_when_not_utf8() {
    let bytes = b"a,b\n\xff,1\n\xfe,2\n\xff,1\n";
    let table = SampleTable::read(bytes, &ReadOptions::default()).unwrap();
    assert_eq!(table.columns[0].rows, [0, 1, 0]);
    let found = discover(&table, &DiscoveryOptions::default()).unwrap();
    assert_eq!(lines(&found), ["a -> b", "b -> a"]);
}

#[test]
fn huge_fields_are_values_like_any_other() {
    let huge = "x".repeat(5_000_000);
    let found = found(
        &format!("a,b\n{huge},1\n{huge},1\ny,2\n"),
        &DiscoveryOptions::default(),
    );
    assert_eq!(lines(&found), ["a -> b", "b -> a"]);
}

#[test]
fn other_separators_and_no_header() {
    let options = ReadOptions {
        separator: b'\t',
        has_header: false,
    };
    let table = SampleTable::read(b"1\tx\n2\tx\n", &options).unwrap();
    assert_eq!(
        table.names,
        ["0", "1"],
        "named by position from 0, as desbordante does"
    );
    assert_eq!(table.row_count, 2);
    let found = discover(&table, &DiscoveryOptions::default()).unwrap();
    assert_eq!(lines(&found), ["{} -> 1"]);
    assert_eq!(found.uniques, [vec![0]]);
    let semicolons = ReadOptions {
        separator: b';',
        has_header: true,
    };
    let table = SampleTable::read(b"a;b\n1,5;2\n", &semicolons).unwrap();
    assert_eq!(table.columns[0].texts, ["1,5"]);
}

#[test]
fn the_empty_string_is_a_value_unless_it_is_the_null_marker() {
    // Two rows with an empty `a` and different `b`: `a -> b` is false when "" is a value (or a
    // NULL equal to NULL), true when NULLs are distinct.
    let text = "a,b,c\n,1,x\n,2,x\nq,3,y\n";
    let by_value = found(text, &DiscoveryOptions::default());
    assert_eq!(lines(&by_value), ["a -> c", "b -> a", "b -> c", "c -> a"]);
    assert_eq!(by_value, found(text, &nulls("", NullEquality::Equal)));
    let distinct = found(text, &nulls("", NullEquality::Distinct));
    assert_eq!(lines(&distinct), ["a -> b", "a -> c", "b -> a", "b -> c"]);
    assert_eq!(distinct.uniques, [vec![0], vec![1]]);
    assert_eq!(by_value.uniques, [vec![1]]);
}

#[test]
fn a_null_marker_text_is_matched_exactly() {
    let text = "a,b\nNULL,1\nNULL,2\nnull,3\n";
    let distinct = found(text, &nulls("NULL", NullEquality::Distinct));
    assert_eq!(lines(&distinct), ["a -> b", "b -> a"]);
    // With NULL = NULL the marker changes nothing.
    assert_eq!(
        lines(&found(text, &nulls("NULL", NullEquality::Equal))),
        ["b -> a"]
    );
    // A marker the table does not hold changes nothing either.
    assert_eq!(
        lines(&found(text, &nulls("", NullEquality::Distinct))),
        ["b -> a"]
    );
}

#[test]
fn no_rows_or_one_row_make_every_column_constant_and_the_empty_set_a_key() {
    for text in ["a,b\n", "a,b\n1,2\n"] {
        let found = found(text, &DiscoveryOptions::default());
        assert_eq!(lines(&found), ["{} -> a", "{} -> b"], "{text:?}");
        assert_eq!(found.uniques, [Vec::<usize>::new()]);
    }
}

#[test]
fn identical_rows_leave_no_keys() {
    let found = found("a,b\n1,2\n1,2\n3,4\n", &DiscoveryOptions::default());
    assert_eq!(lines(&found), ["a -> b", "b -> a"]);
    assert!(found.uniques.is_empty());
}

#[test]
fn max_lhs_bounds_dependencies_and_keys() {
    // d depends on a, b and c together only; the key is {a, b, c}.
    let text = "a,b,c,d\n0,0,0,0\n0,0,1,1\n0,1,0,1\n1,0,0,1\n0,1,1,0\n1,1,0,0\n1,0,1,0\n1,1,1,1\n";
    let all = found(text, &DiscoveryOptions::default());
    assert!(lines(&all).contains(&"a, b, c -> d".to_owned()));
    for algorithm in [Algorithm::HyFd, Algorithm::LevelWise] {
        let limited = found(
            text,
            &DiscoveryOptions {
                max_lhs: Some(2),
                algorithm,
                ..DiscoveryOptions::default()
            },
        );
        assert!(
            limited.dependencies.is_empty(),
            "{algorithm:?}: {:?}",
            lines(&limited)
        );
        assert!(limited.uniques.is_empty());
    }
    let zero = found(
        text,
        &DiscoveryOptions {
            max_lhs: Some(0),
            ..DiscoveryOptions::default()
        },
    );
    assert!(zero.dependencies.is_empty());
}

#[test]
fn approximate_dependencies_carry_their_g3_error() {
    // b -> a is broken by one row out of five.
    let text = "a,b\n1,x\n1,x\n1,x\n2,x\n3,y\n";
    let options = DiscoveryOptions {
        error: 0.2,
        ..DiscoveryOptions::default()
    };
    let found = found(text, &options);
    // {} -> b (one y in five rows) makes a -> b not minimal.
    assert_eq!(lines(&found), ["{} -> b", "b -> a"]);
    let errors: Vec<f64> = found.dependencies.iter().map(|fd| fd.error).collect();
    assert_eq!(errors, [0.2, 0.2]);
    let stricter = found_with_error(text, 0.1);
    assert_eq!(lines(&stricter), ["a -> b"]);
    assert_eq!(stricter.dependencies[0].error, 0.0);
}

fn found_with_error(text: &str, error: f64) -> Discovered {
    found(
        text,
        &DiscoveryOptions {
            error,
            ..DiscoveryOptions::default()
        },
    )
}

#[test]
fn options_out_of_range_are_refused() {
    let table = read("a\n1\n").unwrap();
    for error in [-0.1, 1.5, f64::NAN] {
        let options = DiscoveryOptions {
            error,
            ..DiscoveryOptions::default()
        };
        assert_eq!(
            discover(&table, &options).unwrap_err(),
            OptionsError::ErrorOutOfRange
        );
    }
    let hyfd = DiscoveryOptions {
        error: 0.1,
        algorithm: Algorithm::HyFd,
        ..DiscoveryOptions::default()
    };
    assert_eq!(
        discover(&table, &hyfd).unwrap_err(),
        OptionsError::HyFdIsExact
    );
}

fn pseudo_random_table(rows: usize, columns: usize) -> SampleTable {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let names = (0..columns).map(|column| format!("c{column}")).collect();
    let data: Vec<Vec<String>> = (0..rows)
        .map(|_| {
            (0..columns)
                .map(|column| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % (column as u64 + 2)).to_string()
                })
                .collect()
        })
        .collect();
    SampleTable::from_rows(names, data).unwrap()
}

#[test]
fn small_slices_give_the_same_result_with_growing_progress() {
    let table = pseudo_random_table(400, 9);
    for options in [
        DiscoveryOptions::default(),
        DiscoveryOptions {
            error: 0.05,
            ..DiscoveryOptions::default()
        },
    ] {
        let whole = discover(&table, &options).unwrap();
        let mut discovery = Discovery::new(&table, &options).unwrap();
        let mut last = discovery.progress();
        assert_eq!((last.stage, last.fraction), (Stage::Dependencies, 0.0));
        let mut slices = 0;
        let mut stages = vec![last.stage];
        while last.stage != Stage::Finished {
            let progress = discovery.step(500);
            assert!(progress.fraction >= last.fraction && progress.fraction <= 1.0);
            assert_eq!(progress.fraction == 1.0, progress.stage == Stage::Finished);
            if stages.last() != Some(&progress.stage) {
                stages.push(progress.stage);
            }
            last = progress;
            slices += 1;
        }
        assert!(slices > 10, "the work was cut into slices ({slices})");
        assert_eq!(
            stages,
            [Stage::Dependencies, Stage::Uniques, Stage::Finished]
        );
        assert_eq!(discovery.result(), Some(&whole));
    }
}

#[test]
fn a_run_is_cancelled_when_the_callback_says_so() {
    let table = pseudo_random_table(400, 9);
    let discovery = Discovery::new(&table, &DiscoveryOptions::default()).unwrap();
    let mut calls = 0;
    let result = discovery.run(100, |_| {
        calls += 1;
        calls < 3
    });
    assert_eq!(result, None);
    assert_eq!(calls, 3);
}

mod hostile_input {
    use proptest::prelude::*;

    use super::*;

    fn bytes_of_csv() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b",".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"a".to_vec()),
            Just(b"b".to_vec()),
            Just(vec![0xff]),
            Just(vec![0]),
            proptest::collection::vec(any::<u8>(), 0..4),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        /// Whatever the bytes, reading returns a table or an error, and discovery on the table
        /// returns dependencies over its columns, under any options.
        #[test]
        fn any_bytes_read_or_fail_cleanly_and_discovery_never_panics(
            bytes in bytes_of_csv(),
            has_header in any::<bool>(),
            error in prop_oneof![Just(0.0), 0.0..1.0f64],
            max_lhs in proptest::option::of(0usize..4),
            distinct in any::<bool>(),
        ) {
            let options = ReadOptions { separator: b',', has_header };
            let Ok(table) = SampleTable::read(&bytes, &options) else {
                return Ok(());
            };
            let discovery = DiscoveryOptions {
                max_lhs,
                error,
                nulls: NullRule {
                    marker: Some(String::new()),
                    equality: if distinct { NullEquality::Distinct } else { NullEquality::Equal },
                },
                algorithm: Algorithm::Auto,
            };
            let found = discover(&table, &discovery).unwrap();
            let columns = table.column_count();
            for fd in &found.dependencies {
                prop_assert!(fd.rhs < columns && !fd.lhs.contains(&fd.rhs));
                prop_assert!(fd.lhs.iter().all(|column| *column < columns));
                prop_assert!(fd.error <= error);
            }
        }
    }
}
