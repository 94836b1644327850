//! Opening share links: the forms a link arrives in, and a clear error (never a panic) for each
//! way a link can be damaged or foreign.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};
use relvar_model::{
    Column, ColumnId, Design, FORMAT_VERSION, Point, Table, TableId, UnmodelledStatement,
};
use relvar_share::{
    LINK_DICTIONARY, LINK_PREFIX, LINK_WARN_CHARS, MAX_UNPACKED_BYTES, ShareError, data_statements,
    decode_link, decode_stored, encode_link, encode_stored,
};

fn design() -> Design {
    let mut design = Design {
        name: "Shop".into(),
        ..Design::default()
    };
    let id = design.ids.table();
    let mut table = Table::new(id, Some("public".into()), "customer");
    for name in ["customer_id", "email", "name"] {
        let column = design.ids.column();
        table.columns.push(Column::new(column, name, "text"));
    }
    design.tables.push(table);
    design.layout.positions.insert(id, Point::new(40.0, 12.5));
    design
}

/// A link of the first encoding (`r1.`) carrying exactly these bytes as its JSON.
fn r1_link_of(bytes: &[u8]) -> String {
    format!(
        "r1.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6))
    )
}

/// A link of the binary encoding without the preset dictionary (`r2.`, read by the same code as
/// `r3.` once unpacked) carrying exactly these bytes as its binary content.
fn link_of(bytes: &[u8]) -> String {
    format!(
        "r2.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6))
    )
}

