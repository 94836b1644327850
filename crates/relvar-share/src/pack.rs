//! The dense binary form of a JSON value that `r2.` links deflate. Each value has a context (its
//! parent's context, its key or array slot, its kind) and is written into its context's stream,
//! so that like values (every column's name, every table's x) lie together for zlib; the shapes of
//! all arrays and objects share one stream, and so do the names of all keys.
//!
//! The form: the number of streams and each one's length (varints), then the streams: the shapes
//! (first the root's kind byte), the key names, then one per context of scalars in the order the
//! contexts are first met, depth first (a new object shape meets the context of its key names,
//! then those of its values in key order). A value's kind is known from its context; by kind:
//! - null, false, true: nothing;
//! - integer: a LEB128 varint of the integer (`-1 - n` for a negative `n`); under an object key,
//!   of the difference (wrapping, zigzagged) from the previous integer of the context;
//! - other numbers: the 8 bytes (little endian) of the `f64` (whole coordinates are already
//!   integers in the saved form);
//! - string: a varint code: `0`, the length of the prefix it shares with the last string written
//!   out in this context, the rest of its UTF-8 and `0xFF` (a byte UTF-8 never has); `1` and a
//!   varint, a string of [`DICTIONARY`](crate::dictionary::DICTIONARY); `k ≥ 2`, the context's
//!   `(k - 2)`th string (each string written out or named from the dictionary is numbered);
//! - array: its shape, runs of elements of one kind (code `0`, the number of runs, each run's
//!   kind byte and length; or `k ≥ 1`, the context's `(k - 1)`th shape); then each element in
//!   its context: by position for the first three scalars, then one for later scalars, one for
//!   containers;
//! - object: its shape, its keys in order with each value's kind (code `0`, the number of keys,
//!   then per key its kind byte and its name, a string of the context's keys; or `k ≥ 1`, the
//!   context's `(k - 1)`th shape); then each value in its key's context.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use serde_json::{Map, Value};

use crate::dictionary::Known;

/// What a value is, as one byte; also part of each context's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Null = 0,
    False = 1,
    True = 2,
    Unsigned = 3,
    Negative = 4,
    Float = 5,
    String = 6,
    Array = 7,
    Object = 8,
}

impl Kind {
    pub(crate) fn of(value: &Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Bool(false) => Self::False,
            Value::Bool(true) => Self::True,
            Value::Number(number) if number.is_u64() => Self::Unsigned,
            Value::Number(number) if number.is_i64() => Self::Negative,
            Value::Number(_) => Self::Float,
            Value::String(_) => Self::String,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }

    pub(crate) fn from_byte(byte: u8) -> Option<Self> {
        const ALL: [Kind; 9] = [
            Kind::Null,
            Kind::False,
            Kind::True,
            Kind::Unsigned,
            Kind::Negative,
            Kind::Float,
            Kind::String,
            Kind::Array,
            Kind::Object,
        ];
        ALL.get(usize::from(byte)).copied()
    }

    fn is_container(self) -> bool {
        matches!(self, Self::Array | Self::Object)
    }
}

/// Where a value sits in its parent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// The value of this key of an object.
    Key(String),
    /// A scalar element of an array at this position (the last one standing for all after it).
    Position(usize),
    /// A container element of an array, wherever it is.
    Element,
    /// The names of an object's keys.
    Keys,
}

/// Scalar elements at positions below this have a context each; the rest share the last.
const POSITIONS_APART: usize = 4;

pub(crate) fn element_slot(position: usize, kind: Kind) -> Slot {
    if kind.is_container() {
        Slot::Element
    } else {
        Slot::Position(position.min(POSITIONS_APART - 1))
    }
}

/// A context: its parent's context (by stream number), the slot, the kind of value.
pub(crate) type Context = (usize, Slot, Kind);

/// The stream of every array's and object's shape, and of the root's kind before them.
pub(crate) const SHAPES: usize = 0;
/// The stream of every key's name.
pub(crate) const KEY_NAMES: usize = 1;

/// The stream a context's values are written into; `next` is the number of a new stream.
pub(crate) fn stream_for(context: &Context, next: usize) -> usize {
    match context {
        (_, Slot::Keys, _) => KEY_NAMES,
        (_, _, Kind::Array | Kind::Object) => SHAPES,
        _ => next,
    }
}

/// Whether a context's integers are written as differences from the one before.
pub(crate) fn writes_differences(context: &Context) -> bool {
    matches!(context, (_, Slot::Key(_), Kind::Unsigned | Kind::Negative))
}

/// The zigzag form of the wrapping difference `number - previous`, and back.
pub(crate) fn difference(number: u64, previous: u64) -> u64 {
    let difference = number.wrapping_sub(previous) as i64;
    ((difference << 1) ^ (difference >> 63)) as u64
}

