//! The binary form of `pack` read back: every value exactly, and any bytes, cut, altered or
//! forged, refused with an error or read, never a panic, within the limit.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::pack::{pack, write_varint};

const LIMIT: usize = 1 << 20;

fn round_trip(value: &Value) -> Value {
    unpack(&pack(value), LIMIT).unwrap()
}

/// Any JSON value: every kind, repeated keys and strings, numbers at their limits.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |float| float.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec!["", "a", "ab", "name", "text", "é€😀", "\u{0}\u{ff}"])
            .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 128, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(("[a-d]{0,2}|name|@", inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_value_comes_back_exactly(value in any_value()) {
        prop_assert_eq!(round_trip(&value), value);
    }

    #[test]
    fn any_bytes_give_a_value_or_an_error_never_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..256)
    ) {
        let _ = unpack(&bytes, LIMIT);
    }

    #[test]
    fn a_packed_value_altered_anywhere_gives_a_value_or_an_error(
        value in any_value(), at in any::<usize>(), to in any::<u8>()
    ) {
        let mut bytes = pack(&value);
        let at = at % bytes.len();
        bytes[at] = to;
        let _ = unpack(&bytes, LIMIT);
    }
}

#[test]
fn values_of_every_kind_and_repeats_come_back() {
    let value = json!({
        "tables": [
            {"name": "film", "@": [0, -40], "columns": [["film_id", "integer", 0], ["title", "text"]]},
            {"name": "film_actor", "@": [441.5, -0.0], "columns": [["film_id", "integer", 0]]},
            {"name": "film", "line": 7, "x": [null, true, false, 1e300, u64::MAX, i64::MIN]},
        ],
        "": {"": ""},
        "review_disabled": ["RV001", "RV001", "RV002", "a", "b", "c", "d"],
    });
    assert_eq!(round_trip(&value), value);
    let negative_zero = round_trip(&json!([-0.0]));
    assert!(negative_zero[0].as_f64().unwrap().is_sign_negative());
}

#[test]
fn like_values_are_numbered_once_and_known_strings_never_spelled_out() {
    let names = |count: usize| json!({"tables": vec![json!({"name": "customer", "schema": "public"}); count]});
    let one = pack(&names(1)).len();
    let hundred = pack(&names(100)).len();
    assert!(hundred - one <= 3 * 99, "{one} then {hundred} bytes");
    let packed = pack(&json!({"data_type": "timestamp with time zone"}));
    assert!(
        !packed.windows(4).any(|bytes| bytes == b"time"),
        "{packed:?}"
    );
    assert!(
        !packed.windows(4).any(|bytes| bytes == b"data"),
        "{packed:?}"
    );
}

#[test]
fn a_form_cut_short_or_with_bytes_left_over_is_damaged() {
    let packed = pack(&json!({"name": "a", "tables": [{"name": "b", "@": [1, 2]}]}));
    for end in 0..packed.len() {
        assert_eq!(
            unpack(&packed[..end], LIMIT),
            Err(ShareError::LinkDamaged),
            "cut at {end}"
        );
    }
    let mut longer = packed.clone();
    longer.push(0);
    assert_eq!(unpack(&longer, LIMIT), Err(ShareError::LinkDamaged));
}

/// A form of streams given by hand: shapes, key names, then the streams of scalars.
fn form(streams: &[&[u8]]) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_varint(&mut bytes, streams.len() as u64);
    for stream in streams {
        write_varint(&mut bytes, stream.len() as u64);
    }
    for stream in streams {
        bytes.extend_from_slice(stream);
    }
    bytes
}

#[test]
fn a_well_formed_form_by_hand_reads() {
    // An array of five strings: the first three have a context each, the last two share one.
    let array = [Kind::Array as u8, 0, 1, Kind::String as u8, 5];
    let first = [0, 0, b'a', b'b', END_OF_TEXT];
    let second = [1, 3];
    let third = [0, 0, b'b', END_OF_TEXT];
    let rest = [0, 0, b'q', END_OF_TEXT, 2];
    assert_eq!(
        unpack(&form(&[&array, &[], &first, &second, &third, &rest]), LIMIT),
        Ok(json!(["ab", "name", "b", "q", "q"]))
    );
    assert_eq!(
        pack(&json!(["ab", "name", "b", "q", "q"])),
        form(&[&array, &[], &first, &second, &third, &rest])
    );
}

