//! Rename hints written in the target schema, as sqldef reads them: a comment `@renamed from=old`
//! on the line of a CREATE TABLE (the table was called `old`) or of a column definition (the
//! column was). Constraint and index lines are skipped: those are dropped and made again.

use crate::matching::{ColumnRename, Renames, TableRename};

/// The renames the hints in `sql` declare.
pub fn rename_hints(sql: &str) -> Renames {
    let mut renames = Renames::default();
    let mut table: Option<String> = None;
    for line in sql.lines() {
        let trimmed = line.trim_start();
        let upper = trimmed.to_ascii_uppercase();
        let hint = hinted_name(line);
        if let Some(rest) = create_table_rest(trimmed, &upper) {
            let name = leading_name(rest);
            let columns_before_hint = line
                .find("@renamed")
                .and_then(|at| line.get(..at))
                .and_then(|before| before.split_once('('))
                .map(|(_, columns)| columns.trim_end_matches(['-', '/', '*', ' ']))
                .filter(|columns| !columns.trim().is_empty() && !closes_table(columns));
            match (&name, hint, columns_before_hint) {
                (Some(name), Some(old), None) => renames.tables.push(TableRename {
                    from: old,
                    to: name.clone(),
                }),
                (Some(name), Some(old), Some(columns)) => {
                    let last = columns.trim_end().trim_end_matches(',').rsplit(',').next();
                    if let Some(column) = last.and_then(|last| leading_name(last.trim_start())) {
                        renames.columns.push(ColumnRename {
                            table: name.clone(),
                            from: old,
                            to: column,
                        });
                    }
                }
                _ => {}
            }
            table = name;
            continue;
        }
        let (Some(old), Some(table)) = (hint, &table) else {
            continue;
        };
        let first_word = upper
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .next();
        if matches!(
            first_word,
            Some("CONSTRAINT" | "INDEX" | "KEY" | "UNIQUE" | "PRIMARY" | "FOREIGN" | "CHECK")
        ) {
            continue;
        }
        if let Some(column) = leading_name(trimmed) {
            renames.columns.push(ColumnRename {
                table: table.clone(),
                from: old,
                to: column,
            });
        }
    }
    renames
}

/// Whether the text after a table's opening parenthesis closes it: the whole CREATE TABLE stands
/// on the line, and a hint after it is the table's.
fn closes_table(columns: &str) -> bool {
    let mut depth = 1_i32;
    for c in columns.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return true;
        }
    }
    false
}

/// What follows `CREATE [UNLOGGED|TEMPORARY] TABLE [IF NOT EXISTS]` on a line.
fn create_table_rest<'a>(line: &'a str, upper: &str) -> Option<&'a str> {
    if !upper.starts_with("CREATE") {
        return None;
    }
    let at = upper.find(" TABLE ")?;
    let mut rest = line.get(at + 7..)?.trim_start();
    if rest.to_ascii_uppercase().starts_with("IF NOT EXISTS") {
        rest = rest.get(13..)?.trim_start();
    }
    Some(rest)
}

/// The `old` of a `@renamed from=old` on the line, unquoted.
fn hinted_name(line: &str) -> Option<String> {
    let at = line.find("@renamed from=")?;
    let rest = line.get(at + 14..)?;
    let name = match rest.chars().next()? {
        quote @ ('"' | '`' | '\'') => rest.get(1..)?.split(quote).next()?.to_owned(),
        '[' => rest.get(1..)?.split(']').next()?.to_owned(),
        _ => rest
            .split(|c: char| c.is_whitespace() || c == '*')
            .next()?
            .to_owned(),
    };
    (!name.is_empty()).then_some(name)
}

/// The (possibly qualified, possibly quoted) name a line starts with, unquoted, `schema.name`.
fn leading_name(text: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let (part, after) = match rest.chars().next()? {
            quote @ ('"' | '`') => {
                let inner = rest.get(1..)?;
                let end = inner.find(quote)?;
                (inner.get(..end)?.to_owned(), inner.get(end + 1..)?)
            }
            '[' => {
                let inner = rest.get(1..)?;
                let end = inner.find(']')?;
                (inner.get(..end)?.to_owned(), inner.get(end + 1..)?)
            }
            _ => {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(rest.len());
                (rest.get(..end)?.to_owned(), rest.get(end..)?)
            }
        };
        if part.is_empty() {
            return None;
        }
        parts.push(part);
        match after.strip_prefix('.') {
            Some(next) => rest = next,
            None => break,
        }
    }
    Some(parts.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_on_tables_and_columns_are_read_and_constraints_skipped() {
        let whole = rename_hints("CREATE TABLE u (id int); -- @renamed from=t");
        assert_eq!(
            whole.tables,
            [TableRename {
                from: "t".into(),
                to: "u".into()
            }]
        );
        let one_line = rename_hints("CREATE TABLE t (id int, b text, -- @renamed from=a\n);");
        assert!(one_line.tables.is_empty());
        assert_eq!(
            one_line.columns,
            [ColumnRename {
                table: "t".into(),
                from: "a".into(),
                to: "b".into()
            }]
        );
        let renames = rename_hints(
            "CREATE TABLE [user_profiles] ( -- @renamed from=\"user accounts\"\n  id bigint,\n  \"full name\" text, -- @renamed from=name\n  INDEX new_idx (id) -- @renamed from=old_idx\n);\nCREATE TABLE public.b /* @renamed from=a */ (x int);",
        );
        assert_eq!(
            renames.tables,
            [
                TableRename {
                    from: "user accounts".into(),
                    to: "user_profiles".into()
                },
                TableRename {
                    from: "a".into(),
                    to: "public.b".into()
                }
            ]
        );
        assert_eq!(
            renames.columns,
            [ColumnRename {
                table: "user_profiles".into(),
                from: "name".into(),
                to: "full name".into()
            }]
        );
    }
}