/// The content of a current link, read as zlib reads a stream with a preset dictionary: the
/// header names the dictionary by its Adler-32, and the deflate data may refer back into it.
fn content_of(link: &str) -> Vec<u8> {
    let stream = URL_SAFE_NO_PAD.decode(&link[LINK_PREFIX.len()..]).unwrap();
    assert_eq!(stream[1] & 0x20, 0x20, "the header's FDICT bit");
    assert_eq!(
        stream[2..6],
        adler2::adler32_slice(LINK_DICTIONARY).to_be_bytes()
    );
    let start = LINK_DICTIONARY.len();
    let mut output = LINK_DICTIONARY.to_vec();
    output.resize(start + (1 << 20), 0);
    let (status, read, written) = decompress(
        &mut DecompressorOxide::default(),
        &stream[6..],
        &mut output,
        start,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    assert_eq!(status, TINFLStatus::Done);
    let content = output[start..start + written].to_vec();
    assert_eq!(
        stream[6 + read..],
        adler2::adler32_slice(&content).to_be_bytes()
    );
    content
}

fn error(link: &str) -> String {
    decode_link(link).unwrap_err().to_string()
}

#[test]
fn a_link_opens_as_a_payload_a_fragment_a_keyed_fragment_or_a_whole_url() {
    let design = design();
    let link = encode_link(&design);
    assert!(
        link.starts_with("r3.") && link.len() < LINK_WARN_CHARS,
        "{link}"
    );
    for form in [
        link.clone(),
        format!("#{link}"),
        format!("#d={link}"),
        format!("https://relvar.example/#d={link}"),
        format!("  {link}\n"),
        format!(
            "{link}{}",
            "=".repeat((4 - (link.len() - LINK_PREFIX.len()) % 4) % 4)
        ),
    ] {
        assert_eq!(decode_link(&form), Ok(design.clone()), "{form}");
    }
}

/// What links of the first encoding held: the compact JSON, without what reading infers.
#[test]
fn a_link_of_the_first_encoding_still_opens() {
    let json = format!(
        "{{\"format_version\":{FORMAT_VERSION},\"ids\":{{\"next\":4}},\"name\":\"Shop\",\"tables\":[{{\"@\":[40,12.5],\
         \"columns\":[[\"customer_id\",\"text\"],[\"email\",\"text\"],[\"name\",\"text\"]],\"name\":\"customer\",\"schema\":\"public\"}}]}}"
    );
    assert_eq!(decode_link(&r1_link_of(json.as_bytes())), Ok(design()));
    assert_eq!(
        decode_link(&format!("#d={}", r1_link_of(json.as_bytes()))),
        Ok(design())
    );
}

/// The content of a link is binary, not JSON; zlib (pako, in the bench) still unpacks it, given
/// the preset dictionary.
#[test]
fn the_link_holds_the_design_in_binary_shorter_than_its_json() {
    let design = design();
    let content = content_of(&encode_link(&design));
    assert!(serde_json::from_slice::<serde_json::Value>(&content).is_err());
    assert!(
        !content.windows(6).any(|bytes| bytes == b"public"),
        "a dictionary word is not spelled out: {content:?}"
    );
    let json = relvar_share::save_file(&design, relvar_share::JsonStyle::Compact);
    assert!(
        content.len() * 2 < json.len(),
        "{} bytes against {} of JSON",
        content.len(),
        json.len()
    );
}

#[test]
fn the_link_leaves_out_rows_of_data_and_keeps_every_other_kept_statement() {
    let mut design = design();
    for (line, text) in [
        (
            10,
            "INSERT INTO customer VALUES (1, 'a@example.com', 'Ann')",
        ),
        (
            11,
            "CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
        ),
        (
            12,
            "COPY customer (customer_id, email, name) FROM stdin;\n2\tb@example.com\tBo\n\\.",
        ),
    ] {
        design.unmodelled.push(UnmodelledStatement {
            line,
            text: text.into(),
            reason: "not modelled yet".into(),
        });
    }
    assert_eq!(data_statements(&design), 2);
    let opened = decode_link(&encode_link(&design)).unwrap();
    assert_eq!(opened.unmodelled, vec![design.unmodelled[1].clone()]);
    assert_eq!(opened.tables, design.tables);
    assert_eq!(decode_stored(&encode_stored(&design)).unwrap(), design);
}

#[test]
fn text_that_is_not_a_relvar_link_is_refused_as_such() {
    for link in [
        "",
        "#",
        "pako:eNpVj8",
        "#d=",
        "r.abc",
        "rx.abc",
        "r1abc",
        "R1.abc",
        "r0.eJw",
        "https://example.com/",
        "1.abc",
    ] {
        assert_eq!(decode_link(link), Err(ShareError::NotALink), "{link:?}");
    }
    assert_eq!(
        error("pako:x"),
        "not a Relvar share link (it should start with r3.)"
    );
}

#[test]
fn a_link_from_a_newer_encoding_is_refused_with_both_versions() {
    let newer = encode_link(&design()).replacen("r3.", "r4.", 1);
    assert_eq!(
        error(&newer),
        "made by a newer Relvar (link version 4, this one reads up to 3)"
    );
    assert_eq!(
        decode_link("r99999999999999999999999.x"),
        Err(ShareError::NewerLink {
            found: u64::MAX,
            supported: 3
        })
    );
}

#[test]
fn characters_outside_base64url_are_refused() {
    let link = encode_link(&design());
    let replaced = |with: &str| format!("{}{with}{}", &link[..5], &link[6..]);
    for damaged in [
        format!("{link}!"),
        replaced("+"),
        replaced("/"),
        replaced("%"),
        format!("{link}==x"),
    ] {
        assert_eq!(
            decode_link(&damaged),
            Err(ShareError::LinkNotBase64),
            "{damaged}"
        );
    }
    assert_eq!(
        error(&format!("{link}!")),
        "the share link is damaged: it holds characters a Relvar link cannot have"
    );
    for extra in ["a", "ab", "abc", "abcd"] {
        let longer = format!("{link}{extra}");
        assert!(
            matches!(
                decode_link(&longer),
                Err(ShareError::LinkDamaged | ShareError::LinkNotBase64)
            ),
            "{longer}"
        );
    }
}

#[test]
fn every_cut_short_link_is_refused() {
    let link = encode_link(&design());
    for end in LINK_PREFIX.len()..link.len() {
        let cut = &link[..end];
        assert!(
            matches!(
                decode_link(cut),
                Err(ShareError::LinkDamaged | ShareError::LinkNotBase64)
            ),
            "cut at {end}: {:?}",
            decode_link(cut)
        );
    }
    let whole_quanta = LINK_PREFIX.len() + ((link.len() - LINK_PREFIX.len()) / 4 - 1) * 4;
    assert_eq!(
        error(&link[..whole_quanta]),
        "the share link is damaged or incomplete (was it cut short when copied?)"
    );
}

/// A flipped bit is refused, unless it is one of the unused bits that end the last deflate
/// block, which change nothing: a link never opens to another design.
#[test]
fn every_single_bit_flipped_is_refused_or_changes_nothing() {
    let link = encode_link(&design());
    let packed = URL_SAFE_NO_PAD.decode(&link[LINK_PREFIX.len()..]).unwrap();
    let mut harmless = 0;
    for bit in 0..packed.len() * 8 {
        let mut flipped = packed.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let tampered = format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(&flipped));
        match decode_link(&tampered) {
            Err(_) => {}
            Ok(read) => {
                assert_eq!(read, design(), "bit {bit} flipped gave another design");
                harmless += 1;
            }
        }
    }
    assert!(harmless < 8, "{harmless} bits changed nothing");
}

