//! What the advisor and the query review learn from one query: for each table it reads, the
//! predicates that an index could serve (equality and IN, ranges, joins, sort, grouping,
//! constant, function, containment and full-text predicates) and the columns it reads; and
//! the shapes that the query review warns about.

use std::collections::BTreeSet;

use relvar_model::{ColumnId, TableId};
use sqlparser::ast::Statement;

use super::scope::Tables;
use super::walk::Walker;

/// What a statement does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QueryKind {
    Select,
    Insert,
    Update,
    Delete,
    /// Anything else (DDL, SET, ...): nothing to index for.
    Other,
}

/// One ORDER BY key on a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    pub column: ColumnId,
    pub descending: bool,
}

/// A predicate that selects a fixed set of rows whatever the query's parameters:
/// `deleted_at IS NULL`, `status = 'active'`, `active`; its SQL names the bare column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ConstantPredicate {
    pub column: ColumnId,
    pub sql: String,
}

/// A comparison of a function of columns with a value: `lower(email) = $1`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FunctionPredicate {
    /// The expression with bare column names, as an expression index would spell it.
    pub expression: String,
    pub columns: Vec<ColumnId>,
    /// Whether the comparison is an equality (else a range).
    pub equality: bool,
}

/// What kind of GIN-indexable search a predicate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContainmentKind {
    /// jsonb `@>`, `?`, `?|`, `?&`.
    Jsonb,
    /// Array `@>`, `<@`, `&&`.
    Array,
    /// `@@` over a tsvector column or `to_tsvector(...)`.
    FullText,
}

/// A containment or full-text search on a column or an expression.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Containment {
    pub kind: ContainmentKind,
    pub column: Option<ColumnId>,
    /// The searched expression when it is not a bare column (`to_tsvector('english', title)`).
    pub expression: Option<String>,
    /// The columns the search reads.
    pub columns: Vec<ColumnId>,
}

/// One reading of a design table by a query (a self-join reads the same table twice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAccess {
    pub table: TableId,
    /// The name the query calls it by (its alias, else its name).
    pub alias: String,
    /// Columns compared for equality with a value, or IN a list of values.
    pub equalities: Vec<ColumnId>,
    /// Of those, the ones compared with a string or boolean literal (`status = 'active'`).
    pub literal_equalities: Vec<ColumnId>,
    /// Columns with `<`, `>`, BETWEEN or `LIKE 'prefix%'`.
    pub ranges: Vec<ColumnId>,
    /// Columns equated with a column of another table.
    pub joins: Vec<ColumnId>,
    /// The query's ORDER BY, when all its keys are columns of this table.
    pub order_by: Vec<SortKey>,
    /// GROUP BY columns of this table.
    pub group_by: Vec<ColumnId>,
    pub limit: Option<u64>,
    pub columns_read: BTreeSet<ColumnId>,
    /// `*` or `alias.*` reads every column.
    pub reads_all_columns: bool,
    pub constant_predicates: Vec<ConstantPredicate>,
    pub function_predicates: Vec<FunctionPredicate>,
    pub containments: Vec<Containment>,
}

impl TableAccess {
    /// A reading of a table, with nothing learnt yet.
    pub fn new(table: TableId, alias: String) -> Self {
        Self {
            table,
            alias,
            equalities: Vec::new(),
            literal_equalities: Vec::new(),
            ranges: Vec::new(),
            joins: Vec::new(),
            order_by: Vec::new(),
            group_by: Vec::new(),
            limit: None,
            columns_read: BTreeSet::new(),
            reads_all_columns: false,
            constant_predicates: Vec::new(),
            function_predicates: Vec::new(),
            containments: Vec::new(),
        }
    }

    /// Whether the query filters this table by anything of its own (not only a join).
    pub fn has_own_filter(&self) -> bool {
        !self.equalities.is_empty()
            || !self.ranges.is_empty()
            || !self.function_predicates.is_empty()
            || !self.containments.is_empty()
    }
}

/// Shapes of a query that the query review reports, found while extracting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Observations {
    /// `SELECT *` or `alias.*` in the outermost select list.
    pub select_star: bool,
    /// `column LIKE '%...'`, as written.
    pub leading_wildcards: Vec<String>,
    /// Function predicates over columns, as written, with the columns and table.
    pub functions_on_columns: Vec<(TableId, ColumnId, String)>,
    /// `a = 1 OR b = 2` over different columns, as written.
    pub or_across_columns: Vec<String>,
    /// `x NOT IN (SELECT c ...)` where `c` is nullable: the column's table and column.
    pub not_in_nullable: Vec<(TableId, ColumnId)>,
    /// Names of FROM items joined to nothing (comma joins without a join predicate).
    pub cross_joined: Vec<String>,
    /// OFFSET that is large (>= 1000) or a parameter, as written.
    pub deep_offset: Option<String>,
    /// UPDATE or DELETE without WHERE.
    pub unfiltered_write: bool,
    /// ORDER BY random(), rand() or newid().
    pub random_order: bool,
    /// SELECT DISTINCT over a join.
    pub distinct_over_join: bool,
    /// Subqueries evaluated once per outer row (correlated, outside EXISTS/IN), as written.
    pub correlated_subqueries: Vec<String>,
}

/// Everything learnt from one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryShape {
    pub kind: QueryKind,
    pub accesses: Vec<TableAccess>,
    /// The table an INSERT, UPDATE or DELETE writes.
    pub written_table: Option<TableId>,
    /// The columns an UPDATE sets.
    pub written_columns: Vec<ColumnId>,
    /// Pairs of accesses (by position) joined by an equality.
    pub join_edges: Vec<(usize, usize)>,
    pub observations: Observations,
}

/// The shape of a statement over a design's tables. Never fails: what cannot be resolved
/// (unknown tables, derived tables' columns) is left out.
pub(crate) fn extract(statement: &Statement, tables: &Tables<'_>) -> QueryShape {
    Walker::new(tables).statement(statement)
}
