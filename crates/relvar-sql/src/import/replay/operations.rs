//! ALTER TABLE operations one at a time: those sqlparser parsed, and, when it rejects the whole
//! statement, each operation split from the tokens and read alone, so one unreadable operation
//! (`ALTER COLUMN c DROP IDENTITY`, SQL Server `ALTER COLUMN c bigint NOT NULL`, MySQL `DROP KEY
//! k`) no longer loses the others.

use relvar_model::{Identity, TableId};
use sqlparser::ast::{AlterTableOperation, RenameTableNameKind, Statement};
use sqlparser::tokenizer::{Token, Tokenizer};

use super::columns::{Redefine, column_definition};
use super::constraints::{CONSTRAINTS, Kinds};
use crate::diagnostic::Severity;
use crate::dialect::{Dialect, SqlSyntax};
use crate::import::Importer;
use crate::import::alter_table::Outcome;
use crate::import::names::QualifiedName;
use crate::import::token_reader::TokenReader;
use crate::recover::unquoted_word;

/// Words an ALTER TABLE operation starts with.
const VERBS: &[&str] = &[
    "ADD", "DROP", "ALTER", "RENAME", "MODIFY", "CHANGE", "SET", "OWNER", "ENABLE", "DISABLE",
    "VALIDATE", "ATTACH", "DETACH", "INHERIT", "NO", "CLUSTER", "REPLICA", "FORCE", "WITH",
];

impl Importer {
    /// Replays one parsed operation other than ADD of a constraint.
    pub(in crate::import) fn replay_operation(
        &mut self,
        table_id: TableId,
        operation: &AlterTableOperation,
    ) -> Outcome {
        let dialect = self.dialect;
        let fold = |ident: &sqlparser::ast::Ident| dialect.fold(ident);
        match operation {
            AlterTableOperation::AddColumn {
                if_not_exists,
                column_def,
                column_position,
                ..
            } => self.alter_add_column(
                table_id,
                column_def,
                *if_not_exists,
                column_position.as_ref(),
            ),
            AlterTableOperation::DropColumn {
                column_names,
                if_exists,
                ..
            } => {
                let mut outcome = Outcome::Modelled;
                for name in column_names {
                    match self.alter_drop_column(table_id, name, *if_exists) {
                        Outcome::Modelled => {}
                        other => outcome = other,
                    }
                }
                outcome
            }
            AlterTableOperation::DropConstraint {
                if_exists,
                name,
                drop_behavior,
            } => {
                let cascade = matches!(drop_behavior, Some(sqlparser::ast::DropBehavior::Cascade));
                self.drop_by_name(table_id, &fold(name), CONSTRAINTS, *if_exists, cascade)
            }
            AlterTableOperation::DropPrimaryKey { .. } => self.drop_primary_key(table_id),
            AlterTableOperation::DropForeignKey { name, .. } => {
                self.drop_by_name(table_id, &fold(name), FOREIGN_KEYS, false, false)
            }
            AlterTableOperation::DropIndex { name } => {
                let kinds = self.index_kinds(false);
                self.drop_by_name(table_id, &fold(name), kinds, false, false)
            }
            AlterTableOperation::RenameColumn {
                old_column_name,
                new_column_name,
            } => self.alter_rename_column(table_id, old_column_name, new_column_name),
            AlterTableOperation::RenameTable { table_name } => {
                let (RenameTableNameKind::To(name) | RenameTableNameKind::As(name)) = table_name;
                match QualifiedName::from_object_name(name, dialect) {
                    Some(new) => self.rename_table(table_id, new),
                    None => Outcome::NotModelled,
                }
            }
            AlterTableOperation::RenameConstraint { old_name, new_name } => {
                self.rename_by_name(table_id, &fold(old_name), fold(new_name), CONSTRAINTS)
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                self.alter_column(table_id, column_name, op)
            }
            AlterTableOperation::ChangeColumn {
                old_name,
                new_name,
                data_type,
                options,
                column_position,
            } => {
                let definition = column_definition(new_name, data_type, options);
                self.redefine_column(
                    table_id,
                    old_name,
                    &definition,
                    column_position.as_ref(),
                    Redefine::Whole,
                )
            }
            AlterTableOperation::ModifyColumn {
                col_name,
                data_type,
                options,
                column_position,
            } => {
                let definition = column_definition(col_name, data_type, options);
                self.redefine_column(
                    table_id,
                    col_name,
                    &definition,
                    column_position.as_ref(),
                    Redefine::Whole,
                )
            }
            _ => Outcome::NotModelled,
        }
    }

