//! The design document: tables with their columns and keys, relationships, notes and subject
//! areas, layout, and the statements an import kept without modelling them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::annotation::{Note, SubjectArea};
use crate::decision::Decision;
use crate::dialect::Dialect;
use crate::ids::{AreaId, ColumnId, ForeignKeyId, IdAllocator, NoteId, TableId};
use crate::saved_view::SavedView;
use crate::sequence::Sequence;
use crate::table::{CheckConstraint, Column, Table, qualified_name};
use crate::version::Version;
use crate::view::View;
use crate::workload::WorkloadQuery;

/// Version of the saved and shared format; bump it together with an upgrade from the previous one
/// (`relvar-share` holds the upgrades and opens files of every earlier version).
///
/// Format 2: values at their default are left out (nullable columns, empty lists, `None`, `false`,
/// `NO ACTION`), and points are written `[x, y]` instead of `{"x": x, "y": y}`.
/// Format 3: a design may carry its workload (`workload`), its decision records (`decisions`)
/// and tables their expected row counts (`expected_rows`); a format 2 file reads unchanged, and a build of format 2 refuses format 3
/// instead of dropping what it does not know.
/// Format 4: an index part may carry its operator class and collation.
/// Format 5: a design may carry saved views (`saved_views`): named subsets of its tables, each
/// with its own layout.
/// Format 6: a design may carry its versions (`versions`): named snapshots of itself.
pub const FORMAT_VERSION: u32 = 6;

/// A whole database design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Design {
    pub format_version: u32,
    pub name: String,
    /// The dialect the design's SQL text is written in (types, defaults, expressions, verbatim
    /// parts), saved as its id; none for a design begun empty.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dialect::deserialize_lenient"
    )]
    pub source_dialect: Option<Dialect>,
    /// Schemas (namespaces) the script declared with `CREATE SCHEMA`, in order; tables may name
    /// others, which exist implicitly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    pub tables: Vec<Table>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmodelled: Vec<UnmodelledStatement>,
    /// Free-text notes on the canvas, in drawing order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Coloured groups of tables, in drawing order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<SubjectArea>,
    #[serde(default, skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
    /// Review rules this design switches off, by code (`RV012`) or name; left out when none is.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub review_disabled: BTreeSet<String>,
    /// The queries the application runs, with their relative frequencies, for the index advisor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workload: Vec<WorkloadQuery>,
    /// Architecture decisions recorded with the design, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Named subsets of the tables with their own layout, in the order they were saved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub saved_views: Vec<SavedView>,
    /// Named snapshots of the design, in the order they were saved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
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
            review_disabled: BTreeSet::new(),
            workload: Vec::new(),
            decisions: Vec::new(),
            saved_views: Vec::new(),
            versions: Vec::new(),
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
    fn is_no_action(&self) -> bool {
        *self == Self::NoAction
    }

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub from_table: TableId,
    pub from_columns: Vec<ColumnId>,
    pub to_table: TableId,
    pub to_columns: Vec<ColumnId>,
    #[serde(default, skip_serializing_if = "ReferentialAction::is_no_action")]
    pub on_delete: ReferentialAction,
    #[serde(default, skip_serializing_if = "ReferentialAction::is_no_action")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        if data_type.eq_ignore_ascii_case(&self.name) {
            return true;
        }
        // `schema.name` compared in place: this runs once per column of a design.
        let Some(schema) = self.schema.as_deref() else {
            return false;
        };
        let (Some(start), Some(dot), Some(end)) = (
            data_type.get(..schema.len()),
            data_type.get(schema.len()..=schema.len()),
            data_type.get(schema.len() + 1..),
        ) else {
            return false;
        };
        start.eq_ignore_ascii_case(schema) && dot == "." && end.eq_ignore_ascii_case(&self.name)
    }

    /// The columns whose type is this enum, as `table.column`, in the design's order.
    pub fn users(&self, design: &Design) -> Vec<String> {
        design
            .tables
            .iter()
            .flat_map(|table| {
                table
                    .columns
                    .iter()
                    .filter(|column| self.is_named_by(&column.data_type))
                    .map(|column| format!("{}.{}", table.qualified_name(), column.name))
            })
            .collect()
    }
}

/// A named type over a base type with a default and checks (PostgreSQL `CREATE DOMAIN`); columns
/// use it by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub name: String,
    /// The base type as SQL text in the design's dialect.
    pub data_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Checks on the domain's values, which their expressions name `VALUE`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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

impl UnmodelledStatement {
    /// Whether the statement holds rows of data and nothing of the design: an INSERT, REPLACE,
    /// `COPY ... FROM stdin` with its lines, BULK INSERT or LOAD DATA, without the word CREATE
    /// or ALTER anywhere in it (a T-SQL batch may follow its rows with a table).
    pub fn holds_data(&self) -> bool {
        let words = |text: &'_ str| {
            text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|word| !word.is_empty())
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
        };
        let first_line = words(self.text.lines().next().unwrap_or_default());
        let starts = |wanted: &[&str]| {
            first_line.len() >= wanted.len()
                && first_line
                    .iter()
                    .zip(wanted)
                    .all(|(word, wanted)| word == wanted)
        };
        let rows = starts(&["insert"])
            || starts(&["replace"])
            || starts(&["bulk", "insert"])
            || starts(&["load", "data"])
            || (starts(&["copy"]) && first_line.windows(2).any(|pair| pair == ["from", "stdin"]));
        rows && !self
            .text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|word| word.eq_ignore_ascii_case("create") || word.eq_ignore_ascii_case("alter"))
    }
}

