//! Names an `r2.` link writes as templates of the names around them, filled in again on reading:
//! `film_actor_actor_id_fkey` is `\1_\3_fkey` with `\1` the referencing table's name and `\3` its
//! column's, `customer_pkey` is `\1_pkey`; many objects then share one template, which the link
//! numbers once. Placeholders are the characters U+0001 to U+0008, standing for the first to the
//! eighth name of the list each kind of text is given (below); a text holding one of U+0000 to
//! U+0008 itself is written as it is after a U+0000.
//!
//! Texts and their names:
//! - a column's name: its table's name;
//! - a column's default: its table's name, the column's name, the table's schema;
//! - the name of a primary key, unique constraint or index: its table's name, then the names of
//!   its columns; of a check constraint: its table's name;
//! - a relationship's name: the names of its two tables, then of its columns on both ends;
//! - a sequence's name: the table and column that own it.

use relvar_model::{ColumnId, Design, IndexKey, PrimaryKey, Table, TableId};

/// Starts a text written as it is.
const AS_IS: char = '\u{0}';
/// The placeholders, for the first to the eighth name.
const PLACEHOLDERS: [char; 8] = [
    '\u{1}', '\u{2}', '\u{3}', '\u{4}', '\u{5}', '\u{6}', '\u{7}', '\u{8}',
];
/// Shorter names are not worth a placeholder.
const SHORTEST_NAME: usize = 2;

/// Rewrites one text given its names: to a template, or back to the text (`None` when the
/// template names a name that is not there).
type Rewrite = fn(&str, &[&str]) -> Option<String>;

/// The design with its texts written as templates.
pub(crate) fn write_templates(design: &Design) -> Design {
    let mut written = design.clone();
    // Every rewrite of `template` succeeds.
    let _ = rewrite_named_texts(&mut written, template);
    let _ = rewrite_column_names(&mut written, template);
    written
}

/// Fills in the templates [`write_templates`] wrote; `None` when one names a name that is not
/// there (only a link made by hand has one).
pub(crate) fn fill_templates(design: &mut Design) -> Option<()> {
    rewrite_column_names(design, fill)?;
    rewrite_named_texts(design, fill)
}

/// The text with each longest name it holds (the first of equally long ones) replaced by its
/// placeholder.
fn template(text: &str, names: &[&str]) -> Option<String> {
    if text.chars().any(|character| character <= PLACEHOLDERS[7]) {
        return Some(format!("{AS_IS}{text}"));
    }
    let names: Vec<(char, &str)> = PLACEHOLDERS
        .iter()
        .copied()
        .zip(names.iter().copied())
        .filter(|(_, name)| name.len() >= SHORTEST_NAME)
        .collect();
    let mut written = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(character) = rest.chars().next() {
        let longest = names
            .iter()
            .filter(|(_, name)| name.as_bytes().first() == rest.as_bytes().first())
            .filter(|(_, name)| rest.starts_with(name))
            .fold(
                None,
                |best: Option<(char, &str)>, &(placeholder, name)| match best {
                    Some((_, longer)) if longer.len() >= name.len() => best,
                    _ => Some((placeholder, name)),
                },
            );
        let (piece, length) = match longest {
            Some((placeholder, name)) => (placeholder, name.len()),
            None => (character, character.len_utf8()),
        };
        written.push(piece);
        rest = rest.get(length..).unwrap_or_default();
    }
    Some(written)
}

/// The text a template stands for.
fn fill(written: &str, names: &[&str]) -> Option<String> {
    if let Some(text) = written.strip_prefix(AS_IS) {
        return Some(text.to_owned());
    }
    let mut text = String::with_capacity(written.len());
    for character in written.chars() {
        match PLACEHOLDERS
            .iter()
            .position(|placeholder| *placeholder == character)
        {
            Some(number) => text.push_str(names.get(number)?),
            None => text.push(character),
        }
    }
    Some(text)
}

fn rewrite(text: &mut String, names: &[&str], rewrite: Rewrite) -> Option<()> {
    *text = rewrite(text, names)?;
    Some(())
}

fn rewrite_column_names(design: &mut Design, rewrite_text: Rewrite) -> Option<()> {
    for table in &mut design.tables {
        for column in &mut table.columns {
            rewrite(&mut column.name, &[&table.name], rewrite_text)?;
        }
    }
    Some(())
}

