//! What a review reports: findings with a code, a severity, the objects they concern, a message
//! and, where one exists, a fix that is a model command (so it can be applied and undone).

use relvar_model::{Column, ColumnId, Command, Design, ForeignKeyId, Table, TableId};

use crate::rule::RuleInfo;

/// How much a finding matters; findings are ordered most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Wrong or broken: data can be lost or become inconsistent, or the DDL will not run.
    Error,
    /// Likely to cost performance, integrity or clarity.
    Warning,
    /// Worth knowing; a matter of convention or taste.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// An object of the design a finding concerns, by id so that it survives renames.
///
/// Later kinds of review add their own variants (a workload query by its position, an index
/// recommendation); the schema rules use these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjectRef {
    Table(TableId),
    Column {
        table: TableId,
        column: ColumnId,
    },
    ForeignKey(ForeignKeyId),
    /// An index of a table by its position in `Table::indexes`.
    Index {
        table: TableId,
        position: usize,
    },
}

impl ObjectRef {
    pub fn column(table: TableId, column: ColumnId) -> Self {
        Self::Column { table, column }
    }
}

/// A change that resolves a finding: one command, whose inverse undoes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// What applying it does, in words ("add an index on rental(customer_id)").
    pub title: String,
    /// Shared, so that keeping and copying findings does not copy the tables fixes replace.
    pub command: std::sync::Arc<Command>,
}

impl Fix {
    pub fn new(title: impl Into<String>, command: Command) -> Self {
        Self {
            title: title.into(),
            command: std::sync::Arc::new(command),
        }
    }
}

/// One thing the review found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's stable code, e.g. `RV003`.
    pub code: &'static str,
    pub severity: Severity,
    /// The objects concerned, the main one first.
    pub objects: Vec<ObjectRef>,
    /// What is wrong here, naming the objects.
    pub message: String,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of a rule, with the rule's code and severity.
    pub fn new(rule: &RuleInfo, objects: Vec<ObjectRef>, message: impl Into<String>) -> Self {
        Self {
            code: rule.code,
            severity: rule.severity,
            objects,
            message: message.into(),
            fix: None,
        }
    }

    /// The table the finding is about: that of its first object which belongs to one.
    pub fn table(&self, design: &Design) -> Option<TableId> {
        self.objects.iter().find_map(|object| match object {
            ObjectRef::Table(table)
            | ObjectRef::Column { table, .. }
            | ObjectRef::Index { table, .. } => Some(*table),
            ObjectRef::ForeignKey(id) => design.foreign_key(*id).map(|fk| fk.from_table),
        })
    }

    /// [`Finding::table`] through the review's lookups.
    pub(crate) fn table_in(&self, cx: &crate::context::Context<'_>) -> Option<TableId> {
        self.objects.iter().find_map(|object| match object {
            ObjectRef::Table(table)
            | ObjectRef::Column { table, .. }
            | ObjectRef::Index { table, .. } => Some(*table),
            ObjectRef::ForeignKey(id) => cx.foreign_key(*id).map(|fk| fk.from_table),
        })
    }

    /// Where the finding is, by name: its first object (`table`, `table.column`, ...).
    pub fn location(&self, design: &Design) -> String {
        self.objects
            .first()
            .map(|object| describe_object(design, *object))
            .unwrap_or_default()
    }
}

/// An object by name: `table`, `table.column`, `table(a) -> parent(b)`, `table.index_name`.
/// Objects no longer in the design are shown by id.
pub fn describe_object(design: &Design, object: ObjectRef) -> String {
    match object {
        ObjectRef::Table(id) => table_name(design, id),
        ObjectRef::Column { table, column } => {
            let column_name = design
                .column(table, column)
                .map_or_else(|| format!("#{}", column.0), |found| found.name.clone());
            format!("{}.{column_name}", table_name(design, table))
        }
        ObjectRef::ForeignKey(id) => match design.foreign_key(id) {
            Some(fk) => format!(
                "{}({}) -> {}({})",
                table_name(design, fk.from_table),
                column_names(design, fk.from_table, &fk.from_columns),
                table_name(design, fk.to_table),
                column_names(design, fk.to_table, &fk.to_columns)
            ),
            None => format!("relationship #{}", id.0),
        },
        ObjectRef::Index { table, position } => {
            let index = design
                .table(table)
                .and_then(|found| found.indexes.get(position));
            let name = match index.and_then(|index| index.name.clone()) {
                Some(name) => name,
                None => format!("index #{}", position + 1),
            };
            format!("{}.{name}", table_name(design, table))
        }
    }
}

/// A column by name as findings show it: `table.column`.
pub(crate) fn column_label(table: &Table, column: &Column) -> String {
    format!("{}.{}", table.display_name(), column.name)
}

fn table_name(design: &Design, id: TableId) -> String {
    design
        .table(id)
        .map_or_else(|| format!("table #{}", id.0), |table| table.display_name())
}

/// Column names of a table joined by `, `.
pub fn column_names(design: &Design, table: TableId, columns: &[ColumnId]) -> String {
    let names: Vec<String> = columns
        .iter()
        .map(|column| {
            design
                .column(table, *column)
                .map_or_else(|| format!("#{}", column.0), |found| found.name.clone())
        })
        .collect();
    names.join(", ")
}
