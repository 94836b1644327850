//! Expressions during the extraction: resolving column references to the tables in scope
//! (noting references to an enclosing query, which make a subquery correlated), recording the
//! columns read, and telling constants, literals and functions of one table's columns apart.

use relvar_model::{ColumnId, TableId};
use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, Query, Value};

use super::scope::{Binding, column_named};
use super::walk::Walker;

/// Identifiers that are values, not columns, when no table in scope has them.
const VALUE_WORDS: &[&str] = &[
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "localtime",
    "localtimestamp",
    "session_user",
];

impl Walker<'_, '_> {
    /// The access and column a bare or qualified column reference means, recording it as read.
    pub fn column_of(&mut self, expr: &Expr) -> Option<(usize, ColumnId)> {
        let (qualifier, name) = match expr {
            Expr::Identifier(ident) => (None, ident),
            Expr::CompoundIdentifier(parts) => {
                let name = parts.last()?;
                let qualifier = parts.len().checked_sub(2).and_then(|at| parts.get(at));
                (qualifier, name)
            }
            Expr::Nested(inner) => return self.column_of(inner),
            _ => return None,
        };
        let (access, column) = self.resolve(qualifier, name)?;
        self.access_mut(access, |a| {
            a.columns_read.insert(column);
        });
        Some((access, column))
    }

    /// The design table and column the first select item is, when it is a column.
    pub fn resolve_expr_column(&mut self, expr: &Expr) -> Option<(TableId, ColumnId)> {
        let (access, column) = self.column_of(expr)?;
        let table = self.shape.accesses.get(access)?.table;
        Some((table, column))
    }

    fn resolve(&mut self, qualifier: Option<&Ident>, name: &Ident) -> Option<(usize, ColumnId)> {
        let dialect = self.tables.dialect;
        let mut found: Option<(usize, usize, ColumnId)> = None;
        match qualifier {
            Some(qualifier) => {
                let wanted = qualifier.value.to_lowercase();
                for (depth, frame) in self.frames.iter().enumerate().rev() {
                    let Some((_, binding)) = frame.bindings.iter().find(|(b, _)| *b == wanted)
                    else {
                        continue;
                    };
                    if let Binding::Table { access, table } = binding {
                        let column = self
                            .tables
                            .table(*table)
                            .and_then(|table| column_named(table, name, dialect))?;
                        found = Some((depth, *access, column.id));
                    }
                    break;
                }
            }
            None => {
                for (depth, frame) in self.frames.iter().enumerate().rev() {
                    let mut matches = Vec::new();
                    let mut opaque = false;
                    for (_, binding) in &frame.bindings {
                        match binding {
                            Binding::Table { access, table } => {
                                if let Some(column) = self
                                    .tables
                                    .table(*table)
                                    .and_then(|table| column_named(table, name, dialect))
                                {
                                    matches.push((*access, column.id));
                                }
                            }
                            Binding::Opaque => opaque = true,
                        }
                    }
                    match matches.as_slice() {
                        [(access, column)] => {
                            found = Some((depth, *access, *column));
                            break;
                        }
                        [] if !opaque => continue,
                        _ => break,
                    }
                }
            }
        }
        let (depth, access, column) = found?;
        for (start, correlated) in &mut self.subqueries {
            if depth < *start {
                *correlated = true;
            }
        }
        Some((access, column))
    }

    /// Walks a subquery; when `report` and it refers to an enclosing query, notes it as
    /// evaluated per row. Returns its first select item's column.
    pub fn subquery(&mut self, query: &Query, report: bool) -> Option<(TableId, ColumnId)> {
        self.subqueries.push((self.frames.len(), false));
        let first = self.query(query);
        let correlated = self
            .subqueries
            .pop()
            .is_some_and(|(_, correlated)| correlated);
        if report && correlated {
            let shown = if self.too_deep {
                String::from("(a subquery)")
            } else {
                format!("({query})")
            };
            self.shape.observations.correlated_subqueries.push(shown);
        }
        first
    }

    /// Records every column an expression reads and walks its subqueries.
    pub fn read(&mut self, expr: &Expr) {
        if !self.enter() {
            return;
        }
        self.read_inner(expr);
        self.leave();
    }

