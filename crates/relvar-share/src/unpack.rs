//! Reads the binary form written by `pack` back into the JSON value, for any bytes at all: what
//! does not follow the form is [`ShareError::LinkDamaged`], never a panic. Memory is bounded the
//! way a JSON link's is: the value read may not stand for more JSON than the limit (each context
//! counting [`CONTEXT_COST`] bytes more), and nothing is allocated ahead of what the input holds.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use serde_json::{Map, Number, Value};

use crate::dictionary::known;
use crate::error::ShareError;
use crate::pack::{
    Context, END_OF_TEXT, FIRST_SEEN, FROM_DICTIONARY, Kind, NEW_SHAPE, SHAPES, Slot, WRITTEN_OUT,
    add_difference, element_slot, root_context, stream_for, writes_differences,
};

/// Deeper nesting than any design has (serde_json stops at 128 too).
const MAX_DEPTH: usize = 128;

/// What each context counts against the limit, beyond the JSON its values stand for: a design
/// has a few hundred contexts, a forged link cannot make millions.
const CONTEXT_COST: usize = 256;

/// The value `bytes` hold, standing for at most `limit` bytes of JSON.
pub(crate) fn unpack(bytes: &[u8], limit: usize) -> Result<Value, ShareError> {
    let mut header = Cursor::new(bytes);
    let count = header.varint()?;
    let lengths_start = header.at;
    let mut total: u64 = 0;
    for _ in 0..count {
        // Each length takes a byte at least, so this ends within the input.
        total = total
            .checked_add(header.varint()?)
            .ok_or(ShareError::LinkDamaged)?;
    }
    if count < 2 || total != header.remaining() as u64 {
        return Err(ShareError::LinkDamaged);
    }
    let mut unpacker = Unpacker {
        lengths: Cursor {
            bytes,
            at: lengths_start,
        },
        data: header,
        streams: Vec::new(),
        places: Vec::new(),
        contexts: HashMap::new(),
        count,
        budget: limit,
        too_large: ShareError::LinkTooLarge {
            limit_mib: limit / (1024 * 1024),
        },
    };
    unpacker.open_next_stream()?;
    unpacker.open_next_stream()?;
    let kind = unpacker.stream(SHAPES)?.kind()?;
    let root = unpacker.place_of(root_context(kind))?;
    let value = unpacker.value(root, kind, 0)?;
    let all_read = unpacker.streams.len() as u64 == count
        && unpacker
            .streams
            .iter()
            .all(|stream| stream.remaining() == 0);
    if all_read {
        Ok(value)
    } else {
        Err(ShareError::LinkDamaged)
    }
}

/// Reading position in a slice; reading past its end is damage.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    fn byte(&mut self) -> Result<u8, ShareError> {
        let byte = self.bytes.get(self.at).copied();
        self.at += 1;
        byte.ok_or(ShareError::LinkDamaged)
    }

    fn take(&mut self, length: usize) -> Result<&'a [u8], ShareError> {
        let end = self.at.checked_add(length).ok_or(ShareError::LinkDamaged)?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or(ShareError::LinkDamaged)?;
        self.at = end;
        Ok(taken)
    }

    fn kind(&mut self) -> Result<Kind, ShareError> {
        Kind::from_byte(self.byte()?).ok_or(ShareError::LinkDamaged)
    }

    /// A LEB128 varint of at most 64 bits.
    fn varint(&mut self) -> Result<u64, ShareError> {
        let mut number: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            if shift == 63 && byte > 1 {
                return Err(ShareError::LinkDamaged);
            }
            number |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(number);
            }
        }
        Err(ShareError::LinkDamaged)
    }

    /// The bytes up to the next [`END_OF_TEXT`], which is passed.
    fn text(&mut self) -> Result<&'a [u8], ShareError> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let length = rest
            .iter()
            .position(|byte| *byte == END_OF_TEXT)
            .ok_or(ShareError::LinkDamaged)?;
        let text = self.take(length)?;
        self.at += 1;
        Ok(text)
    }
}

/// What a context has numbered so far, and where it reads from.
struct Place {
    stream: usize,
    differences: bool,
    previous: u64,
    strings: Vec<String>,
    last_written_out: String,
    arrays: Vec<Rc<[(Kind, u64)]>>,
    objects: Vec<Rc<[(String, Kind)]>>,
}

