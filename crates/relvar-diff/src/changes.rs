//! A diff in words, one line per change, each with the table and column of the newer design it
//! marks (for the canvas): what the studio lists beside the drawing.

use relvar_model::{Column, ColumnId, Design, Table, TableId};
use serde::{Deserialize, Serialize};

use crate::diff::{Diff, EnumDiff, RenameCandidate};
use crate::domains::DomainDiff;
use crate::enum_pairing::column_path;
use crate::matching::{ColumnRename, EnumRename, Pairing, Renames, TableRename, ValueRename};
use crate::tables::{ColumnDiff, TableDiff};

/// How a change marks what it touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeMark {
    Added,
    Removed,
    Changed,
}

impl ChangeMark {
    /// Stable: the class and data attribute the studio marks with.
    pub fn id(self) -> &'static str {
        match self {
            ChangeMark::Added => "added",
            ChangeMark::Removed => "removed",
            ChangeMark::Changed => "changed",
        }
    }
}

/// What kind of object a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Table,
    Column,
    /// A key, unique constraint, check, index or comment of a table.
    TablePart,
    ForeignKey,
    /// An enum, sequence, view or schema.
    Other,
    /// A drop and an add that may be one rename, for the person to confirm.
    RenameCandidate,
}

/// One change in words, with what it marks in the newer design: a table (none for one that is
/// gone, or for enums, sequences, views and schemas) and a column (an added or changed one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub mark: ChangeMark,
    pub subject: Subject,
    pub text: String,
    pub table: Option<TableId>,
    pub column: Option<ColumnId>,
    /// For a rename candidate: the rename that confirms it, by the names of both designs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirms: Option<Renames>,
}

/// Every change of `diff` from `from` to `to`, tables first (in the newer design's order, then
/// those removed), then foreign keys, enums, sequences, views, schemas and rename candidates.
pub fn describe(from: &Design, to: &Design, diff: &Diff) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut line = |(mark, subject), text: String, table, column| {
        changes.push(Change {
            mark,
            subject,
            text,
            table,
            column,
            confirms: None,
        });
    };
    for table in &to.tables {
        if diff.tables_added.contains(&table.id) {
            let columns = table.columns.len();
            let text = format!("table {} added ({columns} columns)", table.display_name());
            line(
                (ChangeMark::Added, Subject::Table),
                text,
                Some(table.id),
                None,
            );
        } else if let Some(changed) = diff.tables_changed.iter().find(|t| t.to == table.id)
            && let Some(old) = from.table(changed.from)
        {
            for (kind, text, column) in table_changes(old, table, changed, &diff.pairing) {
                line(kind, text, Some(table.id), column);
            }
        }
    }
    for id in &diff.tables_removed {
        if let Some(table) = from.table(*id) {
            let text = format!("table {} removed, with its rows", table.display_name());
            line((ChangeMark::Removed, Subject::Table), text, None, None);
        }
    }
    let table_name = |design: &Design, id| design.table(id).map(Table::display_name);
    for id in &diff.foreign_keys_added {
        if let Some(key) = to.foreign_keys.iter().find(|key| key.id == *id) {
            let (child, parent) = (table_name(to, key.from_table), table_name(to, key.to_table));
            let text = format!(
                "foreign key {} → {} added",
                child.unwrap_or_default(),
                parent.unwrap_or_default()
            );
            line(
                (ChangeMark::Added, Subject::ForeignKey),
                text,
                Some(key.from_table),
                None,
            );
        }
    }
    for id in &diff.foreign_keys_removed {
        if let Some(key) = from.foreign_keys.iter().find(|key| key.id == *id) {
            let text = format!(
                "foreign key {} → {} removed",
                table_name(from, key.from_table).unwrap_or_default(),
                table_name(from, key.to_table).unwrap_or_default()
            );
            let marked = diff.pairing.table(key.from_table);
            line(
                (ChangeMark::Removed, Subject::ForeignKey),
                text,
                marked,
                None,
            );
        }
    }
    for change in &diff.enums {
        let (mark, text) = enum_change(from, to, change);
        line((mark, Subject::Other), text, None, None);
    }
    for change in &diff.domains {
        let (mark, text) = domain_change(from, to, change);
        line((mark, Subject::Other), text, None, None);
    }
    let sequence = |design: &Design, at: usize| {
        design
            .sequences
            .get(at)
            .map(|sequence| sequence.qualified_name())
            .unwrap_or_default()
    };
    for at in &diff.sequences_added {
        line(
            (ChangeMark::Added, Subject::Other),
            format!("sequence {} added", sequence(to, *at)),
            None,
            None,
        );
    }
    for at in &diff.sequences_removed {
        let text = format!("sequence {} removed", sequence(from, *at));
        line((ChangeMark::Removed, Subject::Other), text, None, None);
    }
    for (_, at) in &diff.sequences_changed {
        let text = format!("sequence {} changed", sequence(to, *at));
        line((ChangeMark::Changed, Subject::Other), text, None, None);
    }
    let view = |design: &Design, at: usize| {
        design
            .views
            .get(at)
            .map(|view| view.qualified_name())
            .unwrap_or_default()
    };
    for at in &diff.views_added {
        line(
            (ChangeMark::Added, Subject::Other),
            format!("view {} added", view(to, *at)),
            None,
            None,
        );
    }
    for at in &diff.views_removed {
        line(
            (ChangeMark::Removed, Subject::Other),
            format!("view {} removed", view(from, *at)),
            None,
            None,
        );
    }
    for schema in &diff.schemas_added {
        line(
            (ChangeMark::Added, Subject::Other),
            format!("schema {schema} added"),
            None,
            None,
        );
    }
    for schema in &diff.schemas_removed {
        line(
            (ChangeMark::Removed, Subject::Other),
            format!("schema {schema} removed"),
            None,
            None,
        );
    }
    changes.extend(
        diff.rename_candidates
            .iter()
            .map(|candidate| candidate_change(from, to, candidate)),
    );
    changes
}