#[test]
fn numbers_names_and_shapes_out_of_range_are_damaged() {
    let run_of_strings = [Kind::Array as u8, 0, 1, Kind::String as u8, 1];
    let damaged = [
        // A string named by a number nothing has yet.
        form(&[&run_of_strings, &[], &[2]]),
        // A word of the dictionary beyond its end.
        form(&[&run_of_strings, &[], &[1, 0xFF, 0x7F]]),
        // A prefix longer than the last string written out.
        form(&[&run_of_strings, &[], &[0, 1, b'a', END_OF_TEXT]]),
        // A string that does not end, or is not UTF-8.
        form(&[&run_of_strings, &[], &[0, 0, b'a']]),
        form(&[&run_of_strings, &[], &[0, 0, 0xC0, END_OF_TEXT]]),
        // A shape nothing has yet, a kind that does not exist, a run of nothing.
        form(&[&[Kind::Array as u8, 1], &[]]),
        form(&[&[Kind::Array as u8, 0, 1, 9, 1], &[]]),
        form(&[&[Kind::Array as u8, 0, 1, Kind::Null as u8, 0], &[]]),
        form(&[&[12], &[]]),
        // A key twice in one shape.
        form(&[
            &[Kind::Object as u8, 0, 2, Kind::Null as u8, Kind::Null as u8],
            &[1, 3, 2],
        ]),
        // More keys or runs than the bytes that could hold them.
        form(&[&[Kind::Object as u8, 0, 0x80, 0x80, 0x01], &[]]),
        form(&[&[Kind::Array as u8, 0, 0xFF, 0xFF, 0x03], &[]]),
        // A varint of more than 64 bits, a negative number below i64::MIN.
        form(&[&run_of_strings, &[], &[0xFF; 11]]),
        form(&[
            &[Kind::Array as u8, 0, 1, Kind::Negative as u8, 1],
            &[],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        ]),
        // Fewer streams than the value reads, or more than it reads.
        form(&[&run_of_strings, &[]]),
        form(&[&run_of_strings, &[], &[0, 0, END_OF_TEXT], &[]]),
        form(&[&[Kind::Null as u8]]),
        form(&[]),
        // A stream count far beyond the bytes.
        vec![0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0],
    ];
    for (number, bytes) in damaged.iter().enumerate() {
        assert_eq!(
            unpack(bytes, LIMIT),
            Err(ShareError::LinkDamaged),
            "case {number}: {bytes:?}"
        );
    }
}

#[test]
fn a_float_that_is_not_a_number_is_damaged() {
    let floats = [Kind::Array as u8, 0, 1, Kind::Float as u8, 1];
    let nan = f64::NAN.to_bits().to_le_bytes();
    assert_eq!(
        unpack(&form(&[&floats, &[], &nan]), LIMIT),
        Err(ShareError::LinkDamaged)
    );
}

#[test]
fn huge_counts_in_a_few_bytes_stop_at_the_limit() {
    let too_large = Err(ShareError::LinkTooLarge { limit_mib: 1 });
    // 2^62 nulls in one run of six bytes.
    let nulls = [
        Kind::Array as u8,
        0,
        1,
        Kind::Null as u8,
        0x80,
        0x80,
        0x80,
        0x80,
        0x80,
        0x80,
        0x80,
        0x80,
        0x40,
    ];
    assert_eq!(
        unpack(&form(&[&nulls, &[], &[], &[], &[], &[]]), LIMIT),
        too_large
    );
    // A string of 60,000 bytes named again a million times.
    let long = [vec![0, 0], vec![b'x'; 60_000], vec![END_OF_TEXT]].concat();
    let again = [long.clone(), vec![2; 1_000_000]].concat();
    let strings = [
        Kind::Array as u8,
        0,
        1,
        Kind::String as u8,
        0xC1,
        0x84,
        0x3D,
    ];
    let streams: [&[u8]; 6] = [&strings, &[], &long, &long, &long, &again];
    assert_eq!(unpack(&form(&streams), LIMIT), too_large);
    // Arrays nested deeper than any design.
    let mut deep = vec![Kind::Array as u8];
    deep.extend([0, 1, Kind::Array as u8, 1]);
    deep.extend(std::iter::repeat_n(1, 200));
    assert_eq!(
        unpack(&form(&[&deep, &[]]), LIMIT),
        Err(ShareError::LinkDamaged)
    );
}
