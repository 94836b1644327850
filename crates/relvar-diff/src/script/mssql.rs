//! SQL Server's forms of a column's change: `sp_rename` for a new name, `ALTER COLUMN` restating
//! type and nullability, and defaults as constraints: added under a name, dropped through a
//! lookup of the name the engine gave (a design keeps no default's name).

use relvar_model::{Column, Table};

use super::Planner;
use crate::tables::ColumnDiff;

/// SQL Server's longest identifier.
const NAME_LIMIT: usize = 128;

impl Planner<'_> {
    pub(super) fn alter_mssql_column(
        &mut self,
        table_name: &str,
        table: &Table,
        old: &Column,
        new: &Column,
        change: &ColumnDiff,
    ) {
        if change.renamed {
            let object = format!("{table_name}.{}", self.new.quote(&old.name));
            self.push(format!(
                "EXEC sp_rename N{}, N{}, 'COLUMN'",
                self.new.literal(&object),
                self.new.literal(&new.name)
            ));
        }
        let column = self.new.quote(&new.name);
        if change.generated_changed {
            // A computed column cannot be altered: it is made again.
            if old.default.is_some() {
                self.drop_mssql_default(table_name, &new.name);
            }
            self.push(format!("ALTER TABLE {table_name} DROP COLUMN {column}"));
            if let Some((definition, _)) = self.new.column_definition(table.id, new.id) {
                self.push(format!("ALTER TABLE {table_name} ADD {definition}"));
            }
            return;
        }
        let restated =
            change.type_changed || change.collation_changed || change.nullability_changed;
        // A default holds its column: it goes before the column is altered, and comes back.
        let default_dropped = old.default.is_some() && (change.default_changed || restated);
        if default_dropped {
            self.drop_mssql_default(table_name, &new.name);
        }
        if restated {
            let data_type = self.new.column_type(table.id, new.id).unwrap_or_default();
            let collation = super::alter::collate(new);
            let null = if new.nullable { "NULL" } else { "NOT NULL" };
            let sql = format!(
                "ALTER TABLE {table_name} ALTER COLUMN {column} {data_type}{collation} {null}"
            );
            let columns = (table, old, new);
            self.push_restated_column(
                sql,
                columns,
                change,
                "values that do not fit make this fail",
            );
        }
        if let Some(default) = &new.default
            && (change.default_changed || default_dropped)
        {
            let name = format!("DF_{}_{}", table.name, new.name);
            let name: String = name.chars().take(NAME_LIMIT).collect();
            self.push(format!(
                "ALTER TABLE {table_name} ADD CONSTRAINT {} DEFAULT {default} FOR {column}",
                self.new.quote(&name)
            ));
        }
    }

    /// Drops the default of `table_name`'s `column` under whatever name the engine gave it.
    pub(super) fn drop_mssql_default(&mut self, table_name: &str, column: &str) {
        let select = format!(
            "SELECT @constraint = d.name FROM sys.default_constraints d \
             JOIN sys.columns c ON d.parent_column_id = c.column_id AND d.parent_object_id = c.object_id \
             WHERE d.parent_object_id = OBJECT_ID(N{}) AND c.name = N{}",
            self.new.literal(table_name),
            self.new.literal(column)
        );
        let sql = self.drop_found(table_name, &select);
        self.push(sql);
    }

    /// Drops a key or foreign key the script left unnamed, found by what it is.
    pub(super) fn drop_mssql_unnamed(&mut self, table_name: &str, constraint: EngineNamed<'_>) {
        let table = self.old.literal(table_name);
        let select = match constraint {
            EngineNamed::PrimaryKey => format!(
                "SELECT @constraint = name FROM sys.key_constraints \
                 WHERE parent_object_id = OBJECT_ID(N{table}) AND type = 'PK'"
            ),
            EngineNamed::Unique { column } => format!(
                "SELECT @constraint = k.name FROM sys.key_constraints k \
                 JOIN sys.index_columns i ON i.object_id = k.parent_object_id AND i.index_id = k.unique_index_id \
                 WHERE k.parent_object_id = OBJECT_ID(N{table}) AND k.type = 'UQ' \
                 AND i.key_ordinal = 1 AND COL_NAME(i.object_id, i.column_id) = N{}",
                self.old.literal(column)
            ),
            EngineNamed::ForeignKey { referenced, column } => format!(
                "SELECT @constraint = f.name FROM sys.foreign_keys f \
                 JOIN sys.foreign_key_columns c ON c.constraint_object_id = f.object_id \
                 WHERE f.parent_object_id = OBJECT_ID(N{table}) \
                 AND f.referenced_object_id = OBJECT_ID(N{}) \
                 AND c.constraint_column_id = 1 AND COL_NAME(c.parent_object_id, c.parent_column_id) = N{}",
                self.old.literal(referenced),
                self.old.literal(column)
            ),
        };
        let sql = self.drop_found(table_name, &select);
        self.push_contract(sql);
    }

    /// The batch that drops the constraint `select` puts the name of in `@constraint`.
    fn drop_found(&self, table_name: &str, select: &str) -> String {
        let drop = self
            .new
            .literal(&format!("ALTER TABLE {table_name} DROP CONSTRAINT ["));
        format!(
            "DECLARE @constraint sysname;\n{select};\n\
             IF @constraint IS NOT NULL EXEC (N{drop} + @constraint + N']')"
        )
    }
}

/// A constraint whose name SQL Server chose.
#[derive(Debug, Clone, Copy)]
pub(super) enum EngineNamed<'n> {
    PrimaryKey,
    /// The unique constraint whose first column is this.
    Unique {
        column: &'n str,
    },
    /// The foreign key to `referenced` (as statements name it) whose first column is this.
    ForeignKey {
        referenced: &'n str,
        column: &'n str,
    },
}