/// A rename candidate as a line of the list, with the renames that confirm it.
fn candidate_change(from: &Design, to: &Design, candidate: &RenameCandidate) -> Change {
    let table_name = |design: &Design, table: TableId| {
        design
            .table(table)
            .map(Table::display_name)
            .unwrap_or_default()
    };
    let column_name = |design: &Design, column: ColumnId| {
        design
            .tables
            .iter()
            .find_map(|table| column_of(table, column))
            .map(|column| column.name.clone())
            .unwrap_or_default()
    };
    let enum_name = |design: &Design, at: usize| {
        design
            .enums
            .get(at)
            .map(|item| item.qualified_name())
            .unwrap_or_default()
    };
    let unless = "written as a drop and an add unless confirmed";
    let mut confirms = Renames::default();
    let (text, table, column) = match candidate {
        RenameCandidate::Table {
            from: old_id,
            to: new_id,
        } => {
            let (old, new) = (table_name(from, *old_id), table_name(to, *new_id));
            let text = format!("table {new} may be {old} renamed: {unless}");
            confirms.tables.push(TableRename { from: old, to: new });
            (text, Some(*new_id), None)
        }
        RenameCandidate::Column {
            table,
            from: old,
            to: new,
        } => {
            let (old_name, new_name) = (column_name(from, *old), column_name(to, *new));
            let table_name = table_name(to, *table);
            let text = format!("column {new_name} may be {old_name} renamed: {unless}");
            confirms.columns.push(ColumnRename {
                table: table_name,
                from: old_name,
                to: new_name,
            });
            (text, Some(*table), Some(*new))
        }
        RenameCandidate::Enum { from: old, to: new } => {
            let (old, new) = (enum_name(from, *old), enum_name(to, *new));
            let text = format!("enum {new} may be {old} renamed: {unless}");
            confirms.enums.push(EnumRename { from: old, to: new });
            (text, None, None)
        }
        RenameCandidate::Value {
            of,
            from: old,
            to: new,
        } => {
            let text = format!(
                "value '{new}' of {of} may be '{old}' renamed: written as a value removed and one added unless confirmed"
            );
            let marked = to.tables.iter().find_map(|table| {
                let column = table
                    .columns
                    .iter()
                    .find(|c| column_path(table, c) == *of)?;
                Some((table.id, column.id))
            });
            confirms.values.push(ValueRename {
                of: of.clone(),
                from: old.clone(),
                to: new.clone(),
            });
            (text, marked.map(|(t, _)| t), marked.map(|(_, c)| c))
        }
    };
    Change {
        mark: ChangeMark::Changed,
        subject: Subject::RenameCandidate,
        text,
        table,
        column,
        confirms: Some(confirms),
    }
}

