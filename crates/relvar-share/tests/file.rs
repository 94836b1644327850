//! Opening `.relvar.json` files: the current format, the committed format-1 fixture, and a clear
//! error for each way a file can be wrong.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_model::{ColumnId, Design, FORMAT_VERSION, NoteId, Point, ReferentialAction, TableId};
use relvar_share::{JsonStyle, ShareError, load_file, save_file};
use serde_json::{Value, json};

const FORMAT_1: &str = include_str!("fixtures/format-1.relvar.json");
const FORMAT_2: &str = include_str!("fixtures/format-2.relvar.json");

fn error(text: &str) -> String {
    load_file(text).unwrap_err().to_string()
}

#[test]
fn a_file_of_format_1_opens_with_everything_in_it() {
    let design = load_file(FORMAT_1).unwrap();
    assert_eq!(design.format_version, FORMAT_VERSION);
    assert_eq!(design.name, "Rental (format 1)");
    let film = design.table(TableId(0)).unwrap();
    assert_eq!(film.display_name(), "film");
    assert!(!film.columns[0].nullable && film.columns[1].nullable);
    assert_eq!(film.primary_key.as_ref().unwrap().columns, [ColumnId(1)]);
    let rental = design.table(TableId(3)).unwrap();
    assert_eq!(rental.colour.as_deref(), Some("#3b6fd8"));
    assert_eq!(design.foreign_keys.len(), 1);
    assert_eq!(design.position(TableId(0)), Point::new(10.0, 20.0));
    assert_eq!(design.position(TableId(3)), Point::new(340.5, -8.0));
    assert_eq!(design.notes[0].at, Point::new(5.0, 300.0));
    assert!(design.layout.collapsed.contains(&TableId(3)));
    assert_eq!(design.areas[0].tables, [TableId(0), TableId(3)]);
    let mut ids = design.ids.clone();
    assert_eq!(ids.note(), NoteId(9));
    // Saved again, it is a file of the current format that opens to the same design.
    let saved = save_file(&design, JsonStyle::Pretty);
    assert!(saved.contains(&format!("\"format_version\": {FORMAT_VERSION}")));
    assert_eq!(load_file(&saved).unwrap(), design);
}

#[test]
fn a_file_of_format_2_opens_with_everything_in_it_and_no_workload_or_estimates() {
    let design = load_file(FORMAT_2).unwrap();
    assert_eq!(design.format_version, FORMAT_VERSION);
    assert_eq!(design.name, "Rental (format 2)");
    let film = design.table(TableId(0)).unwrap();
    assert!(!film.columns[0].nullable && film.columns[1].nullable);
    assert_eq!(film.columns[1].comment.as_deref(), Some("As released"));
    let rental = design.table(TableId(3)).unwrap();
    assert_eq!(rental.indexes[0].name.as_deref(), Some("rental_film"));
    assert_eq!(design.foreign_keys[0].on_delete, ReferentialAction::Cascade);
    assert_eq!(design.position(TableId(3)), Point::new(340.5, -8.0));
    assert_eq!(design.notes[0].at, Point::new(5.0, 300.0));
    assert_eq!(design.review_disabled.iter().collect::<Vec<_>>(), ["RV012"]);
    assert!(design.workload.is_empty());
    assert!(
        design
            .tables
            .iter()
            .all(|table| table.expected_rows.is_none())
    );
    let saved = save_file(&design, JsonStyle::Pretty);
    assert!(saved.contains(&format!("\"format_version\": {FORMAT_VERSION}")));
    assert_eq!(load_file(&saved).unwrap(), design);
}

#[test]
fn the_saved_form_is_the_models_serde_form_without_defaults() {
    let design = load_file(FORMAT_1).unwrap();
    let saved: Value = serde_json::from_str(&save_file(&design, JsonStyle::Compact)).unwrap();
    assert_eq!(saved, serde_json::to_value(&design).unwrap());
    assert_eq!(saved["layout"]["positions"]["3"], json!([340.5, -8]));
    let text = saved.to_string();
    for default in [
        "\"nullable\":true",
        ":null",
        "\"NoAction\"",
        "[]",
        ":false,",
        "{}",
    ] {
        assert!(!text.contains(default), "{default} in {text}");
    }
    assert!(save_file(&design, JsonStyle::Pretty).lines().count() > 20);
    assert!(!save_file(&design, JsonStyle::Compact).contains('\n'));
}

#[test]
fn a_file_saved_with_an_old_version_number_is_written_in_the_current_format() {
    let design = Design {
        format_version: 1,
        ..Design::default()
    };
    let saved = save_file(&design, JsonStyle::Compact);
    assert!(saved.contains(&format!("\"format_version\":{FORMAT_VERSION}")));
    assert_eq!(load_file(&saved).unwrap(), Design::default());
}

