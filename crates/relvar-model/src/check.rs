//! The consistency a design must have to be opened: ids unique, below the allocator's next id,
//! and every reference resolving, so that later edits and drawing never meet a dangling id.

use std::collections::BTreeSet;

use crate::design::Design;
use crate::ids::ColumnId;
use crate::table::Table;

impl Design {
    /// Fails with the first inconsistency found, in words: an id used twice or not below the
    /// allocator's next id, or a reference to a table or column that is not there. Every
    /// command keeps this.
    pub fn check_references(&self) -> Result<(), String> {
        check(self, false)
    }

    /// [`Design::check_references`], and every foreign key pairs its columns one to one: what a
    /// design must have to be opened from a file or link; its versions are held to the same.
    pub fn check_consistent(&self) -> Result<(), String> {
        check(self, true)
    }
}

fn check(design: &Design, pairs: bool) -> Result<(), String> {
    let next = design.ids.clone().table().0;
    let below_next = |kind: &str, id: u32| {
        if id < next {
            Ok(())
        } else {
            Err(format!(
                "{kind} id {id} is not below the next id to hand out ({next})"
            ))
        }
    };
    let mut tables = BTreeSet::new();
    let mut columns = BTreeSet::new();
    for table in &design.tables {
        if !tables.insert(table.id) {
            return Err(format!("table id {} is used twice", table.id.0));
        }
        below_next("table", table.id.0)?;
        for column in &table.columns {
            if !columns.insert(column.id) {
                return Err(format!("column id {} is used twice", column.id.0));
            }
            below_next("column", column.id.0)?;
        }
        check_table_references(table)?;
    }
    let mut foreign_keys = BTreeSet::new();
    for foreign_key in &design.foreign_keys {
        if !foreign_keys.insert(foreign_key.id) {
            return Err(format!(
                "relationship id {} is used twice",
                foreign_key.id.0
            ));
        }
        below_next("relationship", foreign_key.id.0)?;
        let ends = [
            (foreign_key.from_table, &foreign_key.from_columns),
            (foreign_key.to_table, &foreign_key.to_columns),
        ];
        for (table, columns) in ends {
            let table = design.table(table).ok_or_else(|| {
                format!(
                    "relationship {} names table id {}, which is not in the design",
                    foreign_key.id.0, table.0
                )
            })?;
            owns_all(table, columns, "a relationship")?;
        }
        if pairs
            && (foreign_key.from_columns.len() != foreign_key.to_columns.len()
                || foreign_key.from_columns.is_empty())
        {
            return Err(format!(
                "relationship {} does not pair its columns one to one",
                foreign_key.id.0
            ));
        }
    }
    let placed = design.layout.positions.keys();
    let members = design.areas.iter().flat_map(|area| &area.tables);
    let viewed = design
        .saved_views
        .iter()
        .flat_map(|view| view.tables.iter().chain(view.positions.keys()));
    for table in placed
        .chain(&design.layout.collapsed)
        .chain(members)
        .chain(viewed)
    {
        if !tables.contains(table) {
            return Err(format!(
                "the layout, a subject area or a saved view names table id {}, which is not in the design",
                table.0
            ));
        }
    }
    let mut notes = BTreeSet::new();
    for note in &design.notes {
        if !notes.insert(note.id) {
            return Err(format!("note id {} is used twice", note.id.0));
        }
        below_next("note", note.id.0)?;
    }
    let mut areas = BTreeSet::new();
    for area in &design.areas {
        if !areas.insert(area.id) {
            return Err(format!("subject area id {} is used twice", area.id.0));
        }
        below_next("subject area", area.id.0)?;
    }
    if pairs {
        check_versions(design)?;
    }
    Ok(())
}

/// Versions are named once each (case aside), hold no versions, and are consistent themselves.
fn check_versions(design: &Design) -> Result<(), String> {
    let mut names = BTreeSet::new();
    for version in &design.versions {
        let name = &version.name;
        if name.trim().is_empty() || !names.insert(name.trim().to_lowercase()) {
            return Err(format!("version name \"{name}\" is blank or used twice"));
        }
        if !version.design.versions.is_empty() {
            return Err(format!("version {name} holds versions of its own"));
        }
        check(&version.design, true).map_err(|problem| format!("version {name}: {problem}"))?;
    }
    Ok(())
}

/// The table's keys, unique constraints, indexes and declared dependencies name its own columns.
fn check_table_references(table: &Table) -> Result<(), String> {
    if let Some(key) = &table.primary_key {
        owns_all(table, &key.columns, "its primary key")?;
    }
    for unique in &table.uniques {
        owns_all(table, &unique.columns, "a unique constraint")?;
    }
    for index in &table.indexes {
        let parts: Vec<ColumnId> = index.key_columns().collect();
        owns_all(table, &parts, "an index")?;
        owns_all(table, &index.include, "an index")?;
    }
    for dependency in &table.dependencies {
        owns_all(table, &dependency.lhs, "a declared dependency")?;
        owns_all(table, &dependency.rhs, "a declared dependency")?;
    }
    Ok(())
}

fn owns_all(table: &Table, columns: &[ColumnId], user: &str) -> Result<(), String> {
    match columns
        .iter()
        .find(|id| !table.columns.iter().any(|column| column.id == **id))
    {
        Some(id) => Err(format!(
            "{user} of table {} names column id {}, which is not one of its columns",
            table.qualified_name(),
            id.0
        )),
        None => Ok(()),
    }
}