fn table_changes(
    old: &Table,
    new: &Table,
    changed: &TableDiff,
    pairing: &Pairing,
) -> Vec<((ChangeMark, Subject), String, Option<ColumnId>)> {
    let name = new.display_name();
    let mut lines = Vec::new();
    if changed.renamed {
        let text = format!("table {} renamed to {name}", old.display_name());
        lines.push(((ChangeMark::Changed, Subject::Table), text, None));
    }
    for column in new.columns.iter() {
        if changed.columns_added.contains(&column.id) {
            let text = format!("column {name}.{} {} added", column.name, column.data_type);
            lines.push(((ChangeMark::Added, Subject::Column), text, Some(column.id)));
        } else if let Some(column_diff) = changed.columns_changed.iter().find(|c| c.to == column.id)
            && let Some(before) = column_of(old, column_diff.from)
        {
            let mut what = column_changes(before, column, column_diff);
            what.extend(renamed_values(
                pairing.enums().inline_values_renamed(column.id),
            ));
            let what = what.join(", ");
            let text = format!("column {name}.{}: {what}", column.name);
            lines.push((
                (ChangeMark::Changed, Subject::Column),
                text,
                Some(column.id),
            ));
        }
    }
    for id in &changed.columns_removed {
        if let Some(column) = column_of(old, *id) {
            let text = format!("column {name}.{} removed, with its values", column.name);
            lines.push(((ChangeMark::Removed, Subject::Column), text, None));
        }
    }
    if changed.primary_key_changed {
        let text = format!("primary key of {name} changed");
        lines.push(((ChangeMark::Changed, Subject::TablePart), text, None));
    }
    let counted = |added: usize, removed: usize, what: &str| {
        [
            (added, ChangeMark::Added, "added"),
            (removed, ChangeMark::Removed, "removed"),
        ]
        .into_iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, mark, verb)| {
            let plural = if count == 1 { "" } else { "s" };
            let text = format!("{count} {what}{plural} of {name} {verb}");
            ((mark, Subject::TablePart), text, None)
        })
        .collect::<Vec<_>>()
    };
    let uniques = (changed.uniques_added.len(), changed.uniques_removed.len());
    lines.extend(counted(uniques.0, uniques.1, "unique constraint"));
    let checks = (changed.checks_added.len(), changed.checks_removed.len());
    lines.extend(counted(checks.0, checks.1, "check"));
    let indexes = (changed.indexes_added.len(), changed.indexes_removed.len());
    lines.extend(counted(indexes.0, indexes.1, "index"));
    for &(was, now) in &changed.indexes_respelled {
        let names = (old.indexes.get(was), new.indexes.get(now));
        if let (Some(Some(was)), Some(Some(now))) =
            (names.0.map(|i| &i.name), names.1.map(|i| &i.name))
        {
            let text = format!("index {was} of {name} renamed to {now}");
            lines.push(((ChangeMark::Changed, Subject::TablePart), text, None));
        }
    }
    if changed.comment_changed {
        let text = format!("comment of {name} changed");
        lines.push(((ChangeMark::Changed, Subject::TablePart), text, None));
    }
    lines
}