struct Unpacker<'a> {
    /// Where the next stream's length is read from the header.
    lengths: Cursor<'a>,
    /// Where the next stream's bytes start.
    data: Cursor<'a>,
    streams: Vec<Cursor<'a>>,
    places: Vec<Place>,
    contexts: HashMap<Context, usize>,
    count: u64,
    /// How many more bytes of JSON the value may stand for.
    budget: usize,
    too_large: ShareError,
}

impl<'a> Unpacker<'a> {
    fn charge(&mut self, bytes: usize) -> Result<(), ShareError> {
        self.budget = self
            .budget
            .checked_sub(bytes)
            .ok_or_else(|| self.too_large.clone())?;
        Ok(())
    }

    /// Opens the next stream of the header.
    fn open_next_stream(&mut self) -> Result<usize, ShareError> {
        if self.streams.len() as u64 >= self.count {
            return Err(ShareError::LinkDamaged);
        }
        let length =
            usize::try_from(self.lengths.varint()?).map_err(|_| ShareError::LinkDamaged)?;
        self.streams.push(Cursor::new(self.data.take(length)?));
        Ok(self.streams.len() - 1)
    }

    /// The place of a context, a new one (with the next stream for scalars) when first met.
    fn place_of(&mut self, context: Context) -> Result<usize, ShareError> {
        if let Some(place) = self.contexts.get(&context) {
            return Ok(*place);
        }
        self.charge(CONTEXT_COST)?;
        let mut stream = stream_for(&context, self.streams.len());
        if stream == self.streams.len() {
            stream = self.open_next_stream()?;
        }
        self.places.push(Place {
            stream,
            differences: writes_differences(&context),
            previous: 0,
            strings: Vec::new(),
            last_written_out: String::new(),
            arrays: Vec::new(),
            objects: Vec::new(),
        });
        self.contexts.insert(context, self.places.len() - 1);
        Ok(self.places.len() - 1)
    }