#[test]
fn a_link_unpacking_beyond_64_mib_is_refused_without_unpacking_it_all() {
    let bomb = r1_link_of(&vec![b' '; MAX_UNPACKED_BYTES + 1]);
    assert!(bomb.len() < 200_000, "{} characters", bomb.len());
    assert_eq!(
        decode_link(&bomb),
        Err(ShareError::LinkTooLarge { limit_mib: 64 })
    );
    assert_eq!(
        error(&bomb),
        "the share link unpacks to more than 64 MiB; it was not opened"
    );
    // Twenty bytes standing for 2^62 nulls: refused once they would be 64 MiB of JSON.
    let nulls = [
        6, 13, 0, 0, 0, 0, 0, 7, 0, 1, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40,
    ];
    assert_eq!(
        decode_link(&link_of(&nulls)),
        Err(ShareError::LinkTooLarge { limit_mib: 64 })
    );
}

#[test]
fn a_link_whose_content_is_not_text_json_or_a_design_is_refused() {
    assert_eq!(
        decode_link(&r1_link_of(&[0xff, 0xfe, 0x00])),
        Err(ShareError::LinkNotText)
    );
    assert!(
        error(&r1_link_of(b"{\"format_version\": "))
            .starts_with("not valid JSON (line 1, column 19)")
    );
    assert_eq!(
        decode_link(&r1_link_of(b"[1, 2, 3]")),
        Err(ShareError::NotADesign)
    );
    assert_eq!(
        decode_link(&r1_link_of(b"{\"code\":\"erDiagram\",\"mermaid\":\"{}\"}")),
        Err(ShareError::NotADesign)
    );
    let newer = format!(
        "{{\"format_version\": {}, \"name\": \"x\"}}",
        FORMAT_VERSION + 1
    );
    assert_eq!(
        decode_link(&r1_link_of(newer.as_bytes())),
        Err(ShareError::NewerFormat {
            found: u64::from(FORMAT_VERSION) + 1,
            supported: FORMAT_VERSION
        })
    );
    assert_eq!(
        error(&r1_link_of(b"{\"format_version\": 2, \"tables\": []}")),
        "not a valid Relvar design: missing field `name`"
    );
    // In a link a key names its columns by position in the table, or by id as `[id]`.
    let beyond = b"{\"format_version\":2,\"name\":\"x\",\"tables\":[{\"name\":\"t\",\"primary_key\":{\"columns\":[9]}}],\"ids\":{\"next\":1}}";
    assert_eq!(
        error(&r1_link_of(beyond)),
        "not a valid Relvar design: invalid type: null, expected u32"
    );
    let dangling = b"{\"format_version\":2,\"name\":\"x\",\"tables\":[{\"name\":\"t\",\"primary_key\":{\"columns\":[[9]]}}],\"ids\":{\"next\":1}}";
    assert_eq!(
        error(&r1_link_of(dangling)),
        "the design is inconsistent: its primary key of table t names column id 9, which is not one of its columns"
    );
}

/// A link's version says whether its stream has the preset dictionary: the same stream under
/// the other version's prefix is damaged, not another design.
#[test]
fn a_stream_with_the_dictionary_opens_only_as_r3_and_one_without_only_as_r2() {
    let design = design();
    let r3 = encode_link(&design);
    let r2 = link_of(&content_of(&r3));
    assert_eq!(decode_link(&r2), Ok(design.clone()));
    assert_eq!(
        decode_link(&r3.replacen("r3.", "r2.", 1)),
        Err(ShareError::LinkDamaged)
    );
    assert_eq!(
        decode_link(&r2.replacen("r2.", "r3.", 1)),
        Err(ShareError::LinkDamaged)
    );
}

/// The binary content of a current link that is not the binary form, or not a design.
#[test]
fn a_link_whose_binary_content_is_damaged_or_not_a_design_is_refused() {
    assert_eq!(
        decode_link(&link_of(
            b"{\"format_version\":2,\"name\":\"x\",\"tables\":[]}"
        )),
        Err(ShareError::LinkDamaged)
    );
    assert_eq!(decode_link(&link_of(&[])), Err(ShareError::LinkDamaged));
    // Two streams: the root is the array [] (kind 7, a new shape of no runs).
    assert_eq!(
        decode_link(&link_of(&[2, 3, 0, 7, 0, 0])),
        Err(ShareError::NotADesign)
    );
}

#[test]
fn a_link_of_a_design_with_gaps_in_its_ids_keeps_them() {
    let mut design = design();
    design.ids.ensure_above(40);
    let id = design.ids.table();
    let mut table = Table::new(id, None, "order");
    table
        .columns
        .push(Column::new(ColumnId(45), "order_id", "bigint"));
    design.ids.ensure_above(45);
    design.tables.insert(0, table);
    design.layout.collapsed.insert(TableId(0));
    assert_eq!(decode_link(&encode_link(&design)), Ok(design));
}

