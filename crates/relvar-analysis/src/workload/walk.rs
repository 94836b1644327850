//! The walk over a statement's syntax tree that fills a [`QueryShape`]: statements, queries,
//! SELECTs and their FROM clauses, ORDER BY, GROUP BY, LIMIT and OFFSET. Conditions are
//! classified in `conditions.rs`, expressions resolved in `expressions.rs`.

use relvar_model::{ColumnId, TableId};
use sqlparser::ast::{
    AssignmentTarget, Distinct, Expr, FromTable, GroupByExpr, LimitClause, OrderByKind,
    OrderBySort, Query, Select, SelectItem, SelectItemQualifiedWildcardKind, SetExpr, Statement,
    TableFactor, TableObject, TableWithJoins, Value,
};

use super::predicates::{Observations, QueryKind, QueryShape, SortKey, TableAccess};
use super::scope::{Binding, Frame, Tables, column_named, idents};

/// The walk's state: the shape so far and the scopes open at this point.
#[derive(Debug)]
pub struct Walker<'t, 'a> {
    pub tables: &'t Tables<'a>,
    pub shape: QueryShape,
    pub frames: Vec<Frame>,
    /// For each subquery being walked: the frame depth it starts at, and whether it referred
    /// to a column of an enclosing query.
    pub subqueries: Vec<(usize, bool)>,
    /// How deep the outermost SELECT is (0); deeper ones are subqueries.
    depth: usize,
    /// How deep the expression being walked is nested, bounded by [`MAX_NESTING`].
    pub nesting: usize,
    /// Whether some expression was nested too deep to walk whole (then observations are not
    /// written out as SQL text, whose printing would recurse as deep).
    pub too_deep: bool,
}

/// Expressions nested deeper than this (long chains of AND, OR or `+`) are walked no further.
pub const MAX_NESTING: usize = 200;

/// OFFSET from which pagination is called deep.
const DEEP_OFFSET: u64 = 1000;

impl<'t, 'a> Walker<'t, 'a> {
    pub fn new(tables: &'t Tables<'a>) -> Self {
        Self {
            tables,
            shape: QueryShape {
                kind: QueryKind::Other,
                accesses: Vec::new(),
                written_table: None,
                written_columns: Vec::new(),
                join_edges: Vec::new(),
                observations: Observations::default(),
            },
            frames: Vec::new(),
            subqueries: Vec::new(),
            depth: 0,
            nesting: 0,
            too_deep: false,
        }
    }

    /// Enters one level of expression nesting; false (and nothing entered) past the limit.
    pub fn enter(&mut self) -> bool {
        if self.nesting >= MAX_NESTING {
            self.too_deep = true;
            return false;
        }
        self.nesting += 1;
        true
    }

    pub fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    pub fn statement(mut self, statement: &Statement) -> QueryShape {
        match statement {
            Statement::Query(query) => {
                self.shape.kind = QueryKind::Select;
                self.query(query);
            }
            Statement::Insert(insert) => {
                self.shape.kind = QueryKind::Insert;
                if let TableObject::TableName(name) = &insert.table {
                    self.shape.written_table = self.tables.find(name).map(|table| table.id);
                }
                if let Some(source) = &insert.source {
                    self.depth += 1;
                    self.query(source);
                }
            }
            Statement::Update(update) => {
                self.shape.kind = QueryKind::Update;
                self.frames.push(Frame::default());
                self.shape.written_table = self.bind_from_item(&update.table);
                if let Some(table) = self
                    .shape
                    .written_table
                    .and_then(|id| self.tables.table(id))
                {
                    for assignment in &update.assignments {
                        let targets: Vec<&sqlparser::ast::ObjectName> = match &assignment.target {
                            AssignmentTarget::ColumnName(name) => vec![name],
                            AssignmentTarget::Tuple(names) => names.iter().collect(),
                        };
                        for name in targets {
                            if let Some(ident) = idents(name).last()
                                && let Some(column) =
                                    column_named(table, ident, self.tables.dialect)
                            {
                                self.shape.written_columns.push(column.id);
                            }
                        }
                    }
                }
                if let Some(
                    sqlparser::ast::UpdateTableFromKind::AfterSet(from)
                    | sqlparser::ast::UpdateTableFromKind::BeforeSet(from),
                ) = &update.from
                {
                    for item in from {
                        self.bind_from_item(item);
                    }
                }
                for assignment in &update.assignments {
                    self.read(&assignment.value);
                }
                match &update.selection {
                    Some(condition) => self.condition(condition),
                    None => self.shape.observations.unfiltered_write = true,
                }
                self.frames.pop();
            }
            Statement::Delete(delete) => {
                self.shape.kind = QueryKind::Delete;
                self.frames.push(Frame::default());
                let from = match &delete.from {
                    FromTable::WithFromKeyword(from) | FromTable::WithoutKeyword(from) => from,
                };
                for item in from {
                    let table = self.bind_from_item(item);
                    if self.shape.written_table.is_none() {
                        self.shape.written_table = table;
                    }
                }
                for item in delete.using.iter().flatten() {
                    self.bind_from_item(item);
                }
                match &delete.selection {
                    Some(condition) => self.condition(condition),
                    None => self.shape.observations.unfiltered_write = true,
                }
                self.frames.pop();
            }
            _ => {}
        }
        self.shape
    }

