//! A random target schema for one dialect, drawn from a stream of choices (so proptest shrinks
//! it by shrinking the stream): tables with typed columns, NOT NULL and defaults, a primary
//! key, named unique constraints, checks, indexes and foreign keys to earlier tables.

use relvar_sql::Dialect;

/// Numbers drawn in turn from proptest's vector; zero once it runs out.
pub struct Choices {
    values: Vec<u32>,
    at: usize,
}

impl Choices {
    pub fn new(values: Vec<u32>) -> Self {
        Self { values, at: 0 }
    }

    /// A number below `bound` (zero when `bound` is zero).
    pub fn below(&mut self, bound: usize) -> usize {
        let value = self.values.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        if bound == 0 {
            0
        } else {
            value as usize % bound
        }
    }

    /// True about once in `odds` draws.
    pub fn one_in(&mut self, odds: usize) -> bool {
        self.below(odds) == 0 && self.at <= self.values.len()
    }
}

#[derive(Debug, Clone)]
pub struct Schema {
    pub tables: Vec<TableSpec>,
}

#[derive(Debug, Clone)]
pub struct TableSpec {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    /// The first this many columns form the primary key (none when zero).
    pub key: usize,
    pub uniques: Vec<Named>,
    /// Named checks `column > 0` on integer columns.
    pub checks: Vec<(String, usize)>,
    pub indexes: Vec<Named>,
    pub foreign_keys: Vec<ForeignSpec>,
}

#[derive(Debug, Clone)]
pub struct ColumnSpec {
    pub name: String,
    pub data_type: &'static str,
    pub integer: bool,
    pub not_null: bool,
    pub default: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub columns: Vec<usize>,
}

/// A foreign key from one column to the single-column primary key of an earlier table.
#[derive(Debug, Clone)]
pub struct ForeignSpec {
    pub name: String,
    pub column: usize,
    pub table: usize,
}

/// The dialect's types: (type as written, is an integer type, a default the engine accepts).
fn types(dialect: Dialect) -> &'static [(&'static str, bool, &'static str)] {
    match dialect {
        Dialect::PostgreSql => &[
            ("integer", true, "0"),
            ("bigint", true, "1"),
            ("text", false, "'x'"),
            ("varchar(20)", false, "'y'"),
            ("numeric(8,2)", false, "0"),
            ("date", false, "'2000-01-01'"),
        ],
        Dialect::MySql => &[
            ("int", true, "0"),
            ("bigint", true, "1"),
            ("varchar(20)", false, "'y'"),
            ("decimal(8,2)", false, "0"),
            ("date", false, "'2000-01-01'"),
        ],
        Dialect::Sqlite => &[
            ("integer", true, "0"),
            ("text", false, "'x'"),
            ("real", false, "0"),
            ("varchar(20)", false, "'y'"),
        ],
        Dialect::MsSql => &[
            ("int", true, "(0)"),
            ("bigint", true, "(1)"),
            ("nvarchar(40)", false, "('y')"),
            ("decimal(8,2)", false, "(0)"),
            ("date", false, "('2000-01-01')"),
        ],
    }
}

const WORDS: &[&str] = &[
    "code", "label", "price", "qty", "note", "amount", "born", "score", "title", "city",
];

/// A type of the dialect other than `data_type`, for a column first created with it.
pub fn other_type(dialect: Dialect, data_type: &str, choices: &mut Choices) -> &'static str {
    let others: Vec<&'static str> = types(dialect)
        .iter()
        .map(|(name, _, _)| *name)
        .filter(|name| *name != data_type)
        .collect();
    others
        .get(choices.below(others.len()))
        .copied()
        .unwrap_or("date")
}

pub fn schema(dialect: Dialect, choices: &mut Choices) -> Schema {
    let types = types(dialect);
    let table_count = 1 + choices.below(4);
    let mut tables: Vec<TableSpec> = Vec::new();
    for t in 0..table_count {
        let column_count = 1 + choices.below(5);
        let mut columns = Vec::new();
        for c in 0..column_count {
            let (data_type, integer, default) = types
                .get(choices.below(types.len()))
                .copied()
                .unwrap_or(("date", false, "NULL"));
            let word = WORDS
                .get(choices.below(WORDS.len()))
                .copied()
                .unwrap_or("x");
            columns.push(ColumnSpec {
                name: format!("{word}_{c}"),
                data_type,
                integer,
                not_null: choices.one_in(3),
                default: Some(default.to_owned()),
            });
        }
        let key = [1, 0, 1, 2]
            .get(choices.below(4))
            .copied()
            .unwrap_or(1)
            .min(column_count);
        for (c, column) in columns.iter_mut().enumerate() {
            if c < key {
                column.not_null = true;
                column.default = None;
            } else if !column.not_null && !choices.one_in(4) {
                column.default = None;
            }
        }
        let name = format!("t{t}");
        let mut table = TableSpec {
            name: name.clone(),
            columns,
            key,
            uniques: Vec::new(),
            checks: Vec::new(),
            indexes: Vec::new(),
            foreign_keys: Vec::new(),
        };
        for n in 0..choices.below(3) {
            let columns = column_list(&table, choices);
            table.uniques.push(Named {
                name: format!("uq_{name}_{n}"),
                columns,
            });
        }
        for n in 0..choices.below(3) {
            let columns = column_list(&table, choices);
            table.indexes.push(Named {
                name: format!("ix_{name}_{n}"),
                columns,
            });
        }
        for n in 0..choices.below(2) {
            let column = choices.below(table.columns.len());
            if table.columns.get(column).is_some_and(|c| c.integer) {
                table.checks.push((format!("ck_{name}_{n}"), column));
            }
        }
        for n in 0..choices.below(3) {
            let target = choices.below(tables.len().max(1));
            let column = choices.below(table.columns.len());
            let Some(target_table) = tables.get(target) else {
                continue;
            };
            let used = column < table.key
                || table.foreign_keys.iter().any(|fk| fk.column == column)
                || table
                    .uniques
                    .iter()
                    .chain(&table.indexes)
                    .any(|n| n.columns.contains(&column))
                || table.checks.iter().any(|(_, c)| *c == column);
            if target_table.key != 1 || used {
                continue;
            }
            let Some(target_type) = target_table
                .columns
                .first()
                .map(|c| (c.data_type, c.integer))
            else {
                continue;
            };
            if let Some(from) = table.columns.get_mut(column) {
                (from.data_type, from.integer) = target_type;
                from.not_null = false;
                from.default = None;
            }
            table.foreign_keys.push(ForeignSpec {
                name: format!("fk_{name}_{n}"),
                column,
                table: target,
            });
        }
        tables.push(table);
    }
    Schema { tables }
}

/// One or two distinct columns, in order of choice.
fn column_list(table: &TableSpec, choices: &mut Choices) -> Vec<usize> {
    let first = choices.below(table.columns.len());
    let mut columns = vec![first];
    if table.columns.len() > 1 && choices.one_in(2) {
        let second = choices.below(table.columns.len());
        if second != first {
            columns.push(second);
        }
    }
    columns
}
