//! SQL Server's idiom for dropping a constraint whose name the engine chose (as Entity
//! Framework's migration scripts and ours write it): `DECLARE @v sysname;`, then `SELECT @v =
//! name FROM sys.default_constraints | sys.key_constraints | sys.foreign_keys ...` naming the
//! table (`OBJECT_ID(N'...')`) and the constraint's column (`c.name = N'...'`, `COL_NAME(...) =
//! N'...'` or `COLUMNPROPERTY(..., N'...', 'ColumnId')`), then `IF @v IS NOT NULL EXEC(N'ALTER
//! TABLE ... DROP CONSTRAINT ...' + @v ...)`: read as that constraint dropped.

use sqlparser::tokenizer::{Token, Tokenizer};

use super::super::names::QualifiedName;
use super::constraints::Named;
use crate::dialect::{Dialect, SqlSyntax};
use crate::import::Importer;
use crate::import::alter_table::Outcome;

/// Which constraint a lookup finds.
#[derive(Debug, Clone)]
enum Sought {
    /// The default of a column.
    Default(String),
    PrimaryKey,
    /// The unique constraint whose first column is this.
    Unique(String),
    /// The foreign key to a table whose first column is this.
    ForeignKey(QualifiedName, String),
}

/// A variable holding the name of a constraint, looked up by an earlier statement.
#[derive(Debug, Clone)]
struct ConstraintLookup {
    variable: String,
    table: QualifiedName,
    sought: Sought,
}

/// The idiom's state through a script: `sysname` variables declared (kept as written unless a
/// lookup uses them: a trigger's body declares them too), and lookups waiting for their drop.
#[derive(Debug, Clone, Default)]
pub(in crate::import) struct ConstraintLookups {
    /// Each variable with the index of the statement record that declared it.
    declared: Vec<(String, usize)>,
    waiting: Vec<ConstraintLookup>,
}

fn significant(text: &str) -> Option<Vec<Token>> {
    let dialect = Dialect::MsSql.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), text).tokenize().ok()?;
    Some(
        tokens
            .into_iter()
            .filter(|token| !matches!(token, Token::Whitespace(_) | Token::SemiColon))
            .collect(),
    )
}

fn is_word(token: Option<&Token>, word: &str) -> bool {
    matches!(token, Some(Token::Word(found)) if found.quote_style.is_none() && found.value.eq_ignore_ascii_case(word))
}

/// A catalog name, bracketed or not.
fn is_name(token: &Token, name: &str) -> bool {
    matches!(token, Token::Word(found) if found.value.eq_ignore_ascii_case(name))
}

fn variable(token: Option<&Token>) -> Option<String> {
    match token {
        Some(Token::Word(word)) if word.quote_style.is_none() && word.value.starts_with('@') => {
            Some(word.value.to_ascii_lowercase())
        }
        _ => None,
    }
}

fn string(token: Option<&Token>) -> Option<&str> {
    match token {
        Some(
            Token::SingleQuotedString(text)
            | Token::NationalStringLiteral(text)
            | Token::UnicodeStringLiteral(text),
        ) => Some(text),
        _ => None,
    }
}

/// The names `OBJECT_ID(N'...')` gives, in order.
fn object_ids(tokens: &[Token]) -> Vec<QualifiedName> {
    tokens
        .windows(3)
        .filter(|window| {
            is_word(window.first(), "OBJECT_ID") && matches!(window.get(1), Some(Token::LParen))
        })
        .filter_map(|window| string(window.get(2)))
        .filter_map(|name| QualifiedName::from_parts(super::rename::dotted_parts(name)))
        .collect()
}

/// The column a lookup names: `COLUMNPROPERTY(OBJECT_ID(N'table'), N'column', 'ColumnId')`,
/// `COL_NAME(...) = N'column'`, or `c.name = N'column'` with sys.columns joined (a bare `name`
/// is the constraint's own).
fn column(tokens: &[Token]) -> Option<String> {
    if let Some(at) = tokens
        .iter()
        .position(|token| is_word(Some(token), "COLUMNPROPERTY"))
    {
        return tokens
            .iter()
            .skip(at)
            .skip_while(|token| !matches!(token, Token::RParen))
            .skip(2)
            .find_map(|token| string(Some(token)))
            .map(str::to_owned);
    }
    if let Some(at) = tokens
        .iter()
        .position(|token| is_word(Some(token), "COL_NAME"))
    {
        let mut depth = 0_usize;
        for (offset, token) in tokens.iter().enumerate().skip(at + 1) {
            match token {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return matches!(tokens.get(offset + 1), Some(Token::Eq))
                            .then(|| string(tokens.get(offset + 2)))
                            .flatten()
                            .map(str::to_owned);
                    }
                }
                _ => {}
            }
        }
        return None;
    }
    if !tokens.iter().any(|token| is_name(token, "columns")) {
        return None;
    }
    tokens.windows(4).find_map(|window| match window {
        [Token::Period, Token::Word(word), Token::Eq, value]
            if word.value.eq_ignore_ascii_case("name") =>
        {
            string(Some(value)).map(str::to_owned)
        }
        _ => None,
    })
}

