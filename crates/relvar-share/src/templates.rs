//! Names an `r2.` link writes as templates of the names around them, filled in again on reading:
//! `film_actor_actor_id_fkey` is `\1_\3_fkey` with `\1` the referencing table's name and `\3` its
//! column's, `customer_pkey` is `\1_pkey`; many objects then share one template, which the link
//! numbers once. Placeholders are the characters U+0001 to U+0008, standing for the first to the
//! eighth name of the list each kind of text is given (below); a text holding one of U+0000 to
//! U+0008 itself is written as it is after a U+0000.
//!
//! Texts and their names, in the saved form (ids, column ids):
//! - a column's name: its table's name;
//! - a column's default: its table's name, the column's name, the table's schema;
//! - the name of a primary key, unique constraint or index: its table's name, then the names of
//!   its columns; of a check constraint: its table's name;
//! - a relationship's name: the names of its two tables, then of its columns on both ends;
//! - a sequence's name: the table and column that own it.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Starts a text written as it is.
const AS_IS: char = '\u{0}';
/// The placeholders, for the first to the eighth name.
const PLACEHOLDERS: [char; 8] = [
    '\u{1}', '\u{2}', '\u{3}', '\u{4}', '\u{5}', '\u{6}', '\u{7}', '\u{8}',
];
/// Shorter names are not worth a placeholder.
const SHORTEST_NAME: usize = 2;

/// Rewrites one text given its names: to a template, or back to the text (`None` when the
/// template names a name that is not there, which reading then refuses).
type Rewrite = fn(&str, &[String]) -> Option<String>;

/// Writes the design's texts (saved form) as templates.
pub(crate) fn write_templates(design: &mut Map<String, Value>) {
    let texts = TextsAround::of(design);
    rewrite_named_texts(design, &texts, template);
    rewrite_column_names(design, template);
}

/// Fills in the templates [`write_templates`] wrote.
pub(crate) fn fill_templates(design: &mut Map<String, Value>) {
    rewrite_column_names(design, fill);
    let texts = TextsAround::of(design);
    rewrite_named_texts(design, &texts, fill);
}

