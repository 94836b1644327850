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
    objects: Vec<Rc<ObjectShape>>,
}

/// An object shape of a place and the places of its values, in the order of its keys.
struct ObjectShape {
    fields: Vec<(String, Kind)>,
    children: Vec<usize>,
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
        let shape = self.object_shape(at)?;
        let mut object = Map::new();
        for ((key, kind), child) in shape.fields.iter().zip(&shape.children) {
            self.charge(key.len().saturating_add(3))?;
            let value = self.value(*child, *kind, depth + 1)?;
            object.insert(key.clone(), value);
        }
        Ok(Value::Object(object))
    }

    fn object_shape(&mut self, at: usize) -> Result<Rc<ObjectShape>, ShareError> {
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
        let names = self.place_of((at, Slot::Keys, Kind::String))?;
        let mut fields = Vec::new();
        let mut keys = BTreeSet::new();
        for _ in 0..count {
            let kind = self.parts(at)?.1.kind()?;
            let key = self.string(names)?;
            if !keys.insert(key.clone()) {
                return Err(ShareError::LinkDamaged);
            }
            fields.push((key, kind));
        }
        let mut children = Vec::new();
        for (key, kind) in &fields {
            children.push(self.place_of((at, Slot::Key(key.clone()), *kind))?);
        }
        let shape = Rc::new(ObjectShape { fields, children });
        if let Some(place) = self.places.get_mut(at) {
            place.objects.push(Rc::clone(&shape));
        }
        Ok(shape)
    }
}

/// The length of the number written in decimal.
fn decimal_digits(number: u64) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[cfg(test)]
mod tests;