    fn stream(&mut self, stream: usize) -> Result<&mut Cursor<'a>, ShareError> {
        self.streams.get_mut(stream).ok_or(ShareError::LinkDamaged)
    }

    /// The place's numbering and the cursor of its stream.
    fn parts(&mut self, at: usize) -> Result<(&mut Place, &mut Cursor<'a>), ShareError> {
        let place = self.places.get_mut(at).ok_or(ShareError::LinkDamaged)?;
        let cursor = self
            .streams
            .get_mut(place.stream)
            .ok_or(ShareError::LinkDamaged)?;
        Ok((place, cursor))
    }

    /// An integer of the place: as written, or from its difference with the one before.
    fn integer(&mut self, at: usize) -> Result<u64, ShareError> {
        let (place, cursor) = self.parts(at)?;
        let written = cursor.varint()?;
        if place.differences {
            place.previous = add_difference(place.previous, written);
            Ok(place.previous)
        } else {
            Ok(written)
        }
    }

    fn value(&mut self, at: usize, kind: Kind, depth: usize) -> Result<Value, ShareError> {
        match kind {
            Kind::Null => self.charge(4).map(|()| Value::Null),
            Kind::False => self.charge(5).map(|()| Value::Bool(false)),
            Kind::True => self.charge(4).map(|()| Value::Bool(true)),
            Kind::Unsigned => {
                let number = self.integer(at)?;
                self.charge(decimal_digits(number))?;
                Ok(Value::from(number))
            }
            Kind::Negative => {
                let below = self.integer(at)?;
                let below = i64::try_from(below).map_err(|_| ShareError::LinkDamaged)?;
                self.charge(decimal_digits(below.unsigned_abs()) + 1)?;
                Ok(Value::from(-1 - below))
            }
            Kind::Float => {
                let bytes = self.parts(at)?.1.take(8)?;
                let bits = <[u8; 8]>::try_from(bytes).map_err(|_| ShareError::LinkDamaged)?;
                self.charge(3)?;
                Number::from_f64(f64::from_bits(u64::from_le_bytes(bits)))
                    .map(Value::Number)
                    .ok_or(ShareError::LinkDamaged)
            }
            Kind::String => {
                let text = self.string(at)?;
                self.charge(text.len().saturating_add(2))?;
                Ok(Value::String(text))
            }
            Kind::Array => self.array(at, depth),
            Kind::Object => self.object(at, depth),
        }
    }

    fn string(&mut self, at: usize) -> Result<String, ShareError> {
        let (place, cursor) = self.parts(at)?;
        let code = cursor.varint()?;
        if code >= FIRST_SEEN {
            let seen = usize::try_from(code - FIRST_SEEN).ok();
            return seen
                .and_then(|number| place.strings.get(number).cloned())
                .ok_or(ShareError::LinkDamaged);
        }
        let text = match code {
            WRITTEN_OUT => {
                let shared = usize::try_from(cursor.varint()?).ok();
                let start = shared
                    .and_then(|shared| place.last_written_out.as_bytes().get(..shared))
                    .ok_or(ShareError::LinkDamaged)?;
                let rest = cursor.text()?;
                let text = String::from_utf8([start, rest].concat())
                    .map_err(|_| ShareError::LinkDamaged)?;
                text.clone_into(&mut place.last_written_out);
                text
            }
            FROM_DICTIONARY => known(cursor.varint()?)
                .ok_or(ShareError::LinkDamaged)?
                .to_owned(),
            _ => return Err(ShareError::LinkDamaged),
        };
        place.strings.push(text.clone());
        Ok(text)
    }

    fn array(&mut self, at: usize, depth: usize) -> Result<Value, ShareError> {
        if depth >= MAX_DEPTH {
            return Err(ShareError::LinkDamaged);
        }
        self.charge(2)?;
        let runs = self.array_shape(at)?;
        let mut items = Vec::new();
        for &(kind, length) in runs.iter() {
            for _ in 0..length {
                let slot = element_slot(items.len(), kind);
                let child = self.place_of((at, slot, kind))?;
                items.push(self.value(child, kind, depth + 1)?);
            }
        }
        Ok(Value::Array(items))
    }

    fn array_shape(&mut self, at: usize) -> Result<Rc<[(Kind, u64)]>, ShareError> {
        let (place, cursor) = self.parts(at)?;
        let code = cursor.varint()?;
        if code != NEW_SHAPE {
            let seen = usize::try_from(code - 1).ok();
            return seen
                .and_then(|number| place.arrays.get(number).cloned())
                .ok_or(ShareError::LinkDamaged);
        }
        let count = cursor.varint()?;
        // Each run takes two bytes at least: a longer count is not in the input.
        if count > cursor.remaining() as u64 / 2 {
            return Err(ShareError::LinkDamaged);
        }
        let mut runs = Vec::new();
        for _ in 0..count {
            let kind = cursor.kind()?;
            let length = cursor.varint()?;
            if length == 0 {
                return Err(ShareError::LinkDamaged);
            }
            runs.push((kind, length));
        }
        let runs: Rc<[(Kind, u64)]> = runs.into();
        place.arrays.push(Rc::clone(&runs));
        Ok(runs)
    }

    fn object(&mut self, at: usize, depth: usize) -> Result<Value, ShareError> {
        if depth >= MAX_DEPTH {
            return Err(ShareError::LinkDamaged);
        }
        self.charge(2)?;
        let fields = self.object_shape(at)?;
        let mut object = Map::new();
        for (key, kind) in fields.iter() {
            self.charge(key.len().saturating_add(3))?;
            let child = self.place_of((at, Slot::Key(key.clone()), *kind))?;
            let value = self.value(child, *kind, depth + 1)?;
            object.insert(key.clone(), value);
        }
        Ok(Value::Object(object))
    }

    fn object_shape(&mut self, at: usize) -> Result<Rc<[(String, Kind)]>, ShareError> {
        let (place, cursor) = self.parts(at)?;
        let code = cursor.varint()?;
        if code != NEW_SHAPE {
            let seen = usize::try_from(code - 1).ok();
            return seen
                .and_then(|number| place.objects.get(number).cloned())
                .ok_or(ShareError::LinkDamaged);
        }
        let count = cursor.varint()?;
        // Each key's kind takes a byte here: a longer count is not in the input.
        if count > cursor.remaining() as u64 {
            return Err(ShareError::LinkDamaged);
        }
        let mut fields = Vec::new();
        let mut keys = BTreeSet::new();
        for _ in 0..count {
            let kind = self.parts(at)?.1.kind()?;
            let names = self.place_of((at, Slot::Keys, Kind::String))?;
            let key = self.string(names)?;
            if !keys.insert(key.clone()) {
                return Err(ShareError::LinkDamaged);
            }
            fields.push((key, kind));
        }
        let fields: Rc<[(String, Kind)]> = fields.into();
        if let Some(place) = self.places.get_mut(at) {
            place.objects.push(Rc::clone(&fields));
        }
        Ok(fields)
    }
}

/// The length of the number written in decimal.
fn decimal_digits(number: u64) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[cfg(test)]
mod tests {
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
        let second = [1, 41];
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
                &[1, 41, 2],
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
}
