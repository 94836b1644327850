//! Recovery for statements sqlparser 0.63 rejects; runs only after a plain parse has failed. Two
//! stages, both here:
//!
//! 1. Rules (`rules.rs`) for constructs whose meaning must be put back in the parsed statement, or
//!    that are rewritten rather than taken out: each rewrites the statement's tokens into a form
//!    sqlparser accepts and records a repair that restores the original meaning.
//! 2. Degrade, never drop (`clauses.rs`): while the statement still fails, the clause at the
//!    error position is taken out and the statement parsed again, within a bound; what was taken
//!    out is returned with where it stood, for the importer to keep on its column, table or index.
//!
//! Rules (`rules.rs`), kept as rules because a clause taken out would lose their meaning:
//! - `GENERATED ALWAYS AS (expr) VIRTUAL` (PostgreSQL 18): sqlparser's PostgreSQL dialect only
//!   accepts `STORED`; the keyword is swapped and the column marked virtual again.
//! - SQL Server computed columns `name AS expr [PERSISTED]`: read as a generated column (stored
//!   when PERSISTED, virtual otherwise) with no type.
//! - SQL Server typed XML `[XML]([schema].[collection])`: read as one type name.
//! - SQLite type names of several words (`BLOB SUB_TYPE TEXT`, `BIGINT AUTO_INCREMENT`): read as
//!   one type name, as SQLite does.
//! - SQL Server `ALTER TABLE t ADD CONSTRAINT a ..., CONSTRAINT b ...` (one ADD for several
//!   constraints): read as one ADD per constraint.
//! - SQL Server `ADD CONSTRAINT n DEFAULT (expr) FOR col`: read as `ALTER COLUMN col SET DEFAULT
//!   (expr)`; the default constraint's name is not carried yet.
//! - SQL Server `CREATE [UNIQUE] [NON]CLUSTERED [COLUMNSTORE] INDEX`: read as an index whose
//!   layout (`IndexKind`) is kept.
//! - SQL Server `ALTER TABLE t WITH CHECK|NOCHECK ADD ...` and `) ON [fg]` after a constraint's
//!   column list, and `PRIMARY KEY CLUSTERED` / `UNIQUE NONCLUSTERED` (MySQL: `PRIMARY KEY
//!   USING BTREE (...)`): left out, as the model holds neither whether existing rows are
//!   validated nor a key's storage.
//!
//! Taken out by the clauses stage (once rules of their own): SQL Server `ON [fg] TEXTIMAGE_ON
//! [fg]` after a table's body (kept as a table option), `NOT FOR REPLICATION`, `ROWGUIDCOL`,
//! MySQL `BINARY` after a type (kept on their column), and any clause sqlparser cannot read.

mod clauses;
mod rules;
mod tokens;

pub(crate) use clauses::{Owner, Removal, degrade};

pub(crate) use tokens::{closing_parenthesis, word as unquoted_word};

use relvar_model::IndexKind;
use sqlparser::ast::{
    AlterTableOperation, ColumnDef, ColumnOption, DataType, GeneratedExpressionMode, Statement,
};
use sqlparser::tokenizer::TokenWithSpan;

use crate::dialect::Dialect;

/// Tokens rewritten so sqlparser accepts them, and how to restore what the rewrite changed.
#[derive(Debug, Default)]
pub(crate) struct Recovery {
    pub tokens: Vec<TokenWithSpan>,
    repairs: Vec<Repair>,
    /// SQL Server: the layout an index was declared with.
    pub index_kind: Option<IndexKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repair {
    /// The generated column with this ordinal (counting generated expression columns of the
    /// statement in order) was written VIRTUAL.
    VirtualGeneratedColumn { ordinal: usize },
    /// The named column's type was several words, rewritten as one quoted name.
    PlainTypeName { column: String },
    /// The named column has no type (a computed column); a placeholder type stood in.
    UnspecifiedType { column: String },
}

/// Applies every rule that matches.
pub(crate) fn recover(tokens: &[TokenWithSpan], dialect: Dialect) -> Recovery {
    let mut recovery = Recovery {
        tokens: tokens.to_vec(),
        ..Recovery::default()
    };
    rules::virtual_generated_columns(&mut recovery);
    match dialect {
        Dialect::MsSql => {
            rules::index_layout(&mut recovery, dialect);
            rules::key_layout(&mut recovery);
            rules::constraint_filegroups(&mut recovery);
            rules::computed_columns(&mut recovery);
            rules::qualified_type_modifiers(&mut recovery);
            rules::one_add_per_constraint(&mut recovery);
            rules::alter_with_check(&mut recovery);
            rules::default_for_column(&mut recovery);
        }
        Dialect::Sqlite => rules::multi_word_type_names(&mut recovery),
        Dialect::MySql => {
            rules::index_layout(&mut recovery, dialect);
            rules::key_layout(&mut recovery);
        }
        Dialect::PostgreSql => {}
    }
    recovery
}

impl Recovery {
    /// Whether any rule changed the statement's tokens.
    pub fn changes(&self, tokens: &[TokenWithSpan]) -> bool {
        !self.repairs.is_empty() || self.index_kind.is_some() || self.tokens != tokens
    }

