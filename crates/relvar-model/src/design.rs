//! The design document: tables with their columns and keys, relationships, notes and subject
//! areas, layout, and the statements an import kept without modelling them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::annotation::{Note, SubjectArea};
use crate::ids::{AreaId, ColumnId, ForeignKeyId, IdAllocator, NoteId, TableId};
use crate::sequence::Sequence;
use crate::table::{CheckConstraint, Column, Table, qualified_name};
use crate::view::View;

/// Version of the saved and shared format; bump it together with an upgrade from the previous one.
pub const FORMAT_VERSION: u32 = 1;

/// A whole database design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Design {
    pub format_version: u32,
    pub name: String,
    /// Id of the dialect the design's SQL text is written in (types, defaults, expressions,
    /// verbatim parts): `postgresql`, `mysql`, `sqlite` or `mssql`; none for a design begun empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_dialect: Option<String>,
    /// Schemas (namespaces) the script declared with `CREATE SCHEMA`, in order; tables may name
    /// others, which exist implicitly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    pub tables: Vec<Table>,
    pub foreign_keys: Vec<ForeignKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enums: Vec<EnumType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sequences: Vec<Sequence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<View>,
    /// Statements read on import that the model does not represent, kept verbatim in source order.
    pub unmodelled: Vec<UnmodelledStatement>,
    /// Free-text notes on the canvas, in drawing order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Coloured groups of tables, in drawing order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<SubjectArea>,
    pub layout: Layout,
    pub ids: IdAllocator,
}

impl Default for Design {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: String::from("Untitled design"),
            source_dialect: None,
            schemas: Vec::new(),
            tables: Vec::new(),
            foreign_keys: Vec::new(),
            enums: Vec::new(),
            domains: Vec::new(),
            sequences: Vec::new(),
            views: Vec::new(),
            unmodelled: Vec::new(),
            notes: Vec::new(),
            areas: Vec::new(),
            layout: Layout::default(),
            ids: IdAllocator::default(),
        }
    }
}

/// What the database does to referencing rows when the referenced row changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferentialAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// The SQL words for this action, as every supported engine spells them.
    pub fn sql(self) -> &'static str {
        match self {
            Self::NoAction => "NO ACTION",
            Self::Restrict => "RESTRICT",
            Self::Cascade => "CASCADE",
            Self::SetNull => "SET NULL",
            Self::SetDefault => "SET DEFAULT",
        }
    }
}

/// A foreign key: `from_columns` of `from_table` reference `to_columns` of `to_table`, pairwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub id: ForeignKeyId,
    pub name: Option<String>,
    pub from_table: TableId,
    pub from_columns: Vec<ColumnId>,
    pub to_table: TableId,
    pub to_columns: Vec<ColumnId>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
    #[serde(default, skip_serializing_if = "Deferral::is_immediate")]
    pub deferral: Deferral,
}

/// When a constraint is checked: at each statement, or (if deferrable) at commit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deferral {
    #[default]
    NotDeferrable,
    /// `DEFERRABLE INITIALLY IMMEDIATE`: checked per statement unless a transaction defers it.
    DeferrableImmediate,
    /// `DEFERRABLE INITIALLY DEFERRED`: checked at commit.
    DeferrableDeferred,
}

impl Deferral {
    fn is_immediate(&self) -> bool {
        *self == Self::NotDeferrable
    }
}

/// A named enumerated type (PostgreSQL `CREATE TYPE ... AS ENUM`); columns use it by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumType {
    pub schema: Option<String>,
    pub name: String,
    pub values: Vec<String>,
}

impl EnumType {
    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }

    /// Whether a column type names this enum, qualified or bare, ignoring ASCII case.
    pub fn is_named_by(&self, data_type: &str) -> bool {
        data_type.eq_ignore_ascii_case(&self.name)
            || data_type.eq_ignore_ascii_case(&self.qualified_name())
    }
}

/// A named type over a base type with a default and checks (PostgreSQL `CREATE DOMAIN`); columns
/// use it by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    pub schema: Option<String>,
    pub name: String,
    /// The base type as SQL text in the design's dialect.
    pub data_type: String,
    pub collation: Option<String>,
    pub default: Option<String>,
    /// Checks on the domain's values, which their expressions name `VALUE`.
    pub checks: Vec<CheckConstraint>,
}

impl Domain {
    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }
}

/// A statement the import kept as written because the model does not represent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmodelledStatement {
    /// 1-based line of the statement's first character in the imported text.
    pub line: u32,
    pub text: String,
    /// Why it is not modelled, in words a user understands.
    pub reason: String,
}

