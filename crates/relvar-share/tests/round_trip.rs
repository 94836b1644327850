//! Every design comes back exactly from its link (all but its rows of data) and from its file:
//! random designs using every part of the model, and every corpus schema imported and laid out as
//! the app does.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;
use relvar_model::testing;
use relvar_share::{
    JsonStyle, LINK_PREFIX, STORED_PREFIX, data_statements, decode_link, decode_stored,
    encode_link, encode_stored, load_file, save_file,
};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_random_design_comes_back_exactly_from_its_link_and_its_files(seed in testing::design_seed()) {
        let design = testing::build(&seed);
        let link = encode_link(&design);
        prop_assert!(link.starts_with(LINK_PREFIX));
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{link}");
        prop_assert_eq!(&decode_link(&link).unwrap(), &design);
        let stored = encode_stored(&design);
        prop_assert!(stored.starts_with(STORED_PREFIX));
        prop_assert_eq!(&decode_stored(&stored).unwrap(), &design);
        // What earlier builds kept in the browser, a link of the whole design, still opens.
        if data_statements(&design) == 0 {
            prop_assert_eq!(&decode_stored(&link).unwrap(), &design);
        }
        for style in [JsonStyle::Pretty, JsonStyle::Compact] {
            prop_assert_eq!(&load_file(&save_file(&design, style)).unwrap(), &design);
        }
    }
}

#[test]
fn every_corpus_schema_laid_out_comes_back_exactly_from_its_link_and_its_file() {
    let manifest = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect) = (column("file"), column("dialect"));
    let mut checked = 0;
    let mut rows_left_out = 0;
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let bytes = std::fs::read(format!("{CORPUS}/sql/{}", cells[file])).unwrap();
        let dialect = relvar_sql::Dialect::from_id(cells[dialect]).unwrap();
        let mut design = relvar_sql::import_sql(&String::from_utf8_lossy(&bytes), dialect).design;
        relvar_layout::lay_out_unplaced(&mut design);
        assert!(
            !design.layout.positions.is_empty(),
            "{} is laid out",
            cells[file]
        );
        let link = encode_link(&design);
        let schema = design.without_data();
        assert!(
            decode_link(&link).unwrap() == schema,
            "{} from its link, all but its data rows",
            cells[file]
        );
        assert_eq!(
            schema.unmodelled.len() + data_statements(&design),
            design.unmodelled.len()
        );
        rows_left_out += data_statements(&design);
        let stored = encode_stored(&design);
        assert!(
            decode_stored(&stored).unwrap() == design,
            "{} from its stored form",
            cells[file]
        );
        assert!(stored.len() >= link.len(), "the link is the smaller one");
        let saved = save_file(&design, JsonStyle::Pretty);
        assert!(
            load_file(&saved).unwrap() == design,
            "{} from its file",
            cells[file]
        );
        checked += 1;
    }
    assert!(checked >= 19, "{checked} schemas");
    assert!(rows_left_out > 1_000, "{rows_left_out} data statements");
}