/// The text with each longest name it holds (the first of equally long ones) replaced by its
/// placeholder.
fn template(text: &str, names: &[String]) -> Option<String> {
    if text.chars().any(|character| character <= PLACEHOLDERS[7]) {
        return Some(format!("{AS_IS}{text}"));
    }
    let names: Vec<(char, &str)> = PLACEHOLDERS
        .iter()
        .copied()
        .zip(names.iter().map(String::as_str))
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
fn fill(written: &str, names: &[String]) -> Option<String> {
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

/// What the texts of tables and relationships are templated on: each table's name and schema and
/// its columns' names, by id (the first table or column of an id, if ids repeat).
#[derive(Default)]
struct TextsAround {
    tables: BTreeMap<u64, TableNames>,
}

#[derive(Default)]
struct TableNames {
    name: String,
    schema: String,
    columns: BTreeMap<u64, String>,
}

impl TextsAround {
    fn of(design: &Map<String, Value>) -> Self {
        let mut texts = Self::default();
        for table in objects(design.get("tables")) {
            let Some(id) = table.get("id").and_then(Value::as_u64) else {
                continue;
            };
            let mut names = TableNames {
                name: text_of(table.get("name")),
                schema: text_of(table.get("schema")),
                columns: BTreeMap::new(),
            };
            for column in objects(table.get("columns")) {
                if let Some(id) = column.get("id").and_then(Value::as_u64) {
                    names
                        .columns
                        .entry(id)
                        .or_insert_with(|| text_of(column.get("name")));
                }
            }
            texts.tables.entry(id).or_insert(names);
        }
        texts
    }

    fn table(&self, id: Option<&Value>) -> Option<&TableNames> {
        id.and_then(Value::as_u64)
            .and_then(|id| self.tables.get(&id))
    }
}

impl TableNames {
    /// The names of the columns `ids` lists (an empty name for an id that is not there).
    fn columns<'a>(&'a self, ids: impl Iterator<Item = &'a Value>) -> impl Iterator<Item = String> {
        ids.map(|id| {
            id.as_u64()
                .and_then(|id| self.columns.get(&id))
                .cloned()
                .unwrap_or_default()
        })
    }
}

fn rewrite_column_names(design: &mut Map<String, Value>, rewrite: Rewrite) {
    for table in objects_mut(design.get_mut("tables")) {
        let names = [text_of(table.get("name"))];
        for column in objects_mut(table.get_mut("columns")) {
            rewrite_text(column, "name", &names, rewrite);
        }
    }
}

fn rewrite_named_texts(design: &mut Map<String, Value>, texts: &TextsAround, rewrite: Rewrite) {
    let nothing = TableNames::default();
    for table in objects_mut(design.get_mut("tables")) {
        let own = texts.table(table.get("id")).unwrap_or(&nothing);
        let with_columns = |columns: Option<&Value>| -> Vec<String> {
            let ids = columns.and_then(Value::as_array).into_iter().flatten();
            [own.name.clone()]
                .into_iter()
                .chain(own.columns(ids))
                .collect()
        };
        for column in objects_mut(table.get_mut("columns")) {
            let names = [
                own.name.clone(),
                text_of(column.get("name")),
                own.schema.clone(),
            ];
            rewrite_text(column, "default", &names, rewrite);
        }
        if let Some(Value::Object(key)) = table.get_mut("primary_key") {
            let names = with_columns(key.get("columns"));
            rewrite_text(key, "name", &names, rewrite);
        }
        for unique in objects_mut(table.get_mut("uniques")) {
            let names = with_columns(unique.get("columns"));
            rewrite_text(unique, "name", &names, rewrite);
        }
        for index in objects_mut(table.get_mut("indexes")) {
            let parts = objects(index.get("parts"));
            let columns: Vec<Value> = parts
                .filter_map(|part| part.get("key")?.get("Column").cloned())
                .collect();
            let names = with_columns(Some(&Value::Array(columns)));
            rewrite_text(index, "name", &names, rewrite);
        }
        for check in objects_mut(table.get_mut("checks")) {
            rewrite_text(check, "name", std::slice::from_ref(&own.name), rewrite);
        }
    }
    for foreign_key in objects_mut(design.get_mut("foreign_keys")) {
        let from = texts
            .table(foreign_key.get("from_table"))
            .unwrap_or(&nothing);
        let to = texts.table(foreign_key.get("to_table")).unwrap_or(&nothing);
        let columns = |table: &TableNames, key: &str| -> Vec<String> {
            let ids = foreign_key
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten();
            table.columns(ids).collect()
        };
        let names: Vec<String> = [from.name.clone(), to.name.clone()]
            .into_iter()
            .chain(columns(from, "from_columns"))
            .chain(columns(to, "to_columns"))
            .collect();
        rewrite_text(foreign_key, "name", &names, rewrite);
    }
    for sequence in objects_mut(design.get_mut("sequences")) {
        let owner = sequence.get("owned_by");
        let names = ["table", "column"].map(|key| text_of(owner.and_then(|owner| owner.get(key))));
        rewrite_text(sequence, "name", &names, rewrite);
    }
}

/// Rewrites `object[key]` when it is a text; a template that cannot be filled becomes `null`.
fn rewrite_text(object: &mut Map<String, Value>, key: &str, names: &[String], rewrite: Rewrite) {
    if let Some(Value::String(text)) = object.get(key) {
        let rewritten = rewrite(text, names).map_or(Value::Null, Value::String);
        object.insert(key.to_owned(), rewritten);
    }
}

fn text_of(value: Option<&Value>) -> String {
    value.and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn objects(list: Option<&Value>) -> impl Iterator<Item = &Map<String, Value>> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn objects_mut(list: Option<&mut Value>) -> impl Iterator<Item = &mut Map<String, Value>> {
    list.and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn the_longest_name_at_each_place_becomes_its_placeholder() {
        let around = names(&["film_actor", "actor", "actor_id", "x"]);
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
        let around = names(&["ab"]);
        for text in ["\u{0}", "\u{1}ab", "a\u{8}b", "\u{0}\u{0}x"] {
            let written = template(text, &around).unwrap();
            assert!(written.starts_with(AS_IS), "{written:?}");
            assert_eq!(fill(&written, &around).unwrap(), text);
        }
        assert_eq!(template("a\u{9}ab", &around).unwrap(), "a\u{9}\u{1}");
    }

    #[test]
    fn a_placeholder_without_its_name_cannot_be_filled() {
        assert_eq!(fill("\u{3}_fkey", &names(&["a", "b"])), None);
        assert_eq!(fill("\u{2}", &names(&["a", ""])).unwrap(), "");
    }

    #[test]
    fn every_templated_text_of_a_design_comes_back() {
        let saved = json!({
            "tables": [
                {"id": 0, "name": "film", "schema": "public", "columns": [
                    {"id": 1, "name": "film_id", "data_type": "int", "default": "nextval('public.film_film_id_seq')"},
                    {"id": 2, "name": "title", "data_type": "text"},
                ],
                 "primary_key": {"name": "film_pkey", "columns": [1]},
                 "uniques": [{"name": "film_title_key", "columns": [2]}],
                 "indexes": [{"name": "idx_title", "parts": [{"key": {"Column": 2}}, {"key": {"Expression": "x"}}]}],
                 "checks": [{"name": "film_check", "expression": "true"}]},
                {"id": 3, "name": "film_actor", "columns": [{"id": 4, "name": "film_id", "data_type": "int"}]},
            ],
            "foreign_keys": [{"id": 5, "name": "film_actor_film_id_fkey", "from_table": 3,
                              "from_columns": [4], "to_table": 0, "to_columns": [1]}],
            "sequences": [{"name": "film_film_id_seq", "owned_by": {"table": "film", "column": "film_id"}}],
        });
        let Value::Object(saved) = saved else { return };
        let mut written = saved.clone();
        write_templates(&mut written);
        let tables = &written["tables"];
        assert_eq!(tables[0]["columns"][0]["name"], "\u{1}_id");
        assert_eq!(
            tables[0]["columns"][0]["default"],
            "nextval('\u{3}.\u{1}_\u{2}_seq')"
        );
        assert_eq!(tables[0]["primary_key"]["name"], "\u{1}_pkey");
        assert_eq!(tables[0]["uniques"][0]["name"], "\u{1}_\u{2}_key");
        assert_eq!(tables[0]["indexes"][0]["name"], "idx_\u{2}");
        assert_eq!(tables[0]["checks"][0]["name"], "\u{1}_check");
        assert_eq!(written["foreign_keys"][0]["name"], "\u{1}_\u{3}_fkey");
        assert_eq!(written["sequences"][0]["name"], "\u{1}_\u{2}_seq");
        fill_templates(&mut written);
        assert_eq!(written, saved);
    }
}