/// The constraint type a `sys.key_constraints` lookup asks for: `type = 'PK'` or `'UQ'`.
fn key_type(tokens: &[Token]) -> Option<String> {
    tokens.windows(3).find_map(|window| match window {
        [Token::Word(word), Token::Eq, value] if word.value.eq_ignore_ascii_case("type") => {
            string(Some(value)).map(str::to_ascii_uppercase)
        }
        _ => None,
    })
}

/// What a `SELECT @v = ... FROM sys.<catalog> ...` looks up.
fn lookup(tokens: &[Token]) -> Option<ConstraintLookup> {
    let variable = variable(tokens.get(1))?;
    if !(is_word(tokens.first(), "SELECT") && matches!(tokens.get(2), Some(Token::Eq))) {
        return None;
    }
    let reads = |catalog: &str| tokens.iter().any(|token| is_name(token, catalog));
    let tables = object_ids(tokens);
    let table = tables.first()?.clone();
    let sought = if reads("default_constraints") {
        Sought::Default(column(tokens)?)
    } else if reads("foreign_keys") {
        // The referenced table is the other name given (the same one for a self-reference).
        let referenced = tables
            .iter()
            .skip(1)
            .find(|other| other.display() != table.display())
            .or_else(|| tables.get(1))?
            .clone();
        Sought::ForeignKey(referenced, column(tokens)?)
    } else if reads("key_constraints") {
        match key_type(tokens)?.as_str() {
            "PK" => Sought::PrimaryKey,
            "UQ" => Sought::Unique(column(tokens)?),
            _ => return None,
        }
    } else {
        return None;
    };
    Some(ConstraintLookup {
        variable,
        table,
        sought,
    })
}

impl Importer {
    /// The statements of the idiom; `false` for any other statement.
    pub(in crate::import) fn constraint_lookup(&mut self, text: &str) -> bool {
        let first = text.split_ascii_whitespace().next().unwrap_or_default();
        if !["DECLARE", "SELECT", "IF"]
            .iter()
            .any(|word| first.eq_ignore_ascii_case(word))
        {
            return false;
        }
        let Some(tokens) = significant(text) else {
            return false;
        };
        // DECLARE @a sysname[, @b sysname]: remembered, and read as anything else is.
        if is_word(tokens.first(), "DECLARE") {
            let record = self.records.len().saturating_sub(1);
            for declared in tokens.get(1..).unwrap_or_default().chunks(3) {
                if let [name, kind, ..] = declared
                    && let Some(name) = variable(Some(name))
                    && is_word(Some(kind), "sysname")
                {
                    self.constraint_lookups.declared.push((name, record));
                }
            }
            return false;
        }
        if let Some(found) = lookup(&tokens) {
            self.used_declaration(&found.variable);
            let waiting = &mut self.constraint_lookups.waiting;
            waiting.retain(|earlier| earlier.variable != found.variable);
            waiting.push(found);
            return true;
        }
        self.drop_looked_up(&tokens, text)
    }

    /// The declaration of a variable a lookup uses holds no design: it is not kept after all.
    fn used_declaration(&mut self, variable: &str) {
        let Some(record) = self
            .constraint_lookups
            .declared
            .iter()
            .rev()
            .find(|(name, _)| name == variable)
            .map(|(_, record)| *record)
        else {
            return;
        };
        let Some(record) = self.records.get_mut(record) else {
            return;
        };
        if record.kept.is_empty() {
            return;
        }
        record.kept.clear();
        record.reasons.clear();
        let at = record.at;
        self.diagnostics.retain(|diagnostic| {
            !(diagnostic.at == at && diagnostic.message.starts_with("kept as written"))
        });
    }

