//! Links made by earlier builds keep opening: the committed links of the pg sakila design (its
//! tables, laid out) in every encoding open to the committed design file, and the committed
//! binary content of its `r2.` link (also a fuzzing seed; `r3.` links hold the same form) opens
//! the same and fails cleanly when cut or altered.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use relvar_model::Design;
use relvar_share::{ShareError, decode_link, encode_link, load_file};

const DESIGN: &str = include_str!("fixtures/pg-sakila.relvar.json");
/// Made by the build before link version 2.
const R1_LINK: &str = include_str!("fixtures/pg-sakila.r1.link");
/// Made when link version 2 came.
const R2_LINK: &str = include_str!("fixtures/pg-sakila.r2.link");
/// Made when link version 3 came.
const R3_LINK: &str = include_str!("fixtures/pg-sakila.r3.link");
/// The zlib content of `R2_LINK`.
const R2_CONTENT: &[u8] = include_bytes!("fixtures/pg-sakila.r2.unpacked");

fn design() -> Design {
    load_file(DESIGN).unwrap()
}

/// The `r2.` link of a binary content.
fn link_of(content: &[u8]) -> String {
    format!(
        "r2.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(content, 1))
    )
}

#[test]
fn the_committed_links_of_every_version_open_to_the_committed_design() {
    let design = design();
    assert_eq!(design.tables.len(), 21);
    assert!(!design.foreign_keys.is_empty() && !design.layout.positions.is_empty());
    assert!(R1_LINK.starts_with("r1.") && R2_LINK.starts_with("r2.") && R3_LINK.starts_with("r3."));
    assert_eq!(decode_link(R1_LINK), Ok(design.clone()));
    assert_eq!(decode_link(R2_LINK), Ok(design.clone()));
    assert_eq!(decode_link(R3_LINK), Ok(design.clone()));
    assert_eq!(decode_link(&link_of(R2_CONTENT)), Ok(design.clone()));
    let link = encode_link(&design);
    assert!(
        link.len() * 4 < R1_LINK.len() * 3 && link.len() < R2_LINK.len(),
        "{} against {} characters in r1 and {} in r2",
        link.len(),
        R1_LINK.len(),
        R2_LINK.len()
    );
}

#[test]
fn the_content_cut_anywhere_is_refused() {
    for end in 0..R2_CONTENT.len() {
        assert_eq!(
            decode_link(&link_of(&R2_CONTENT[..end])),
            Err(ShareError::LinkDamaged),
            "cut at {end}"
        );
    }
}

/// Every byte of the content changed (one bit flipped, or all of them every other byte):
/// refused, or a design that passed every check of a design read (the form itself has no
/// checksum; zlib's is over it).
#[test]
fn the_content_altered_anywhere_is_refused_or_a_consistent_design() {
    for at in 0..R2_CONTENT.len() {
        let mut altered = R2_CONTENT.to_vec();
        altered[at] ^= if at % 2 == 0 { 0x01 } else { 0xFF };
        if let Ok(read) = decode_link(&link_of(&altered)) {
            assert_eq!(decode_link(&encode_link(&read)), Ok(read));
        }
    }
}
