//! MySQL/MariaDB schemas: integer types signed and unsigned, decimals, character and binary
//! types, text and blob kinds, temporal types with fractions, year, inline enum and set, json,
//! AUTO_INCREMENT, expression defaults, ON UPDATE, generated columns, checks, character sets
//! and collations, prefix and descending keys, foreign keys (cycles by ALTER TABLE), comments
//! and table options.

use relvar_sql::Dialect;

use super::expressions::{check, default, generation, table_check};
use super::plan::{Column, ColumnType, Family, Plan, Table, Vocabulary, plan};
use super::script::{Script, Statement};
use super::{COMMENTS, Rng, literal, quote};

const MY: Dialect = Dialect::MySql;

fn key_type(rng: &mut Rng) -> ColumnType {
    let unsigned = if rng.chance(30) { " unsigned" } else { "" };
    match rng.below(8) {
        0 => ColumnType::new(format!("bigint{unsigned}"), Family::Int),
        1 => ColumnType::new(format!("smallint{unsigned}"), Family::Int),
        2 => ColumnType::new(format!("varchar({})", 4 + rng.below(120)), Family::String),
        3 => ColumnType::new(format!("char({})", 1 + rng.below(36)), Family::String),
        4 => ColumnType::new("date", Family::Date),
        5 => ColumnType::new("binary(16)", Family::Other),
        6 => ColumnType::new(format!("mediumint{unsigned}"), Family::Int),
        _ => ColumnType::new(format!("int{unsigned}"), Family::Int),
    }
}

fn column_type(rng: &mut Rng, key: bool) -> ColumnType {
    if key || rng.chance(30) {
        return key_type(rng);
    }
    let precision = 1 + rng.below(30);
    let p = rng.below(7);
    match rng.below(20) {
        0 => ColumnType::new(
            format!("decimal({precision},{})", rng.below(precision.min(30) + 1)),
            Family::Decimal,
        ),
        1 => ColumnType::new("float", Family::Float),
        2 => ColumnType::new("double", Family::Float),
        3 => ColumnType::new("tinyint(1)", Family::Bool),
        4 => ColumnType::new("tinyint", Family::Int),
        5 => ColumnType::new(format!("datetime({p})"), Family::Timestamp),
        6 => ColumnType::new(format!("timestamp({p})"), Family::Timestamp),
        7 => ColumnType::new(format!("time({p})"), Family::Time),
        8 => ColumnType::new("year", Family::Other),
        9 => ColumnType::new("text", Family::Text),
        10 => ColumnType::new("mediumtext", Family::Text),
        11 => ColumnType::new("longtext", Family::Text),
        12 => ColumnType::new("tinytext", Family::Text),
        13 => ColumnType::new("blob", Family::Binary),
        14 => ColumnType::new(format!("varbinary({})", 1 + rng.below(255)), Family::Binary),
        15 => ColumnType::new("json", Family::Json),
        16 => ColumnType::new(
            "enum('small','it''s','Large One')",
            Family::Enum(vec!["small".into(), "it's".into(), "Large One".into()]),
        ),
        17 => ColumnType::new("set('a','b','c d')", Family::Other),
        18 if rng.chance(50) => ColumnType::new("bit(1)", Family::Other),
        18 => ColumnType::new(format!("bit({})", 1 + rng.below(64)), Family::Other),
        19 if rng.chance(30) => ColumnType::new("point", Family::Other),
        _ => ColumnType::new("char(36)", Family::Uuid),
    }
}

fn numbered_type(rng: &mut Rng) -> ColumnType {
    let sql = match rng.below(3) {
        0 => "bigint unsigned AUTO_INCREMENT",
        1 => "bigint AUTO_INCREMENT",
        _ => "int AUTO_INCREMENT",
    };
    ColumnType::new(sql, Family::Int)
}

fn referencing_type(_: &mut Rng, to: &ColumnType) -> ColumnType {
    ColumnType::new(to.sql.replace(" AUTO_INCREMENT", ""), to.family.clone())
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
    let mut later = Vec::new();
    for (at, table) in plan.tables.iter().enumerate() {
        script.push(create_table(rng, &plan, at, table, &mut later));
    }
    for statement in later {
        script.push(statement);
    }
    for table in &plan.tables {
        for _ in 0..rng.below(3) {
            if let Some(index) = index(rng, table) {
                script.push(Statement::whole(index, true));
            }
        }
    }
    if let Some(table) = rng.pick(&plan.tables).filter(|_| rng.chance(30)) {
        let shown: Vec<String> = table
            .columns
            .iter()
            .take(3)
            .map(|column| quote(&column.name, MY))
            .collect();
        script.push(Statement::whole(
            format!(
                "CREATE VIEW {} AS SELECT {} FROM {}",
                quote(&format!("{} view", table.name), MY),
                shown.join(", "),
                quote(&table.name, MY)
            ),
            true,
        ));
    }
    script
}