    /// `IF @v IS NOT NULL EXEC[UTE] (N'ALTER TABLE ... DROP CONSTRAINT ' + @v ...)`.
    fn drop_looked_up(&mut self, tokens: &[Token], text: &str) -> bool {
        let Some(name) = variable(tokens.get(1)) else {
            return false;
        };
        let shape = is_word(tokens.first(), "IF")
            && is_word(tokens.get(2), "IS")
            && is_word(tokens.get(3), "NOT")
            && is_word(tokens.get(4), "NULL")
            && (is_word(tokens.get(5), "EXEC") || is_word(tokens.get(5), "EXECUTE"));
        let drops = tokens.iter().skip(6).any(|token| {
            string(Some(token)).is_some_and(|text| {
                let upper = text.to_ascii_uppercase();
                upper.contains("ALTER TABLE") && upper.contains("DROP CONSTRAINT")
            })
        });
        let uses = tokens
            .iter()
            .skip(6)
            .any(|token| variable(Some(token)).as_deref() == Some(name.as_str()));
        let Some(found) = self
            .constraint_lookups
            .waiting
            .iter()
            .position(|lookup| lookup.variable == name)
        else {
            return false;
        };
        if !(shape && drops && uses) {
            return false;
        }
        let lookup = self.constraint_lookups.waiting.remove(found);
        let outcome = match self.table_named(&lookup.table) {
            Some(table) => self.drop_sought(table, &lookup.sought),
            None => Outcome::Conflict(format!(
                "{} is not a table of the design",
                lookup.table.display()
            )),
        };
        self.settle(outcome, "the looked-up constraint's drop", text);
        true
    }

    fn drop_sought(&mut self, table_id: relvar_model::TableId, sought: &Sought) -> Outcome {
        let Some(table) = self.design.table_mut(table_id) else {
            return Outcome::NotModelled;
        };
        let first_column_is =
            |table: &relvar_model::Table, columns: &[relvar_model::ColumnId], name: &str| {
                columns
                    .first()
                    .and_then(|id| table.columns.iter().find(|column| column.id == *id))
                    .is_some_and(|column| column.name.eq_ignore_ascii_case(name))
            };
        let found = match sought {
            Sought::Default(name) => {
                return match table
                    .columns
                    .iter_mut()
                    .find(|column| column.name.eq_ignore_ascii_case(name))
                {
                    Some(column) => {
                        column.default = None;
                        Outcome::Modelled
                    }
                    None => Outcome::Conflict(format!("has no column {name}")),
                };
            }
            Sought::PrimaryKey => table.primary_key.is_some().then_some(Named::PrimaryKey),
            Sought::Unique(name) => table
                .uniques
                .iter()
                .position(|unique| first_column_is(table, &unique.columns, name))
                .map(Named::Unique),
            Sought::ForeignKey(referenced, name) => {
                let target = self
                    .table_named(referenced)
                    .map(|referenced| self.target(referenced));
                self.pending
                    .iter()
                    .position(|fk| {
                        fk.from_table == table_id
                            && fk
                                .from_columns
                                .first()
                                .is_some_and(|first| first.eq_ignore_ascii_case(name))
                            && target
                                .as_ref()
                                .is_some_and(|target| self.reaches(fk, target))
                    })
                    .map(Named::ForeignKey)
            }
        };
        match found {
            Some(found) => {
                self.drop_named(table_id, found, false);
                Outcome::Modelled
            }
            None => Outcome::Conflict("has no such constraint".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, import_sql};

    fn default_of(sql: &str) -> Option<String> {
        let import = import_sql(sql, Dialect::MsSql);
        assert!(
            import.design.unmodelled.is_empty(),
            "{:?}",
            import.design.unmodelled
        );
        import.design.tables[0].columns[1].default.clone()
    }

    #[test]
    fn the_entity_framework_form_drops_the_default() {
        let sql = "CREATE TABLE [Blogs] ([Id] int NOT NULL, [Url] nvarchar(max) DEFAULT N'x');
GO
DECLARE @var0 sysname;
SELECT @var0 = [d].[name]
FROM [sys].[default_constraints] [d]
INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Blogs]') AND [c].[name] = N'Url');
IF @var0 IS NOT NULL EXEC(N'ALTER TABLE [Blogs] DROP CONSTRAINT [' + @var0 + '];');
GO
";
        assert_eq!(default_of(sql), None);
    }

    #[test]
    fn the_column_property_form_drops_the_default_of_that_column_only() {
        let sql = "CREATE TABLE dbo.t (a int DEFAULT 1, b int DEFAULT 2);
DECLARE @name sysname;
SELECT @name = name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'dbo.t') AND parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'dbo.t'), N'a', 'ColumnId');
IF @name IS NOT NULL EXECUTE (N'ALTER TABLE dbo.t DROP CONSTRAINT ' + @name);
";
        let import = import_sql(sql, Dialect::MsSql);
        let columns = &import.design.tables[0].columns;
        assert_eq!(columns[0].default, None);
        assert_eq!(columns[1].default.as_deref(), Some("2"));
    }

    #[test]
    fn a_lookup_never_followed_by_its_drop_leaves_the_default() {
        // Nor does a lookup by the constraint's own name say which column it belongs to.
        let by_constraint_name = "CREATE TABLE t (id int, a int DEFAULT 1);
DECLARE @v sysname;
SELECT @v = name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N't') AND name = N'a';
IF @v IS NOT NULL EXEC(N'ALTER TABLE t DROP CONSTRAINT ' + @v);
";
        let import = import_sql(by_constraint_name, Dialect::MsSql);
        assert_eq!(
            import.design.tables[0].columns[1].default.as_deref(),
            Some("1")
        );
        let sql = "CREATE TABLE t (id int, a int DEFAULT 1);
