//! Scripts that build the same schema: everything inline in CREATE TABLE, or in steps (minimal
//! CREATE TABLEs, then ALTER TABLE ADD COLUMN / ADD CONSTRAINT and CREATE INDEX), optionally
//! with detours (temporary names renamed into place, wrong types corrected, extra columns,
//! tables, constraints and indexes added then dropped, SQLite table rebuilds) as the dialect
//! allows them.

use relvar_sql::Dialect;

use super::schema::{Choices, ColumnSpec, Schema, TableSpec, other_type};

/// One piece of a stepwise script: an ALTER TABLE operation (merged with its neighbours on the
/// same table where the dialect allows), or a statement of its own.
enum Step {
    Alter { table: String, operation: String },
    Statement(String),
}

pub fn inline(schema: &Schema, dialect: Dialect) -> String {
    let mut out = String::new();
    for table in &schema.tables {
        out.push_str(&create_inline(schema, table, &table.name, dialect));
    }
    for table in &schema.tables {
        for index in &table.indexes {
            out.push_str(&create_index(
                &index.name,
                &table.name,
                &names(table, &index.columns),
            ));
        }
    }
    out
}

fn create_inline(schema: &Schema, table: &TableSpec, name: &str, dialect: Dialect) -> String {
    let mut elements: Vec<String> = table
        .columns
        .iter()
        .map(|column| column_def(column, &column.name, column.data_type, dialect))
        .collect();
    elements.extend(constraints(schema, table, &column_names(table)));
    format!("CREATE TABLE {name} (\n  {}\n);\n", elements.join(",\n  "))
}

