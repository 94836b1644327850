//! `DROP TABLE | VIEW | INDEX | TYPE | DOMAIN | SEQUENCE [CONCURRENTLY] [IF EXISTS] names [ON
//! table] [CASCADE]`, read from tokens (sqlparser 0.63 rejects `DROP INDEX CONCURRENTLY IF
//! EXISTS`), with what depends on the dropped object.

use relvar_model::{Command, TableId};
use sqlparser::tokenizer::Token;

use super::columns::owned_by;
use super::constraints::Named;
use super::in_schema;
use crate::diagnostic::Severity;
use crate::dialect::Dialect;
use crate::import::Importer;
use crate::import::names::QualifiedName;
use crate::import::token_reader::TokenReader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Table,
    View,
    Index,
    Type,
    Domain,
    Sequence,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::View => "view",
            Self::Index => "index",
            Self::Type => "type",
            Self::Domain => "domain",
            Self::Sequence => "sequence",
        }
    }
}

/// One object a DROP names: its name's parts and, for `DROP INDEX i ON t`, the table's.
struct Target {
    parts: Vec<String>,
    on: Option<Vec<String>>,
}

impl Importer {
    /// Models a DROP of tables, views, indexes, types, domains or sequences; `false` for other
    /// DROPs and for text it cannot read, left to the usual reading.
    pub(in crate::import) fn drop_statement(&mut self, text: &str) -> bool {
        let Some(mut reader) = TokenReader::new(text, self.dialect) else {
            return false;
        };
        let Some((kind, if_exists, targets, cascade)) = read_drop(&mut reader) else {
            return false;
        };
        let mut refused = Vec::new();
        for target in targets {
            if let Err(problem) = self.drop_one(kind, &target, cascade) {
                match problem {
                    Some(problem) => refused.push(problem),
                    None if if_exists => {}
                    None => {
                        refused.push(format!("{} is not in the design", target.parts.join(".")))
                    }
                }
            }
        }
        if !refused.is_empty() {
            let message = format!(
                "DROP {}: {}; kept as written",
                kind.label().to_ascii_uppercase(),
                refused.join("; ")
            );
            self.diagnose(Severity::Warning, self.here(), message);
            self.keep(text.to_owned(), "it drops something not in the design");
        }
        true
    }

    /// Drops one object: `Err(None)` when it is not in the design, `Err(Some(why))` when the
    /// engine would refuse.
    fn drop_one(
        &mut self,
        kind: Kind,
        target: &Target,
        cascade: bool,
    ) -> Result<(), Option<String>> {
        let name = QualifiedName::from_parts(target.parts.clone()).ok_or(None)?;
        match kind {
            Kind::Table => {
                let id = self.table_named(&name).ok_or(None)?;
                self.drop_table(id, cascade);
            }
            Kind::View => {
                let index = self.view_index(&name).ok_or(None)?;
                if index < self.design.views.len() {
                    self.design.views.remove(index);
                }
            }
            Kind::Index => self.drop_index(target)?,
            Kind::Type | Kind::Domain => self.drop_type(kind == Kind::Domain, &name, cascade)?,
            Kind::Sequence => {
                let before = self.design.sequences.len();
                let mut dropped = false;
                self.design.sequences.retain(|sequence| {
                    let same = !dropped
                        && sequence.name.eq_ignore_ascii_case(&name.name)
                        && in_schema(name.schema.as_deref(), sequence.schema.as_deref());
                    dropped |= same;
                    !same
                });
                if self.design.sequences.len() == before {
                    return Err(None);
                }
            }
        }
        Ok(())
    }

    /// Drops a table with its partitions, the sequences it owns, its waiting foreign keys and,
    /// with `cascade`, the views that read it, the tables that inherit from it and the foreign
    /// keys that reference it.
    pub(super) fn drop_table(&mut self, id: TableId, cascade: bool) {
        let mut doomed = vec![id];
        while let Some(id) = doomed.pop() {
            let Some(table) = self.design.table(id) else {
                continue;
            };
            let owner = (table.qualified_name(), table.name.clone());
            let parts: Vec<String> = table.schema.iter().chain([&table.name]).cloned().collect();
            doomed.extend(
                self.design
                    .tables
                    .iter()
                    .filter(|other| other.id != id)
                    .filter(|other| {
                        other
                            .partition_of
                            .as_ref()
                            .is_some_and(|of| of.parent.eq_ignore_ascii_case(&owner.0))
                    })
                    .map(|other| other.id),
            );
            if cascade {
                doomed.extend(self.inheritors(id));
                self.design.views.retain(|view| {
                    !view
                        .reads
                        .iter()
                        .any(|read| read.eq_ignore_ascii_case(&owner.0))
                });
            }
            self.forget_pending_on_table(id, cascade);
            self.forget_kept_on_table(&parts);
            self.design.sequences.retain(|sequence| {
                !sequence
                    .owned_by
                    .as_ref()
                    .is_some_and(|by| owned_by(by, &owner))
            });
            let _ = Command::DeleteTable { table: id }.apply(&mut self.design);
        }
    }

