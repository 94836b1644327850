//! Indexes: `CREATE [UNIQUE] INDEX` statements and MySQL's `KEY`/`INDEX` table elements.

use relvar_model::{Index, IndexKey, IndexPart, Table};
use sqlparser::ast::{CreateIndex, Expr, IndexColumn, IndexOption, IndexType, OrderBySort};

use super::Importer;
use super::create_table::column_id;
use super::names::QualifiedName;
use crate::diagnostic::Severity;
use crate::dialect::{Dialect, SqlSyntax};

impl Importer {
    pub(super) fn create_index(&mut self, create: CreateIndex, text: &str) {
        let target = QualifiedName::from_object_name(&create.table_name, self.dialect);
        let table_id = target.as_ref().and_then(|name| self.table_named(name));
        let Some(table_id) = table_id else {
            if target.as_ref().is_some_and(|name| self.view_named(name)) {
                self.keep_whole(text, "an index on a materialized view is kept with it");
                return;
            }
            let message = format!(
                "CREATE INDEX on {}, which is not a table defined before it; kept as written",
                create.table_name
            );
            self.diagnose(Severity::Warning, self.here(), message);
            self.keep(
                text.to_owned(),
                "it indexes a table that is not in the design",
            );
            return;
        };
        let method = plain_index_type(create.using.as_ref(), &create.index_options);
        let Some(method) = method.filter(|_| create.with.is_empty()) else {
            self.keep_whole(text, "an index with storage options is not modelled yet");
            return;
        };
        if create.nulls_distinct == Some(false) {
            self.keep_whole(text, "an index with storage options is not modelled yet");
            return;
        }
        let name = create
            .name
            .as_ref()
            .and_then(|name| QualifiedName::from_object_name(name, self.dialect))
            .map(|name| name.name);
        let dialect = self.dialect;
        let Some(table) = self.design.table_mut(table_id) else {
            return;
        };
        let parts = index_parts(table, &create.columns, dialect);
        let include: Option<Vec<_>> = create
            .include
            .iter()
            .map(|ident| column_id(table, &dialect.fold(ident), dialect))
            .collect();
        let (Some(parts), Some(include)) = (parts, include) else {
            self.keep_whole(text, "an index naming columns the table does not have");
            return;
        };
        let index = Index {
            name,
            unique: create.unique,
            method: method.and_then(method_name),
            parts,
            include,
            predicate: create.predicate.as_ref().map(ToString::to_string),
            kind: None,
            verbatim_options: Vec::new(),
        };
        let known = table
            .indexes
            .iter()
            .any(|known| known.name.is_some() && known.name == index.name);
        if known && create.if_not_exists {
            return;
        }
        if known {
            let message = format!(
                "index {} is defined twice; the first is used",
                index.name.unwrap_or_default()
            );
            self.diagnose(Severity::Warning, self.here(), message);
            self.keep(text.to_owned(), "a second definition of the same index");
            return;
        }
        table.indexes.push(index);
    }
}

/// An index element of a CREATE TABLE (MySQL `KEY name (cols)`); `None` if a part is not readable.
pub(super) fn table_index(
    table: &Table,
    name: Option<String>,
    index_type: Option<&IndexType>,
    columns: &[IndexColumn],
    dialect: Dialect,
) -> Option<Index> {
    Some(Index {
        name,
        unique: false,
        method: index_type.and_then(method_name),
        parts: index_parts(table, columns, dialect)?,
        include: Vec::new(),
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    })
}

/// The key parts of an index; `None` if one names a column the table lacks.
pub(super) fn index_parts(
    table: &Table,
    columns: &[IndexColumn],
    dialect: Dialect,
) -> Option<Vec<IndexPart>> {
    columns
        .iter()
        .map(|column| {
            let descending = matches!(column.column.options.sort, Some(OrderBySort::Desc));
            let (expr, collation) = match &column.column.expr {
                Expr::Collate { expr, collation } => (expr.as_ref(), Some(collation.to_string())),
                expr => (expr, None),
            };
            let (key, prefix) = match expr {
                Expr::Identifier(ident) => (
                    IndexKey::Column(column_id(table, &dialect.fold(ident), dialect)?),
                    None,
                ),
                expression => match prefixed_column(table, expression, dialect) {
                    Some((id, length)) => (IndexKey::Column(id), Some(length)),
                    None => (
                        IndexKey::Expression(strip_parentheses(&expression.to_string())),
                        None,
                    ),
                },
            };
            Some(IndexPart {
                key,
                prefix,
                descending,
                operator_class: column.operator_class.as_ref().map(ToString::to_string),
                collation,
            })
        })
        .collect()
}

/// MySQL's `name(10)` key part: the column and the prefix length, when `expression` is one.
fn prefixed_column(
    table: &Table,
    expression: &Expr,
    dialect: Dialect,
) -> Option<(relvar_model::ColumnId, u32)> {
    let Expr::Function(function) = expression else {
        return None;
    };
    let written = expression.to_string();
    let arguments = written.strip_prefix(&function.name.to_string())?;
    let length = arguments
        .strip_prefix('(')?
        .strip_suffix(')')?
        .trim()
        .parse()
        .ok()?;
    let name = QualifiedName::from_object_name(&function.name, dialect)?;
    if name.schema.is_some() {
        return None;
    }
    Some((column_id(table, &name.name, dialect)?, length))
}

/// The access method an index names before or after its columns (MySQL writes `USING BTREE`
/// after them), when that is all its options say; `None` when it has options not modelled yet.
pub(super) fn plain_index_type<'a>(
    index_type: Option<&'a IndexType>,
    options: &'a [IndexOption],
) -> Option<Option<&'a IndexType>> {
    options
        .iter()
        .try_fold(index_type, |_, option| match option {
            IndexOption::Using(using) => Some(Some(using)),
            IndexOption::Comment(_) => None,
        })
}

fn method_name(index_type: &IndexType) -> Option<String> {
    match index_type {
        IndexType::BTree => None,
        other => Some(other.to_string().to_ascii_lowercase()),
    }
}

/// `(a + b)` as `a + b`: parentheses around a whole expression say nothing.
pub(crate) fn strip_parentheses(text: &str) -> String {
    let mut text = text.trim();
    while let Some(inner) = text
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    {
        if !balanced(inner) {
            break;
        }
        text = inner.trim();
    }
    text.to_owned()
}

/// Whether every parenthesis of `text` closes one opened before it, outside string literals.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    let mut quote = None;
    for character in text.chars() {
        match (quote, character) {
            (None, '\'' | '"' | '`') => quote = Some(character),
            (Some(open), found) if found == open => quote = None,
            (None, '(') => depth += 1,
            (None, ')') => match depth.checked_sub(1) {
                Some(less) => depth = less,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::strip_parentheses;

    #[test]
    fn only_enclosing_parentheses_are_stripped() {
        assert_eq!(strip_parentheses("((a + b))"), "a + b");
        assert_eq!(strip_parentheses("(a) + (b)"), "(a) + (b)");
        assert_eq!(strip_parentheses("(x = ')(')"), "x = ')('");
        assert_eq!(strip_parentheses("lower(email)"), "lower(email)");
    }
}
