//! The dialect-free shape of a generated schema: tables with typed columns, keys, unique keys
//! and unique indexes, and foreign keys between them (composite, self and cyclic); each
//! dialect's writer turns it into SQL with that engine's own types and clauses.

use super::Rng;

/// What a column's values are, so defaults, checks and expressions can be made to fit.
#[derive(Debug, Clone, PartialEq)]
pub enum Family {
    Int,
    Decimal,
    Float,
    Bool,
    /// Characters with a bound (`varchar(n)`, `char(n)`): usable in MySQL keys.
    String,
    /// Unbounded characters (`text`).
    Text,
    Binary,
    Date,
    Time,
    Timestamp,
    Uuid,
    Json,
    Enum(Vec<String>),
    /// A type with no expressions made for it (`inet`, `year`, no declared type).
    Other,
}

/// A column type in the generating dialect's SQL.
#[derive(Debug, Clone)]
pub struct ColumnType {
    pub sql: String,
    pub family: Family,
}

impl ColumnType {
    pub fn new(sql: impl Into<String>, family: Family) -> Self {
        Self {
            sql: sql.into(),
            family,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub ty: ColumnType,
    pub not_null: bool,
    /// Part of a key or a foreign key: no generation expression.
    pub keyed: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// A schema besides the default one (PostgreSQL).
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: Option<Vec<usize>>,
    /// The key is one integer column the engine numbers.
    pub numbered: bool,
    pub uniques: Vec<Vec<usize>>,
    /// Unique keys made by `CREATE UNIQUE INDEX`, not by a constraint.
    pub unique_indexes: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub from: usize,
    pub from_columns: Vec<usize>,
    pub to: usize,
    pub to_columns: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub tables: Vec<Table>,
    pub foreign_keys: Vec<ForeignKey>,
}

/// What a dialect offers the plan.
pub struct Vocabulary<'a> {
    /// A column type; `key` asks for one a key can hold.
    pub column_type: &'a dyn Fn(&mut Rng, bool) -> ColumnType,
    /// A key column the engine numbers, its numbering written with the type (`serial`,
    /// `int AUTO_INCREMENT`).
    pub numbered_type: &'a dyn Fn(&mut Rng) -> ColumnType,
    /// The type of a column referencing one of type `to` (usually `to` itself).
    pub referencing_type: &'a dyn Fn(&mut Rng, &ColumnType) -> ColumnType,
    /// Schemas besides the default one, when the dialect has them.
    pub schemas: &'a [&'a str],
}

const TABLE_NAMES: &[&str] = &[
    "customer",
    "orders",
    "product",
    "invoice",
    "line_item",
    "account",
    "tag",
    "event",
    "shipment",
    "region",
    "order",
    "user",
    "group",
    "Order Items",
    "CamelCase",
    "naïve",
    "e-mail",
    "select",
    "table",
    "1st",
    "key",
    "values",
];

const COLUMN_NAMES: &[&str] = &[
    "name",
    "code",
    "title",
    "amount",
    "price",
    "created_at",
    "status",
    "note",
    "kind",
    "score",
    "flag",
    "total",
    "label",
    "email",
    "position",
    "order",
    "user",
    "group",
    "select",
    "key",
    "lock",
    "accessible",
    "range",
    "Order Items",
    "CamelCase",
    "naïve",
    "e-mail",
    "1st",
    "a\"b",
    "with space",
    "UPPER",
    "desc",
    "check",
    "interval",
    "rank",
    "window",
    "sql",
    "it's",
];

/// Lower case for comparing names the way the engines treat them.
fn folded(name: &str) -> String {
    name.to_lowercase()
}

fn fresh_name(rng: &mut Rng, pool: &[&str], taken: &[String]) -> String {
    let base = rng.pick(pool).unwrap_or(&"t").to_string();
    let mut name = base.clone();
    let mut number = 1;
    while taken.iter().any(|taken| folded(taken) == folded(&name)) {
        number += 1;
        name = format!("{base}{number}");
    }
    name
}

