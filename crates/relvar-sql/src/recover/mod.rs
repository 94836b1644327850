//! Recovery for constructs that real dumps contain and sqlparser 0.63 rejects. Every such rule
//! lives in this module: it rewrites the statement's tokens into a form sqlparser accepts and
//! records a repair that puts the original meaning back, so nothing the user wrote is lost. Rules
//! run only after a plain parse has failed.
//!
//! Rules (`rules.rs`):
//! - `GENERATED ALWAYS AS (expr) VIRTUAL` (PostgreSQL 18): sqlparser's PostgreSQL dialect only
//!   accepts `STORED`; the keyword is swapped and the column marked virtual again.
//! - SQL Server `CREATE TABLE (...) ON [fg] TEXTIMAGE_ON [fg]`: the filegroup clauses are taken off
//!   and carried verbatim as table options.
//! - SQL Server `) ON [fg]` after a constraint's column list (the filegroup of its index): dropped,
//!   as the model holds no storage placement for constraints.
//! - SQL Server computed columns `name AS expr [PERSISTED]`: read as a generated column (stored
//!   when PERSISTED, virtual otherwise) with no type.
//! - SQL Server typed XML `[XML]([schema].[collection])`: read as one type name.
//! - SQL Server `ALTER TABLE t ADD CONSTRAINT a ..., CONSTRAINT b ...` (one ADD for several
//!   constraints): read as one ADD per constraint.
//! - SQL Server `ALTER TABLE t WITH CHECK|NOCHECK ADD ...`: the check clause is dropped (it says
//!   whether existing rows are validated, which the model does not hold yet).
//! - SQL Server `ADD CONSTRAINT n DEFAULT (expr) FOR col`: read as `ALTER COLUMN col SET DEFAULT
//!   (expr)`; the default constraint's name is not carried yet.
//! - Column attributes sqlparser does not know (SQL Server `NOT FOR REPLICATION`, `ROWGUIDCOL`;
//!   MySQL `BINARY` after the type): taken off and carried verbatim on their column.
//! - SQLite type names of several words (`BLOB SUB_TYPE TEXT`, `BIGINT AUTO_INCREMENT`): read as
//!   one type name, as SQLite does.

mod rules;
mod tokens;

pub(crate) use tokens::{closing_parenthesis, word as unquoted_word};

use sqlparser::ast::{
    AlterTableOperation, ColumnDef, ColumnOption, ColumnOptionDef, DataType,
    GeneratedExpressionMode, Statement,
};
use sqlparser::tokenizer::{Token, TokenWithSpan};

use crate::dialect::Dialect;

/// Tokens rewritten so sqlparser accepts them, and how to restore what the rewrite changed.
#[derive(Debug, Default)]
pub(crate) struct Recovery {
    pub tokens: Vec<TokenWithSpan>,
    repairs: Vec<Repair>,
    /// Clauses taken off a CREATE TABLE, to be carried verbatim as table options.
    pub table_options: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repair {
    /// The generated column with this ordinal (counting generated expression columns of the
    /// statement in order) was written VIRTUAL.
    VirtualGeneratedColumn { ordinal: usize },
    /// Put back on the named column, verbatim, an attribute the rewrite took off.
    CarryColumnOption { column: String, tokens: Vec<Token> },
    /// The named column's type was several words, rewritten as one quoted name.
    PlainTypeName { column: String },
    /// The named column has no type (a computed column); a placeholder type stood in.
    UnspecifiedType { column: String },
}

/// Applies every rule that matches; `None` when none does.
pub(crate) fn recover(tokens: &[TokenWithSpan], dialect: Dialect) -> Option<Recovery> {
    let mut recovery = Recovery {
        tokens: tokens.to_vec(),
        ..Recovery::default()
    };
    rules::virtual_generated_columns(&mut recovery);
    match dialect {
        Dialect::MsSql => {
            rules::filegroup_clauses(&mut recovery);
            rules::constraint_filegroups(&mut recovery);
            rules::computed_columns(&mut recovery);
            rules::qualified_type_modifiers(&mut recovery);
            rules::one_add_per_constraint(&mut recovery);
            rules::alter_with_check(&mut recovery);
            rules::default_for_column(&mut recovery);
            rules::column_attributes(
                &mut recovery,
                &[&["NOT", "FOR", "REPLICATION"], &["ROWGUIDCOL"]],
                false,
            );
        }
        Dialect::MySql => rules::column_attributes(&mut recovery, &[&["BINARY"]], true),
        Dialect::Sqlite => rules::multi_word_type_names(&mut recovery),
        Dialect::PostgreSql => {}
    }
    let changed = !recovery.repairs.is_empty()
        || !recovery.table_options.is_empty()
        || recovery.tokens != tokens;
    changed.then_some(recovery)
}

impl Recovery {
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
                    Repair::CarryColumnOption {
                        column: name,
                        tokens,
                    } if *name == column.name.value => {
                        column.options.push(ColumnOptionDef {
                            name: None,
                            option: ColumnOption::DialectSpecific(tokens.clone()),
                        });
                    }
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
    fn statements_no_rule_can_fix_still_fail_with_the_original_message() {
        let import = import_sql(
            "CREATE TABLE t (a int GENERATED ALWAYS AS (1) NONSENSE);",
            Dialect::PostgreSql,
        );
        assert!(import.design.tables.is_empty());
        assert_eq!(import.design.unmodelled.len(), 1);
        assert!(
            import.diagnostics[0].message.contains("NONSENSE"),
            "{}",
            import.diagnostics[0]
        );
    }
}
