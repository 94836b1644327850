//! The compact form a link carries (as JSON in `r1.` links, packed in `r2.`): the saved form
//! without what reading can infer, put back exactly on reading. An `id` one above the id before
//! it (in the order tables, each table's columns, relationships, notes, subject areas) is left
//! out; each table's position moves from `layout.positions` (keyed by table id) into the table as
//! `"@": [x, y]`; and a column is written `[name, data_type]`, then `0` when it is `NOT NULL`
//! (`1` otherwise, written only before more), then an object of its other fields if it has any.
//! References to columns (keys, unique constraints, indexes, declared dependencies, both ends of
//! a relationship) name a column by its position in its table instead of its id (`[id]` for one
//! that is not there); an index part that is only a column is that reference alone. From link
//! version 2 on ([`TableReferences::Positions`]), a relationship names its two tables by their
//! positions in the list of tables the same way.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// The key a table's position takes inside the table in the compact form (no field is named so).
const POSITION: &str = "@";

/// How a relationship names its tables in the compact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableReferences {
    /// By id, as saved (`r1.` links).
    Ids,
    /// By position in the list of tables, `[id]` for one that is not there (`r2.` links).
    Positions,
}

/// Leaves out inferable ids and moves positions into their tables.
pub(crate) fn compact(design: &mut Map<String, Value>, tables: TableReferences) {
    let columns = columns_by_table(design);
    rewrite_references(design, &columns, true);
    if tables == TableReferences::Positions {
        rewrite_relationship_tables(design, true);
    }
    let mut positions = take_positions(design);
    let mut next = 0;
    for_each_object(design, "tables", |table| {
        let id = table.get("id").and_then(Value::as_u64);
        leave_out_id(table, &mut next);
        if let Some(point) = id.and_then(|id| positions.remove(&id.to_string())) {
            table.insert(POSITION.into(), point);
        }
        if let Some(Value::Array(columns)) = table.get_mut("columns") {
            for column in columns {
                if let Value::Object(object) = column {
                    leave_out_id(object, &mut next);
                    *column = column_as_array(std::mem::take(object));
                }
            }
        }
    });
    for list in ["foreign_keys", "notes", "areas"] {
        for_each_object(design, list, |object| leave_out_id(object, &mut next));
    }
    put_positions(design, positions);
}

/// Puts back what [`compact`] left out; anything else passes unchanged (a damaged link then fails
/// when read as a design, not here).
pub(crate) fn expand(design: &mut Map<String, Value>, tables: TableReferences) {
    let mut positions = take_positions(design);
    let mut next = 0;
    for_each_object(design, "tables", |table| {
        put_back_id(table, &mut next);
        if let (Some(point), Some(id)) = (
            table.remove(POSITION),
            table.get("id").and_then(Value::as_u64),
        ) {
            positions.insert(id.to_string(), point);
        }
        if let Some(Value::Array(columns)) = table.get_mut("columns") {
            for column in columns {
                if let Value::Array(parts) = column {
                    *column = column_as_object(parts);
                }
                if let Value::Object(object) = column {
                    put_back_id(object, &mut next);
                }
            }
        }
    });
    for list in ["foreign_keys", "notes", "areas"] {
        for_each_object(design, list, |object| put_back_id(object, &mut next));
    }
    put_positions(design, positions);
    if tables == TableReferences::Positions {
        rewrite_relationship_tables(design, false);
    }
    let columns = columns_by_table(design);
    rewrite_references(design, &columns, false);
}

