//! RV026: an entity-attribute-value table (`post_id, meta_key, meta_value`).

use relvar_model::Column;

use crate::context::Context;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV026",
    name: "entity-attribute-value",
    severity: Warning,
    summary: "A narrow table (at most 6 columns) holds an entity reference (`..._id`, not its own key), an attribute name (`..._key`, `attribute`, `property`, `name`) and a value (`..._value`): an entity-attribute-value design.",
    why: "Attributes stored as rows lose what columns give: types (every value is text), NOT NULL, checks, foreign keys and defaults per attribute; reading one entity takes one join or pivot per attribute, and statistics cannot describe the values. Real columns (or a jsonb column, where attributes truly vary) keep those guarantees.",
    example: "CREATE TABLE post_meta (id int PRIMARY KEY, post_id int NOT NULL, meta_key text NOT NULL, meta_value text);",
}

pub const SCOPE: Scope = Scope::Table;

/// Tables wider than this are not entity-attribute-value tables.
const NARROW: usize = 6;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.entity_tables() {
        if table.columns.len() > NARROW || table.columns.len() < 3 {
            continue;
        }
        let words = |column: &Column| {
            cx.column_facts(table.id, column.id)
                .map_or(&[][..], |facts| facts.words.as_slice())
        };
        let last_word = |column: &Column| words(column).last().cloned().unwrap_or_default();
        let entity = table.columns.iter().find(|column| {
            let parts = words(column);
            let only_key = table
                .primary_key
                .as_ref()
                .is_some_and(|key| key.columns == [column.id]);
            parts.len() >= 2 && parts.last().map(String::as_str) == Some("id") && !only_key
        });
        let attribute = table.columns.iter().find(|column| {
            let word = last_word(column);
            matches!(
                word.as_str(),
                "key" | "attribute" | "attr" | "property" | "field"
            ) || column.name.eq_ignore_ascii_case("name")
        });
        let value = table.columns.iter().find(|column| {
            let word = last_word(column);
            word == "value" || word == "val"
        });
        if let (Some(entity), Some(attribute), Some(value)) = (entity, attribute, value) {
            report.columns(
                table,
                [entity, attribute, value],
                format!(
                    "{} stores attributes as rows ({}, {}, {}): an entity-attribute-value table",
                    table.display_name(),
                    entity.name,
                    attribute.name,
                    value.name
                ),
            );
        }
    }
}
