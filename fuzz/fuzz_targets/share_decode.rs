//! Fuzz target: any bytes opened as a design file and as a share link, packed as the content of
//! a well-formed link of the versions without a preset dictionary (`r2.`: the binary form that
//! `r3.` links hold too, `r1.`: JSON) so that the reading behind base64 and the checksum is
//! reached, and taken as the zlib stream of an `r3.` link (its header, dictionary id, deflate
//! data from the dictionary and checksum). Nothing may panic, and a design that opens comes back
//! the same from its own link and file.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use libfuzzer_sys::fuzz_target;
use relvar_share::{JsonStyle, decode_link, encode_link, load_file, save_file};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let content = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(data, 1));
    let opened = [
        load_file(&text).ok(),
        decode_link(&text).ok(),
        decode_link(&format!("r2.{content}")).ok(),
        decode_link(&format!("r1.{content}")).ok(),
        decode_link(&format!("r3.{}", URL_SAFE_NO_PAD.encode(data))).ok(),
    ];
    for design in opened.into_iter().flatten() {
        assert_eq!(decode_link(&encode_link(&design)).as_ref(), Ok(&design));
        assert_eq!(load_file(&save_file(&design, JsonStyle::Compact)).as_ref(), Ok(&design));
    }
});