/// A random plan: a few tables, their keys, and foreign keys among them.
pub fn plan(rng: &mut Rng, vocabulary: &Vocabulary) -> Plan {
    let mut plan = Plan::default();
    let count = 2 + rng.below(6);
    let mut names: Vec<String> = Vec::new();
    for _ in 0..count {
        let table = table(rng, vocabulary, &mut names);
        plan.tables.push(table);
    }
    // A second schema holding a table named like one in the default schema.
    if let Some(schema) = rng.pick(vocabulary.schemas)
        && rng.chance(40)
        && let Some(twin) = plan.tables.first().map(|table| table.name.clone())
    {
        let mut table = table(rng, vocabulary, &mut Vec::new());
        table.name = twin;
        table.schema = Some((*schema).to_owned());
        plan.tables.push(table);
    }
    let foreign_keys = rng.below(plan.tables.len() * 2);
    for _ in 0..foreign_keys {
        foreign_key(rng, vocabulary, &mut plan);
    }
    plan
}

fn table(rng: &mut Rng, vocabulary: &Vocabulary, names: &mut Vec<String>) -> Table {
    let name = fresh_name(rng, TABLE_NAMES, names);
    names.push(name.clone());
    let mut columns: Vec<Column> = Vec::new();
    let mut column_names: Vec<String> = Vec::new();
    let mut add = |rng: &mut Rng, name: Option<&str>, ty: ColumnType, keyed: bool| {
        let name = name.map_or_else(
            || fresh_name(rng, COLUMN_NAMES, &column_names),
            str::to_owned,
        );
        column_names.push(name.clone());
        columns.push(Column {
            name,
            ty,
            not_null: keyed || rng.chance(30),
            keyed,
        });
        columns.len() - 1
    };
    let mut numbered = false;
    let primary_key = match rng.below(10) {
        0..=5 => {
            numbered = rng.chance(60);
            let ty = if numbered {
                (vocabulary.numbered_type)(rng)
            } else {
                (vocabulary.column_type)(rng, true)
            };
            Some(vec![add(rng, Some("id"), ty, true)])
        }
        6..=7 => {
            let first = (vocabulary.column_type)(rng, true);
            let second = (vocabulary.column_type)(rng, true);
            Some(vec![
                add(rng, None, first, true),
                add(rng, None, second, true),
            ])
        }
        _ => None,
    };
    for _ in 0..1 + rng.below(5) {
        let ty = (vocabulary.column_type)(rng, false);
        add(rng, None, ty, false);
    }
    let mut uniques = Vec::new();
    let mut unique_indexes = Vec::new();
    for _ in 0..rng.below(3) {
        let width = 1 + rng.below(2);
        let mut key = Vec::new();
        for _ in 0..width {
            let ty = (vocabulary.column_type)(rng, true);
            key.push(add(rng, None, ty, true));
        }
        if rng.chance(50) {
            uniques.push(key);
        } else {
            unique_indexes.push(key);
        }
    }
    Table {
        schema: None,
        name,
        columns,
        primary_key,
        numbered,
        uniques,
        unique_indexes,
    }
}

/// A foreign key from a random table to a key of another (or the same) table, with columns of
/// its own made for it.
fn foreign_key(rng: &mut Rng, vocabulary: &Vocabulary, plan: &mut Plan) {
    let tables = plan.tables.len();
    let from = rng.below(tables);
    let to = if rng.chance(15) {
        from
    } else {
        rng.below(tables)
    };
    let Some(target) = plan.tables.get(to) else {
        return;
    };
    let keys: Vec<Vec<usize>> = target
        .primary_key
        .iter()
        .chain(&target.uniques)
        .chain(&target.unique_indexes)
        .cloned()
        .collect();
    let Some(key) = rng.pick(&keys).cloned() else {
        return;
    };
    let target_name = target.name.clone();
    let referenced: Vec<(String, ColumnType)> = key
        .iter()
        .filter_map(|&at| target.columns.get(at))
        .map(|column| (column.name.clone(), column.ty.clone()))
        .collect();
    let Some(source) = plan.tables.get_mut(from) else {
        return;
    };
    let not_null = rng.chance(30);
    let mut from_columns = Vec::new();
    for (name, ty) in referenced {
        let ty = (vocabulary.referencing_type)(rng, &ty);
        let wanted = format!("{target_name}_{name}");
        let mut name = wanted.clone();
        let mut number = 1;
        while source
            .columns
            .iter()
            .any(|column| folded(&column.name) == folded(&name))
        {
            number += 1;
            name = format!("{wanted}{number}");
        }
        source.columns.push(Column {
            name,
            ty,
            not_null,
            keyed: true,
        });
        from_columns.push(source.columns.len() - 1);
    }
    plan.foreign_keys.push(ForeignKey {
        from,
        from_columns,
        to,
        to_columns: key,
    });
}
