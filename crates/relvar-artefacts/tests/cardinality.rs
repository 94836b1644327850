//! The canvas and the Mermaid export show one cardinality for each foreign key: for every
//! foreign key of every schema in ../shared/corpus and ../shared/corpus-more, and for a design
//! whose one-to-one relationships come from each kind of unique key.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_artefacts::to_mermaid;
use relvar_layout::draw::{DiagramScope, Theme, diagram_svg};
use relvar_model::{Design, ForeignKeyId};
use relvar_sql::{Dialect, import_sql};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// The ends of one relationship in words: parent end, child end, identifying.
type Ends = (String, String, bool);

/// Each relationship the canvas draws, by foreign key id, read from its SVG group.
fn canvas_ends(design: &Design) -> Vec<(ForeignKeyId, Ends)> {
    let Some(svg) = diagram_svg(design, DiagramScope::Whole, Theme::Light) else {
        assert!(design.tables.is_empty(), "a design with tables draws");
        return Vec::new();
    };
    svg.split("<g class=\"relationship")
        .skip(1)
        .map(|group| {
            let attribute = |name: &str| {
                let start = group.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                let end = start + group[start..].find('"').unwrap();
                group[start..end].to_owned()
            };
            let class_end = group.find('"').unwrap();
            let identifying = group[..class_end].contains("identifying");
            let id = ForeignKeyId(attribute("data-fk-id").parse().unwrap());
            (
                id,
                (
                    attribute("data-parent-end"),
                    attribute("data-child-end"),
                    identifying,
                ),
            )
        })
        .collect()
}

/// Each relationship line of the erDiagram, in the order of the design's foreign keys.
fn mermaid_ends(design: &Design) -> Vec<Ends> {
    to_mermaid(design)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let _parent = words.next()?;
            let arrow = words.next()?;
            (arrow.len() == 6 && (arrow.contains("--") || arrow.contains(".."))).then(|| {
                let parent = match &arrow[..2] {
                    "||" => "one",
                    "|o" => "zero-or-one",
                    other => panic!("parent end {other} in {line}"),
                };
                let child = match &arrow[4..] {
                    "o|" => "zero-or-one",
                    "o{" => "zero-or-many",
                    other => panic!("child end {other} in {line}"),
                };
                (parent.to_owned(), child.to_owned(), &arrow[2..4] == "--")
            })
        })
        .collect()
}

/// Compares the two for every foreign key between tables of the design; returns how many.
fn assert_same_cardinality(name: &str, design: &Design) -> usize {
    let drawn = canvas_ends(design);
    let written = mermaid_ends(design);
    let related: Vec<ForeignKeyId> = design
        .foreign_keys
        .iter()
        .filter(|fk| design.table(fk.from_table).is_some() && design.table(fk.to_table).is_some())
        .map(|fk| fk.id)
        .collect();
    assert_eq!(
        written.len(),
        related.len(),
        "{name}: Mermaid relationships"
    );
    assert_eq!(drawn.len(), related.len(), "{name}: drawn relationships");
    for (id, mermaid) in related.iter().zip(&written) {
        let canvas = &drawn.iter().find(|(drawn, _)| drawn == id).unwrap().1;
        assert_eq!(canvas, mermaid, "{name}: foreign key {}", id.0);
    }
    related.len()
}

fn manifest(folder: &str) -> Vec<(String, Dialect)> {
    let text = std::fs::read_to_string(format!("{SHARED}/{folder}/MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect) = (column("file"), column("dialect"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            (
                cells[file].to_owned(),
                Dialect::from_id(cells[dialect]).unwrap(),
            )
        })
        .collect()
}

#[test]
fn canvas_and_mermaid_agree_on_every_corpus_foreign_key() {
    let mut compared = 0;
    for folder in ["corpus", "corpus-more"] {
        for (file, dialect) in manifest(folder) {
            let path = format!("{SHARED}/{folder}/sql/{file}");
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let design = import_sql(&text, dialect).design;
            compared += assert_same_cardinality(&file, &design);
        }
    }
    assert!(compared > 300, "only {compared} foreign keys compared");
}

#[test]
fn one_to_one_relationships_from_every_kind_of_unique_key_agree() {
    let design = import_sql(
        "CREATE TABLE person (id int PRIMARY KEY);\n\
         CREATE TABLE passport (person_id int NOT NULL REFERENCES person, n int, UNIQUE (person_id));\n\
         CREATE TABLE badge (person_id int REFERENCES person);\n\
         CREATE UNIQUE INDEX badge_person ON badge (person_id);\n\
         CREATE TABLE locker (person_id int REFERENCES person, gone boolean);\n\
         CREATE UNIQUE INDEX locker_person ON locker (person_id) WHERE NOT gone;\n\
         CREATE TABLE profile (person_id int PRIMARY KEY REFERENCES person);",
        Dialect::PostgreSql,
    )
    .design;
    assert_eq!(assert_same_cardinality("one-to-one", &design), 4);
    let child_ends: Vec<String> = mermaid_ends(&design).into_iter().map(|e| e.1).collect();
    assert_eq!(
        child_ends,
        ["zero-or-one", "zero-or-one", "zero-or-many", "zero-or-one"]
    );
}