    fn read_inner(&mut self, expr: &Expr) {
        match expr {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => {
                self.column_of(expr);
            }
            Expr::Subquery(query) => {
                self.subquery(query, true);
            }
            Expr::Exists { subquery, .. } => {
                self.subquery(subquery, false);
            }
            Expr::InSubquery { expr, subquery, .. } => {
                self.read(expr);
                self.subquery(subquery, false);
            }
            Expr::Function(function) => {
                for arg in function_args(&function.args) {
                    self.read(arg);
                }
                if let FunctionArguments::Subquery(query) = &function.args {
                    self.subquery(query, true);
                }
            }
            Expr::BinaryOp { left, right, .. }
            | Expr::AnyOp { left, right, .. }
            | Expr::AllOp { left, right, .. }
            | Expr::IsDistinctFrom(left, right)
            | Expr::IsNotDistinctFrom(left, right) => {
                self.read(left);
                self.read(right);
            }
            Expr::UnaryOp { expr, .. }
            | Expr::Nested(expr)
            | Expr::Cast { expr, .. }
            | Expr::IsNull(expr)
            | Expr::IsNotNull(expr)
            | Expr::IsTrue(expr)
            | Expr::IsFalse(expr)
            | Expr::IsNotTrue(expr)
            | Expr::IsNotFalse(expr)
            | Expr::Collate { expr, .. }
            | Expr::Extract { expr, .. } => self.read(expr),
            Expr::InList { expr, list, .. } => {
                self.read(expr);
                for item in list {
                    self.read(item);
                }
            }
            Expr::Between {
                expr, low, high, ..
            } => {
                self.read(expr);
                self.read(low);
                self.read(high);
            }
            Expr::Like { expr, pattern, .. }
            | Expr::ILike { expr, pattern, .. }
            | Expr::SimilarTo { expr, pattern, .. } => {
                self.read(expr);
                self.read(pattern);
            }
            Expr::Case {
                operand,
                conditions,
                else_result,
                ..
            } => {
                for part in operand.iter().chain(else_result.iter()) {
                    self.read(part);
                }
                for when in conditions {
                    self.read(&when.condition);
                    self.read(&when.result);
                }
            }
            Expr::Tuple(items) => {
                for item in items {
                    self.read(item);
                }
            }
            _ => {}
        }
    }

    /// When every column an expression reads belongs to one access (and it reads at least
    /// one, with no subquery): that access and the columns.
    pub fn single_access_columns(&mut self, expr: &Expr) -> Option<(usize, Vec<ColumnId>)> {
        let mut refs = Vec::new();
        if !self.collect_columns(expr, &mut refs) {
            return None;
        }
        let access = refs.first()?.0;
        if refs.iter().any(|(other, _)| *other != access) {
            return None;
        }
        let mut columns: Vec<ColumnId> = refs.into_iter().map(|(_, column)| column).collect();
        columns.dedup();
        Some((access, columns))
    }

    /// The column references of a simple expression; false when it holds a subquery or a
    /// name that is not a column in scope.
    fn collect_columns(&mut self, expr: &Expr, out: &mut Vec<(usize, ColumnId)>) -> bool {
        if !self.enter() {
            return false;
        }
        let found = self.collect_columns_inner(expr, out);
        self.leave();
        found
    }

    fn collect_columns_inner(&mut self, expr: &Expr, out: &mut Vec<(usize, ColumnId)>) -> bool {
        match expr {
            Expr::Identifier(ident) if is_value_word(ident) => true,
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => match self.column_of(expr) {
                Some(found) => {
                    out.push(found);
                    true
                }
                None => false,
            },
            Expr::Value(_) | Expr::TypedString(_) | Expr::Interval(_) => true,
            Expr::Function(function) => {
                matches!(
                    function.args,
                    FunctionArguments::List(_) | FunctionArguments::None
                ) && function_args(&function.args)
                    .into_iter()
                    .all(|arg| self.collect_columns(arg, out))
            }
            Expr::BinaryOp { left, right, .. } => {
                self.collect_columns(left, out) && self.collect_columns(right, out)
            }
            Expr::UnaryOp { expr, .. } | Expr::Nested(expr) | Expr::Cast { expr, .. } => {
                self.collect_columns(expr, out)
            }
            _ => false,
        }
    }
}

/// An expression whose value is fixed for the statement: literals, parameters, and functions
/// or operators over them (`now() - interval '1 day'`).
pub fn is_constant(expr: &Expr) -> bool {
    constant_within(expr, super::walk::MAX_NESTING)
}