    /// Restores in the parsed statement what the token rewrite changed.
    pub fn repair(&self, statement: &mut Statement) {
        let columns: Vec<&mut ColumnDef> = match statement {
            Statement::CreateTable(create) => create.columns.iter_mut().collect(),
            Statement::AlterTable(alter) => alter
                .operations
                .iter_mut()
                .filter_map(|operation| match operation {
                    AlterTableOperation::AddColumn { column_def, .. } => Some(column_def),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut generated_ordinal = 0;
        for column in columns {
            for option in &mut column.options {
                if let ColumnOption::Generated {
                    generation_expr: Some(_),
                    generation_expr_mode,
                    ..
                } = &mut option.option
                {
                    if self.repairs.contains(&Repair::VirtualGeneratedColumn {
                        ordinal: generated_ordinal,
                    }) {
                        *generation_expr_mode = Some(GeneratedExpressionMode::Virtual);
                    }
                    generated_ordinal += 1;
                }
            }
            for repair in &self.repairs {
                match repair {
                    Repair::UnspecifiedType { column: name } if *name == column.name.value => {
                        column.data_type = DataType::Unspecified;
                    }
                    Repair::PlainTypeName { column: name } if *name == column.name.value => {
                        if let DataType::Custom(type_name, _) = &mut column.data_type {
                            for part in &mut type_name.0 {
                                if let sqlparser::ast::ObjectNamePart::Identifier(ident) = part {
                                    ident.quote_style = None;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, import_sql};

    #[test]
    fn virtual_generated_columns_are_read_and_stay_virtual() {
        let sql = "CREATE TABLE film (length smallint, a int GENERATED ALWAYS AS (1) STORED,\n\
                   hours numeric(4,2) GENERATED ALWAYS AS (round(length / 60.0, 2)) VIRTUAL);";
        let import = import_sql(sql, Dialect::PostgreSql);
        assert_eq!(import.design.tables.len(), 1, "{:?}", import.diagnostics);
        let columns = &import.design.tables[0].columns;
        let generated = |at: usize| {
            let generated = columns[at].generated.as_ref().unwrap();
            (generated.expression.as_str(), generated.stored)
        };
        assert_eq!(generated(1), ("1", true));
        assert_eq!(generated(2), ("round(length / 60.0, 2)", false));
        assert!(columns[2].verbatim.is_empty());
    }

    #[test]
    fn clauses_no_rule_can_fix_are_taken_out_and_kept_on_their_column() {
        let import = import_sql(
            "CREATE TABLE t (a int GENERATED ALWAYS AS (1) NONSENSE, b text);",
            Dialect::PostgreSql,
        );
        let table = &import.design.tables[0];
        assert_eq!(table.columns.len(), 2);
        assert_eq!(
            table.columns[0].verbatim,
            ["GENERATED ALWAYS AS (1)", "NONSENSE"]
        );
        let messages: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            messages[1].starts_with("1:47: warning: could not read `NONSENSE` (Expected: STORED"),
            "{messages:?}"
        );
    }

    #[test]
    fn an_alter_table_loses_only_storage_clauses_never_a_foreign_key_action() {
        let script = "CREATE TABLE b (id int PRIMARY KEY);\nCREATE TABLE t (a int);\n\
                      ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (a) WITH (FILLFACTOR = 80);\n\
                      ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b ON DELETE NEVER;";
        let import = import_sql(script, Dialect::MsSql);
        assert!(import.design.tables[1].primary_key.is_some());
        assert!(import.design.foreign_keys.is_empty());
        assert_eq!(import.design.unmodelled.len(), 1);
        assert!(import.design.unmodelled[0].text.contains("ON DELETE NEVER"));
    }

    #[test]
    fn statements_nothing_can_be_taken_out_of_still_fail_with_the_original_message() {
        let import = import_sql("CREATE TABLE 7 (a int);", Dialect::PostgreSql);
        assert!(import.design.tables.is_empty());
        assert_eq!(import.design.unmodelled.len(), 1);
        assert!(
            import.diagnostics[0].message.contains("found: 7"),
            "{}",
            import.diagnostics[0]
        );
    }
}