fn columns(table: &Table, positions: &[usize], prefixes: bool) -> String {
    positions
        .iter()
        .filter_map(|at| table.columns.get(*at))
        .map(|column| {
            let name = quote(&column.name, MY);
            if prefixes && matches!(column.ty.family, Family::Text | Family::Binary) {
                format!("{name}(20)")
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn constraint_name(rng: &mut Rng, table: &Table, what: &str) -> String {
    if rng.chance(50) {
        return String::new();
    }
    let name = format!("{}_{what}_{}", table.name, rng.below(1000));
    format!("CONSTRAINT {} ", quote(&name, MY))
}

fn create_table(
    rng: &mut Rng,
    plan: &Plan,
    at: usize,
    table: &Table,
    later: &mut Vec<Statement>,
) -> Statement {
    let mut statement = Statement::new(false);
    statement.required(format!("CREATE TABLE {} (", quote(&table.name, MY)));
    let mut first = true;
    for column in &table.columns {
        statement.required(format!(
            "{}\n    {} {}",
            if first { "" } else { "," },
            quote(&column.name, MY),
            column.ty.sql
        ));
        first = false;
        column_options(rng, column, &mut statement);
        let generated = format!("{}_gen", column.name);
        if !column.keyed
            && rng.chance(15)
            && !table
                .columns
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(&generated))
            && let Some(expression) = generation(rng, column, MY)
        {
            let kind = if rng.chance(50) { "STORED" } else { "VIRTUAL" };
            statement.required(format!(
                ",\n    {} {}",
                quote(&generated, MY),
                column.ty.sql
            ));
            statement.optional(format!(" AS ({expression}) {kind}"));
        }
    }
    // A numbered column may be keyed by a plain index alone (MySQL wants some key to lead with
    // it), unless a foreign key needs the table's primary key.
    let referenced = plan.foreign_keys.iter().any(|fk| fk.to == at);
    if let Some(key) = &table.primary_key {
        let keyword = if table.numbered && !referenced && rng.chance(30) {
            format!("KEY {}", quote(&format!("{}_numbered", table.name), MY))
        } else {
            "PRIMARY KEY".to_owned()
        };
        statement.required(format!(",\n    {keyword} ({})", columns(table, key, false)));
    }
    for key in table.uniques.iter().chain(&table.unique_indexes) {
        statement.optional(format!(
            ",\n    {}UNIQUE KEY ({})",
            constraint_name(rng, table, "key"),
            columns(table, key, false)
        ));
    }
    if rng.chance(30)
        && let Some(check) = table_check(rng, &table.columns, MY)
    {
        statement.optional(format!(
            ",\n    {}CHECK ({check})",
            constraint_name(rng, table, "check")
        ));
    }
    for foreign_key in plan.foreign_keys.iter().filter(|fk| fk.from == at) {
        let Some(to) = plan.tables.get(foreign_key.to) else {
            continue;
        };
        let clause = format!(
            "{}FOREIGN KEY ({}) REFERENCES {} ({}){}",
            constraint_name(rng, table, "fk"),
            columns(table, &foreign_key.from_columns, false),
            quote(&to.name, MY),
            columns(to, &foreign_key.to_columns, false),
            actions(rng, nullable(table, &foreign_key.from_columns))
        );
        let declared_here = foreign_key.to < at
            || (foreign_key.to == at && !table.unique_indexes.contains(&foreign_key.to_columns));
        if declared_here && rng.chance(60) {
            statement.optional(format!(",\n    {clause}"));
        } else {
            later.push(Statement::whole(
                format!("ALTER TABLE {} ADD {clause}", quote(&table.name, MY)),
                true,
            ));
        }
    }
    statement.required("\n)");
    if rng.chance(50) {
        statement.optional(" ENGINE=InnoDB");
    }
    match rng.below(4) {
        0 => statement.optional(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"),
        1 => statement.optional(" DEFAULT CHARSET=utf8mb4"),
        _ => {}
    }
    if rng.chance(15) {
        statement.optional(" ROW_FORMAT=DYNAMIC");
    }
    if table.numbered && rng.chance(30) {
        statement.optional(" AUTO_INCREMENT=100");
    }
    if rng.chance(30)
        && let Some(text) = rng.pick(COMMENTS)
    {
        statement.optional(format!(" COMMENT={}", literal(text)));
    }
    statement
}

fn column_options(rng: &mut Rng, column: &Column, statement: &mut Statement) {
    let numbered = column.ty.sql.contains("AUTO_INCREMENT");
    if matches!(column.ty.family, Family::String | Family::Text) && !column.keyed {
        match rng.below(12) {
            0 => statement.optional(" COLLATE utf8mb4_bin"),
            1 => statement.optional(" CHARACTER SET latin1"),
            _ => {}
        }
    }
    if column.not_null {
        statement.optional(" NOT NULL");
    }
    if !numbered
        && rng.chance(35)
        && let Some(default) = default(rng, column, MY)
    {
        statement.optional(format!(" DEFAULT {default}"));
    }
    if column.ty.family == Family::Timestamp && rng.chance(30) {
        let precision = column
            .ty
            .sql
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .to_owned();
        let precision = if precision == "(0)" {
            String::new()
        } else {
            precision
        };
        statement.optional(format!(" ON UPDATE CURRENT_TIMESTAMP{precision}"));
    }
    if rng.chance(15)
        && let Some(text) = rng.pick(COMMENTS)
    {
        statement.optional(format!(" COMMENT {}", literal(text)));
    }
    // MariaDB reads a column's CHECK last.
    if rng.chance(15)
        && let Some(check) = check(rng, column, MY)
    {
        statement.optional(format!(" CHECK ({check})"));
    }
}

/// Whether every one of the columns may be null (InnoDB refuses SET NULL otherwise).
fn nullable(table: &Table, positions: &[usize]) -> bool {
    positions
        .iter()
        .filter_map(|at| table.columns.get(*at))
        .all(|column| !column.not_null)
}

fn actions(rng: &mut Rng, nullable: bool) -> String {
    let actions: &[&str] = if nullable {
        &["CASCADE", "SET NULL", "RESTRICT", "NO ACTION"]
    } else {
        &["CASCADE", "RESTRICT", "NO ACTION"]
    };
    let mut clause = String::new();
    for event in ["DELETE", "UPDATE"] {
        if rng.chance(40)
            && let Some(action) = rng.pick(actions)
        {
            clause.push_str(&format!(" ON {event} {action}"));
        }
    }
    clause
}

/// `CREATE [UNIQUE|FULLTEXT] INDEX` over one to three columns, text and blobs by a prefix.
fn index(rng: &mut Rng, table: &Table) -> Option<String> {
    let on = quote(&table.name, MY);
    let name = quote(&format!("{}_idx_{}", table.name, rng.below(10_000)), MY);
    let first = rng.pick(&table.columns)?;
    if first.ty.sql == "point" && first.not_null {
        return Some(format!(
            "CREATE SPATIAL INDEX {name} ON {on} ({})",
            quote(&first.name, MY)
        ));
    }
    if first.ty.family == Family::Text && rng.chance(20) {
        return Some(format!(
            "CREATE FULLTEXT INDEX {name} ON {on} ({})",
            quote(&first.name, MY)
        ));
    }
    let unique = if rng.chance(20) { "UNIQUE " } else { "" };
    let mut parts = Vec::new();
    let mut used = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let column = rng.pick(&table.columns)?;
        if used.contains(&column.name) {
            continue;
        }
        used.push(column.name.clone());
        let mut part = quote(&column.name, MY);
        let needs_prefix = matches!(column.ty.family, Family::Text | Family::Binary)
            && !column.ty.sql.starts_with("varbinary");
        if needs_prefix || (column.ty.family == Family::String && rng.chance(20)) {
            part.push_str(&format!("({})", 1 + rng.below(30)));
        }
        if rng.chance(30) {
            part.push_str(" DESC");
        }
        parts.push(part);
    }
    // MariaDB keeps USING HASH on a unique key made by CREATE INDEX but drops it inline in
    // CREATE TABLE, where a dump puts it: not generated for unique keys.
    let using = match rng.below(8) {
        0 => " USING BTREE",
        1 if unique.is_empty() => " USING HASH",
        _ => "",
    };
    let comment = if rng.chance(10) { " COMMENT 'why'" } else { "" };
    Some(format!(
        "CREATE {unique}INDEX {name} ON {on} ({}){using}{comment}",
        parts.join(", ")
    ))
}