/// The name of the table's column `id` (of the first of that id), or nothing.
fn column_name(table: &Table, id: ColumnId) -> &str {
    table
        .columns
        .iter()
        .find(|column| column.id == id)
        .map_or("", |column| column.name.as_str())
}

fn name_of(table: Option<&Table>) -> &str {
    table.map_or("", |table| table.name.as_str())
}

fn column_of(table: Option<&Table>, id: ColumnId) -> &str {
    table.map_or("", |table| column_name(table, id))
}

/// The table's name, then the names of the columns `ids` lists.
fn with_columns(table: &Table, ids: impl Iterator<Item = ColumnId>) -> Vec<&str> {
    [table.name.as_str()]
        .into_iter()
        .chain(ids.map(|id| column_name(table, id)))
        .collect()
}

fn rewrite_named_texts(design: &mut Design, rewrite_text: Rewrite) -> Option<()> {
    let mut foreign_keys = std::mem::take(&mut design.foreign_keys);
    for foreign_key in &mut foreign_keys {
        let Some(text) = &mut foreign_key.name else {
            continue;
        };
        let table = |id: TableId| design.tables.iter().find(|table| table.id == id);
        let (from, to) = (table(foreign_key.from_table), table(foreign_key.to_table));
        let names: Vec<&str> = [name_of(from), name_of(to)]
            .into_iter()
            .chain(
                foreign_key
                    .from_columns
                    .iter()
                    .map(|id| column_of(from, *id)),
            )
            .chain(foreign_key.to_columns.iter().map(|id| column_of(to, *id)))
            .collect();
        rewrite(text, &names, rewrite_text)?;
    }
    design.foreign_keys = foreign_keys;
    for table in &mut design.tables {
        let schema = table.schema.as_deref().unwrap_or_default();
        for column in &mut table.columns {
            if let Some(default) = &mut column.default {
                rewrite(default, &[&table.name, &column.name, schema], rewrite_text)?;
            }
        }
        for check in &mut table.checks {
            if let Some(text) = &mut check.name {
                rewrite(text, &[&table.name], rewrite_text)?;
            }
        }
        let mut key = table.primary_key.take();
        if let Some(PrimaryKey {
            name: Some(text),
            columns,
        }) = &mut key
        {
            let names = with_columns(table, columns.iter().copied());
            rewrite(text, &names, rewrite_text)?;
        }
        table.primary_key = key;
        let mut uniques = std::mem::take(&mut table.uniques);
        for unique in &mut uniques {
            if let Some(text) = &mut unique.name {
                let names = with_columns(table, unique.columns.iter().copied());
                rewrite(text, &names, rewrite_text)?;
            }
        }
        table.uniques = uniques;
        let mut indexes = std::mem::take(&mut table.indexes);
        for index in &mut indexes {
            if let Some(text) = &mut index.name {
                let ids = index.parts.iter().filter_map(|part| match part.key {
                    IndexKey::Column(id) => Some(id),
                    IndexKey::Expression(_) => None,
                });
                rewrite(text, &with_columns(table, ids), rewrite_text)?;
            }
        }
        table.indexes = indexes;
    }
    for sequence in &mut design.sequences {
        let owner = sequence.owned_by.as_ref();
        let names = [
            owner.map_or("", |owner| owner.table.as_str()),
            owner.map_or("", |owner| owner.column.as_str()),
        ];
        rewrite(&mut sequence.name, &names, rewrite_text)?;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use relvar_model::{
        CheckConstraint, Column, ForeignKey, ForeignKeyId, Index, IndexPart, Sequence,
        SequenceOwner, UniqueConstraint,
    };

    use super::*;

    #[test]
    fn the_longest_name_at_each_place_becomes_its_placeholder() {
        let around = ["film_actor", "actor", "actor_id", "x"];
        assert_eq!(
            template("film_actor_actor_id_fkey", &around).unwrap(),
            "\u{1}_\u{3}_fkey"
        );
        assert_eq!(
            template("axe", &around).unwrap(),
            "axe",
            "a one-letter name stays"
        );
        assert_eq!(template("", &around).unwrap(), "");
        for text in ["film_actor_actor_id_fkey", "axe", "", "é_actor_é"] {
            let written = template(text, &around).unwrap();
            assert_eq!(fill(&written, &around).unwrap(), text);
        }
    }

    #[test]
    fn a_text_holding_control_characters_is_written_as_it_is() {
        let around = ["ab"];
        for text in ["\u{0}", "\u{1}ab", "a\u{8}b", "\u{0}\u{0}x"] {
            let written = template(text, &around).unwrap();
            assert!(written.starts_with(AS_IS), "{written:?}");
            assert_eq!(fill(&written, &around).unwrap(), text);
        }
        assert_eq!(template("a\u{9}ab", &around).unwrap(), "a\u{9}\u{1}");
    }

    #[test]
    fn a_placeholder_without_its_name_cannot_be_filled() {
        assert_eq!(fill("\u{3}_fkey", &["a", "b"]), None);
        assert_eq!(fill("\u{2}", &["a", ""]).unwrap(), "");
        let mut design = Design::default();
        let mut table = Table::new(TableId(0), None, "t");
        table.columns.push(Column::new(ColumnId(1), "\u{2}", "int"));
        design.tables.push(table);
        assert_eq!(fill_templates(&mut design), None);
    }

    fn film_design() -> Design {
        let mut design = Design::default();
        let mut film = Table::new(TableId(0), Some("public".into()), "film");
        let mut id = Column::new(ColumnId(1), "film_id", "int");
        id.default = Some("nextval('public.film_film_id_seq')".into());
        film.columns.push(id);
        film.columns.push(Column::new(ColumnId(2), "title", "text"));
        film.primary_key = Some(PrimaryKey {
            name: Some("film_pkey".into()),
            columns: vec![ColumnId(1)],
        });
        film.uniques.push(UniqueConstraint {
            name: Some("film_title_key".into()),
            columns: vec![ColumnId(2)],
        });
        film.indexes.push(Index {
            name: Some("idx_title".into()),
            unique: false,
            method: None,
            parts: vec![
                IndexPart {
                    key: IndexKey::Column(ColumnId(2)),
                    prefix: None,
                    descending: false,
                    operator_class: None,
                    collation: None,
                },
                IndexPart {
                    key: IndexKey::Expression("x".into()),
                    prefix: None,
                    descending: false,
                    operator_class: None,
                    collation: None,
                },
            ],
            include: Vec::new(),
            predicate: None,
            kind: None,
            verbatim_options: Vec::new(),
        });
        film.checks.push(CheckConstraint {
            name: Some("film_check".into()),
            expression: "true".into(),
        });
        let mut actor = Table::new(TableId(3), None, "film_actor");
        actor
            .columns
            .push(Column::new(ColumnId(4), "film_id", "int"));
        design.tables = vec![film, actor];
        design.foreign_keys.push(ForeignKey {
            id: ForeignKeyId(5),
            name: Some("film_actor_film_id_fkey".into()),
            from_table: TableId(3),
            from_columns: vec![ColumnId(4)],
            to_table: TableId(0),
            to_columns: vec![ColumnId(1)],
            on_delete: Default::default(),
            on_update: Default::default(),
            deferral: Default::default(),
        });
        design.sequences.push(Sequence {
            name: "film_film_id_seq".into(),
            owned_by: Some(SequenceOwner {
                table: "film".into(),
                column: "film_id".into(),
            }),
            ..Sequence::default()
        });
        design
    }

    #[test]
    fn every_templated_text_of_a_design_comes_back() {
        let design = film_design();
        let mut written = write_templates(&design);
        let film = &written.tables[0];
        assert_eq!(film.columns[0].name, "\u{1}_id");
        assert_eq!(
            film.columns[0].default.as_deref(),
            Some("nextval('\u{3}.\u{1}_\u{2}_seq')")
        );
        let name = |text: &Option<String>| text.clone().unwrap();
        assert_eq!(name(&film.primary_key.as_ref().unwrap().name), "\u{1}_pkey");
        assert_eq!(name(&film.uniques[0].name), "\u{1}_\u{2}_key");
        assert_eq!(name(&film.indexes[0].name), "idx_\u{2}");
        assert_eq!(name(&film.checks[0].name), "\u{1}_check");
        assert_eq!(name(&written.foreign_keys[0].name), "\u{1}_\u{3}_fkey");
        assert_eq!(written.sequences[0].name, "\u{1}_\u{2}_seq");
        assert_eq!(fill_templates(&mut written), Some(()));
        assert_eq!(written, design);
    }
}