    /// A query: its CTEs, its body and, for a plain SELECT, its ORDER BY and LIMIT. Returns
    /// the column its first select item is, when it is one.
    pub fn query(&mut self, query: &Query) -> Option<(TableId, ColumnId)> {
        let cte_names: Vec<String> = query
            .with
            .iter()
            .flat_map(|with| with.cte_tables.iter())
            .map(|cte| {
                self.depth += 1;
                self.query(&cte.query);
                self.depth -= 1;
                cte.alias.name.value.to_lowercase()
            })
            .collect();
        let mut ctes = Frame::default();
        for name in cte_names {
            ctes.bind(name, Binding::Opaque);
        }
        let has_ctes = !ctes.bindings.is_empty();
        if has_ctes {
            self.frames.push(ctes);
        }
        let first = match query.body.as_ref() {
            SetExpr::Select(select) => self.select(select, Some(query)),
            SetExpr::Query(inner) => self.query(inner),
            other => {
                self.set_expr(other);
                None
            }
        };
        if has_ctes {
            self.frames.pop();
        }
        first
    }

    fn set_expr(&mut self, body: &SetExpr) {
        match body {
            SetExpr::Select(select) => {
                self.select(select, None);
            }
            SetExpr::Query(query) => {
                self.query(query);
            }
            SetExpr::SetOperation { left, right, .. } => {
                self.set_expr(left);
                self.set_expr(right);
            }
            _ => {}
        }
    }

    /// A SELECT in its own frame; `query` brings the ORDER BY, LIMIT and OFFSET around it.
    fn select(&mut self, select: &Select, query: Option<&Query>) -> Option<(TableId, ColumnId)> {
        let outermost = self.depth == 0;
        self.depth += 1;
        self.frames.push(Frame::default());
        let mut from_groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut joined = false;
        for item in &select.from {
            let before = self.shape.accesses.len();
            self.bind_from_item(item);
            joined |= !item.joins.is_empty();
            let accesses: Vec<usize> = (before..self.shape.accesses.len()).collect();
            from_groups.push((factor_name(&item.relation), accesses));
        }
        if let Some(condition) = &select.selection {
            self.condition(condition);
        }
        let mut first = None;
        for (position, item) in select.projection.iter().enumerate() {
            match item {
                SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => {
                    if position == 0 {
                        first = self.resolve_expr_column(expr);
                    }
                    self.read(expr);
                }
                SelectItem::ExprWithAliases { expr, .. } => self.read(expr),
                SelectItem::Wildcard(_) => {
                    self.shape.observations.select_star |= outermost;
                    let accesses: Vec<usize> = self.current_accesses();
                    for access in accesses {
                        self.access_mut(access, |a| a.reads_all_columns = true);
                    }
                }
                SelectItem::QualifiedWildcard(kind, _) => {
                    self.shape.observations.select_star |= outermost;
                    if let SelectItemQualifiedWildcardKind::ObjectName(name) = kind
                        && let Some(ident) = idents(name).last()
                        && let Some(Binding::Table { access, .. }) =
                            self.binding(&ident.value.to_lowercase())
                    {
                        self.access_mut(access, |a| a.reads_all_columns = true);
                    }
                }
            }
        }
        if let GroupByExpr::Expressions(expressions, _) = &select.group_by {
            for expr in expressions {
                if let Some((access, column)) = self.column_of(expr) {
                    self.access_mut(access, |a| a.group_by.push(column));
                }
                self.read(expr);
            }
        }
        if let Some(having) = &select.having {
            self.read(having);
        }
        let several_tables = joined || select.from.len() > 1;
        if matches!(select.distinct, Some(Distinct::Distinct)) && several_tables {
            self.shape.observations.distinct_over_join |= outermost;
        }
        if let Some(query) = query {
            self.order_and_limit(query);
        }
        if from_groups.len() > 1 {
            self.cross_joins(&from_groups);
        }
        self.frames.pop();
        self.depth -= 1;
        first
    }

