//! zlib streams for links (RFC 1950), with or without a preset dictionary, and decompression
//! bounded in output size so that a tampered link (a "zip bomb") cannot take the page's memory.
//!
//! A stream with a preset dictionary sets the header's FDICT bit and names the dictionary by its
//! Adler-32 (DICTID); its deflate data may refer back into the dictionary as if it had just been
//! written, which zlib's `inflateSetDictionary` and pako's `dictionary` option read.

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use crate::error::ShareError;

/// The most a link may unpack to: far above any real design's JSON, far below a tab's memory.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// miniz_oxide's best compression level (10 is its "uber" level: zlib's 9 and a longer search).
pub(crate) const SMALLEST: u8 = 10;
/// Its fastest level that still compresses: for what is written after every edit.
pub(crate) const FASTEST: u8 = 1;

/// Deflate (method 8) with a 32 KiB window, the first byte of every zlib stream written.
const CMF: u8 = 0x78;
/// The header's bit saying a preset dictionary's Adler-32 follows.
const FDICT: u8 = 0x20;
/// Negative window bits: raw deflate data, the zlib wrapping being written here.
const RAW_DEFLATE: i32 = -15;

/// The zlib stream of `bytes` at a miniz level, starting from `dictionary` (none if empty).
pub(crate) fn deflate(bytes: &[u8], level: u8, dictionary: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(level.into(), RAW_DEFLATE, 0);
    let mut compressor = Box::new(CompressorOxide::new(flags));
    if !dictionary.is_empty() {
        // What the dictionary compresses to is not written: only its window stays.
        run(&mut compressor, dictionary, TDEFLFlush::Sync);
    }
    let mut stream = header(level, dictionary);
    stream.extend(run(&mut compressor, bytes, TDEFLFlush::Finish));
    stream.extend(adler2::adler32_slice(bytes).to_be_bytes());
    stream
}

/// The two header bytes (with FLEVEL as zlib writes it for the level) and the DICTID if any.
fn header(level: u8, dictionary: &[u8]) -> Vec<u8> {
    let level_bits = match level {
        0..=1 => 0,
        2..=5 => 1,
        6 => 2,
        _ => 3,
    } << 6;
    let mut flags = level_bits | if dictionary.is_empty() { 0 } else { FDICT };
    flags |= 31 - ((u16::from(CMF) << 8 | u16::from(flags)) % 31) as u8 % 31;
    let mut header = vec![CMF, flags];
    if !dictionary.is_empty() {
        header.extend(adler2::adler32_slice(dictionary).to_be_bytes());
    }
    header
}

/// Feeds all of `input` to the compressor and returns what it wrote, up to the `flush`.
fn run(compressor: &mut CompressorOxide, mut input: &[u8], flush: TDEFLFlush) -> Vec<u8> {
    let mut output = vec![0; input.len() / 2 + 64];
    let mut written = 0;
    loop {
        let (status, read, wrote) = compress(
            compressor,
            input,
            output.get_mut(written..).unwrap_or_default(),
            flush,
        );
        input = input.get(read..).unwrap_or_default();
        written += wrote;
        let finished = match flush {
            TDEFLFlush::Finish => status == TDEFLStatus::Done,
            _ => input.is_empty() && written < output.len(),
        };
        if finished || !matches!(status, TDEFLStatus::Okay | TDEFLStatus::Done) {
            output.truncate(written);
            return output;
        }
        if written == output.len() {
            output.resize(output.len() * 2, 0);
        }
    }
}

