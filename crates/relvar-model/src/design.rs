//! The design document: tables with their columns and keys, relationships, layout, and the
//! statements an import kept without modelling them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{ColumnId, ForeignKeyId, IdAllocator, TableId};
use crate::sequence::Sequence;
use crate::table::{CheckConstraint, Table, qualified_name};
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

/// Where each table sits on the canvas. Tables without a position are placed by the layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub positions: BTreeMap<TableId, Point>,
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

    pub fn foreign_key(&self, id: ForeignKeyId) -> Option<&ForeignKey> {
        self.foreign_keys.iter().find(|fk| fk.id == id)
    }

    pub fn position(&self, id: TableId) -> Point {
        self.layout.positions.get(&id).copied().unwrap_or_default()
    }
}