    /// An ALTER TABLE sqlparser rejected, read one operation at a time; `false` when its head
    /// cannot be read or its table is not in the design (left to the usual reading).
    pub(in crate::import) fn alter_table_by_operations(&mut self, text: &str) -> bool {
        let parser_dialect = self.dialect.parser_dialect();
        let Ok(tokens) = Tokenizer::new(parser_dialect.as_ref(), text).tokenize() else {
            return false;
        };
        let Some((name, written, body)) = alter_head(&tokens, self.dialect) else {
            return false;
        };
        let Some(table_id) = self.table_named(&name) else {
            return false;
        };
        let operations = split_operations(body, self.dialect);
        let mut kept = Vec::new();
        let mut reasons = Vec::new();
        for operation in operations {
            let operation = operation.trim();
            match self.replay_written_operation(table_id, &name, &written, operation) {
                Outcome::Modelled => {}
                Outcome::NotModelled if strip_keyword(operation, "ADD").is_some() => {
                    let statement = format!("ALTER TABLE {written} {operation}");
                    let problem = self.parse_operation(&statement).err().unwrap_or_default();
                    let problem = problem
                        .rsplit_once(" at Line: ")
                        .map_or(problem.as_str(), |(message, _)| message);
                    let message = format!(
                        "could not read this ALTER TABLE operation ({problem}); it is kept as written"
                    );
                    self.diagnose(Severity::Error, self.here(), message);
                    reasons.push(String::from("it could not be parsed"));
                    kept.push(operation.to_owned());
                }
                Outcome::NotModelled => {
                    let label: Vec<&str> = operation.split_ascii_whitespace().take(2).collect();
                    reasons.push(format!(
                        "ALTER TABLE {} is not modelled yet",
                        label.join(" ")
                    ));
                    kept.push(operation.to_owned());
                }
                Outcome::Conflict(problem) => {
                    let message =
                        format!("{} {problem}; this one is kept as written", name.display());
                    self.diagnose(Severity::Warning, self.here(), message);
                    reasons.push(String::from("it does not apply to the design"));
                    kept.push(operation.to_owned());
                }
            }
        }
        if !kept.is_empty() {
            let statement = format!("ALTER TABLE {written} {}", kept.join(", "));
            reasons.dedup();
            self.keep_whole(&statement, &reasons.join("; "));
        }
        true
    }

    /// One operation as written: parsed by sqlparser when it can, else read from its tokens.
    fn replay_written_operation(
        &mut self,
        table_id: TableId,
        name: &QualifiedName,
        written: &str,
        operation: &str,
    ) -> Outcome {
        if let Ok(statements) = self.parse_operation(&format!("ALTER TABLE {written} {operation}"))
            && let [Statement::AlterTable(alter)] = statements.as_slice()
        {
            let mut outcome = Outcome::Modelled;
            for parsed in &alter.operations {
                match self.apply_operation(table_id, name, parsed) {
                    Outcome::Modelled => {}
                    other => outcome = other,
                }
            }
            return outcome;
        }
        if self.dialect == Dialect::MsSql
            && let Some(elements) = strip_keyword(operation, "ADD")
        {
            return self.add_elements(table_id, name, elements);
        }
        self.token_operation(table_id, name, operation)
    }