#[test]
fn text_that_is_not_json_is_refused_with_its_line_and_column() {
    assert_eq!(
        load_file("{\n  \"format_version\": 2,\n  oops\n}"),
        Err(ShareError::NotJson {
            line: 3,
            column: 3,
            message: "key must be a string".into()
        })
    );
    assert_eq!(
        error(""),
        "not valid JSON (line 1, column 0): EOF while parsing a value"
    );
    assert!(error("{\"format_version\": 2,").starts_with("not valid JSON (line 1, column 21)"));
}

#[test]
fn json_that_is_not_a_relvar_design_is_refused_as_such() {
    for text in [
        "[]",
        "42",
        "\"design\"",
        "{}",
        "{\"format_version\": \"2\"}",
        "{\"format_version\": 0}",
        "{\"format_version\": -1}",
        "{\"format_version\": 1.5}",
        "{\"code\": \"erDiagram\"}",
    ] {
        assert_eq!(load_file(text), Err(ShareError::NotADesign), "{text}");
    }
    assert_eq!(error("{}"), "not a Relvar design file");
}

#[test]
fn a_file_from_a_newer_relvar_is_refused_with_both_versions() {
    let next = FORMAT_VERSION + 1;
    let newer = FORMAT_1.replacen(
        "\"format_version\": 1",
        &format!("\"format_version\": {next}"),
        1,
    );
    assert_eq!(
        error(&newer),
        format!("made by a newer Relvar (format {next}, this one reads up to {FORMAT_VERSION})")
    );
    assert_eq!(
        load_file("{\"format_version\": 99999999999}"),
        Err(ShareError::NewerFormat {
            found: 99_999_999_999,
            supported: FORMAT_VERSION
        })
    );
}

#[test]
fn a_design_of_the_current_format_that_does_not_fit_it_is_refused_with_a_location() {
    let text = format!(
        "{{\"format_version\": {FORMAT_VERSION},\n \"name\": 7, \"tables\": [], \"ids\": {{\"next\": 0}}}}"
    );
    assert_eq!(
        load_file(&text),
        Err(ShareError::InvalidDesign {
            line: Some(2),
            column: Some(10),
            message: "invalid type: integer `7`, expected a string".into(),
        })
    );
    assert_eq!(
        error(&format!(
            "{{\"format_version\": {FORMAT_VERSION}, \"tables\": [], \"ids\": {{\"next\": 0}}}}"
        )),
        "not a valid Relvar design (line 1, column 55): missing field `name`"
    );
}

#[test]
fn an_old_file_that_does_not_fit_its_format_is_refused() {
    let broken = FORMAT_1.replacen("\"x\": 10.0", "\"x\": \"left\"", 1);
    assert!(
        error(&broken)
            .starts_with("cannot upgrade the design from format 1: the position of table 0"),
        "{}",
        error(&broken)
    );
    let unnamed = FORMAT_1.replacen("\"name\": \"Rental (format 1)\",", "", 1);
    assert_eq!(
        error(&unnamed),
        "not a valid Relvar design: missing field `name`"
    );
}

/// The current form of the fixture with one change made to its JSON.
fn edited(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&save_file(
        &load_file(FORMAT_1).unwrap(),
        JsonStyle::Compact,
    ))
    .unwrap();
    change(&mut value);
    value.to_string()
}

#[test]
fn an_inconsistent_design_is_refused_saying_what_does_not_fit() {
    type Change = fn(&mut Value);
    let cases: [(Change, &str); 6] = [
        (
            |v| v["tables"][1]["id"] = json!(0),
            "table id 0 is used twice",
        ),
        (
            |v| v["tables"][1]["columns"][0]["id"] = json!(1),
            "column id 1 is used twice",
        ),
        (
            |v| v["foreign_keys"][0]["to_table"] = json!(77),
            "relationship 6 names table id 77, which is not in the design",
        ),
        (
            |v| v["tables"][0]["primary_key"]["columns"] = json!([5]),
            "its primary key of table public.film names column id 5, which is not one of its columns",
        ),
        (
            |v| v["ids"]["next"] = json!(3),
            "table id 3 is not below the next id to hand out (3)",
        ),
        (
            |v| v["layout"]["collapsed"] = json!([42]),
            "the layout, a subject area or a saved view names table id 42, which is not in the design",
        ),
    ];
    for (change, message) in cases {
        assert_eq!(
            error(&edited(change)),
            format!("the design is inconsistent: {message}")
        );
    }
}
