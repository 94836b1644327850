//! Classifying a WHERE or ON condition, conjunct by conjunct, into what an index can serve:
//! equality and IN, ranges, prefix LIKE, joins, constant predicates, function predicates,
//! jsonb and array containment and full-text search; and noting the shapes the query review
//! warns about (leading wildcards, OR across columns, NOT IN over a nullable column).

use std::collections::BTreeSet;

use sqlparser::ast::{BinaryOperator, Expr, JoinConstraint, JoinOperator, UnaryOperator, Value};

use super::expressions::{bare_sql, is_constant, is_text_or_bool_literal};
use super::predicates::{ConstantPredicate, Containment, ContainmentKind, FunctionPredicate};
use super::scope::{column_named, idents};
use super::walk::Walker;

impl Walker<'_, '_> {
    /// A condition: each conjunct classified, every column it reads recorded.
    pub fn condition(&mut self, expr: &Expr) {
        // An explicit stack: AND chains can be thousands long.
        let mut pending = vec![expr];
        while let Some(next) = pending.pop() {
            match next {
                Expr::BinaryOp {
                    left,
                    op: BinaryOperator::And,
                    right,
                } => {
                    pending.push(right);
                    pending.push(left);
                }
                Expr::Nested(inner) => pending.push(inner),
                _ => self.conjunct(next),
            }
        }
    }

