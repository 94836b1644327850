//! The differential oracle: a schema as one engine holds it against the same schema after our
//! import and export, as the target engine holds it. For the same engine everything the model
//! carries must come back equal; for another, every table, column and primary key must arrive,
//! and whatever else is missing or changed must have a warning naming its table.

use std::collections::BTreeMap;

use relvar_model::{
    ColumnId, Design, ForeignKey, IndexKey, ReferentialAction, Table, is_default_schema,
};
use relvar_sql::{Dialect, mapped_type};

/// The differences found, as lines; empty when the target holds what it should.
pub fn differences(
    source: &Design,
    from: Dialect,
    target: &Design,
    to: Dialect,
    warnings: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    let same = from == to;
    let mut found = 0;
    let own = |table: &&Table| !table.name.to_lowercase().starts_with("sqlite_");
    for table in source.tables.iter().filter(own) {
        let Some(back) = counterpart(table, target, to) else {
            if !warned(warnings, table, "") {
                problems.push(format!("table {} missing", table.qualified_name()));
            }
            continue;
        };
        found += 1;
        if same {
            problems.extend(same_engine(table, back, source, target));
        } else {
            problems.extend(other_engine(table, back, source, target, to, warnings));
        }
    }
    let extra = target.tables.iter().filter(own).count();
    if extra != found {
        problems.push(format!(
            "{} tables read back for {found} of the source",
            extra
        ));
    }
    if same {
        let enums = |design: &Design| {
            let mut list: Vec<String> = design
                .enums
                .iter()
                .map(|e| format!("{}{:?}", e.name, e.values))
                .collect();
            list.sort();
            list
        };
        if enums(source) != enums(target) {
            problems.push(format!(
                "enums {:?} read back {:?}",
                enums(source),
                enums(target)
            ));
        }
    }
    problems
}

/// The target's table for a source table: same schema and name, or, where the target has no
/// schemas, the name alone or flattened as `schema_name`.
fn counterpart<'t>(table: &Table, target: &'t Design, to: Dialect) -> Option<&'t Table> {
    let schema = table
        .schema
        .as_deref()
        .filter(|schema| !is_default_schema(schema));
    let wanted = match (schema, to) {
        (Some(schema), Dialect::MySql | Dialect::Sqlite) => vec![
            format!("{schema}_{}", table.name).to_lowercase(),
            table.name.to_lowercase(),
        ],
        _ => vec![table.name.to_lowercase()],
    };
    let schema_of = |t: &Table| {
        t.schema
            .as_deref()
            .filter(|schema| !is_default_schema(schema))
            .map(str::to_lowercase)
    };
    wanted.iter().find_map(|name| {
        target.tables.iter().find(|t| {
            t.name.to_lowercase() == *name
                && (matches!(to, Dialect::MySql | Dialect::Sqlite)
                    || schema_of(t) == schema.map(str::to_lowercase))
        })
    })
}

/// Whether a warning names the table (and the column, when one is given).
fn warned(warnings: &[String], table: &Table, column: &str) -> bool {
    let qualified = table.qualified_name();
    warnings.iter().any(|warning| {
        (warning.contains(&qualified) || warning.contains(&table.name))
            && (column.is_empty() || warning.contains(column))
    })
}

/// An expression compared without spacing, quoting, letter case or parentheses.
pub fn normal(expression: &str) -> String {
    let bare: String = expression
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '`' | '(' | ')' | '[' | ']'))
        .flat_map(char::to_lowercase)
        .collect();
    // PostgreSQL deparses casts differently from one round to the next: casts are left out.
    let mut out = String::new();
    let mut rest = bare.as_str();
    while let Some(at) = rest.find("::") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
    }
    out.push_str(rest);
    out
}

fn names(table: &Table, ids: &[ColumnId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| table.columns.iter().find(|c| c.id == *id))
        .map(|c| c.name.to_lowercase())
        .collect()
}

fn unique_keys(table: &Table) -> Vec<Vec<String>> {
    let mut keys: Vec<Vec<String>> = table
        .uniques
        .iter()
        .map(|unique| names(table, &unique.columns))
        .chain(
            table
                .indexes
                .iter()
                .filter(|index| index.unique && index.predicate.is_none())
                .filter(|index| index.key_columns().count() == index.parts.len())
                .map(|index| names(table, &index.key_columns().collect::<Vec<_>>())),
        )
        .collect();
    keys.sort();
    keys
}