/// Rewrites both tables of every relationship from ids to positions in the list of tables or
/// back (as [`local_reference`] and [`column_id`] do for a column in its table).
fn rewrite_relationship_tables(design: &mut Map<String, Value>, encoding: bool) {
    let tables: Vec<u64> = design
        .get("tables")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|table| table.get("id").and_then(Value::as_u64).unwrap_or(u64::MAX))
        .collect();
    let mut positions = BTreeMap::new();
    for (position, id) in tables.iter().enumerate().rev() {
        positions.insert(*id, position);
    }
    for foreign_key in array_mut(design, "foreign_keys").filter_map(Value::as_object_mut) {
        for end in ["from_table", "to_table"] {
            if let Some(table) = foreign_key.get_mut(end) {
                *table = if encoding {
                    match table.as_u64().and_then(|id| positions.get(&id)) {
                        Some(position) => Value::from(*position),
                        None => Value::Array(vec![table.take()]),
                    }
                } else {
                    column_id(table, &tables)
                };
            }
        }
    }
}

/// Each table's column ids in order, by table id (the first table of an id, if ids repeat).
type ColumnsByTable = BTreeMap<u64, Vec<u64>>;

fn columns_by_table(design: &Map<String, Value>) -> ColumnsByTable {
    let mut by_table = BTreeMap::new();
    for table in design
        .get("tables")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(id) = table.get("id").and_then(Value::as_u64) else {
            continue;
        };
        let columns = table
            .get("columns")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let ids =
            columns.map(|column| column.get("id").and_then(Value::as_u64).unwrap_or(u64::MAX));
        by_table.entry(id).or_insert_with(|| ids.collect());
    }
    by_table
}

/// A column id as its position among `columns` (the first of equal ids), or `[id]` when it is not
/// one of them.
fn local_reference(reference: &Value, columns: &[u64]) -> Value {
    let position = reference
        .as_u64()
        .and_then(|id| columns.iter().position(|column| *column == id));
    match position {
        Some(position) => Value::from(position),
        None => Value::Array(vec![reference.clone()]),
    }
}

