//! Names as the engine stores them: schema-qualified object names and column lists.

use sqlparser::ast::{Expr, Ident, IndexColumn, ObjectName, ObjectNamePart};
use sqlparser::tokenizer::Word;

use crate::dialect::{Dialect, SqlSyntax};

/// A possibly schema-qualified name, folded as the dialect folds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QualifiedName {
    pub schema: Option<String>,
    pub name: String,
}

impl QualifiedName {
    /// Reads `[catalog.][schema.]name`; the catalog is ignored. `None` for empty or computed names.
    pub fn from_object_name(object: &ObjectName, dialect: Dialect) -> Option<Self> {
        let mut parts = object.0.iter().rev().map(|part| match part {
            ObjectNamePart::Identifier(ident) => Some(dialect.fold(ident)),
            ObjectNamePart::Function(_) => None,
        });
        let name = parts.next()??;
        let schema = match parts.next() {
            Some(schema) => Some(schema?),
            None => None,
        };
        Some(Self { schema, name })
    }

    /// `[catalog.][schema.]name` from its parts in order; `None` for no parts.
    pub fn from_parts(mut parts: Vec<String>) -> Option<Self> {
        let name = parts.pop()?;
        Some(Self {
            schema: parts.pop(),
            name,
        })
    }

    pub fn display(&self) -> String {
        match &self.schema {
            Some(schema) => format!("{schema}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Column names of a key, in order; `None` when a part is an expression rather than a column.
pub(crate) fn key_columns(columns: &[IndexColumn], dialect: Dialect) -> Option<Vec<String>> {
    columns
        .iter()
        .map(|column| match &column.column.expr {
            Expr::Identifier(ident) => Some(dialect.fold(ident)),
            _ => None,
        })
        .collect()
}

/// A word token read as a name, folded as the dialect folds it.
pub(crate) fn fold_word(word: &Word, dialect: Dialect) -> String {
    dialect.fold(&Ident {
        value: word.value.clone(),
        quote_style: word.quote_style,
        span: sqlparser::tokenizer::Span::empty(),
    })
}

pub(crate) fn idents(idents: &[Ident], dialect: Dialect) -> Vec<String> {
    idents.iter().map(|ident| dialect.fold(ident)).collect()
}