fn indexes(table: &Table, exact: bool) -> Vec<String> {
    let mut list: Vec<String> = table
        .indexes
        .iter()
        .map(|index| {
            let parts: Vec<String> = index
                .parts
                .iter()
                .map(|part| {
                    let key = match &part.key {
                        IndexKey::Column(id) => names(table, &[*id]).concat(),
                        IndexKey::Expression(text) => normal(text),
                    };
                    if exact {
                        format!(
                            "{key}{}{}{}{}",
                            part.prefix.map(|p| format!("({p})")).unwrap_or_default(),
                            if part.descending { " desc" } else { "" },
                            part.operator_class
                                .as_deref()
                                .map(|o| format!(" {o}"))
                                .unwrap_or_default(),
                            part.collation
                                .as_deref()
                                .map(|c| format!(" collate {}", normal(c)))
                                .unwrap_or_default()
                        )
                    } else {
                        key
                    }
                })
                .collect();
            if exact {
                format!(
                    "{}{} {:?} using {:?} include {:?} where {:?}",
                    if index.unique { "unique " } else { "" },
                    index.name.as_deref().unwrap_or_default().to_lowercase(),
                    parts,
                    index.method,
                    names(table, &index.include),
                    index.predicate.as_deref().map(normal)
                )
            } else {
                format!("{parts:?}")
            }
        })
        .collect();
    list.sort();
    list
}

fn checks(table: &Table) -> Vec<String> {
    let mut list: Vec<String> = table
        .checks
        .iter()
        .map(|check| normal(&check.expression))
        .filter(|check| !check.starts_with("json_valid"))
        .collect();
    list.sort();
    list
}

fn foreign_keys(design: &Design, table: &Table, exact: bool, to: Dialect) -> Vec<String> {
    let action = |a: ReferentialAction| match (to, a) {
        (Dialect::MySql, ReferentialAction::Restrict) => ReferentialAction::NoAction,
        (_, a) => a,
    };
    let mut list: Vec<String> = design
        .foreign_keys
        .iter()
        .filter(|fk| fk.from_table == table.id)
        .filter_map(|fk: &ForeignKey| {
            let target = design.table(fk.to_table)?;
            // Across engines the referenced table may be flattened: its columns say enough.
            let mut line = format!(
                "{:?}->{:?}",
                names(table, &fk.from_columns),
                names(target, &fk.to_columns)
            );
            if exact {
                line.push_str(&format!(
                    " {} {:?}/{:?} {:?} {}",
                    target.name.to_lowercase(),
                    action(fk.on_delete),
                    action(fk.on_update),
                    fk.deferral,
                    fk.name.as_deref().unwrap_or_default().to_lowercase()
                ));
            }
            Some(line)
        })
        .collect();
    list.sort();
    list
}

fn same_engine(table: &Table, back: &Table, source: &Design, target: &Design) -> Vec<String> {
    let mut problems = Vec::new();
    let at = table.qualified_name();
    let mut differ = |what: &str, a: String, b: String| {
        if a != b {
            problems.push(format!("{at}: {what} {a} read back as {b}"));
        }
    };
    let columns = |t: &Table| -> Vec<String> {
        t.columns
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}{} default {:?} identity {:?} generated {:?} collate {:?} comment {:?}",
                    c.name.to_lowercase(),
                    c.data_type.to_lowercase().replace(' ', ""),
                    if c.nullable { "null" } else { "not null" },
                    "",
                    c.default.as_deref().map(normal),
                    c.identity,
                    c.generated.as_ref().map(|g| (normal(&g.expression), g.stored)),
                    c.collation.as_deref().map(normal),
                    c.comment
                )
            })
            .collect()
    };
    for (a, b) in columns(table).into_iter().zip(columns(back)) {
        differ("column", a, b);
    }
    differ(
        "columns",
        table.columns.len().to_string(),
        back.columns.len().to_string(),
    );
    let key = |t: &Table| format!("{:?}", t.primary_key.as_ref().map(|k| names(t, &k.columns)));
    differ("primary key", key(table), key(back));
    differ(
        "unique keys",
        format!("{:?}", unique_keys(table)),
        format!("{:?}", unique_keys(back)),
    );
    differ(
        "indexes",
        format!("{:?}", indexes(table, true)),
        format!("{:?}", indexes(back, true)),
    );
    differ(
        "checks",
        format!("{:?}", checks(table)),
        format!("{:?}", checks(back)),
    );
    differ(
        "foreign keys",
        format!(
            "{:?}",
            foreign_keys(source, table, true, Dialect::PostgreSql)
        ),
        format!(
            "{:?}",
            foreign_keys(target, back, true, Dialect::PostgreSql)
        ),
    );
    differ(
        "comment",
        format!("{:?}", table.comment),
        format!("{:?}", back.comment),
    );
    problems
}