/// The inverse of [`local_reference`]; anything else (only a link made by hand has it) is `null`,
/// which reading refuses as a column id.
fn column_id(reference: &Value, columns: &[u64]) -> Value {
    match reference {
        Value::Number(position) => position
            .as_u64()
            .and_then(|position| usize::try_from(position).ok())
            .and_then(|position| columns.get(position))
            .map_or(Value::Null, |id| Value::from(*id)),
        Value::Array(escaped) => match escaped.as_slice() {
            [id] => id.clone(),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

type Rewrite = fn(&Value, &[u64]) -> Value;

/// Rewrites every column reference of the design as a position in its table (`encoding`) or back
/// to an id.
fn rewrite_references(design: &mut Map<String, Value>, by_table: &ColumnsByTable, encoding: bool) {
    let rewrite: Rewrite = if encoding { local_reference } else { column_id };
    if let Some(Value::Array(tables)) = design.get_mut("tables") {
        for table in tables.iter_mut().filter_map(Value::as_object_mut) {
            let own: Vec<u64> = table
                .get("id")
                .and_then(Value::as_u64)
                .and_then(|id| by_table.get(&id))
                .cloned()
                .unwrap_or_default();
            let list = |value: Option<&mut Value>| rewrite_list(value, &own, rewrite);
            list(
                table
                    .get_mut("primary_key")
                    .and_then(|key| key.get_mut("columns")),
            );
            for unique in array_mut(table, "uniques") {
                list(unique.get_mut("columns"));
            }
            for dependency in array_mut(table, "dependencies") {
                list(dependency.get_mut("lhs"));
                list(dependency.get_mut("rhs"));
            }
            for index in array_mut(table, "indexes") {
                list(index.get_mut("include"));
                for part in index
                    .get_mut("parts")
                    .and_then(Value::as_array_mut)
                    .into_iter()
                    .flatten()
                {
                    rewrite_part(part, &own, rewrite, encoding);
                }
            }
        }
    }
    if let Some(Value::Array(foreign_keys)) = design.get_mut("foreign_keys") {
        for foreign_key in foreign_keys.iter_mut().filter_map(Value::as_object_mut) {
            for (table, columns) in [("from_table", "from_columns"), ("to_table", "to_columns")] {
                let of_table = foreign_key
                    .get(table)
                    .and_then(Value::as_u64)
                    .and_then(|id| by_table.get(&id));
                let of_table = of_table.cloned().unwrap_or_default();
                rewrite_list(foreign_key.get_mut(columns), &of_table, rewrite);
            }
        }
    }
}

fn array_mut<'a>(
    object: &'a mut Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a mut Value> {
    object
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

fn rewrite_list(list: Option<&mut Value>, columns: &[u64], rewrite: Rewrite) {
    for reference in list.and_then(Value::as_array_mut).into_iter().flatten() {
        *reference = rewrite(reference, columns);
    }
}

/// An index part `{"key": {"Column": id}}` and nothing else is written as the reference alone;
/// a part with more keeps its object, its column referenced the same way.
fn rewrite_part(part: &mut Value, columns: &[u64], rewrite: Rewrite, encoding: bool) {
    if !encoding && !part.is_object() {
        *part = serde_json::json!({ "key": { "Column": rewrite(part, columns) } });
        return;
    }
    let Some(column) = part.get_mut("key").and_then(|key| key.get_mut("Column")) else {
        return;
    };
    *column = rewrite(column, columns);
    let only_a_column = part.as_object().is_some_and(|object| object.len() == 1)
        && part
            .get("key")
            .and_then(Value::as_object)
            .is_some_and(|key| key.len() == 1);
    if encoding && only_a_column {
        let reference = part
            .get("key")
            .and_then(|key| key.get("Column"))
            .cloned()
            .unwrap_or_default();
        *part = reference;
    }
}

/// `[name, data_type, not_null_flag?, rest?]`; a column without a string name and type stays
/// an object.
fn column_as_array(mut column: Map<String, Value>) -> Value {
    let (Some(Value::String(_)), Some(Value::String(_))) =
        (column.get("name"), column.get("data_type"))
    else {
        return Value::Object(column);
    };
    let name = column.remove("name").unwrap_or_default();
    let data_type = column.remove("data_type").unwrap_or_default();
    let flag = match column.remove("nullable") {
        Some(Value::Bool(false)) => 0,
        Some(other) => {
            column.insert("nullable".into(), other);
            1
        }
        None => 1,
    };
    let mut parts = vec![name, data_type];
    if flag == 0 || !column.is_empty() {
        parts.push(Value::from(flag));
    }
    if !column.is_empty() {
        parts.push(Value::Object(column));
    }
    Value::Array(parts)
}

/// The inverse of [`column_as_array`]. An array of any other shape (only a link made by hand has
/// one) becomes `null`, which reading then refuses as a column.
fn column_as_object(parts: &[Value]) -> Value {
    let (name, data_type, flag, rest) = match parts {
        [name, data_type] => (name, data_type, &Value::from(1), None),
        [name, data_type, flag] => (name, data_type, flag, None),
        [name, data_type, flag, Value::Object(rest)] => (name, data_type, flag, Some(rest)),
        _ => return Value::Null,
    };
    let not_null = match flag.as_u64() {
        Some(0) => true,
        Some(1) => false,
        _ => return Value::Null,
    };
    let mut column = rest.cloned().unwrap_or_default();
    if not_null {
        column.insert("nullable".into(), Value::Bool(false));
    }
    column.insert("name".into(), name.clone());
    column.insert("data_type".into(), data_type.clone());
    Value::Object(column)
}

fn leave_out_id(object: &mut Map<String, Value>, next: &mut u64) {
    if let Some(id) = object.get("id").and_then(Value::as_u64) {
        if id == *next {
            object.remove("id");
        }
        *next = id.saturating_add(1);
    }
}

fn put_back_id(object: &mut Map<String, Value>, next: &mut u64) {
    if !object.contains_key("id") {
        object.insert("id".into(), Value::from(*next));
    }
    if let Some(id) = object.get("id").and_then(Value::as_u64) {
        *next = id.saturating_add(1);
    }
}

fn for_each_object(
    parent: &mut Map<String, Value>,
    list: &str,
    mut visit: impl FnMut(&mut Map<String, Value>),
) {
    if let Some(Value::Array(items)) = parent.get_mut(list) {
        for item in items {
            if let Value::Object(object) = item {
                visit(object);
            }
        }
    }
}

/// Removes `layout.positions` (an empty map when there is none or it is not an object).
fn take_positions(design: &mut Map<String, Value>) -> Map<String, Value> {
    match design.get_mut("layout") {
        Some(Value::Object(layout)) => match layout.remove("positions") {
            Some(Value::Object(positions)) => positions,
            Some(other) => {
                layout.insert("positions".into(), other);
                Map::new()
            }
            None => Map::new(),
        },
        _ => Map::new(),
    }
}

/// Puts `positions` back as `layout.positions`, leaving out an empty map and an empty layout as
/// the saved form does.
fn put_positions(design: &mut Map<String, Value>, positions: Map<String, Value>) {
    if !positions.is_empty() {
        let layout = design
            .entry("layout")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(layout) = layout {
            layout.insert("positions".into(), Value::Object(positions));
        }
    }
    if matches!(design.get("layout"), Some(Value::Object(layout)) if layout.is_empty()) {
        design.remove("layout");
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn consecutive_ids_and_positions_are_left_out_and_put_back() {
        let saved = object(json!({
            "format_version": 2,
            "tables": [
                {"id": 0, "name": "a", "columns": [
                    {"id": 1, "name": "c", "data_type": "int"},
                    {"id": 2, "name": "d", "data_type": "int", "nullable": false},
                ]},
                {"id": 5, "name": "b", "columns": [
                    {"id": 6, "name": "e", "data_type": "text", "comment": "x"},
                    {"id": 4, "name": "f", "data_type": "int", "nullable": false},
                ]},
            ],
            "foreign_keys": [{"id": 7}, {"id": 9}],
            "notes": [{"id": 10}],
            "layout": {"positions": {"0": [1, 2], "5": [3, 4], "99": [5, 6]}, "collapsed": [5]},
        }));
        let mut compacted = saved.clone();
        compact(&mut compacted, TableReferences::Ids);
        assert_eq!(
            Value::Object(compacted.clone()),
            json!({
                "format_version": 2,
                "tables": [
                    {"name": "a", "@": [1, 2], "columns": [["c", "int"], ["d", "int", 0]]},
                    {"id": 5, "name": "b", "@": [3, 4], "columns": [["e", "text", 1, {"comment": "x"}], ["f", "int", 0, {"id": 4}]]},
                ],
                "foreign_keys": [{"id": 7}, {"id": 9}],
                "notes": [{}],
                "layout": {"positions": {"99": [5, 6]}, "collapsed": [5]},
            })
        );
        expand(&mut compacted, TableReferences::Ids);
        assert_eq!(compacted, saved);
    }

    #[test]
    fn column_references_become_positions_in_their_tables_and_come_back() {
        let saved = object(json!({
            "tables": [
                {"id": 0, "columns": [{"id": 1}, {"id": 2}], "primary_key": {"columns": [2, 1]},
                 "uniques": [{"columns": [1]}], "dependencies": [{"lhs": [1], "rhs": [2, 9]}],
                 "indexes": [{"parts": [{"key": {"Column": 2}}, {"key": {"Column": 1}, "descending": true},
                                        {"key": {"Expression": "lower(x)"}}, {"key": {"Column": 8}}],
                              "include": [1]}]},
                {"id": 3, "columns": [{"id": 4}]},
            ],
            "foreign_keys": [{"id": 5, "from_table": 3, "from_columns": [4], "to_table": 0, "to_columns": [2]},
                             {"id": 6, "from_table": 7, "from_columns": [4], "to_table": 0, "to_columns": [4]}],
        }));
        let mut compacted = saved.clone();
        compact(&mut compacted, TableReferences::Ids);
        let tables = &compacted["tables"];
        assert_eq!(tables[0]["primary_key"]["columns"], json!([1, 0]));
        assert_eq!(
            tables[0]["dependencies"][0],
            json!({"lhs": [0], "rhs": [1, [9]]})
        );
        assert_eq!(
            tables[0]["indexes"][0]["parts"],
            json!([1, {"key": {"Column": 0}, "descending": true}, {"key": {"Expression": "lower(x)"}}, [8]])
        );
        assert_eq!(
            compacted["foreign_keys"][0],
            json!({"from_table": 3, "from_columns": [0], "to_table": 0, "to_columns": [1]})
        );
        assert_eq!(compacted["foreign_keys"][1]["from_columns"], json!([[4]]));
        assert_eq!(compacted["foreign_keys"][1]["to_columns"], json!([[4]]));
        expand(&mut compacted, TableReferences::Ids);
        assert_eq!(compacted, saved);
    }

    #[test]
    fn from_version_2_relationships_name_their_tables_by_position() {
        let saved = object(json!({
            "tables": [{"id": 0, "columns": [{"id": 1}]}, {"id": 2, "columns": [{"id": 3}]}],
            "foreign_keys": [{"id": 4, "from_table": 2, "from_columns": [3], "to_table": 0, "to_columns": [1]},
                             {"id": 5, "from_table": 9, "from_columns": [3], "to_table": 2, "to_columns": [3]}],
        }));
        let mut compacted = saved.clone();
        compact(&mut compacted, TableReferences::Positions);
        assert_eq!(
            Value::Array(compacted["foreign_keys"].as_array().unwrap().clone()),
            json!([{"from_table": 1, "from_columns": [0], "to_table": 0, "to_columns": [0]},
                   {"from_table": [9], "from_columns": [[3]], "to_table": 1, "to_columns": [0]}])
        );
        expand(&mut compacted, TableReferences::Positions);
        assert_eq!(compacted, saved);
    }

    #[test]
    fn a_reference_to_no_position_reads_as_null() {
        assert_eq!(column_id(&json!(5), &[1, 2]), Value::Null);
        assert_eq!(column_id(&json!([1, 2]), &[1, 2]), Value::Null);
        assert_eq!(column_id(&json!("a"), &[1, 2]), Value::Null);
        assert_eq!(column_id(&json!(1), &[1, 2]), json!(2));
    }

    #[test]
    fn a_column_array_of_another_shape_is_refused_as_a_column() {
        for parts in [
            json!([]),
            json!(["a"]),
            json!(["a", "int", 2]),
            json!(["a", "int", 1, 7]),
            json!(["a", "int", 0, {}, 1]),
        ] {
            let Value::Array(parts) = parts else { continue };
            assert_eq!(column_as_object(&parts), Value::Null, "{parts:?}");
        }
        let odd = object(json!({"id": 0, "name": "c", "data_type": "int", "nullable": true}));
        let array = column_as_array(odd.clone());
        assert_eq!(array, json!(["c", "int", 1, {"id": 0, "nullable": true}]));
        let Value::Array(parts) = array else { return };
        assert_eq!(column_as_object(&parts), Value::Object(odd));
    }

    #[test]
    fn a_layout_holding_only_positions_of_tables_disappears_and_comes_back() {
        let saved = object(json!({"tables": [{"id": 3}], "layout": {"positions": {"3": [0, 0]}}}));
        let mut compacted = saved.clone();
        compact(&mut compacted, TableReferences::Ids);
        assert_eq!(
            Value::Object(compacted.clone()),
            json!({"tables": [{"id": 3, "@": [0, 0]}]})
        );
        expand(&mut compacted, TableReferences::Ids);
        assert_eq!(compacted, saved);
    }
}