fn constant_within(expr: &Expr, room: usize) -> bool {
    let Some(room) = room.checked_sub(1) else {
        return false;
    };
    let is_constant = |inner: &Expr| constant_within(inner, room);
    match expr {
        Expr::Value(_) | Expr::TypedString(_) | Expr::Interval(_) => true,
        Expr::Identifier(ident) => is_value_word(ident),
        Expr::Cast { expr, .. } | Expr::UnaryOp { expr, .. } | Expr::Nested(expr) => {
            is_constant(expr)
        }
        Expr::BinaryOp { left, right, .. } => is_constant(left) && is_constant(right),
        Expr::Function(function) => {
            matches!(
                function.args,
                FunctionArguments::List(_) | FunctionArguments::None
            ) && function_args(&function.args).into_iter().all(&is_constant)
        }
        Expr::Tuple(items) => items.iter().all(&is_constant),
        Expr::Array(array) => array.elem.iter().all(&is_constant),
        _ => false,
    }
}

fn is_value_word(ident: &Ident) -> bool {
    ident.quote_style.is_none() && VALUE_WORDS.contains(&ident.value.to_lowercase().as_str())
}

/// A string or boolean literal, possibly cast (`'active'`, `true`, `'a'::status`).
pub fn is_text_or_bool_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Value(value) => matches!(
            value.value,
            Value::SingleQuotedString(_)
                | Value::EscapedStringLiteral(_)
                | Value::NationalStringLiteral(_)
                | Value::Boolean(_)
        ),
        Expr::Cast { expr, .. } | Expr::Nested(expr) => is_text_or_bool_literal(expr),
        _ => false,
    }
}

/// The plain expression arguments of a function call.
pub fn function_args(args: &FunctionArguments) -> Vec<&Expr> {
    match args {
        FunctionArguments::List(list) => list
            .args
            .iter()
            .filter_map(|arg| match arg {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(expr))
                | FunctionArg::Named {
                    arg: FunctionArgExpr::Expr(expr),
                    ..
                }
                | FunctionArg::ExprNamed {
                    arg: FunctionArgExpr::Expr(expr),
                    ..
                } => Some(expr),
                _ => None,
            })
            .collect(),
        FunctionArguments::None | FunctionArguments::Subquery(_) => Vec::new(),
    }
}

/// The expression with qualified column names made bare (`lower(c.email)` -> `lower(email)`),
/// as an expression index spells it.
pub fn bare(expr: &Expr) -> Expr {
    match expr {
        Expr::CompoundIdentifier(parts) => match parts.last() {
            Some(last) => Expr::Identifier(last.clone()),
            None => expr.clone(),
        },
        Expr::Function(function) => {
            let mut function = function.clone();
            if let FunctionArguments::List(list) = &mut function.args {
                for arg in &mut list.args {
                    if let FunctionArg::Unnamed(FunctionArgExpr::Expr(inner)) = arg {
                        *inner = bare(inner);
                    }
                }
            }
            Expr::Function(function)
        }
        Expr::BinaryOp { left, op, right } => Expr::BinaryOp {
            left: Box::new(bare(left)),
            op: op.clone(),
            right: Box::new(bare(right)),
        },
        Expr::UnaryOp { op, expr } => Expr::UnaryOp {
            op: *op,
            expr: Box::new(bare(expr)),
        },
        Expr::Nested(inner) => Expr::Nested(Box::new(bare(inner))),
        Expr::IsNull(inner) => Expr::IsNull(Box::new(bare(inner))),
        Expr::IsNotNull(inner) => Expr::IsNotNull(Box::new(bare(inner))),
        Expr::IsTrue(inner) => Expr::IsTrue(Box::new(bare(inner))),
        Expr::IsFalse(inner) => Expr::IsFalse(Box::new(bare(inner))),
        Expr::Cast {
            kind,
            expr,
            data_type,
            format,
        } => Expr::Cast {
            kind: kind.clone(),
            expr: Box::new(bare(expr)),
            data_type: data_type.clone(),
            format: format.clone(),
        },
        other => other.clone(),
    }
}

/// An expression as written, with qualifiers dropped, lower-cased function names kept as they
/// are: the text an expression index and a constant predicate use.
pub fn bare_sql(expr: &Expr) -> String {
    bare(expr).to_string()
}