fn other_engine(
    table: &Table,
    back: &Table,
    source: &Design,
    target: &Design,
    to: Dialect,
    warnings: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    let at = table.qualified_name();
    let written: BTreeMap<String, &relvar_model::Column> = back
        .columns
        .iter()
        .map(|c| (c.name.to_lowercase(), c))
        .collect();
    for column in &table.columns {
        let Some(again) = written.get(&column.name.to_lowercase()) else {
            problems.push(format!("{at}.{}: column missing", column.name));
            continue;
        };
        if expected_family(source, &column.data_type, to) != family_in(target, &again.data_type)
            && !warned(warnings, table, &column.name)
        {
            problems.push(format!(
                "{at}.{}: {} arrived as {} without a warning",
                column.name, column.data_type, again.data_type
            ));
        }
        if column.nullable != again.nullable && !warned(warnings, table, &column.name) {
            problems.push(format!(
                "{at}.{}: nullable {} arrived {}",
                column.name, column.nullable, again.nullable
            ));
        }
    }
    if back.columns.len() != table.columns.len() {
        problems.push(format!(
            "{at}: {} columns arrived as {}",
            table.columns.len(),
            back.columns.len()
        ));
    }
    let key = |t: &Table| t.primary_key.as_ref().map(|k| names(t, &k.columns));
    if key(table) != key(back) {
        problems.push(format!(
            "{at}: primary key {:?} arrived as {:?}",
            key(table),
            key(back)
        ));
    }
    let arrived = unique_keys(back);
    for unique in unique_keys(table) {
        if !arrived.contains(&unique) && !warned(warnings, table, "") {
            problems.push(format!(
                "{at}: unique key {unique:?} lost without a warning"
            ));
        }
    }
    let arrived = foreign_keys(target, back, false, to);
    for foreign_key in foreign_keys(source, table, false, to) {
        if !arrived.contains(&foreign_key) && !warned(warnings, table, "") {
            problems.push(format!(
                "{at}: foreign key {foreign_key} lost without a warning"
            ));
        }
    }
    let plain = |t: &Table| {
        let mut copy = t.clone();
        copy.indexes.retain(|index| !index.unique);
        indexes(&copy, false)
    };
    if plain(back).len() < plain(table).len() && !warned(warnings, table, "") {
        problems.push(format!(
            "{at}: indexes {:?} arrived as {:?} without a warning",
            plain(table),
            plain(back)
        ));
    }
    if checks(back).len() < checks(table).len() && !warned(warnings, table, "") {
        problems.push(format!(
            "{at}: checks {:?} arrived as {:?} without a warning",
            checks(table),
            checks(back)
        ));
    }
    problems
}

/// What a source column's type holds once written for `to` under the documented mapping.
fn expected_family(design: &Design, data_type: &str, to: Dialect) -> &'static str {
    let base = domain_base(design, data_type).unwrap_or(data_type);
    match family_in(design, base) {
        "text" => "text",
        "other" if design.dialect() == Dialect::Sqlite => sqlite_affinity(base),
        _ => family(&mapped_type(base, to)),
    }
}

/// SQLite's affinity rules for a name the portable reading does not know.
fn sqlite_affinity(declared: &str) -> &'static str {
    let upper = declared.to_uppercase();
    let has = |words: &[&str]| words.iter().any(|word| upper.contains(word));
    if has(&["INT"]) {
        "integer"
    } else if has(&["CHAR", "CLOB", "TEXT"]) {
        "text"
    } else if has(&["BLOB"]) {
        "binary"
    } else if has(&["REAL", "FLOA", "DOUB"]) {
        "float"
    } else {
        "text"
    }
}

fn domain_base<'d>(design: &'d Design, data_type: &str) -> Option<&'d str> {
    let unquoted = unquoted_name(data_type);
    design
        .domains
        .iter()
        .find(|domain| {
            unquoted.eq_ignore_ascii_case(&domain.name)
                || unquoted.eq_ignore_ascii_case(&domain.qualified_name())
        })
        .map(|domain| domain.data_type.as_str())
}

/// What a column type holds, coarsely, for comparing across engines: a domain by its base type,
/// an enum as text.
fn family_in(design: &Design, data_type: &str) -> &'static str {
    let unquoted = unquoted_name(data_type);
    let named = |name: &str, qualified: &str| {
        unquoted.eq_ignore_ascii_case(name) || unquoted.eq_ignore_ascii_case(qualified)
    };
    if let Some(domain) = design
        .domains
        .iter()
        .find(|domain| named(&domain.name, &domain.qualified_name()))
    {
        return family(&domain.data_type);
    }
    if design
        .enums
        .iter()
        .any(|e| named(&e.name, &e.qualified_name()))
    {
        return "text";
    }
    family(data_type)
}

fn family(data_type: &str) -> &'static str {
    let lower = data_type.to_lowercase();
    let base = lower.split(['(', ' ']).next().unwrap_or_default();
    match base {
        "tinyint" if lower.starts_with("tinyint(1)") => "boolean",
        "boolean" | "bool" | "bit" if !lower.contains('(') || lower.contains("(1)") => "boolean",
        "smallint" | "integer" | "int" | "bigint" | "mediumint" | "tinyint" | "int2" | "int4"
        | "int8" | "serial" | "bigserial" => "integer",
        "numeric" | "decimal" => "decimal",
        "real" | "float" | "double" => "float",
        "char" | "character" | "varchar" | "text" | "tinytext" | "mediumtext" | "longtext"
        | "nvarchar" | "nchar" | "enum" | "json" | "jsonb" => "text",
        "bytea" | "blob" | "binary" | "varbinary" | "tinyblob" | "mediumblob" | "longblob" => {
            "binary"
        }
        "date" => "date",
        "time" => "time",
        "timestamp" | "datetime" | "timestamptz" => "timestamp",
        _ => "other",
    }
}

/// A possibly qualified name without its double quotes, doubled ones made single.
fn unquoted_name(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                out.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c => out.push(c),
        }
    }
    out
}