    /// Operations sqlparser 0.63 does not read.
    fn token_operation(
        &mut self,
        table_id: TableId,
        name: &QualifiedName,
        operation: &str,
    ) -> Outcome {
        let Some(mut reader) = TokenReader::new(operation, self.dialect) else {
            return Outcome::NotModelled;
        };
        let verb = reader.next_keyword().unwrap_or_default();
        match verb.as_str() {
            "ALTER" => {
                reader.keyword("COLUMN");
                let Some(column) = reader.parts().pop() else {
                    return Outcome::NotModelled;
                };
                if reader.keyword("DROP") && reader.keyword("IDENTITY") {
                    let if_exists = reader.if_exists().unwrap_or(false);
                    return self.set_identity(table_id, &column, None, if_exists);
                }
                // pg_dump's `ADD GENERATED ... AS IDENTITY (SEQUENCE NAME s ...)`: the
                // sequence options are not modelled (see the crate's deliberate absences).
                if reader.keyword("ADD") && reader.keyword("GENERATED") {
                    let identity = if reader.keyword("ALWAYS") {
                        Identity::Always
                    } else {
                        Identity::ByDefault
                    };
                    let outcome = self.set_identity(table_id, &column, Some(identity), false);
                    if let Some(column) = self.column_of(table_id, &column).and_then(|id| {
                        self.design
                            .table_mut(table_id)?
                            .columns
                            .iter_mut()
                            .find(|c| c.id == id)
                    }) {
                        column.nullable = false;
                    }
                    return outcome;
                }
                if reader.keyword("SET") && reader.keyword("GENERATED") {
                    let identity = if reader.keyword("ALWAYS") {
                        Identity::Always
                    } else {
                        Identity::ByDefault
                    };
                    return self.set_identity(table_id, &column, Some(identity), false);
                }
                if self.dialect == Dialect::MsSql {
                    let definition = strip_keyword(operation, "ALTER")
                        .map(|rest| strip_keyword(rest, "COLUMN").unwrap_or(rest));
                    if let Some(definition) = definition {
                        return self.alter_column_definition(table_id, definition);
                    }
                }
                Outcome::NotModelled
            }
            "ADD"
                if reader.token(&Token::LParen)
                    || reader.keyword("COLUMN") && reader.token(&Token::LParen) =>
            {
                let list = operation
                    .find('(')
                    .and_then(|open| operation.get(open + 1..operation.rfind(')')?));
                match list {
                    Some(list) => self.add_elements(table_id, name, list),
                    None => Outcome::NotModelled,
                }
            }
            "DROP" => {
                let kinds = match reader.next_keyword().as_deref() {
                    Some("KEY" | "INDEX") => self.index_kinds(false),
                    Some("CHECK") => CHECKS,
                    _ => return Outcome::NotModelled,
                };
                let if_exists = reader.if_exists().unwrap_or(false);
                match reader.parts().pop() {
                    Some(index) if reader.done() => {
                        self.drop_by_name(table_id, &index, kinds, if_exists, false)
                    }
                    _ => Outcome::NotModelled,
                }
            }
            "RENAME" if matches!(reader.next_keyword().as_deref(), Some("INDEX" | "KEY")) => {
                let old = reader.parts().pop();
                let new = if reader.keyword("TO") {
                    reader.parts().pop()
                } else {
                    None
                };
                match (old, new) {
                    (Some(old), Some(new)) if reader.done() => {
                        let kinds = self.index_kinds(true);
                        self.rename_by_name(table_id, &old, new, kinds)
                    }
                    _ => Outcome::NotModelled,
                }
            }
            "SET" if reader.keyword("SCHEMA") => match reader.parts().pop() {
                Some(schema) if reader.done() => {
                    let moved = QualifiedName {
                        schema: Some(schema),
                        name: name.name.clone(),
                    };
                    self.rename_table(table_id, moved)
                }
                _ => Outcome::NotModelled,
            },
            _ => Outcome::NotModelled,
        }
    }

    /// Columns and constraints added by one ADD list (`ADD a int, b text, CONSTRAINT ...`), read
    /// as the body of a CREATE TABLE.
    fn add_elements(&mut self, table_id: TableId, name: &QualifiedName, elements: &str) -> Outcome {
        let Ok(statements) = self.parse_operation(&format!("CREATE TABLE t ({elements})")) else {
            return Outcome::NotModelled;
        };
        let [Statement::CreateTable(create)] = statements.as_slice() else {
            return Outcome::NotModelled;
        };
        let mut outcome = Outcome::Modelled;
        for column in &create.columns {
            if let other @ (Outcome::NotModelled | Outcome::Conflict(_)) =
                self.alter_add_column(table_id, column, false, None)
            {
                outcome = other;
            }
        }
        for constraint in &create.constraints {
            let operation = AlterTableOperation::AddConstraint {
                constraint: constraint.clone(),
                not_valid: false,
            };
            if let other @ (Outcome::NotModelled | Outcome::Conflict(_)) =
                self.apply_operation(table_id, name, &operation)
            {
                outcome = other;
            }
        }
        outcome
    }

    /// SQL Server `ALTER COLUMN c type [NULL | NOT NULL] [COLLATE x]`.
    fn alter_column_definition(&mut self, table_id: TableId, definition: &str) -> Outcome {
        let Ok(statements) = self.parse_operation(&format!("CREATE TABLE t ({definition})")) else {
            return Outcome::NotModelled;
        };
        match statements.as_slice() {
            [Statement::CreateTable(create)] => match create.columns.as_slice() {
                [column] => self.redefine_column(
                    table_id,
                    &column.name,
                    column,
                    None,
                    Redefine::TypeAndNullability,
                ),
                _ => Outcome::NotModelled,
            },
            _ => Outcome::NotModelled,
        }
    }
}

const FOREIGN_KEYS: Kinds = Kinds {
    keys: false,
    checks: false,
    indexes: false,
    foreign_keys: true,
};

const CHECKS: Kinds = Kinds {
    keys: false,
    checks: true,
    indexes: false,
    foreign_keys: false,
};