/// The table's key, unique, check and foreign key constraints over columns named `columns`.
fn constraints(schema: &Schema, table: &TableSpec, columns: &[String]) -> Vec<String> {
    let pick = |list: &[usize]| -> String {
        list.iter()
            .filter_map(|c| columns.get(*c).cloned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    if table.key > 0 {
        let key: Vec<usize> = (0..table.key).collect();
        out.push(format!(
            "CONSTRAINT pk_{} PRIMARY KEY ({})",
            table.name,
            pick(&key)
        ));
    }
    for unique in &table.uniques {
        out.push(format!(
            "CONSTRAINT {} UNIQUE ({})",
            unique.name,
            pick(&unique.columns)
        ));
    }
    for (name, column) in &table.checks {
        out.push(format!(
            "CONSTRAINT {name} CHECK ({} > 0)",
            pick(&[*column])
        ));
    }
    for fk in &table.foreign_keys {
        out.push(foreign_key(schema, fk.table, &fk.name, &pick(&[fk.column])));
    }
    out
}

fn foreign_key(schema: &Schema, target: usize, name: &str, column: &str) -> String {
    let target = schema.tables.get(target);
    let table = target.map_or("missing", |t| t.name.as_str());
    let key = target
        .and_then(|t| t.columns.first())
        .map_or("id", |c| c.name.as_str());
    format!("CONSTRAINT {name} FOREIGN KEY ({column}) REFERENCES {table} ({key})")
}

fn column_def(column: &ColumnSpec, name: &str, data_type: &str, dialect: Dialect) -> String {
    let mut def = format!("{name} {data_type}");
    if column.not_null {
        def.push_str(" NOT NULL");
    } else if dialect == Dialect::MsSql {
        def.push_str(" NULL");
    }
    if let Some(default) = &column.default {
        def.push_str(&format!(" DEFAULT {default}"));
    }
    def
}

fn create_index(name: &str, table: &str, columns: &str) -> String {
    format!("CREATE INDEX {name} ON {table} ({columns});\n")
}

fn column_names(table: &TableSpec) -> Vec<String> {
    table.columns.iter().map(|c| c.name.clone()).collect()
}

fn names(table: &TableSpec, columns: &[usize]) -> String {
    columns
        .iter()
        .filter_map(|c| table.columns.get(*c).map(|c| c.name.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The schema built in steps; with `detours`, by way of the detours the dialect allows.
pub fn stepwise(schema: &Schema, dialect: Dialect, mut detours: Option<&mut Choices>) -> String {
    let mut steps = Vec::new();
    let mut rebuilds = Vec::new();
    for table in &schema.tables {
        let mut chance = |odds: usize| detours.as_deref_mut().is_some_and(|c| c.one_in(odds));
        table_steps(schema, table, dialect, &mut chance, &mut steps);
        if dialect == Dialect::Sqlite && chance(3) {
            rebuilds.push(table);
        }
    }
    for table in rebuilds {
        let new = format!("new_{}", table.name);
        steps.push(Step::Statement(create_inline(schema, table, &new, dialect)));
        steps.push(Step::Statement(format!("DROP TABLE {};\n", table.name)));
        steps.push(Step::Statement(format!(
            "ALTER TABLE {new} RENAME TO {};\n",
            table.name
        )));
        for index in &table.indexes {
            let columns = names(table, &index.columns);
            steps.push(Step::Statement(create_index(
                &index.name,
                &table.name,
                &columns,
            )));
        }
    }
    let merge = detours.is_some_and(|c| c.one_in(2));
    write_steps(steps, dialect, merge)
}

fn table_steps(
    schema: &Schema,
    table: &TableSpec,
    dialect: Dialect,
    chance: &mut dyn FnMut(usize) -> bool,
    steps: &mut Vec<Step>,
) {
    let final_name = table.name.clone();
    if chance(3) {
        steps.push(Step::Statement(format!(
            "DROP TABLE IF EXISTS {final_name};\n"
        )));
    }
    let name = if chance(3) {
        format!("tmp_{final_name}")
    } else {
        final_name.clone()
    };
    let alter = |operation: String| Step::Alter {
        table: name.clone(),
        operation,
    };
    // Columns in constraints keep their names; the others may start with a temporary one.
    let constrained = |c: usize| {
        c < table.key
            || table
                .uniques
                .iter()
                .chain(&table.indexes)
                .any(|n| n.columns.contains(&c))
            || table.foreign_keys.iter().any(|fk| fk.column == c)
            || table.checks.iter().any(|(_, k)| *k == c)
    };
    // MySQL and SQL Server refuse to rename a column a check uses.
    let renamable = |c: usize| {
        matches!(dialect, Dialect::PostgreSql | Dialect::Sqlite)
            || !table.checks.iter().any(|(_, k)| *k == c)
    };
    let mut current = column_names(table);
    let mut renames = Vec::new();
    for (c, column) in table.columns.iter().enumerate() {
        if renamable(c) && chance(3) {
            let temporary = format!("tmp_{}", column.name);
            renames.push((temporary.clone(), column.name.clone()));
            if let Some(slot) = current.get_mut(c) {
                *slot = temporary;
            }
        }
    }
    let prefix = match dialect {
        Dialect::Sqlite => (0..table.columns.len())
            .filter(|c| constrained(*c) && !table.foreign_keys.iter().any(|fk| fk.column == *c))
            .map(|c| c + 1)
            .max()
            .unwrap_or(1),
        _ => 1,
    };
    let mut first = Vec::new();
    let mut later = Vec::new();
    for (c, column) in table.columns.iter().enumerate() {
        let column_name = current.get(c).cloned().unwrap_or_default();
        let retyped = dialect != Dialect::Sqlite
            && c >= prefix
            && !constrained(c)
            && column.default.is_none()
            && chance(4);
        let late_default = matches!(dialect, Dialect::PostgreSql | Dialect::MySql)
            && c >= prefix
            && column.default.is_some()
            && !column.not_null
            && chance(3);
        let mut spec = column.clone();
        if late_default {
            spec.default = None;
        }
        let data_type = if retyped {
            let other = other_type(dialect, column.data_type, &mut Choices::new(vec![c as u32]));
            spec.not_null = false;
            other
        } else {
            column.data_type
        };
        let mut def = column_def(&spec, &column_name, data_type, dialect);
        let fk = table.foreign_keys.iter().find(|fk| fk.column == c);
        if c < prefix {
            first.push(def);
            continue;
        }
        if dialect == Dialect::Sqlite
            && let Some(fk) = fk
        {
            def = format!("{def} {}", inline_reference(schema, fk.table, &fk.name));
        }
        later.push(alter(add_column(dialect, &def)));
        if retyped {
            later.push(alter(retype(column, &column_name, dialect)));
        }
        if late_default && let Some(default) = &column.default {
            later.push(alter(format!(
                "ALTER COLUMN {column_name} SET DEFAULT {default}"
            )));
        }
        if chance(4) {
            let extra = format!("extra_{c}");
            later.push(alter(add_column(dialect, &format!("{extra} integer"))));
            later.push(alter(format!("DROP COLUMN {extra}")));
        }
    }
    let mut constraints_here = constraints(schema, table, &current);
    if dialect == Dialect::Sqlite {
        constraints_here
            .retain(|c| !c.contains("FOREIGN KEY") || prefix_holds_fk(table, prefix, c));
        first.append(&mut constraints_here);
    }
    steps.push(Step::Statement(format!(
        "CREATE TABLE {name} (\n  {}\n);\n",
        first.join(",\n  ")
    )));
    steps.extend(later);
    let renamable = matches!(dialect, Dialect::PostgreSql | Dialect::MsSql);
    for constraint in constraints_here {
        let constraint_name = constraint
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        if renamable && !constraint.contains("PRIMARY KEY") && chance(3) {
            let temporary = format!("tmp_{constraint_name}");
            steps.push(alter(format!(
                "ADD {}",
                constraint.replacen(&constraint_name, &temporary, 1)
            )));
            steps.push(rename_constraint(
                dialect,
                &name,
                &temporary,
                &constraint_name,
            ));
        } else {
            steps.push(alter(format!("ADD {constraint}")));
        }
    }
    if dialect != Dialect::Sqlite && chance(4) {
        let column = current.first().cloned().unwrap_or_default();
        steps.push(alter(format!(
            "ADD CONSTRAINT extra_{name} UNIQUE ({column})"
        )));
        steps.push(drop_constraint(dialect, &name, &format!("extra_{name}")));
    }
    for index in &table.indexes {
        let columns: Vec<String> = index
            .columns
            .iter()
            .filter_map(|c| current.get(*c).cloned())
            .collect();
        if dialect != Dialect::Sqlite && chance(3) {
            let temporary = format!("tmp_{}", index.name);
            steps.push(Step::Statement(create_index(
                &temporary,
                &name,
                &columns.join(", "),
            )));
            steps.push(rename_index(dialect, &name, &temporary, &index.name));
        } else {
            steps.push(Step::Statement(create_index(
                &index.name,
                &name,
                &columns.join(", "),
            )));
        }
    }
    // MariaDB adopts an index on a foreign key's column as the key's own and then refuses to
    // drop it.
    let free = (0..current.len()).find(|c| !table.foreign_keys.iter().any(|fk| fk.column == *c));
    if let Some(column) = free.and_then(|c| current.get(c)).filter(|_| chance(4)) {
        steps.push(Step::Statement(create_index("extra_ix", &name, column)));
        steps.push(Step::Statement(drop_index(dialect, &name, "extra_ix")));
    }
    if chance(4) {
        steps.push(Step::Statement(format!(
            "CREATE TABLE extra_{final_name} (id integer);\n"
        )));
        steps.push(Step::Statement(format!("DROP TABLE extra_{final_name};\n")));
    }
    for (temporary, final_column) in renames {
        steps.push(rename_column(dialect, &name, &temporary, &final_column));
    }
    if name != final_name {
        steps.push(rename_table(dialect, &name, &final_name));
    }
}

fn prefix_holds_fk(table: &TableSpec, prefix: usize, constraint: &str) -> bool {
    table
        .foreign_keys
        .iter()
        .any(|fk| fk.column < prefix && constraint.contains(&fk.name))
}

fn inline_reference(schema: &Schema, target: usize, name: &str) -> String {
    let target = schema.tables.get(target);
    let table = target.map_or("missing", |t| t.name.as_str());
    let key = target
        .and_then(|t| t.columns.first())
        .map_or("id", |c| c.name.as_str());
    format!("CONSTRAINT {name} REFERENCES {table} ({key})")
}

fn add_column(dialect: Dialect, def: &str) -> String {
    match dialect {
        Dialect::MsSql => format!("ADD {def}"),
        _ => format!("ADD COLUMN {def}"),
    }
}

/// Corrects a column first created with another type (and nullable).
fn retype(column: &ColumnSpec, name: &str, dialect: Dialect) -> String {
    let null = if column.not_null {
        " NOT NULL"
    } else {
        " NULL"
    };
    match dialect {
        Dialect::PostgreSql => {
            let mut operation = format!("ALTER COLUMN {name} TYPE {} USING NULL", column.data_type);
            if column.not_null {
                operation.push_str(&format!(", ALTER COLUMN {name} SET NOT NULL"));
            }
            operation
        }
        Dialect::MySql => format!("MODIFY {name} {}{null}", column.data_type),
        _ => format!("ALTER COLUMN {name} {}{null}", column.data_type),
    }
}

fn rename_column(dialect: Dialect, table: &str, old: &str, new: &str) -> Step {
    match dialect {
        Dialect::MsSql => Step::Statement(format!(
            "EXEC sp_rename '{table}.{old}', '{new}', 'COLUMN';\n"
        )),
        _ => Step::Alter {
            table: table.to_owned(),
            operation: format!("RENAME COLUMN {old} TO {new}"),
        },
    }
}

fn rename_table(dialect: Dialect, old: &str, new: &str) -> Step {
    Step::Statement(match dialect {
        Dialect::MsSql => format!("EXEC sp_rename '{old}', '{new}';\n"),
        Dialect::MySql => format!("RENAME TABLE {old} TO {new};\n"),
        _ => format!("ALTER TABLE {old} RENAME TO {new};\n"),
    })
}

fn rename_constraint(dialect: Dialect, table: &str, old: &str, new: &str) -> Step {
    match dialect {
        Dialect::MsSql => Step::Statement(format!("EXEC sp_rename '{old}', '{new}';\n")),
        _ => Step::Alter {
            table: table.to_owned(),
            operation: format!("RENAME CONSTRAINT {old} TO {new}"),
        },
    }
}

fn drop_constraint(dialect: Dialect, table: &str, name: &str) -> Step {
    let operation = match dialect {
        Dialect::MySql => format!("DROP INDEX {name}"),
        _ => format!("DROP CONSTRAINT {name}"),
    };
    Step::Alter {
        table: table.to_owned(),
        operation,
    }
}

fn rename_index(dialect: Dialect, table: &str, old: &str, new: &str) -> Step {
    match dialect {
        Dialect::MsSql => Step::Statement(format!(
            "EXEC sp_rename '{table}.{old}', '{new}', 'INDEX';\n"
        )),
        Dialect::MySql => Step::Alter {
            table: table.to_owned(),
            operation: format!("RENAME INDEX {old} TO {new}"),
        },
        _ => Step::Statement(format!("ALTER INDEX {old} RENAME TO {new};\n")),
    }
}

fn drop_index(dialect: Dialect, table: &str, name: &str) -> String {
    match dialect {
        Dialect::MySql | Dialect::MsSql => format!("DROP INDEX {name} ON {table};\n"),
        _ => format!("DROP INDEX {name};\n"),
    }
}

/// Writes the steps; with `merge`, consecutive operations on one table become one ALTER TABLE
/// (PostgreSQL, MySQL) or one ADD / DROP COLUMN list (SQL Server).
fn write_steps(steps: Vec<Step>, dialect: Dialect, merge: bool) -> String {
    let mut out = String::new();
    let mut pending: Option<(String, Vec<String>)> = None;
    let flush = |out: &mut String, pending: &mut Option<(String, Vec<String>)>| {
        if let Some((table, operations)) = pending.take() {
            out.push_str(&format!("ALTER TABLE {table} {};\n", operations.join(", ")));
        }
    };
    for step in steps {
        match step {
            Step::Statement(text) => {
                flush(&mut out, &mut pending);
                out.push_str(&text);
            }
            Step::Alter { table, operation } => {
                // Only additions join: engines apply one statement's operations in passes of
                // their own, so an operation may not depend on another of the same statement.
                let column_added =
                    |op: &str| op.starts_with("ADD ") && !op.starts_with("ADD CONSTRAINT");
                let joins = match &pending {
                    Some((open, operations)) if merge && *open == table => match dialect {
                        Dialect::PostgreSql | Dialect::MySql => {
                            operation.starts_with("ADD ")
                                && operations.iter().all(|op| op.starts_with("ADD "))
                        }
                        Dialect::MsSql => {
                            column_added(&operation)
                                && operations.last().is_some_and(|last| column_added(last))
                        }
                        Dialect::Sqlite => false,
                    },
                    _ => false,
                };
                if joins {
                    let operation = match dialect {
                        Dialect::MsSql => operation.trim_start_matches("ADD ").to_owned(),
                        _ => operation,
                    };
                    if let Some((_, operations)) = pending.as_mut() {
                        operations.push(operation);
                    }
                } else {
                    flush(&mut out, &mut pending);
                    pending = Some((table, vec![operation]));
                }
            }
        }
    }
    flush(&mut out, &mut pending);
    out
}
