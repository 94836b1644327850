//! zlib compression for links, and decompression bounded in output size so that a tampered link
//! (a "zip bomb") cannot take the page's memory.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use crate::error::ShareError;

/// The most a link may unpack to: far above any real design's JSON, far below a tab's memory.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// miniz_oxide's best compression level (10 is its "uber" level: zlib's 9 and a longer search).
pub(crate) const SMALLEST: u8 = 10;
/// Its fastest level that still compresses: for what is written after every edit.
pub(crate) const FASTEST: u8 = 1;

/// The zlib stream (header, deflate data, Adler-32 checksum) of `bytes` at a miniz level.
pub(crate) fn deflate(bytes: &[u8], level: u8) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, level)
}

/// Unpacks one whole zlib stream of at most `limit` bytes. Data cut short, a wrong checksum,
/// bytes after the stream's end or a bad header are [`ShareError::LinkDamaged`]; more output than
/// `limit` is [`ShareError::LinkTooLarge`], found before more than `limit` bytes are allocated.
pub(crate) fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let too_large = ShareError::LinkTooLarge {
        limit_mib: limit / (1024 * 1024),
    };
    let mut output = vec![0; input.len().saturating_mul(4).clamp(1, limit.max(1))];
    let mut decompressor = Box::<DecompressorOxide>::default();
    let (mut read, mut written) = (0, 0);
    loop {
        let rest = input.get(read..).unwrap_or_default();
        let (status, consumed, produced) =
            decompress(&mut decompressor, rest, &mut output, written, flags);
        read += consumed;
        written += produced;
        match status {
            TINFLStatus::Done if read == input.len() && written <= limit => {
                output.truncate(written);
                return Ok(output);
            }
            TINFLStatus::Done if written > limit => return Err(too_large),
            TINFLStatus::HasMoreOutput => {
                if output.len() >= limit {
                    return Err(too_large);
                }
                let grown = output.len().saturating_mul(2).min(limit);
                output.resize(grown, 0);
            }
            _ => return Err(ShareError::LinkDamaged),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn what_is_packed_unpacks_the_same() {
        for text in ["", "a", "{\"tables\":[]}", &"relvar ".repeat(10_000)] {
            let packed = deflate(text.as_bytes(), SMALLEST);
            assert_eq!(inflate(&packed, 1 << 20).unwrap(), text.as_bytes());
        }
    }

    #[test]
    fn output_beyond_the_limit_is_refused() {
        let packed = deflate(&vec![b'0'; 2 << 20], SMALLEST);
        assert!(
            packed.len() < 10_000,
            "a small bomb: {} bytes",
            packed.len()
        );
        assert_eq!(
            inflate(&packed, 1 << 20),
            Err(ShareError::LinkTooLarge { limit_mib: 1 })
        );
        assert_eq!(inflate(&packed, 2 << 20).unwrap().len(), 2 << 20);
    }

    #[test]
    fn cut_altered_or_extended_streams_are_damaged() {
        let packed = deflate(b"{\"name\":\"a design with some text in it\"}", FASTEST);
        for end in 0..packed.len() {
            assert_eq!(
                inflate(&packed[..end], 1 << 20),
                Err(ShareError::LinkDamaged),
                "cut at {end}"
            );
        }
        let mut longer = packed.clone();
        longer.push(0);
        assert_eq!(inflate(&longer, 1 << 20), Err(ShareError::LinkDamaged));
        let mut checksum = packed.clone();
        *checksum.last_mut().unwrap() ^= 1;
        assert_eq!(inflate(&checksum, 1 << 20), Err(ShareError::LinkDamaged));
    }
}