/// `ALTER TABLE [ONLY] [IF EXISTS] name [WITH CHECK | NOCHECK]`: the table's name, as folded
/// and as written, and the tokens after it.
fn alter_head(tokens: &[Token], dialect: Dialect) -> Option<(QualifiedName, String, &[Token])> {
    let mut at = 0;
    let mut next_word = |expected: &[&str]| -> Option<String> {
        while matches!(tokens.get(at), Some(Token::Whitespace(_))) {
            at += 1;
        }
        let word = unquoted_word(tokens.get(at)?)?;
        if expected.contains(&word.as_str()) {
            at += 1;
            Some(word)
        } else {
            None
        }
    };
    next_word(&["ALTER"])?;
    next_word(&["TABLE"])?;
    while next_word(&["ONLY", "IF", "EXISTS"]).is_some() {}
    while matches!(tokens.get(at), Some(Token::Whitespace(_))) {
        at += 1;
    }
    let start = at;
    let mut parts = Vec::new();
    while let Some(Token::Word(word)) = tokens.get(at) {
        parts.push(crate::import::names::fold_word(word, dialect));
        at += 1;
        if tokens.get(at) != Some(&Token::Period) {
            break;
        }
        at += 1;
    }
    let written: String = tokens
        .get(start..at)?
        .iter()
        .map(ToString::to_string)
        .collect();
    let name = QualifiedName::from_parts(parts)?;
    let mut body = tokens.get(at..)?;
    let words: Vec<Option<String>> = body
        .iter()
        .filter(|token| !matches!(token, Token::Whitespace(_)))
        .take(2)
        .map(unquoted_word)
        .collect();
    if let [Some(with), Some(check)] = words.as_slice()
        && with == "WITH"
        && matches!(check.as_str(), "CHECK" | "NOCHECK")
    {
        let skip = body
            .iter()
            .position(|token| unquoted_word(token).as_deref() == Some(check.as_str()))?;
        body = body.get(skip + 1..)?;
    }
    Some((name, written, body))
}

/// The operations of an ALTER TABLE's body as written, split at top-level commas. SQL Server
/// lists several columns or constraints after one verb (`DROP COLUMN a, b`): such a piece gets
/// the verb of the one before it.
fn split_operations(body: &[Token], dialect: Dialect) -> Vec<String> {
    let mut pieces: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    for token in body {
        match token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::SemiColon => continue,
            Token::Comma if depth == 0 => {
                pieces.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push_str(&token.to_string());
        }
    }
    if dialect == Dialect::MsSql
        && pieces
            .first()
            .is_some_and(|first| strip_keyword(first, "ADD").is_some())
    {
        return vec![pieces.join(",").trim().to_owned()];
    }
    let mut operations: Vec<String> = Vec::new();
    let mut verb = String::new();
    for piece in pieces {
        let piece = piece.trim().to_owned();
        let first = piece
            .split_ascii_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        if VERBS.contains(&first.as_str()) {
            let second = piece.split_ascii_whitespace().nth(1).unwrap_or_default();
            verb = if ["COLUMN", "CONSTRAINT"]
                .iter()
                .any(|w| second.eq_ignore_ascii_case(w))
            {
                format!("{first} {}", second.to_ascii_uppercase())
            } else {
                first
            };
            operations.push(piece);
        } else if matches!(first.as_str(), "COLUMN" | "CONSTRAINT") {
            let head = verb.split(' ').next().unwrap_or_default().to_owned();
            operations.push(format!("{head} {piece}"));
        } else if !piece.is_empty() {
            operations.push(format!("{verb} {piece}"));
        }
    }
    operations
}

/// The text after a leading keyword (any case), if it starts with it.
fn strip_keyword<'t>(text: &'t str, keyword: &str) -> Option<&'t str> {
    let text = text.trim_start();
    let head = text.get(..keyword.len())?;
    let rest = text.get(keyword.len()..)?;
    (head.eq_ignore_ascii_case(keyword)
        && rest.starts_with(|c: char| c.is_whitespace() || c == '('))
    .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operations(text: &str, dialect: Dialect) -> Vec<String> {
        let parser_dialect = dialect.parser_dialect();
        let tokens = Tokenizer::new(parser_dialect.as_ref(), text)
            .tokenize()
            .unwrap_or_default();
        alter_head(&tokens, dialect)
            .map(|(_, _, body)| split_operations(body, dialect))
            .unwrap_or_default()
    }

    #[test]
    fn operations_are_split_at_top_level_commas_and_lists_get_their_verb() {
        assert_eq!(
            operations(
                "ALTER TABLE t ALTER COLUMN a DROP IDENTITY, ADD b numeric(5, 2), DROP c",
                Dialect::PostgreSql
            ),
            [
                "ALTER COLUMN a DROP IDENTITY",
                "ADD b numeric(5, 2)",
                "DROP c"
            ]
        );
        assert_eq!(
            operations(
                "ALTER TABLE [dbo].[t] DROP COLUMN a, b, CONSTRAINT c",
                Dialect::MsSql
            ),
            ["DROP COLUMN a", "DROP COLUMN b", "DROP CONSTRAINT c"]
        );
        assert_eq!(
            operations("ALTER TABLE t WITH CHECK ADD a int, b int", Dialect::MsSql),
            ["ADD a int, b int"]
        );
    }
}
