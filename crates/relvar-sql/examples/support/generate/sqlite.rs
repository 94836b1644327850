//! SQLite schemas: declared types of every spelling (and none), INTEGER PRIMARY KEY
//! AUTOINCREMENT, WITHOUT ROWID, expression defaults, generated columns, collations, checks,
//! partial and expression indexes, and foreign keys always inline (forward and cyclic ones too,
//! as SQLite resolves them late), between columns of different declared types included.

use relvar_sql::Dialect;

use super::expressions::{check, default, generation, index_expression, predicate, table_check};
use super::plan::{Column, ColumnType, Family, Plan, Table, Vocabulary, plan};
use super::script::{Script, Statement};
use super::{Rng, quote};

const SQ: Dialect = Dialect::Sqlite;

fn key_type(rng: &mut Rng) -> ColumnType {
    match rng.below(6) {
        0 => ColumnType::new("INT", Family::Int),
        1 => ColumnType::new("TEXT", Family::Text),
        2 => ColumnType::new(format!("VARCHAR({})", 4 + rng.below(60)), Family::String),
        3 => ColumnType::new("BIGINT", Family::Int),
        4 => ColumnType::new("text", Family::Text),
        _ => ColumnType::new("INTEGER", Family::Int),
    }
}

fn column_type(rng: &mut Rng, key: bool) -> ColumnType {
    if key || rng.chance(30) {
        return key_type(rng);
    }
    match rng.below(14) {
        0 => ColumnType::new("REAL", Family::Float),
        1 => ColumnType::new("BLOB", Family::Binary),
        2 => ColumnType::new("NUMERIC", Family::Decimal),
        3 => ColumnType::new(format!("DECIMAL({},2)", 3 + rng.below(15)), Family::Decimal),
        4 => ColumnType::new("BOOLEAN", Family::Bool),
        5 => ColumnType::new("DATETIME", Family::Timestamp),
        6 => ColumnType::new("DATE", Family::Date),
        7 => ColumnType::new("DOUBLE", Family::Float),
        8 => ColumnType::new("", Family::Other),
        9 => ColumnType::new(format!("NVARCHAR({})", 1 + rng.below(100)), Family::String),
        10 => ColumnType::new("CHARACTER(2)", Family::String),
        11 => ColumnType::new("JSON", Family::Json),
        12 => ColumnType::new("UNSIGNED BIG INT", Family::Int),
        _ => ColumnType::new("TIMESTAMP", Family::Timestamp),
    }
}

fn numbered_type(_: &mut Rng) -> ColumnType {
    ColumnType::new("INTEGER", Family::Int)
}

fn referencing_type(rng: &mut Rng, to: &ColumnType) -> ColumnType {
    // SQLite compares by affinity at run time and declares nothing: another type is accepted.
    if rng.chance(25) {
        return key_type(rng);
    }
    to.clone()
}

pub fn script(rng: &mut Rng) -> Script {
    let vocabulary = Vocabulary {
        column_type: &column_type,
        numbered_type: &numbered_type,
        referencing_type: &referencing_type,
        schemas: &[],
    };
    let plan = plan(rng, &vocabulary);
    let mut script = Script::default();
    for (at, table) in plan.tables.iter().enumerate() {
        script.push(create_table(rng, &plan, at, table));
        for key in &table.unique_indexes {
            let name = quote(&format!("{}_key_{}", table.name, rng.below(10_000)), SQ);
            script.push(Statement::whole(
                format!(
                    "CREATE UNIQUE INDEX {name} ON {} ({})",
                    quote(&table.name, SQ),
                    columns(table, key)
                ),
                false,
            ));
        }
    }
    for table in &plan.tables {
        for _ in 0..rng.below(3) {
            if let Some(index) = index(rng, table) {
                script.push(Statement::whole(index, true));
            }
        }
    }
    script
}

fn columns(table: &Table, positions: &[usize]) -> String {
    positions
        .iter()
        .filter_map(|at| table.columns.get(*at))
        .map(|column| quote(&column.name, SQ))
        .collect::<Vec<_>>()
        .join(", ")
}

fn constraint_name(rng: &mut Rng, table: &Table, what: &str) -> String {
    if rng.chance(60) {
        return String::new();
    }
    let name = format!("{}_{what}_{}", table.name, rng.below(1000));
    format!("CONSTRAINT {} ", quote(&name, SQ))
}

