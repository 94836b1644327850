//! Comments on tables and columns: PostgreSQL `COMMENT ON`, SQL Server `MS_Description`
//! extended properties (MySQL's `COMMENT` clauses are read with their table).

use sqlparser::ast::{CommentObject, ObjectName};
use sqlparser::tokenizer::{Token, Tokenizer};

use super::Importer;
use super::create_table::column_id;
use crate::diagnostic::Severity;
use crate::dialect::SqlSyntax;

/// The parameters of `sp_addextendedproperty`, in their positional order.
const EXTENDED_PROPERTY_PARAMETERS: [&str; 8] = [
    "@name",
    "@value",
    "@level0type",
    "@level0name",
    "@level1type",
    "@level1name",
    "@level2type",
    "@level2name",
];

impl Importer {
    pub(super) fn comment_on(
        &mut self,
        object_type: CommentObject,
        object_name: &ObjectName,
        comment: Option<String>,
        text: &str,
    ) {
        let parts: Vec<String> = object_name
            .0
            .iter()
            .map(|part| match part {
                sqlparser::ast::ObjectNamePart::Identifier(ident) => self.dialect.fold(ident),
                sqlparser::ast::ObjectNamePart::Function(function) => function.to_string(),
            })
            .collect();
        let target = match (object_type, parts.as_slice()) {
            (CommentObject::Table, [name]) => Some((None, name, None)),
            (CommentObject::Table, [schema, name]) => Some((Some(schema), name, None)),
            (CommentObject::Column, [table, column]) => Some((None, table, Some(column))),
            (CommentObject::Column, [schema, table, column]) => {
                Some((Some(schema), table, Some(column)))
            }
            _ => None,
        };
        let Some((schema, table, column)) = target else {
            self.keep_whole(
                text,
                &format!("a comment on a {object_type} is not modelled yet"),
            );
            return;
        };
        if !self.set_comment(
            schema.map(String::as_str),
            table,
            column.map(String::as_str),
            comment,
        ) {
            self.comment_target_missing(text);
        }
    }

    /// `EXEC sp_addextendedproperty 'MS_Description', 'text', 'SCHEMA', s, 'TABLE', t[, 'COLUMN', c]`.
    /// Returns false when the statement is not such a description, to be read as usual.
    /// `sp_addextendedproperty` and `sp_updateextendedproperty` of `MS_Description` set a
    /// comment; `sp_dropextendedproperty` (which takes no value) removes it.
    pub(super) fn extended_property(&mut self, text: &str) -> bool {
        let found = ["sp_addextendedproperty", "sp_updateextendedproperty"]
            .into_iter()
            .find_map(|procedure| procedure_arguments(text, procedure).map(|found| (found, false)))
            .or_else(|| {
                procedure_arguments(text, "sp_dropextendedproperty").map(|found| (found, true))
            });
        let Some((arguments, dropped)) = found else {
            return false;
        };
        let argument = |parameter: usize| -> Option<&str> {
            let name = EXTENDED_PROPERTY_PARAMETERS.get(parameter)?;
            // The drop has no @value: its arguments after the name come one place earlier.
            let position = if dropped && parameter > 0 {
                parameter - 1
            } else {
                parameter
            };
            procedure_argument(&arguments, position, name)
        };
        let kind = |position: usize| argument(position).map(str::to_ascii_uppercase);
        if !argument(0).is_some_and(|name| name.eq_ignore_ascii_case("MS_Description")) {
            return false;
        }
        let column = match kind(6).as_deref() {
            Some("COLUMN") => argument(7),
            None => None,
            Some(_) => return false,
        };
        if kind(2).as_deref() != Some("SCHEMA") || kind(4).as_deref() != Some("TABLE") {
            return false;
        }
        let (Some(schema), Some(table)) = (argument(3), argument(5)) else {
            return false;
        };
        let comment = if dropped {
            None
        } else {
            argument(1).map(str::to_owned)
        };
        if !self.set_comment(Some(schema), table, column, comment) {
            self.comment_target_missing(text);
        }
        true
    }

    fn set_comment(
        &mut self,
        schema: Option<&str>,
        table: &str,
        column: Option<&str>,
        comment: Option<String>,
    ) -> bool {
        let dialect = self.dialect;
        let Some(table_id) = self.design.find_table(schema, table).map(|found| found.id) else {
            return false;
        };
        let Some(table) = self.design.table_mut(table_id) else {
            return false;
        };
        match column {
            None => table.comment = comment,
            Some(name) => {
                let Some(id) = column_id(table, name, dialect) else {
                    return false;
                };
                if let Some(column) = table.columns.iter_mut().find(|column| column.id == id) {
                    column.comment = comment;
                }
            }
        }
        true
    }

    fn comment_target_missing(&mut self, text: &str) {
        let message = "a comment on a table or column that is not in the design; kept as written";
        self.diagnose(Severity::Warning, self.here(), message.to_owned());
        self.keep(
            text.to_owned(),
            "it comments on something not in the design",
        );
    }
}