    fn drop_index(&mut self, target: &Target) -> Result<(), Option<String>> {
        let (table, found) = self
            .find_index(&target.parts, target.on.as_deref(), false)
            .ok_or(None)?;
        self.drop_named(table, found, false);
        Ok(())
    }

    /// The index a `DROP INDEX` or `ALTER INDEX` names: `[schema.]index` (PostgreSQL, SQLite),
    /// `[schema.]table.index` (SQL Server) or `index ON table`; with `rename`, also the key
    /// constraint an index rename renames.
    pub(super) fn find_index(
        &self,
        parts: &[String],
        on: Option<&[String]>,
        rename: bool,
    ) -> Option<(TableId, Named)> {
        let mut parts = parts.to_vec();
        let index = parts.pop()?;
        let tables: Vec<TableId> = match on {
            Some(on) => {
                let on = QualifiedName::from_parts(on.to_vec())?;
                self.table_named(&on).into_iter().collect()
            }
            None if self.dialect == Dialect::MsSql => {
                let on = QualifiedName::from_parts(parts)?;
                self.table_named(&on).into_iter().collect()
            }
            None => {
                let schema = parts.pop();
                self.design
                    .tables
                    .iter()
                    .filter(|table| in_schema(schema.as_deref(), table.schema.as_deref()))
                    .map(|table| table.id)
                    .collect()
            }
        };
        let kinds = self.index_kinds(rename);
        tables.into_iter().find_map(|table| {
            self.find_named(table, &index, kinds)
                .map(|found| (table, found))
        })
    }

    fn drop_type(
        &mut self,
        domain: bool,
        name: &QualifiedName,
        cascade: bool,
    ) -> Result<(), Option<String>> {
        let matches = |schema: &Option<String>, own: &str| {
            own.eq_ignore_ascii_case(&name.name)
                && in_schema(name.schema.as_deref(), schema.as_deref())
        };
        let (index, names) = if domain {
            let index = self
                .design
                .domains
                .iter()
                .position(|d| matches(&d.schema, &d.name))
                .ok_or(None)?;
            let domain = self.design.domains.get(index).ok_or(None)?;
            (index, [domain.name.clone(), domain.qualified_name()])
        } else {
            let index = self
                .design
                .enums
                .iter()
                .position(|e| matches(&e.schema, &e.name))
                .ok_or(None)?;
            let enum_type = self.design.enums.get(index).ok_or(None)?;
            (index, [enum_type.name.clone(), enum_type.qualified_name()])
        };
        let users: Vec<(TableId, String, String)> = self
            .design
            .tables
            .iter()
            .flat_map(|table| {
                table
                    .columns
                    .iter()
                    .filter(|column| {
                        let unquoted = column.data_type.replace('"', "");
                        names.iter().any(|name| unquoted.eq_ignore_ascii_case(name))
                    })
                    .map(|column| {
                        let written = format!("{}.{}", table.qualified_name(), column.name);
                        (table.id, column.name.clone(), written)
                    })
            })
            .collect();
        if !users.is_empty() && !cascade {
            let columns: Vec<&str> = users
                .iter()
                .map(|(_, _, written)| written.as_str())
                .collect();
            return Err(Some(format!(
                "{} is used by {} (CASCADE would drop them)",
                name.display(),
                columns.join(", ")
            )));
        }
        for (table, column, _) in users {
            let ident = sqlparser::ast::Ident::with_quote('"', column);
            let _ = self.alter_drop_column(table, &ident, true);
        }
        if domain {
            if index < self.design.domains.len() {
                self.design.domains.remove(index);
            }
        } else if index < self.design.enums.len() {
            self.design.enums.remove(index);
        }
        Ok(())
    }
}

/// `DROP kind [CONCURRENTLY] [IF EXISTS] name [ON table] [, ...] [CASCADE | RESTRICT]`: the kind,
/// IF EXISTS, the targets and CASCADE; `None` for anything else.
fn read_drop(reader: &mut TokenReader) -> Option<(Kind, bool, Vec<Target>, bool)> {
    if !reader.keyword("DROP") {
        return None;
    }
    let _ = reader.keyword("TEMPORARY") || reader.keyword("TEMP");
    let kind = match reader.next_keyword()?.as_str() {
        "TABLE" => Kind::Table,
        "VIEW" => Kind::View,
        "MATERIALIZED" if reader.keyword("VIEW") => Kind::View,
        "INDEX" => Kind::Index,
        "TYPE" => Kind::Type,
        "DOMAIN" => Kind::Domain,
        "SEQUENCE" => Kind::Sequence,
        _ => return None,
    };
    if kind == Kind::Index {
        reader.keyword("CONCURRENTLY");
    }
    let if_exists = reader.if_exists()?;
    let mut targets = Vec::new();
    loop {
        let parts = reader.parts();
        if parts.is_empty() {
            return None;
        }
        let on = if reader.keyword("ON") {
            Some(reader.parts()).filter(|on| !on.is_empty())
        } else {
            None
        };
        targets.push(Target { parts, on });
        if !reader.token(&Token::Comma) {
            break;
        }
    }
    let cascade = reader.keyword("CASCADE");
    let _ = reader.keyword("RESTRICT") || reader.keyword("PURGE");
    reader.done().then_some((kind, if_exists, targets, cascade))
}