pub(crate) fn add_difference(previous: u64, zigzag: u64) -> u64 {
    let difference = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
    previous.wrapping_add(difference as u64)
}

/// String codes before the numbers of strings already seen.
pub(crate) const WRITTEN_OUT: u64 = 0;
pub(crate) const FROM_DICTIONARY: u64 = 1;
pub(crate) const FIRST_SEEN: u64 = 2;
/// Ends a string written out; never a byte of UTF-8.
pub(crate) const END_OF_TEXT: u8 = 0xFF;
/// Shape code of a shape not seen before in the context; seen shapes are numbered from 1.
pub(crate) const NEW_SHAPE: u64 = 0;

/// An array's shape: runs of elements of one kind, with their lengths.
pub(crate) type Runs = Vec<(Kind, u64)>;
/// An object's shape: its keys in order, with the kind of each value.
pub(crate) type Fields = Vec<(String, Kind)>;

/// FNV-1a: several times quicker than the standard hasher on the short keys packing looks up
/// (the design is the user's own, so there is no one to collide keys on purpose).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The value in the binary form described above.
pub(crate) fn pack(value: &Value) -> Vec<u8> {
    let mut packer = Packer {
        known: Known::new(),
        contexts: FastMap::default(),
        places: Vec::new(),
        streams: vec![Vec::new(), Vec::new()],
    };
    let kind = Kind::of(value);
    packer.write(SHAPES, |bytes| bytes.push(kind as u8));
    let root = packer.place_of(root_context(kind));
    packer.value(root, value);
    let mut packed = Vec::new();
    write_varint(&mut packed, packer.streams.len() as u64);
    for stream in &packer.streams {
        write_varint(&mut packed, stream.len() as u64);
    }
    for stream in &packer.streams {
        packed.extend_from_slice(stream);
    }
    packed
}

/// The root's context, which no other value has (no stream has this number).
pub(crate) fn root_context(kind: Kind) -> Context {
    (usize::MAX, Slot::Element, kind)
}

pub(crate) fn write_varint(bytes: &mut Vec<u8>, mut number: u64) {
    while number >= 0x80 {
        bytes.push((number as u8 & 0x7F) | 0x80);
        number >>= 7;
    }
    bytes.push(number as u8);
}

/// What a context has numbered so far, and where it writes.
struct Place {
    stream: usize,
    differences: bool,
    previous: u64,
    strings: FastMap<String, u64>,
    last_written_out: String,
    arrays: FastMap<Runs, u64>,
    objects: Vec<ObjectShape>,
    /// Numbers of the object shapes, by a hash of their fields.
    objects_by_hash: FastMap<u64, Vec<usize>>,
}

/// An object shape of a place and the places of its values, in the order of its keys.
struct ObjectShape {
    fields: Fields,
    children: Rc<[usize]>,
}

struct Packer {
    known: Known,
    contexts: FastMap<Context, usize>,
    places: Vec<Place>,
    streams: Vec<Vec<u8>>,
}

impl Packer {
    /// The place of a context, a new one (with a new stream for scalars) when first met.
    fn place_of(&mut self, context: Context) -> usize {
        if let Some(&place) = self.contexts.get(&context) {
            return place;
        }
        let stream = stream_for(&context, self.streams.len());
        if stream == self.streams.len() {
            self.streams.push(Vec::new());
        }
        self.places.push(Place {
            stream,
            differences: writes_differences(&context),
            previous: 0,
            strings: FastMap::default(),
            last_written_out: String::new(),
            arrays: FastMap::default(),
            objects: Vec::new(),
            objects_by_hash: FastMap::default(),
        });
        self.contexts.insert(context, self.places.len() - 1);
        self.places.len() - 1
    }

    /// Writes into a stream (one [`Self::place_of`] made, so always there).
    fn write(&mut self, stream: usize, write: impl FnOnce(&mut Vec<u8>)) {
        if let Some(bytes) = self.streams.get_mut(stream) {
            write(bytes);
        }
    }

    /// The place's numbering and the bytes of its stream.
    fn parts(&mut self, at: usize) -> Option<(&mut Place, &mut Vec<u8>)> {
        let place = self.places.get_mut(at)?;
        let bytes = self.streams.get_mut(place.stream)?;
        Some((place, bytes))
    }

    fn value(&mut self, at: usize, value: &Value) {
        match value {
            Value::Null | Value::Bool(_) => {}
            Value::Number(number) => {
                let Some((place, bytes)) = self.parts(at) else {
                    return;
                };
                let integer = number
                    .as_u64()
                    // -1 - n of a negative i64 is at least 0 and at most i64::MAX: no overflow.
                    .or_else(|| number.as_i64().map(|negative| (-1 - negative) as u64));
                match integer {
                    Some(integer) if place.differences => {
                        write_varint(bytes, difference(integer, place.previous));
                        place.previous = integer;
                    }
                    Some(integer) => write_varint(bytes, integer),
                    None => {
                        let float = number.as_f64().unwrap_or_default();
                        bytes.extend_from_slice(&float.to_bits().to_le_bytes());
                    }
                }
            }
            Value::String(text) => self.string(at, text),
            Value::Array(items) => self.array(at, items),
            Value::Object(object) => self.object(at, object),
        }
    }