/// A position on the canvas, in canvas units (CSS pixels at zoom 1); saved as `[x, y]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(from = "(f64, f64)")]
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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub positions: BTreeMap<TableId, Point>,
    /// Tables drawn collapsed to their key columns.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub collapsed: BTreeSet<TableId>,
}

impl Layout {
    /// Whether no table is placed or collapsed.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty() && self.collapsed.is_empty()
    }
}

impl Design {
    /// The dialect the design's SQL text is read in: its source dialect, PostgreSQL when it
    /// names none.
    pub fn dialect(&self) -> Dialect {
        self.source_dialect.unwrap_or_default()
    }

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

    /// Finds a table by name, spelled alike or else ignoring ASCII case; a schema, when given,
    /// must match too.
    pub fn find_table(&self, schema: Option<&str>, name: &str) -> Option<&Table> {
        let spelled = |a: &str, b: &str| a == b;
        let folded = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        // Spelled alike first: PostgreSQL's "Users" and users are two tables.
        [spelled, folded].into_iter().find_map(|same| {
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

    /// The design without its kept statements that hold rows of data
    /// ([`UnmodelledStatement::holds_data`]): what a share link carries.
    pub fn without_data(&self) -> Design {
        Design {
            unmodelled: self
                .unmodelled
                .iter()
                .filter(|statement| !statement.holds_data())
                .cloned()
                .collect(),
            ..self.clone()
        }
    }

    pub fn position(&self, id: TableId) -> Point {
        self.layout.positions.get(&id).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enum_is_named_by_its_name_or_its_qualified_name_in_any_case() {
        let status = EnumType {
            schema: Some("shop".into()),
            name: "status".into(),
            values: vec!["a".into()],
        };
        for named in ["status", "STATUS", "shop.status", "Shop.Status"] {
            assert!(status.is_named_by(named), "{named}");
        }
        for other in [
            "shop_status",
            "shopXstatus",
            "other.status",
            "shop.",
            "shop",
            "é.status",
        ] {
            assert!(!status.is_named_by(other), "{other}");
        }
    }

    fn kept(text: &str) -> UnmodelledStatement {
        UnmodelledStatement {
            line: 1,
            text: text.into(),
            reason: String::new(),
        }
    }

    #[test]
    fn statements_of_rows_hold_data_and_statements_of_design_do_not() {
        for rows in [
            "INSERT INTO film VALUES (1, 'Alien')",
            "insert  into `t` values (1)",
            "REPLACE INTO t VALUES (1)",
            "COPY public.actor (actor_id, name) FROM stdin;\n1\tPenelope\n\\.",
            "BULK INSERT [Person].[Address] FROM '$(SqlSamplesSourceDataPath)Address.csv'",
            "LOAD DATA INFILE 'rows.csv' INTO TABLE t",
        ] {
            assert!(kept(rows).holds_data(), "{rows}");
        }
        for design in [
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$",
            "INSERT INTO t VALUES (1); CREATE TABLE u (id int)",
            "COPY actor TO '/tmp/actor.csv'",
            "ALTER TABLE t OWNER TO postgres",
            "SET client_encoding = 'UTF8'",
            "",
        ] {
            assert!(!kept(design).holds_data(), "{design}");
        }
    }

    #[test]
    fn fields_at_their_default_may_be_left_out() {
        let saved = r#"{
            "format_version": 2,
            "name": "Minimal",
            "tables": [{
                "id": 0, "name": "film",
                "columns": [{"id": 1, "name": "film_id", "data_type": "integer", "nullable": false},
                            {"id": 2, "name": "title", "data_type": "text"}],
                "primary_key": {"columns": [1]}
            }],
            "layout": {"positions": {"0": [10, 20.5]}},
            "ids": {"next": 3}
        }"#;
        let design: Design = serde_json::from_str(saved).unwrap();
        let film = design.table(TableId(0)).unwrap();
        assert_eq!(film.schema, None);
        assert!(!film.columns[0].nullable);
        assert!(film.columns[1].nullable);
        assert!(film.uniques.is_empty() && film.colour.is_none());
        assert!(design.foreign_keys.is_empty() && design.unmodelled.is_empty());
        assert!(design.notes.is_empty() && design.layout.collapsed.is_empty());
        assert_eq!(design.position(TableId(0)), Point::new(10.0, 20.5));
        let mut ids = design.ids.clone();
        assert_eq!(ids.note(), NoteId(3));
        let written = serde_json::to_string(&design).unwrap();
        assert!(
            written.contains(r#""positions":{"0":[10,20.5]}"#),
            "{written}"
        );
        assert_eq!(serde_json::from_str::<Design>(&written).unwrap(), design);
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
        for field in [
            "notes",
            "areas",
            "collapsed",
            "colour",
            "dependencies",
            "schema",
            "uniques",
            "comment",
            "foreign_keys",
            "unmodelled",
            "layout",
        ] {
            assert!(!json.contains(field), "{field} in {json}");
        }
    }
}