fn create_table(rng: &mut Rng, plan: &Plan, at: usize, table: &Table) -> Statement {
    let mut statement = Statement::new(false);
    statement.required(format!("CREATE TABLE {} (", quote(&table.name, SQ)));
    let numbered = table
        .numbered
        .then_some(table.primary_key.as_ref())
        .flatten();
    // A one-column foreign key may be declared on its column, as many SQLite schemas do.
    let mut on_column: Vec<(usize, String)> = Vec::new();
    let mut table_level = Vec::new();
    for foreign_key in plan.foreign_keys.iter().filter(|fk| fk.from == at) {
        let Some(to) = plan.tables.get(foreign_key.to) else {
            continue;
        };
        match (
            foreign_key.from_columns.as_slice(),
            foreign_key.to_columns.as_slice(),
        ) {
            ([from], [referenced])
                if rng.chance(40) && !on_column.iter().any(|(at, _)| at == from) =>
            {
                let clause = format!(
                    " REFERENCES {} ({}){}",
                    quote(&to.name, SQ),
                    columns(to, &[*referenced]),
                    actions(rng)
                );
                on_column.push((*from, clause));
            }
            _ => table_level.push(format!(
                ",\n    {}FOREIGN KEY ({}) REFERENCES {} ({}){}",
                constraint_name(rng, table, "fk"),
                columns(table, &foreign_key.from_columns),
                quote(&to.name, SQ),
                columns(to, &foreign_key.to_columns),
                actions(rng)
            )),
        }
    }
    let mut first = true;
    for (position, column) in table.columns.iter().enumerate() {
        let mut definition = format!(
            "{}\n    {}",
            if first { "" } else { "," },
            quote(&column.name, SQ)
        );
        if !column.ty.sql.is_empty() {
            definition.push(' ');
            definition.push_str(&column.ty.sql);
        }
        if numbered.is_some_and(|key| key.first() == Some(&position)) {
            definition.push_str(" PRIMARY KEY AUTOINCREMENT");
        }
        statement.required(definition);
        first = false;
        column_options(rng, column, &mut statement);
        for (_, clause) in on_column.iter().filter(|(at, _)| *at == position) {
            statement.optional(clause.clone());
        }
        let generated = format!("{}_gen", column.name);
        if !column.keyed
            && rng.chance(15)
            && !table
                .columns
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(&generated))
            && let Some(expression) = generation(rng, column, SQ)
        {
            let kind = if rng.chance(50) { " STORED" } else { "" };
            let spelled = if rng.chance(30) {
                ""
            } else {
                " GENERATED ALWAYS"
            };
            statement.required(format!(
                ",\n    {} {}",
                quote(&generated, SQ),
                column.ty.sql
            ));
            statement.optional(format!("{spelled} AS ({expression}){kind}"));
        }
    }
    if let Some(key) = table.primary_key.as_ref().filter(|_| numbered.is_none()) {
        statement.required(format!(
            ",\n    {}PRIMARY KEY ({})",
            constraint_name(rng, table, "pk"),
            columns(table, key)
        ));
    }
    for key in &table.uniques {
        statement.optional(format!(
            ",\n    {}UNIQUE ({})",
            constraint_name(rng, table, "key"),
            columns(table, key)
        ));
    }
    if rng.chance(30)
        && let Some(check) = table_check(rng, &table.columns, SQ)
    {
        statement.optional(format!(
            ",\n    {}CHECK ({check})",
            constraint_name(rng, table, "check")
        ));
    }
    for clause in table_level {
        statement.optional(clause);
    }
    statement.required("\n)");
    let without_rowid = table.primary_key.is_some() && numbered.is_none() && rng.chance(20);
    if without_rowid {
        statement.optional(" WITHOUT ROWID");
    }
    // STRICT takes only its own type names.
    let strict = table.columns.iter().all(|column| {
        matches!(
            column.ty.sql.as_str(),
            "INT" | "INTEGER" | "REAL" | "TEXT" | "BLOB" | "ANY" | "text"
        )
    });
    // Both at once (`WITHOUT ROWID, STRICT`) are not read yet: sqlparser takes one.
    if strict && !without_rowid && rng.chance(40) {
        statement.optional(" STRICT");
    }
    statement
}

fn column_options(rng: &mut Rng, column: &Column, statement: &mut Statement) {
    if matches!(column.ty.family, Family::String | Family::Text) && rng.chance(10) {
        statement.optional(" COLLATE NOCASE");
    }
    if column.not_null {
        statement.optional(" NOT NULL");
    }
    if rng.chance(35)
        && let Some(default) = default(rng, column, SQ)
    {
        statement.optional(format!(" DEFAULT {default}"));
    }
    if rng.chance(15)
        && let Some(check) = check(rng, column, SQ)
    {
        statement.optional(format!(" CHECK ({check})"));
    }
}

fn actions(rng: &mut Rng) -> String {
    const ACTIONS: &[&str] = &[
        "CASCADE",
        "SET NULL",
        "SET DEFAULT",
        "RESTRICT",
        "NO ACTION",
    ];
    let mut clause = String::new();
    for event in ["DELETE", "UPDATE"] {
        if rng.chance(40)
            && let Some(action) = rng.pick(ACTIONS)
        {
            clause.push_str(&format!(" ON {event} {action}"));
        }
    }
    if rng.chance(15) {
        clause.push_str(" DEFERRABLE INITIALLY DEFERRED");
    }
    clause
}

/// `CREATE [UNIQUE] INDEX` over columns and expressions, with collations, order and a predicate.
fn index(rng: &mut Rng, table: &Table) -> Option<String> {
    let on = quote(&table.name, SQ);
    let name = quote(&format!("{}_idx_{}", table.name, rng.below(10_000)), SQ);
    let unique = if rng.chance(20) { "UNIQUE " } else { "" };
    let mut parts = Vec::new();
    let mut last = None;
    let indexable: Vec<&Column> = table
        .columns
        .iter()
        .filter(|column| column.ty.family != Family::Other)
        .collect();
    for _ in 0..1 + rng.below(3) {
        let column = *rng.pick(&indexable)?;
        let mut part = match index_expression(column, SQ) {
            Some(expression) if rng.chance(25) => expression,
            _ => quote(&column.name, SQ),
        };
        if matches!(column.ty.family, Family::String | Family::Text) && rng.chance(20) {
            part.push_str(" COLLATE NOCASE");
        }
        if rng.chance(30) {
            part.push_str(" DESC");
        }
        parts.push(part);
        last = Some(column);
    }
    let mut statement = format!("CREATE {unique}INDEX {name} ON {on} ({})", parts.join(", "));
    if let Some(column) = last.filter(|_| rng.chance(25)) {
        statement.push_str(&format!(" WHERE {}", predicate(rng, column, SQ)));
    }
    Some(statement)
}