/// Unpacks one whole zlib stream of at most `limit` bytes, made from `dictionary` (none if
/// empty). Data cut short, a wrong checksum, bytes after the stream's end, a bad header or a
/// stream of another dictionary are [`ShareError::LinkDamaged`]; more output than `limit` is
/// [`ShareError::LinkTooLarge`], found before more than `limit` bytes are allocated.
pub(crate) fn inflate(
    input: &[u8],
    limit: usize,
    dictionary: &[u8],
) -> Result<Vec<u8>, ShareError> {
    let data = after_header(input, dictionary).ok_or(ShareError::LinkDamaged)?;
    let too_large = ShareError::LinkTooLarge {
        limit_mib: limit / (1024 * 1024),
    };
    let start = dictionary.len();
    let most = start.saturating_add(limit);
    let mut output = dictionary.to_vec();
    output.resize(
        start + data.len().saturating_mul(4).clamp(1, limit.max(1)),
        0,
    );
    let mut decompressor = Box::<DecompressorOxide>::default();
    let (mut read, mut written) = (0, start);
    loop {
        let rest = data.get(read..).unwrap_or_default();
        let (status, consumed, produced) = decompress(
            &mut decompressor,
            rest,
            &mut output,
            written,
            inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        read += consumed;
        written += produced;
        match status {
            TINFLStatus::Done if written > most => return Err(too_large),
            TINFLStatus::Done => {
                output.truncate(written);
                let unpacked = output.split_off(start);
                let checksum = adler2::adler32_slice(&unpacked).to_be_bytes();
                return if data.get(read..) == Some(&checksum[..]) {
                    Ok(unpacked)
                } else {
                    Err(ShareError::LinkDamaged)
                };
            }
            TINFLStatus::HasMoreOutput => {
                if output.len() >= most {
                    return Err(too_large);
                }
                let grown = output.len().saturating_mul(2).min(most);
                output.resize(grown, 0);
            }
            _ => return Err(ShareError::LinkDamaged),
        }
    }
}

/// The deflate data and checksum after a zlib header that is well formed and names `dictionary`
/// (or, if it is empty, names none).
fn after_header<'a>(input: &'a [u8], dictionary: &[u8]) -> Option<&'a [u8]> {
    let (&[cmf, flags], rest) = input.split_first_chunk::<2>()?;
    let well_formed =
        cmf & 0x0F == 8 && cmf >> 4 <= 7 && (u16::from(cmf) << 8 | u16::from(flags)) % 31 == 0;
    if !well_formed || (flags & FDICT != 0) == dictionary.is_empty() {
        return None;
    }
    if dictionary.is_empty() {
        return Some(rest);
    }
    let (dictionary_id, rest) = rest.split_first_chunk::<4>()?;
    (u32::from_be_bytes(*dictionary_id) == adler2::adler32_slice(dictionary)).then_some(rest)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    const DICTIONARY: &[u8] = b"CREATE TABLE relvar (id integer NOT NULL PRIMARY KEY)";

    #[test]
    fn what_is_packed_unpacks_the_same_with_or_without_a_dictionary() {
        for text in ["", "a", "{\"tables\":[]}", &"relvar ".repeat(10_000)] {
            for dictionary in [&b""[..], DICTIONARY] {
                for level in [FASTEST, SMALLEST] {
                    let packed = deflate(text.as_bytes(), level, dictionary);
                    assert_eq!(
                        inflate(&packed, 1 << 20, dictionary).unwrap(),
                        text.as_bytes()
                    );
                }
            }
        }
    }

    #[test]
    fn a_stream_without_a_dictionary_is_the_zlib_stream_miniz_writes() {
        let text = "CREATE TABLE relvar (id integer NOT NULL PRIMARY KEY)".repeat(20);
        for level in [FASTEST, SMALLEST] {
            assert_eq!(
                deflate(text.as_bytes(), level, b""),
                miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), level)
            );
        }
    }

    #[test]
    fn the_dictionary_makes_what_it_holds_shorter_and_is_named_in_the_header() {
        let text = b"CREATE TABLE relvar (id integer NOT NULL PRIMARY KEY);";
        let with = deflate(text, SMALLEST, DICTIONARY);
        let without = deflate(text, SMALLEST, b"");
        assert!(
            with.len() + 20 < without.len(),
            "{} against {}",
            with.len(),
            without.len()
        );
        assert_eq!(with[1] & FDICT, FDICT);
        assert_eq!(with[2..6], adler2::adler32_slice(DICTIONARY).to_be_bytes());
        assert_eq!(inflate(&with, 1 << 20, b""), Err(ShareError::LinkDamaged));
        assert_eq!(
            inflate(&with, 1 << 20, b"another dictionary"),
            Err(ShareError::LinkDamaged)
        );
        assert_eq!(
            inflate(&without, 1 << 20, DICTIONARY),
            Err(ShareError::LinkDamaged)
        );
    }

    #[test]
    fn output_beyond_the_limit_is_refused() {
        for dictionary in [&b""[..], DICTIONARY] {
            let packed = deflate(&vec![b'0'; 2 << 20], SMALLEST, dictionary);
            assert!(
                packed.len() < 10_000,
                "a small bomb: {} bytes",
                packed.len()
            );
            assert_eq!(
                inflate(&packed, 1 << 20, dictionary),
                Err(ShareError::LinkTooLarge { limit_mib: 1 })
            );
            assert_eq!(
                inflate(&packed, 2 << 20, dictionary).unwrap().len(),
                2 << 20
            );
        }
    }

    #[test]
    fn cut_altered_or_extended_streams_are_damaged() {
        for dictionary in [&b""[..], DICTIONARY] {
            let packed = deflate(
                b"{\"name\":\"a design with some text in it\"}",
                FASTEST,
                dictionary,
            );
            for end in 0..packed.len() {
                assert_eq!(
                    inflate(&packed[..end], 1 << 20, dictionary),
                    Err(ShareError::LinkDamaged),
                    "cut at {end}"
                );
            }
            let mut longer = packed.clone();
            longer.push(0);
            assert_eq!(
                inflate(&longer, 1 << 20, dictionary),
                Err(ShareError::LinkDamaged)
            );
            for at in [0, 1, packed.len() - 1] {
                let mut altered = packed.clone();
                altered[at] ^= 1;
                assert_eq!(
                    inflate(&altered, 1 << 20, dictionary),
                    Err(ShareError::LinkDamaged),
                    "byte {at} altered"
                );
            }
        }
    }
}