    fn string(&mut self, at: usize, text: &str) {
        let known = self.known.number(text);
        let Some((place, bytes)) = self.parts(at) else {
            return;
        };
        if let Some(&number) = place.strings.get(text) {
            write_varint(bytes, FIRST_SEEN + number);
            return;
        }
        let number = place.strings.len() as u64;
        place.strings.insert(text.to_owned(), number);
        if let Some(known) = known {
            write_varint(bytes, FROM_DICTIONARY);
            write_varint(bytes, known);
            return;
        }
        let shared = place
            .last_written_out
            .bytes()
            .zip(text.bytes())
            .take_while(|(last, this)| last == this)
            .count();
        write_varint(bytes, WRITTEN_OUT);
        write_varint(bytes, shared as u64);
        bytes.extend_from_slice(text.as_bytes().get(shared..).unwrap_or_default());
        bytes.push(END_OF_TEXT);
        text.clone_into(&mut place.last_written_out);
    }

    fn array(&mut self, at: usize, items: &[Value]) {
        let mut runs: Runs = Vec::new();
        for item in items {
            match runs.last_mut() {
                Some((kind, length)) if *kind == Kind::of(item) => *length += 1,
                _ => runs.push((Kind::of(item), 1)),
            }
        }
        if let Some((place, bytes)) = self.parts(at) {
            if let Some(&number) = place.arrays.get(&runs) {
                write_varint(bytes, number + 1);
            } else {
                write_varint(bytes, NEW_SHAPE);
                write_varint(bytes, runs.len() as u64);
                for (kind, length) in &runs {
                    bytes.push(*kind as u8);
                    write_varint(bytes, *length);
                }
                let number = place.arrays.len() as u64;
                place.arrays.insert(runs, number);
            }
        }
        for (position, item) in items.iter().enumerate() {
            let kind = Kind::of(item);
            let child = self.place_of((at, element_slot(position, kind), kind));
            self.value(child, item);
        }
    }

    fn object(&mut self, at: usize, object: &Map<String, Value>) {
        let hash = fields_hash(object);
        let seen = self.places.get(at).and_then(|place| {
            let numbers = place.objects_by_hash.get(&hash)?;
            numbers.iter().copied().find(|number| {
                place
                    .objects
                    .get(*number)
                    .is_some_and(|shape| has_fields(object, &shape.fields))
            })
        });
        let number = match seen {
            Some(number) => {
                self.write(SHAPES, |bytes| write_varint(bytes, number as u64 + 1));
                number
            }
            None => self.new_object_shape(at, object, hash),
        };
        let children = self
            .places
            .get(at)
            .and_then(|place| place.objects.get(number))
            .map(|shape| Rc::clone(&shape.children))
            .unwrap_or_default();
        for (child, value) in children.iter().zip(object.values()) {
            self.value(*child, value);
        }
    }

    /// Writes a shape not seen before in the place, and opens the places of its values.
    fn new_object_shape(&mut self, at: usize, object: &Map<String, Value>, hash: u64) -> usize {
        self.write(SHAPES, |bytes| {
            write_varint(bytes, NEW_SHAPE);
            write_varint(bytes, object.len() as u64);
        });
        let names = self.place_of((at, Slot::Keys, Kind::String));
        for (key, value) in object {
            self.write(SHAPES, |bytes| bytes.push(Kind::of(value) as u8));
            self.string(names, key);
        }
        let children: Rc<[usize]> = object
            .iter()
            .map(|(key, value)| self.place_of((at, Slot::Key(key.clone()), Kind::of(value))))
            .collect();
        let fields = object
            .iter()
            .map(|(key, value)| (key.clone(), Kind::of(value)))
            .collect();
        let Some(place) = self.places.get_mut(at) else {
            return 0;
        };
        let number = place.objects.len();
        place.objects.push(ObjectShape { fields, children });
        place.objects_by_hash.entry(hash).or_default().push(number);
        number
    }
}

/// A hash of an object's keys and the kinds of its values, in order.
fn fields_hash(object: &Map<String, Value>) -> u64 {
    let mut hasher = Fnv::default();
    for (key, value) in object {
        key.hash(&mut hasher);
        Kind::of(value).hash(&mut hasher);
    }
    hasher.finish()
}

fn has_fields(object: &Map<String, Value>, fields: &Fields) -> bool {
    object.len() == fields.len()
        && object
            .iter()
            .zip(fields)
            .all(|((key, value), (name, kind))| key == name && Kind::of(value) == *kind)
}