    /// ORDER BY, LIMIT and OFFSET of a query over the current frame.
    fn order_and_limit(&mut self, query: &Query) {
        if let Some(order_by) = &query.order_by
            && let OrderByKind::Expressions(items) = &order_by.kind
        {
            let mut keys: Vec<(usize, SortKey)> = Vec::new();
            let mut all_columns = true;
            for item in items {
                if is_random(&item.expr) {
                    self.shape.observations.random_order = true;
                }
                match self.column_of(&item.expr) {
                    Some((access, column)) => keys.push((
                        access,
                        SortKey {
                            column,
                            descending: matches!(item.options.sort, Some(OrderBySort::Desc)),
                        },
                    )),
                    None => all_columns = false,
                }
                self.read(&item.expr);
            }
            let first_access = keys.first().map(|(access, _)| *access);
            if all_columns
                && let Some(access) = first_access
                && keys.iter().all(|(other, _)| *other == access)
            {
                let sort: Vec<SortKey> = keys.into_iter().map(|(_, key)| key).collect();
                self.access_mut(access, |a| a.order_by = sort);
            }
        }
        let (limit, offset) = match &query.limit_clause {
            Some(LimitClause::LimitOffset { limit, offset, .. }) => {
                (limit.as_ref(), offset.as_ref().map(|offset| &offset.value))
            }
            Some(LimitClause::OffsetCommaLimit { offset, limit }) => (Some(limit), Some(offset)),
            None => (None, None),
        };
        let limit = limit.and_then(number).or_else(|| {
            query
                .fetch
                .as_ref()
                .and_then(|fetch| fetch.quantity.as_ref())
                .and_then(number)
        });
        if let Some(limit) = limit {
            for access in self.current_accesses() {
                self.access_mut(access, |a| a.limit = Some(limit));
            }
        }
        if let Some(offset) = offset {
            let deep = match number(offset) {
                Some(rows) => rows >= DEEP_OFFSET,
                None => is_placeholder(offset),
            };
            if deep {
                self.shape.observations.deep_offset = Some(offset.to_string());
            }
        }
    }

    /// Names of comma-joined FROM items that no join predicate connects to the first.
    fn cross_joins(&mut self, groups: &[(String, Vec<usize>)]) {
        let mut reached: Vec<bool> = vec![false; groups.len()];
        if let Some(first) = reached.first_mut() {
            *first = true;
        }
        let group_of = |access: usize| groups.iter().position(|(_, list)| list.contains(&access));
        let mut changed = true;
        while changed {
            changed = false;
            for &(a, b) in &self.shape.join_edges {
                if let (Some(left), Some(right)) = (group_of(a), group_of(b)) {
                    let left_reached = reached.get(left).copied().unwrap_or(false);
                    let right_reached = reached.get(right).copied().unwrap_or(false);
                    if left_reached != right_reached {
                        for side in [left, right] {
                            if let Some(flag) = reached.get_mut(side) {
                                *flag = true;
                            }
                        }
                        changed = true;
                    }
                }
            }
        }
        for ((name, accesses), reached) in groups.iter().zip(reached) {
            // Derived tables' columns are not tracked: they are not reported.
            if !reached && !accesses.is_empty() {
                self.shape.observations.cross_joined.push(name.clone());
            }
        }
    }

