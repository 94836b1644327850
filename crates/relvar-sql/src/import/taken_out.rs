//! Keeps what recovery took out of a statement where it belonged (on its column, on the table as
//! an element or an option, on the index) and tells the user where it stood: a warning for a
//! clause that could not be read, information for the clauses engines write that the model does
//! not hold (`recover::clauses`' `KNOWN`).

use relvar_model::IndexKind;

use super::Importer;
use super::create_table::column_id;
use crate::diagnostic::Severity;
use crate::dialect::SqlSyntax;
use crate::position::LineColumn;
use crate::recover::{Owner, Removal};

/// How many tables, and indexes in each, the design had before a statement was modelled.
pub(super) struct Marks {
    tables: usize,
    indexes: Vec<usize>,
}

/// Where a taken-out clause goes.
enum Home {
    Table(usize),
    Index(usize, usize),
    Nowhere,
}

impl Importer {
    pub(super) fn marks(&self) -> Marks {
        Marks {
            tables: self.design.tables.len(),
            indexes: self
                .design
                .tables
                .iter()
                .map(|table| table.indexes.len())
                .collect(),
        }
    }

    /// Keeps each removal on what the statement created; `statement` is where it starts.
    pub(super) fn keep_taken_out(
        &mut self,
        mut removals: Vec<Removal>,
        index_kind: Option<IndexKind>,
        marks: &Marks,
        statement: LineColumn,
        altered: bool,
    ) {
        relvar_model::order::sort_by_key(&mut removals[..], |removal| removal.at);
        let home = if self.design.tables.len() > marks.tables {
            Home::Table(self.design.tables.len() - 1)
        } else {
            self.design
                .tables
                .iter()
                .enumerate()
                .find(|(at, table)| {
                    table.indexes.len() > marks.indexes.get(*at).copied().unwrap_or(0)
                })
                .map_or(Home::Nowhere, |(at, table)| {
                    Home::Index(at, table.indexes.len() - 1)
                })
        };
        if matches!(home, Home::Nowhere) && !altered {
            // Nothing was made of the statement: it is kept whole, with its own diagnostic.
            return;
        }
        if let (Home::Index(table, index), Some(kind)) = (&home, index_kind)
            && let Some(index) = self
                .design
                .tables
                .get_mut(*table)
                .and_then(|table| table.indexes.get_mut(*index))
        {
            index.kind = Some(kind);
        }
        for removal in removals {
            let at = absolute(statement, removal.at);
            self.keep_one(removal, &home, at);
        }
    }

    fn keep_one(&mut self, removal: Removal, home: &Home, at: LineColumn) {
        let dialect = self.dialect;
        let Removal {
            text,
            owner,
            known,
            default,
            complaint,
            ..
        } = removal;
        let severity = if known {
            Severity::Info
        } else {
            Severity::Warning
        };
        let (place, kept) = match (home, &owner) {
            (Home::Table(table), Owner::Column(name)) => {
                let Some(table) = self.design.tables.get_mut(*table) else {
                    return;
                };
                let name = dialect.fold(name);
                let id = column_id(table, &name, dialect);
                let where_ = format!("{}.{name}", table.qualified_name());
                let Some(column) = table.columns.iter_mut().find(|c| Some(c.id) == id) else {
                    table.verbatim_elements.push(text.clone());
                    self.tell(
                        severity,
                        at,
                        &text,
                        &complaint,
                        &where_,
                        "as a table element",
                    );
                    return;
                };
                match default {
                    Some(default) if column.default.is_none() => {
                        column.default = Some(default.clone());
                        let message =
                            format!("{where_}: default {default} read as written, not parsed");
                        self.diagnose(Severity::Info, at, message);
                        return;
                    }
                    _ => column.verbatim.push(text.clone()),
                }
                (where_, "on its column")
            }
            (Home::Table(table), Owner::Element | Owner::Statement) => {
                let Some(table) = self.design.tables.get_mut(*table) else {
                    return;
                };
                let kept = if owner == Owner::Element {
                    table.verbatim_elements.push(text.clone());
                    "as a table element"
                } else {
                    table.verbatim_options.push(text.clone());
                    "as a table option"
                };
                (table.qualified_name(), kept)
            }
            (Home::Index(table, index), Owner::Statement) => {
                let Some(table) = self.design.tables.get_mut(*table) else {
                    return;
                };
                let where_ = table.qualified_name();
                let Some(index) = table.indexes.get_mut(*index) else {
                    return;
                };
                index.verbatim_options.push(text.clone());
                let where_ = match &index.name {
                    Some(name) => format!("{where_} index {name}"),
                    None => format!("{where_} index"),
                };
                (where_, "on the index")
            }
            (_, Owner::Separator) => {
                let message = format!("a stray comma was taken out ({complaint})");
                self.diagnose(Severity::Warning, at, message);
                return;
            }
            _ => {
                let message =
                    format!("`{text}` left out: the model holds no such option of a constraint");
                self.diagnose(severity, at, message);
                return;
            }
        };
        self.tell(severity, at, &text, &complaint, &place, kept);
    }

    fn tell(
        &mut self,
        severity: Severity,
        at: LineColumn,
        text: &str,
        complaint: &str,
        place: &str,
        kept: &str,
    ) {
        let message = if severity == Severity::Info {
            format!("carried as written, not modelled yet: {place}: {text}")
        } else {
            format!(
                "could not read `{text}` ({complaint}); taken out of {place} and kept {kept} as written"
            )
        };
        self.diagnose(severity, at, message);
    }
}

/// A position within a statement made a position in the script.
fn absolute(statement: LineColumn, within: LineColumn) -> LineColumn {
    if within.line <= 1 {
        LineColumn {
            line: statement.line,
            column: statement.column + within.column.saturating_sub(1),
        }
    } else {
        LineColumn {
            line: statement.line + within.line - 1,
            column: within.column,
        }
    }
}