/// A position on the canvas, in canvas units (CSS pixels at zoom 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// Where each table sits on the canvas and how it is drawn. Tables without a position are placed
/// by the layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub positions: BTreeMap<TableId, Point>,
    /// Tables drawn collapsed to their key columns.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub collapsed: BTreeSet<TableId>,
}

impl Design {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|table| table.id == id)
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.tables.iter_mut().find(|table| table.id == id)
    }

    /// Finds a view by name, ignoring ASCII case; a schema, when given, must match too.
    pub fn find_view(&self, schema: Option<&str>, name: &str) -> Option<&View> {
        self.views.iter().find(|view| {
            view.name.eq_ignore_ascii_case(name)
                && schema.is_none_or(|wanted| {
                    view.schema
                        .as_deref()
                        .is_some_and(|actual| actual.eq_ignore_ascii_case(wanted))
                })
        })
    }

    /// Finds a table by name, ignoring ASCII case; a schema, when given, must match too.
    pub fn find_table(&self, schema: Option<&str>, name: &str) -> Option<&Table> {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let exact = self.tables.iter().find(|table| {
            same(&table.name, name)
                && match (schema, table.schema.as_deref()) {
                    (Some(wanted), Some(actual)) => same(wanted, actual),
                    (None, _) => true,
                    (Some(_), None) => false,
                }
        });
        exact.or_else(|| {
            self.tables
                .iter()
                .find(|table| same(&table.name, name) && table.schema.is_none())
        })
    }

    pub fn column(&self, table: TableId, column: ColumnId) -> Option<&Column> {
        self.table(table)?
            .columns
            .iter()
            .find(|candidate| candidate.id == column)
    }

    pub fn foreign_key(&self, id: ForeignKeyId) -> Option<&ForeignKey> {
        self.foreign_keys.iter().find(|fk| fk.id == id)
    }

    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.iter().find(|note| note.id == id)
    }

    pub fn area(&self, id: AreaId) -> Option<&SubjectArea> {
        self.areas.iter().find(|area| area.id == id)
    }

    pub fn position(&self, id: TableId) -> Point {
        self.layout.positions.get(&id).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_design_saved_before_notes_areas_colours_collapsing_and_dependencies_still_opens() {
        let saved = r#"{
            "format_version": 1,
            "name": "Old",
            "tables": [{
                "id": 0, "schema": null, "name": "film",
                "columns": [{"id": 1, "name": "film_id", "data_type": "integer",
                             "nullable": false, "default": null, "comment": null}],
                "primary_key": {"name": null, "columns": [1]},
                "uniques": [], "comment": null
            }],
            "foreign_keys": [],
            "unmodelled": [],
            "layout": {"positions": {"0": {"x": 10.0, "y": 20.0}}},
            "ids": {"next": 2}
        }"#;
        let design: Design = serde_json::from_str(saved).unwrap();
        let film = design.table(TableId(0)).unwrap();
        assert_eq!(film.colour, None);
        assert!(design.notes.is_empty());
        assert!(design.areas.is_empty());
        assert!(design.layout.collapsed.is_empty());
        assert!(film.dependencies.is_empty());
        assert_eq!(design.position(TableId(0)), Point::new(10.0, 20.0));
        let mut ids = design.ids.clone();
        assert_eq!(ids.note(), NoteId(2));
    }

    #[test]
    fn notes_areas_colours_and_collapsed_tables_round_trip() {
        let mut design = Design::default();
        let table = design.ids.table();
        let mut film = Table::new(table, Some("public".into()), "film");
        film.colour = Some("#3b6fd8".into());
        design.tables.push(film);
        design.layout.collapsed.insert(table);
        let note = design.ids.note();
        design.notes.push(Note {
            id: note,
            text: "Films, one row per title".into(),
            at: Point::new(-3.5, 8.0),
            colour: Some("#fff3b0".into()),
        });
        let area = design.ids.area();
        design.areas.push(SubjectArea {
            id: area,
            name: "Catalogue".into(),
            colour: "#d83b6f".into(),
            tables: vec![table],
        });
        let json = serde_json::to_string(&design).unwrap();
        assert!(json.contains(r##""colour":"#3b6fd8""##));
        assert!(json.contains(r#""collapsed":[0]"#));
        let read: Design = serde_json::from_str(&json).unwrap();
        assert_eq!(read, design);
    }

    #[test]
    fn empty_new_fields_are_left_out_of_the_saved_form() {
        let mut design = Design::default();
        let table = design.ids.table();
        design.tables.push(Table::new(table, None, "film"));
        let json = serde_json::to_string(&design).unwrap();
        for field in ["notes", "areas", "collapsed", "colour", "dependencies"] {
            assert!(!json.contains(field), "{field} in {json}");
        }
    }
}