    fn conjunct(&mut self, expr: &Expr) {
        match expr {
            Expr::BinaryOp { left, op, right } => self.comparison(expr, left, op, right),
            Expr::Between {
                expr: column,
                negated: false,
                low,
                high,
            } if is_constant(low) && is_constant(high) => {
                if let Some((access, column)) = self.column_of(column) {
                    self.access_mut(access, |a| a.ranges.push(column));
                } else {
                    self.function_predicate(column, false);
                }
            }
            Expr::Like {
                negated,
                expr: column,
                pattern,
                ..
            }
            | Expr::ILike {
                negated,
                expr: column,
                pattern,
                ..
            } => {
                let literal = match pattern.as_ref() {
                    Expr::Value(value) => match &value.value {
                        Value::SingleQuotedString(text) => Some(text.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(text) = literal {
                    if text.starts_with('%') || text.starts_with('_') {
                        let shown = if self.too_deep || !self.shallow(column) {
                            format!("LIKE '{text}'")
                        } else {
                            expr.to_string()
                        };
                        self.shape.observations.leading_wildcards.push(shown);
                    } else if !negated
                        && !text.is_empty()
                        && matches!(expr, Expr::Like { .. })
                        && let Some((access, column)) = self.column_of(column)
                    {
                        self.access_mut(access, |a| a.ranges.push(column));
                    }
                }
            }
            Expr::InList {
                expr: column,
                list,
                negated: false,
            } if list.iter().all(is_constant) => {
                if let Some((access, column)) = self.column_of(column) {
                    self.access_mut(access, |a| a.equalities.push(column));
                } else {
                    self.function_predicate(column, true);
                }
            }
            Expr::InSubquery {
                expr: column,
                subquery,
                negated,
            } => {
                if let Some((access, column)) = self.column_of(column)
                    && !negated
                {
                    self.access_mut(access, |a| a.joins.push(column));
                }
                let first = self.subquery(subquery, false);
                if *negated
                    && let Some((table, column)) = first
                    && self
                        .tables
                        .table(table)
                        .and_then(|t| t.columns.iter().find(|c| c.id == column))
                        .is_some_and(|c| c.nullable)
                {
                    self.shape
                        .observations
                        .not_in_nullable
                        .push((table, column));
                }
                return;
            }
            Expr::IsNull(inner) | Expr::IsNotNull(inner) => {
                self.constant_predicate(inner, expr);
            }
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => {
                self.constant_predicate(expr, expr);
            }
            Expr::UnaryOp {
                op: UnaryOperator::Not,
                expr: inner,
            } if matches!(
                inner.as_ref(),
                Expr::Identifier(_) | Expr::CompoundIdentifier(_)
            ) =>
            {
                self.constant_predicate(inner, expr);
            }
            _ => {}
        }
        self.read(expr);
    }

    fn comparison(&mut self, whole: &Expr, left: &Expr, op: &BinaryOperator, right: &Expr) {
        match op {
            BinaryOperator::Or => self.or_across_columns(whole),
            BinaryOperator::Eq => self.equality(whole, left, right),
            BinaryOperator::Lt
            | BinaryOperator::LtEq
            | BinaryOperator::Gt
            | BinaryOperator::GtEq => {
                for (column, value) in [(left, right), (right, left)] {
                    if !is_constant(value) {
                        continue;
                    }
                    if let Some((access, column)) = self.column_of(column) {
                        self.access_mut(access, |a| a.ranges.push(column));
                    } else {
                        self.function_predicate(column, false);
                    }
                }
            }
            BinaryOperator::AtArrow
            | BinaryOperator::ArrowAt
            | BinaryOperator::Question
            | BinaryOperator::QuestionAnd
            | BinaryOperator::QuestionPipe
            | BinaryOperator::PGOverlap
                if is_constant(right) =>
            {
                if let Some((access, column)) = self.column_of(left) {
                    let kind = match self.column_type(access, column) {
                        Some(data_type) if data_type.contains("json") => ContainmentKind::Jsonb,
                        Some(data_type)
                            if data_type.ends_with("[]") || data_type.starts_with('_') =>
                        {
                            ContainmentKind::Array
                        }
                        _ if *op == BinaryOperator::PGOverlap => ContainmentKind::Array,
                        _ => ContainmentKind::Jsonb,
                    };
                    self.access_mut(access, |a| {
                        a.containments.push(Containment {
                            kind,
                            column: Some(column),
                            expression: None,
                            columns: vec![column],
                        });
                    });
                }
            }
            BinaryOperator::AtAt => {
                for side in [left, right] {
                    if let Some((access, column)) = self.column_of(side) {
                        self.access_mut(access, |a| {
                            a.containments.push(Containment {
                                kind: ContainmentKind::FullText,
                                column: Some(column),
                                expression: None,
                                columns: vec![column],
                            });
                        });
                    } else if let Expr::Function(function) = side
                        && function
                            .name
                            .to_string()
                            .eq_ignore_ascii_case("to_tsvector")
                        && let Some((access, columns)) = self.single_access_columns(side)
                    {
                        let expression = bare_sql(side);
                        self.access_mut(access, |a| {
                            a.containments.push(Containment {
                                kind: ContainmentKind::FullText,
                                column: None,
                                expression: Some(expression),
                                columns,
                            });
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn equality(&mut self, whole: &Expr, left: &Expr, right: &Expr) {
        let left_column = self.column_of(left);
        let right_column = self.column_of(right);
        match (left_column, right_column) {
            (Some((a, a_column)), Some((b, b_column))) if a != b => {
                self.access_mut(a, |access| access.joins.push(a_column));
                self.access_mut(b, |access| access.joins.push(b_column));
                self.shape.join_edges.push((a.min(b), a.max(b)));
            }
            (Some((access, column)), None) | (None, Some((access, column))) => {
                let value = if left_column.is_some() { right } else { left };
                if !is_constant(value) {
                    return;
                }
                let literal = is_text_or_bool_literal(value);
                let sql = self.bare_predicate(whole);
                self.access_mut(access, |a| {
                    a.equalities.push(column);
                    if literal {
                        a.literal_equalities.push(column);
                        a.constant_predicates
                            .push(ConstantPredicate { column, sql });
                    }
                });
            }
            (None, None) => {
                if is_constant(right) {
                    self.function_predicate(left, true);
                } else if is_constant(left) {
                    self.function_predicate(right, true);
                }
            }
            _ => {}
        }
    }

    /// `f(columns of one table)` compared with a value.
    fn function_predicate(&mut self, expr: &Expr, equality: bool) {
        if !matches!(expr, Expr::Function(_) | Expr::Cast { .. }) {
            return;
        }
        let Some((access, columns)) = self.single_access_columns(expr) else {
            return;
        };
        let expression = bare_sql(expr);
        let table = self.shape.accesses.get(access).map(|a| a.table);
        if let (Some(table), [column]) = (table, columns.as_slice()) {
            self.shape
                .observations
                .functions_on_columns
                .push((table, *column, expr.to_string()));
        }
        self.access_mut(access, |a| {
            a.function_predicates.push(FunctionPredicate {
                expression,
                columns,
                equality,
            });
        });
    }

    /// `column IS NULL`, `column IS NOT NULL`, a boolean `column`, `NOT column`.
    fn constant_predicate(&mut self, column: &Expr, whole: &Expr) {
        if let Some((access, column)) = self.column_of(column) {
            let sql = self.bare_predicate(whole);
            self.access_mut(access, |a| {
                a.constant_predicates
                    .push(ConstantPredicate { column, sql });
            });
        }
    }

    /// The predicate with bare, properly quoted column names.
    fn bare_predicate(&self, expr: &Expr) -> String {
        bare_sql(expr)
    }

    /// An OR whose branches test different columns.
    fn or_across_columns(&mut self, expr: &Expr) {
        let mut branches = Vec::new();
        disjuncts(expr, &mut branches);
        if branches.len() > MAX_OR_BRANCHES {
            return;
        }
        let mut columns = BTreeSet::new();
        for branch in branches {
            if let Some((access, found)) = self.single_access_columns(branch) {
                for column in found {
                    columns.insert((access, column));
                }
            } else {
                return;
            }
        }
        if columns.len() > 1 && !self.too_deep {
            self.shape
                .observations
                .or_across_columns
                .push(expr.to_string());
        }
    }

    fn column_type(&self, access: usize, column: relvar_model::ColumnId) -> Option<String> {
        let table = self.shape.accesses.get(access)?.table;
        let table = self.tables.table(table)?;
        let column = table.columns.iter().find(|c| c.id == column)?;
        Some(column.data_type.to_lowercase())
    }

    /// A join's ON condition, or its USING columns as joins of both sides.
    pub fn join_constraint(&mut self, operator: &JoinOperator) {
        let constraint = match operator {
            JoinOperator::Join(c)
            | JoinOperator::Inner(c)
            | JoinOperator::Left(c)
            | JoinOperator::LeftOuter(c)
            | JoinOperator::Right(c)
            | JoinOperator::RightOuter(c)
            | JoinOperator::FullOuter(c)
            | JoinOperator::Semi(c)
            | JoinOperator::LeftSemi(c)
            | JoinOperator::RightSemi(c)
            | JoinOperator::Anti(c)
            | JoinOperator::LeftAnti(c)
            | JoinOperator::RightAnti(c) => c,
            _ => return,
        };
        match constraint {
            JoinConstraint::On(expr) => self.condition(expr),
            JoinConstraint::Using(names) => {
                let accesses = self.current_accesses();
                let Some((&newest, earlier)) = accesses.split_last() else {
                    return;
                };
                for name in names {
                    let Some(ident) = idents(name).last().copied() else {
                        continue;
                    };
                    let dialect = self.tables.dialect;
                    let column_in = |walker: &Self, access: usize| {
                        let table = walker.shape.accesses.get(access)?.table;
                        let table = walker.tables.table(table)?;
                        column_named(table, ident, dialect).map(|c| c.id)
                    };
                    let Some(new_column) = column_in(self, newest) else {
                        continue;
                    };
                    if let Some((other, other_column)) = earlier
                        .iter()
                        .rev()
                        .find_map(|&access| column_in(self, access).map(|c| (access, c)))
                    {
                        self.access_mut(newest, |a| {
                            a.joins.push(new_column);
                            a.columns_read.insert(new_column);
                        });
                        self.access_mut(other, |a| {
                            a.joins.push(other_column);
                            a.columns_read.insert(other_column);
                        });
                        self.shape
                            .join_edges
                            .push((other.min(newest), other.max(newest)));
                    }
                }
            }
            JoinConstraint::Natural | JoinConstraint::None => {}
        }
    }
}

/// OR chains longer than this are not reported (nor printed).
const MAX_OR_BRANCHES: usize = 32;

/// The branches of an OR chain, in order (an explicit stack: chains can be long).
fn disjuncts<'e>(expr: &'e Expr, out: &mut Vec<&'e Expr>) {
    let mut pending = vec![expr];
    while let Some(next) = pending.pop() {
        match next {
            Expr::BinaryOp {
                left,
                op: BinaryOperator::Or,
                right,
            } => {
                pending.push(right);
                pending.push(left);
            }
            Expr::Nested(inner) => pending.push(inner),
            other => out.push(other),
        }
    }
}

impl Walker<'_, '_> {
    /// Whether an expression is a column or a literal, safe to print.
    fn shallow(&self, expr: &Expr) -> bool {
        matches!(
            expr,
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) | Expr::Value(_)
        )
    }
}