/// The argument given by `@parameter` name (`name`, any case), or else the one at `position`
/// given without a name.
pub(super) fn procedure_argument<'a>(
    arguments: &'a [(Option<String>, Option<String>)],
    position: usize,
    name: &str,
) -> Option<&'a str> {
    arguments
        .iter()
        .find(|(parameter, _)| {
            parameter
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(name))
        })
        .or_else(|| {
            arguments
                .get(position)
                .filter(|(parameter, _)| parameter.is_none())
        })
        .and_then(|(_, value)| value.as_deref())
}

/// The arguments of `EXEC[UTE] [schema.]procedure args`, each with its `@parameter` name when
/// given by name: string literals and names as their text, `NULL` as none. `None` when the
/// statement calls another procedure or holds anything else. `procedure` is in lower case.
pub(super) fn procedure_arguments(
    text: &str,
    procedure: &str,
) -> Option<Vec<(Option<String>, Option<String>)>> {
    // Every SQL Server statement comes here: tokenize only what may be the procedure's call.
    let first = text.split_ascii_whitespace().next()?;
    let maybe_call = first.eq_ignore_ascii_case("EXEC")
        || first.eq_ignore_ascii_case("EXECUTE")
        || first.starts_with("--")
        || first.starts_with("/*");
    if !maybe_call || !super::has_word(text, procedure) {
        return None;
    }
    let dialect = crate::Dialect::MsSql.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), text).tokenize().ok()?;
    let mut tokens = tokens
        .into_iter()
        .filter(|token| !matches!(token, Token::Whitespace(_) | Token::SemiColon));
    let verb = tokens.next()?;
    if !matches!(&verb, Token::Word(word) if matches!(word.value.to_ascii_uppercase().as_str(), "EXEC" | "EXECUTE"))
    {
        return None;
    }
    let mut name = String::new();
    let mut arguments = Vec::new();
    let mut parameter = None;
    let mut value = None;
    let mut in_name = true;
    for token in tokens {
        if in_name {
            match token {
                Token::Word(word) if !word.value.starts_with('@') => {
                    name = word.value;
                    continue;
                }
                Token::Period => continue,
                _ => in_name = false,
            }
            if !name.eq_ignore_ascii_case(procedure) {
                return None;
            }
        }
        match token {
            Token::Comma => arguments.push((parameter.take(), value.take().flatten())),
            Token::Eq => {}
            Token::Word(word) if word.value.starts_with('@') && word.quote_style.is_none() => {
                parameter = Some(word.value);
            }
            Token::Word(word)
                if word.quote_style.is_none() && word.value.eq_ignore_ascii_case("NULL") =>
            {
                value = Some(None);
            }
            Token::Word(word) => value = Some(Some(word.value)),
            Token::SingleQuotedString(literal) | Token::NationalStringLiteral(literal) => {
                value = Some(Some(literal));
            }
            _ => return None,
        }
    }
    if in_name {
        return name.eq_ignore_ascii_case(procedure).then(Vec::new);
    }
    arguments.push((parameter, value.flatten()));
    Some(arguments)
}

#[cfg(test)]
mod tests {
    use super::procedure_arguments;

    #[test]
    fn a_description_updated_then_dropped_leaves_no_comment() {
        let sql = "CREATE TABLE dbo.t (a int, b int);
EXEC sp_addextendedproperty N'MS_Description', N'first', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'a';
EXEC sp_addextendedproperty N'MS_Description', N'kept', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'b';
EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'second', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N't', @level2type = N'COLUMN', @level2name = N'a';
";
        let design = crate::import_sql(sql, crate::Dialect::MsSql).design;
        assert_eq!(
            design.tables[0].columns[0].comment.as_deref(),
            Some("second")
        );
        let dropped = format!(
            "{sql}EXEC sp_dropextendedproperty N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'a';"
        );
        let design = crate::import_sql(&dropped, crate::Dialect::MsSql).design;
        assert_eq!(design.tables[0].columns[0].comment, None);
        assert_eq!(design.tables[0].columns[1].comment.as_deref(), Some("kept"));
        assert!(design.unmodelled.is_empty());
    }

    #[test]
    fn extended_property_arguments_are_read_by_position_and_by_name() {
        let text = "EXECUTE [sys].[sp_addextendedproperty] N'MS_Description', N'It''s the key.', N'SCHEMA', [Person], N'TABLE', [Address], NULL, NULL;";
        let arguments = procedure_arguments(text, "sp_addextendedproperty").unwrap();
        assert_eq!(arguments.len(), 8);
        assert_eq!(arguments[1].1.as_deref(), Some("It's the key."));
        assert_eq!(arguments[5].1.as_deref(), Some("Address"));
        assert_eq!(arguments[6].1, None);
        let named = "EXEC sp_addextendedproperty @name = N'MS_Description', @value = 'x', @level0type = N'SCHEMA', @level0name = 'dbo'";
        let arguments = procedure_arguments(named, "sp_addextendedproperty").unwrap();
        assert_eq!(
            arguments[3],
            (Some("@level0name".to_owned()), Some("dbo".to_owned()))
        );
        assert!(procedure_arguments("EXEC sp_rename 'a', 'b'", "sp_addextendedproperty").is_none());
    }
}
