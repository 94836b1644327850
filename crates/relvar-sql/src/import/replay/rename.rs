//! Renames of tables and indexes: `ALTER TABLE ... RENAME TO` and `SET SCHEMA`, MySQL `RENAME
//! TABLE a TO b, ...`, PostgreSQL `ALTER INDEX [IF EXISTS] i RENAME TO j`, SQL Server
//! `EXEC sp_rename 'object', 'new name' [, 'COLUMN' | 'INDEX' | 'OBJECT']`.

use relvar_model::TableId;
use sqlparser::ast::Ident;

use super::constraints::CONSTRAINTS;
use crate::diagnostic::Severity;
use crate::import::Importer;
use crate::import::alter_table::Outcome;
use crate::import::comments::{procedure_argument, procedure_arguments};
use crate::import::names::QualifiedName;
use crate::import::token_reader::TokenReader;

impl Importer {
    /// Renames a table (into `new.schema` when given, else its own) and what names it: waiting
    /// foreign keys, sequence owners, partitions and inheritors.
    pub(super) fn rename_table(&mut self, id: TableId, new: QualifiedName) -> Outcome {
        let Some(table) = self.design.table(id) else {
            return Outcome::NotModelled;
        };
        let new = QualifiedName {
            schema: new.schema.or_else(|| table.schema.clone()),
            name: new.name,
        };
        let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (None, None) => true,
            _ => false,
        };
        let taken = self.design.tables.iter().any(|other| {
            other.id != id
                && other.name.eq_ignore_ascii_case(&new.name)
                && same(&other.schema, &new.schema)
        });
        if taken {
            return Outcome::Conflict(format!("cannot be renamed: {} exists", new.display()));
        }
        let old = (table.qualified_name(), table.name.clone());
        self.freeze_generated_names(id, true);
        self.retarget_pending(id, &new);
        let renamed = new.display();
        for sequence in &mut self.design.sequences {
            if let Some(owner) = &mut sequence.owned_by
                && super::columns::owned_by(owner, &old)
            {
                owner.table.clone_from(&renamed);
            }
        }
        for table in &mut self.design.tables {
            if let Some(of) = &mut table.partition_of
                && of.parent.eq_ignore_ascii_case(&old.0)
            {
                of.parent.clone_from(&renamed);
            }
        }
        self.rename_parent(&old, &renamed);
        if let Some(table) = self.design.table_mut(id) {
            table.schema = new.schema;
            table.name = new.name;
        }
        Outcome::Modelled
    }

    /// MySQL `RENAME TABLE a TO b, c TO d`, each pair in turn.
    pub(in crate::import) fn rename_tables(
        &mut self,
        pairs: &[sqlparser::ast::RenameTable],
        text: &str,
    ) {
        for pair in pairs {
            let old = QualifiedName::from_object_name(&pair.old_name, self.dialect);
            let new = QualifiedName::from_object_name(&pair.new_name, self.dialect);
            let outcome = match (old.as_ref().and_then(|old| self.table_named(old)), new) {
                (Some(id), Some(new)) => self.rename_table(id, new),
                _ => Outcome::Conflict(format!("{} is not a table of the design", pair.old_name)),
            };
            self.settle(outcome, "RENAME TABLE", text);
        }
    }

    /// `ALTER INDEX [IF EXISTS] name RENAME TO new`; `false` for other ALTER INDEX statements.
    pub(in crate::import) fn alter_index(&mut self, text: &str) -> bool {
        let Some(mut reader) = TokenReader::new(text, self.dialect) else {
            return false;
        };
        if !(reader.keyword("ALTER") && reader.keyword("INDEX")) {
            return false;
        }
        let Some(if_exists) = reader.if_exists() else {
            return false;
        };
        let parts = reader.parts();
        if parts.is_empty() || !(reader.keyword("RENAME") && reader.keyword("TO")) {
            return false;
        }
        let Some(new) = reader.parts().pop() else {
            return false;
        };
        if !reader.done() {
            return false;
        }
        let outcome = match self.find_index(&parts, None, true) {
            Some((table, found)) => {
                self.rename_named(table, found, new);
                Outcome::Modelled
            }
            None if if_exists => Outcome::Modelled,
            None => Outcome::Conflict(format!("index {} is not in the design", parts.join("."))),
        };
        self.settle(outcome, "ALTER INDEX", text);
        true
    }

    /// SQL Server `EXEC sp_rename 'object', 'new name' [, 'kind']`; `false` for other calls.
    pub(in crate::import) fn sp_rename(&mut self, text: &str) -> bool {
        let Some(arguments) = procedure_arguments(text, "sp_rename") else {
            return false;
        };
        let argument = |position: usize, name: &str| {
            procedure_argument(&arguments, position, name).map(str::to_owned)
        };
        let (Some(object), Some(new)) = (argument(0, "@objname"), argument(1, "@newname")) else {
            return false;
        };
        let kind = argument(2, "@objtype").map(|kind| kind.to_ascii_uppercase());
        let mut parts = dotted_parts(&object);
        let Some(last) = parts.pop() else {
            return false;
        };
        let outcome = match kind.as_deref() {
            Some("COLUMN") => {
                match QualifiedName::from_parts(parts).and_then(|t| self.table_named(&t)) {
                    Some(table) => self.alter_rename_column(
                        table,
                        &Ident::with_quote('[', last),
                        &Ident::with_quote('[', new),
                    ),
                    None => Outcome::Conflict(format!("{object} is not a column of the design")),
                }
            }
            Some("INDEX") => {
                parts.push(last);
                match self.find_index(&parts, None, true) {
                    Some((table, found)) => {
                        self.rename_named(table, found, new);
                        Outcome::Modelled
                    }
                    None => Outcome::Conflict(format!("index {object} is not in the design")),
                }
            }
            None | Some("OBJECT") => self.rename_object(parts.pop(), &last, new),
            Some(_) => return false,
        };
        self.settle(outcome, "sp_rename", text);
        true
    }

    /// `sp_rename 'schema.name', 'new'`: a table, else a constraint of a table in that schema.
    fn rename_object(&mut self, schema: Option<String>, name: &str, new: String) -> Outcome {
        let qualified = QualifiedName {
            schema: schema.clone(),
            name: name.to_owned(),
        };
        if let Some(table) = self.table_named(&qualified) {
            return self.rename_table(
                table,
                QualifiedName {
                    schema: None,
                    name: new,
                },
            );
        }
        let tables: Vec<TableId> = self
            .design
            .tables
            .iter()
            .filter(|table| super::in_schema(schema.as_deref(), table.schema.as_deref()))
            .map(|table| table.id)
            .collect();
        let found = tables.into_iter().find_map(|table| {
            self.find_named(table, name, CONSTRAINTS)
                .map(|found| (table, found))
        });
        match found {
            Some((table, found)) => {
                self.rename_named(table, found, new);
                Outcome::Modelled
            }
            None => Outcome::Conflict(format!("{} is not in the design", qualified.display())),
        }
    }

    /// Reports what became of a statement replayed whole: a conflict is a warning and the
    /// statement is kept as written.
    pub(super) fn settle(&mut self, outcome: Outcome, what: &str, text: &str) {
        match outcome {
            Outcome::Modelled => {}
            Outcome::NotModelled => self.keep_whole(text, &format!("{what} is not modelled yet")),
            Outcome::Conflict(problem) => {
                let message = format!("{what}: {problem}; kept as written");
                self.diagnose(Severity::Warning, self.here(), message);
                self.keep(text.to_owned(), "it does not apply to the design");
            }
        }
    }
}

/// `[dbo].[Order Details].[Id]` or `dbo.t.c` as its parts, brackets and quotes taken off.
pub(super) fn dotted_parts(name: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut close = None;
    for character in name.chars() {
        match (close, character) {
            (None, '[') => close = Some(']'),
            (None, '"') => close = Some('"'),
            (Some(end), found) if found == end => close = None,
            (None, '.') => parts.push(String::new()),
            (_, character) => {
                if let Some(part) = parts.last_mut() {
                    part.push(character);
                }
            }
        }
    }
    parts
        .into_iter()
        .map(|part| part.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sp_rename_names_are_split_outside_brackets() {
        assert_eq!(
            super::dotted_parts("[dbo].[Order.Details].Id"),
            ["dbo", "Order.Details", "Id"]
        );
    }
}