DECLARE @v sysname;
SELECT @v = d.name FROM sys.default_constraints d JOIN sys.columns c ON d.parent_column_id = c.column_id AND d.parent_object_id = c.object_id WHERE d.parent_object_id = OBJECT_ID(N't') AND c.name = N'a';
";
        assert_eq!(default_of(sql).as_deref(), Some("1"));
    }

    #[test]
    fn keys_and_foreign_keys_the_engine_named_are_dropped_by_what_they_are() {
        let sql = "CREATE TABLE parent (id int PRIMARY KEY, code int UNIQUE, other int UNIQUE);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id), code int REFERENCES parent (code));
GO
DECLARE @constraint sysname;
SELECT @constraint = f.name FROM sys.foreign_keys f JOIN sys.foreign_key_columns c ON c.constraint_object_id = f.object_id WHERE f.parent_object_id = OBJECT_ID(N'[child]') AND f.referenced_object_id = OBJECT_ID(N'[parent]') AND c.constraint_column_id = 1 AND COL_NAME(c.parent_object_id, c.parent_column_id) = N'parent_id';
IF @constraint IS NOT NULL EXEC (N'ALTER TABLE [child] DROP CONSTRAINT [' + @constraint + N']');
GO
DECLARE @constraint sysname;
SELECT @constraint = k.name FROM sys.key_constraints k JOIN sys.index_columns i ON i.object_id = k.parent_object_id AND i.index_id = k.unique_index_id WHERE k.parent_object_id = OBJECT_ID(N'[parent]') AND k.type = 'UQ' AND i.key_ordinal = 1 AND COL_NAME(i.object_id, i.column_id) = N'other';
IF @constraint IS NOT NULL EXEC (N'ALTER TABLE [parent] DROP CONSTRAINT [' + @constraint + N']');
GO
DECLARE @constraint sysname;
SELECT @constraint = name FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID(N'[child]') AND type = 'PK';
IF @constraint IS NOT NULL EXEC (N'ALTER TABLE [child] DROP CONSTRAINT [' + @constraint + N']');
GO
";
        let import = import_sql(sql, Dialect::MsSql);
        let design = &import.design;
        assert!(design.unmodelled.is_empty(), "{:?}", design.unmodelled);
        let parent = &design.tables[0];
        let child = &design.tables[1];
        assert!(parent.primary_key.is_some());
        assert_eq!(
            parent.uniques.len(),
            1,
            "only the unique on other is dropped"
        );
        assert_eq!(parent.columns[1].id, parent.uniques[0].columns[0]);
        assert!(child.primary_key.is_none());
        assert_eq!(
            design.foreign_keys.len(),
            1,
            "only the foreign key on parent_id is dropped"
        );
        assert_eq!(design.foreign_keys[0].from_columns, [child.columns[2].id]);
    }

    #[test]
    fn a_sysname_variable_no_lookup_uses_is_kept_as_written() {
        let sql = "CREATE TABLE t (id int);
DECLARE @schema sysname;
SET @schema = SCHEMA_NAME();
";
        let import = import_sql(sql, Dialect::MsSql);
        let kept: Vec<&str> = import
            .design
            .unmodelled
            .iter()
            .map(|kept| kept.text.as_str())
            .collect();
        assert_eq!(
            kept,
            ["DECLARE @schema sysname", "SET @schema = SCHEMA_NAME()"]
        );
    }
}