#[test]
fn the_review_rules_a_design_switches_off_travel_in_its_link_and_file() {
    let mut design = design();
    design.review_disabled.insert("RV001".into());
    design.review_disabled.insert("varchar-with-length".into());
    assert_eq!(decode_link(&encode_link(&design)).unwrap(), design);
    let saved = relvar_share::save_file(&design, relvar_share::JsonStyle::Compact);
    assert!(
        saved.contains(r#""review_disabled":["RV001","varchar-with-length"]"#),
        "{saved}"
    );
    assert_eq!(relvar_share::load_file(&saved).unwrap(), design);
}

#[test]
fn a_damaged_stored_design_is_refused_without_panicking() {
    let stored = encode_stored(&design());
    let payload_start = relvar_share::STORED_PREFIX.len();
    for cut in [
        payload_start,
        payload_start + 1,
        stored.len() / 2,
        stored.len() - 1,
    ] {
        assert!(decode_stored(&stored[..cut]).is_err(), "cut at {cut}");
    }
    assert_eq!(
        decode_stored("s1.!!!"),
        Err(ShareError::LinkNotBase64),
        "not base64url"
    );
    let mut flipped = stored.clone().into_bytes();
    let middle = flipped.len() / 2;
    flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
    assert!(decode_stored(&String::from_utf8(flipped).unwrap()).is_err());
}

/// Saved views travel with the design: in a link and in a file, members, order and layout.
#[test]
fn saved_views_travel_in_links_and_files() {
    let mut design = design();
    let second = design.ids.table();
    design
        .tables
        .push(Table::new(second, Some("public".into()), "orders"));
    let first = design.tables[0].id;
    design.saved_views.push(relvar_model::SavedView {
        name: "Ordering".into(),
        tables: vec![second, first],
        positions: [
            (second, Point::new(-3.0, 8.5)),
            (first, Point::new(300.0, 0.0)),
        ]
        .into(),
    });
    assert_eq!(decode_link(&encode_link(&design)), Ok(design.clone()));
    let file = relvar_share::save_file(&design, relvar_share::JsonStyle::Pretty);
    assert!(file.contains("\"saved_views\""), "{file}");
    assert_eq!(relvar_share::load_file(&file), Ok(design));
}

/// A file naming a table in a saved view that it does not have is refused, not opened broken.
#[test]
fn a_saved_view_of_a_missing_table_is_refused() {
    let mut design = design();
    design.saved_views.push(relvar_model::SavedView {
        name: "Ghost".into(),
        tables: vec![TableId(77)],
        positions: Default::default(),
    });
    let error = relvar_share::load_file(&relvar_share::save_file(
        &design,
        relvar_share::JsonStyle::Pretty,
    ))
    .unwrap_err();
    assert!(error.to_string().contains("saved view"), "{error}");
}

/// Versions travel in a file and, when asked for, in a link; a plain link carries the design alone.
#[test]
fn versions_travel_in_files_and_in_links_that_ask_for_them() {
    let mut design = design();
    let first = relvar_model::Version::of(&design, "v1", "2026-12-07T10:00:00Z", "first cut");
    let second = design.ids.table();
    design
        .tables
        .push(Table::new(second, Some("public".into()), "orders"));
    design.versions.push(first);
    let file = relvar_share::save_file(&design, relvar_share::JsonStyle::Pretty);
    assert!(file.contains("\"versions\""), "{file}");
    assert_eq!(relvar_share::load_file(&file), Ok(design.clone()));
    let with_versions = relvar_share::encode_link_with_versions(&design);
    assert_eq!(decode_link(&with_versions), Ok(design.clone()));
    let alone = decode_link(&encode_link(&design)).unwrap();
    assert!(alone.versions.is_empty());
    assert_eq!(alone, design.without_versions());
    assert!(encode_link(&design).len() < with_versions.len());
}

/// A file whose version names a table its own snapshot lacks is refused, naming the version.
#[test]
fn an_inconsistent_version_is_refused_by_name() {
    let mut design = design();
    let mut broken = relvar_model::Version::of(&design, "before", "2026-12-07T10:00:00Z", "");
    broken.design.saved_views.push(relvar_model::SavedView {
        name: "Ghost".into(),
        tables: vec![TableId(77)],
        positions: Default::default(),
    });
    design.versions.push(broken);
    let saved = relvar_share::save_file(&design, relvar_share::JsonStyle::Pretty);
    let error = relvar_share::load_file(&saved).unwrap_err();
    assert!(error.to_string().contains("version before"), "{error}");
}