fn column_of(table: &Table, id: ColumnId) -> Option<&Column> {
    table.columns.iter().find(|column| column.id == id)
}

fn column_changes(before: &Column, after: &Column, changed: &ColumnDiff) -> Vec<String> {
    let mut what = Vec::new();
    if changed.renamed {
        what.push(format!("renamed from {}", before.name));
    }
    if changed.type_changed {
        what.push(format!("type {} → {}", before.data_type, after.data_type));
    }
    if changed.nullability_changed {
        what.push(String::from(if after.nullable {
            "now nullable"
        } else {
            "now NOT NULL"
        }));
    }
    if changed.default_changed {
        let shown = |default: &Option<String>| default.clone().unwrap_or_else(|| "none".into());
        what.push(format!(
            "default {} → {}",
            shown(&before.default),
            shown(&after.default)
        ));
    }
    let flags = [
        (changed.identity_changed, "identity"),
        (changed.generated_changed, "generation"),
        (changed.collation_changed, "collation"),
        (changed.comment_changed, "comment"),
    ];
    what.extend(
        flags
            .into_iter()
            .filter(|(changed, _)| *changed)
            .map(|(_, part)| format!("{part} changed")),
    );
    what
}

fn domain_change(from: &Design, to: &Design, change: &DomainDiff) -> (ChangeMark, String) {
    let name = |design: &Design, at: usize| {
        design
            .domains
            .get(at)
            .map(relvar_model::Domain::qualified_name)
            .unwrap_or_default()
    };
    match change {
        DomainDiff::Added(at) => (ChangeMark::Added, format!("domain {} added", name(to, *at))),
        DomainDiff::Removed(at) => (
            ChangeMark::Removed,
            format!("domain {} removed", name(from, *at)),
        ),
        DomainDiff::Changed {
            to: at,
            base_changed,
            default_changed,
            checks_removed,
            checks_added,
            ..
        } => {
            let mut what = Vec::new();
            if *base_changed {
                let base = to.domains.get(*at).map_or("", |d| d.data_type.as_str());
                what.push(format!("base type now {base}"));
            }
            if *default_changed {
                what.push("default changed".to_owned());
            }
            if !checks_added.is_empty() || !checks_removed.is_empty() {
                what.push(format!(
                    "checks {} added, {} removed",
                    checks_added.len(),
                    checks_removed.len()
                ));
            }
            let text = format!("domain {}: {}", name(to, *at), what.join(", "));
            (ChangeMark::Changed, text)
        }
    }
}

fn enum_change(from: &Design, to: &Design, change: &EnumDiff) -> (ChangeMark, String) {
    let name = |design: &Design, at: usize| {
        design
            .enums
            .get(at)
            .map(|item| item.qualified_name())
            .unwrap_or_default()
    };
    match change {
        EnumDiff::Added(at) => (ChangeMark::Added, format!("enum {} added", name(to, *at))),
        EnumDiff::Removed(at) => (
            ChangeMark::Removed,
            format!("enum {} removed", name(from, *at)),
        ),
        EnumDiff::Changed {
            from: was,
            to: at,
            renamed,
            values_renamed,
            added_values,
            removed_values,
        } => {
            let mut parts = Vec::new();
            if *renamed {
                parts.push(format!("renamed from {}", name(from, *was)));
            }
            parts.extend(renamed_values(values_renamed));
            if !added_values.is_empty() {
                parts.push(format!("values {} added", added_values.join(", ")));
            }
            if !removed_values.is_empty() {
                parts.push(format!("values {} removed", removed_values.join(", ")));
            }
            let text = format!("enum {}: {}", name(to, *at), parts.join("; "));
            (ChangeMark::Changed, text)
        }
    }
}

/// Renamed values in words, one per rename.
fn renamed_values(renamed: &[(String, String)]) -> impl Iterator<Item = String> + '_ {
    renamed
        .iter()
        .map(|(old, new)| format!("value {old} renamed to {new}"))
}