    /// Binds a FROM item and its joins in the current frame; the table of its first relation.
    pub fn bind_from_item(&mut self, item: &TableWithJoins) -> Option<TableId> {
        let first = self.factor(&item.relation);
        for join in &item.joins {
            self.factor(&join.relation);
            self.join_constraint(&join.join_operator);
        }
        first
    }

    fn factor(&mut self, factor: &TableFactor) -> Option<TableId> {
        match factor {
            TableFactor::Table { name, alias, .. } => {
                let parts = idents(name);
                let own = parts
                    .last()
                    .map(|ident| ident.value.to_lowercase())
                    .unwrap_or_default();
                let bound = alias
                    .as_ref()
                    .map(|alias| alias.name.value.to_lowercase())
                    .unwrap_or(own);
                let is_cte = parts.len() == 1
                    && self.frames.iter().any(|frame| {
                        frame
                            .bindings
                            .iter()
                            .any(|(cte, b)| *cte == bound && *b == Binding::Opaque)
                    });
                let table = if is_cte { None } else { self.tables.find(name) };
                let binding = match table {
                    Some(table) => {
                        let access = self.shape.accesses.len();
                        self.shape
                            .accesses
                            .push(TableAccess::new(table.id, bound.clone()));
                        Binding::Table {
                            access,
                            table: table.id,
                        }
                    }
                    None => Binding::Opaque,
                };
                if let Some(frame) = self.frames.last_mut() {
                    frame.bind(bound, binding);
                }
                table.map(|table| table.id)
            }
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                self.depth += 1;
                self.query(subquery);
                self.depth -= 1;
                if let (Some(alias), Some(frame)) = (alias, self.frames.last_mut()) {
                    frame.bind(alias.name.value.to_lowercase(), Binding::Opaque);
                }
                None
            }
            TableFactor::NestedJoin {
                table_with_joins, ..
            } => self.bind_from_item(table_with_joins),
            _ => None,
        }
    }

    /// The accesses of the innermost frame.
    pub fn current_accesses(&self) -> Vec<usize> {
        self.frames
            .last()
            .map(|frame| frame.accesses().collect())
            .unwrap_or_default()
    }

    pub fn access_mut(&mut self, access: usize, change: impl FnOnce(&mut TableAccess)) {
        if let Some(found) = self.shape.accesses.get_mut(access) {
            change(found);
        }
    }

    /// What a FROM name means, innermost frame first.
    pub fn binding(&self, name: &str) -> Option<Binding> {
        self.frames.iter().rev().find_map(|frame| {
            frame
                .bindings
                .iter()
                .find(|(bound, _)| bound == name)
                .map(|(_, binding)| *binding)
        })
    }
}

/// The name a FROM item is shown by: its alias, else its table's name.
fn factor_name(factor: &TableFactor) -> String {
    match factor {
        TableFactor::Table { name, alias, .. } => alias
            .as_ref()
            .map_or_else(|| name.to_string(), |alias| alias.name.value.clone()),
        TableFactor::Derived { alias, .. } => alias.as_ref().map_or_else(
            || String::from("(subquery)"),
            |alias| alias.name.value.clone(),
        ),
        other => other.to_string(),
    }
}

/// A non-negative integer literal.
pub fn number(expr: &Expr) -> Option<u64> {
    match expr {
        Expr::Value(value) => match &value.value {
            Value::Number(text, _) => text.parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

pub fn is_placeholder(expr: &Expr) -> bool {
    matches!(expr, Expr::Value(value) if matches!(value.value, Value::Placeholder(_)))
}

/// `random()`, `rand()`, `newid()`.
fn is_random(expr: &Expr) -> bool {
    match expr {
        Expr::Function(function) => {
            let name = function.name.to_string().to_ascii_lowercase();
            matches!(
                name.as_str(),
                "random" | "rand" | "newid" | "dbms_random.value"
            )
        }
        _ => false,
    }
}
