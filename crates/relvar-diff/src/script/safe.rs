//! The zero-downtime forms of PostgreSQL steps: what each plain step becomes so that no step holds
//! a lock that stops reads or writes for longer than a catalog change, and the old application
//! keeps working until the contract phase.

use relvar_model::{Column, Dialect, Table};
use relvar_sql::{UnnamedKind, engine_given_name};

use super::{Phase, Planner, Step};

/// Written above the first step of the contract phase.
pub(super) const CONTRACT_HEADER: &str = "\n-- Contract phase: run once no running version of the application reads or writes what\n-- the steps below remove or rename.\n";

/// The session settings a zero-downtime plan starts with.
pub(super) fn preamble() -> Step {
    Step {
        sql: "SET lock_timeout = '5s';\nSET statement_timeout = 0".into(),
        risk: None,
        lock: Some(
            "none. Run this script outside a transaction (CONCURRENTLY and the batched backfills need it); a step that waits more than 5 s for its lock stops instead of queueing the queries behind it: run the script again from that step".into(),
        ),
        phase: Phase::Expand,
    }
}

/// Whether a step of a zero-downtime plan runs in a transaction of its own, so that a failure
/// leaves nothing half done and the script can be run again: all but what PostgreSQL refuses in a
/// transaction (CONCURRENTLY, a DO block that commits its batches), the session settings, and a
/// step that is its own transaction already.
pub(super) fn in_own_transaction(sql: &str) -> bool {
    let upper = sql.to_ascii_uppercase();
    !(upper.contains(" CONCURRENTLY ")
        || upper.starts_with("DO ")
        || upper.starts_with("SET ")
        || upper.starts_with("BEGIN"))
}

/// Functions PostgreSQL evaluates again for every row: a column added with one as its default
/// rewrites the table.
fn is_volatile(default: &str) -> bool {
    let lower = default.to_ascii_lowercase();
    [
        "random(",
        "gen_random_uuid(",
        "uuid_generate_v",
        "clock_timestamp(",
        "timeofday(",
        "nextval(",
        "uuidv7(",
        "uuidv4(",
    ]
    .iter()
    .any(|function| lower.contains(function))
}

/// A default squawk and PostgreSQL agree needs no rewrite: a literal, perhaps cast.
fn is_constant(default: &str) -> bool {
    let bare = default.trim().trim_start_matches('(').trim_end_matches(')');
    let value = bare.split("::").next().unwrap_or(bare).trim();
    let upper = value.to_ascii_uppercase();
    let one_string = value.len() >= 2
        && value.starts_with('\'')
        && value.ends_with('\'')
        && !value
            .get(1..value.len() - 1)
            .unwrap_or_default()
            .replace("''", "")
            .contains('\'');
    one_string
        || value.parse::<f64>().is_ok()
        || matches!(upper.as_str(), "TRUE" | "FALSE" | "NULL")
}

/// Type changes PostgreSQL makes in the catalog alone: a longer `varchar`, `varchar` to `text`.
pub(super) fn changes_catalog_only(old: &str, new: &str) -> bool {
    let length = |text: &str| -> Option<u32> {
        let lower = text.to_ascii_lowercase().replace(' ', "");
        let inner = lower
            .strip_prefix("varchar(")
            .or_else(|| lower.strip_prefix("charactervarying("))?;
        inner.strip_suffix(')')?.parse().ok()
    };
    let new_lower = new.trim().to_ascii_lowercase();
    match (length(old), length(new)) {
        (Some(old), Some(new)) => new >= old,
        (Some(_), None) => new_lower == "text" || new_lower == "varchar",
        _ => false,
    }
}

impl Planner<'_> {
    /// `ADD CONSTRAINT name ... NOT VALID`, then `VALIDATE CONSTRAINT name`: the check of the
    /// existing rows holds no lock that stops writes.
    pub(super) fn add_validated(&mut self, table_name: &str, clause: &str, name: &str) {
        let named = if clause.starts_with("CONSTRAINT ") {
            clause.to_owned()
        } else {
            format!("CONSTRAINT {} {clause}", self.new.quote(name))
        };
        self.push(format!("ALTER TABLE {table_name} ADD {named} NOT VALID"));
        self.push(format!(
            "ALTER TABLE {table_name} VALIDATE CONSTRAINT {}",
            self.new.quote(name)
        ));
    }

    /// The name a clause gives its constraint, or PostgreSQL's for an unnamed one.
    pub(super) fn constraint_name(
        &self,
        clause: &str,
        kind: UnnamedKind,
        table: &Table,
        columns: &[&str],
    ) -> String {
        clause
            .strip_prefix("CONSTRAINT ")
            .and_then(|rest| rest.split(' ').next())
            .map(|quoted| quoted.trim_matches('"').replace("\"\"", "\""))
            .or_else(|| engine_given_name(Dialect::PostgreSql, kind, &table.name, columns, 1))
            .unwrap_or_else(|| format!("{}_relvar", table.name))
    }

    /// SET NOT NULL without a scan under ACCESS EXCLUSIVE: a validated `IS NOT NULL` check lets
    /// PostgreSQL skip it, and goes once the column is NOT NULL.
    pub(super) fn set_not_null_safely(&mut self, table_name: &str, table: &Table, column: &Column) {
        let check = format!("{}_{}_not_null", table.name, column.name);
        let quoted = self.new.quote(&column.name);
        let clause = format!("CHECK ({quoted} IS NOT NULL)");
        self.add_validated(table_name, &clause, &check);
        let risk = format!(
            "{}.{}: NOT NULL; the validation fails if a row holds NULL",
            table.qualified_name(),
            column.name
        );
        self.push_risky(
            format!("ALTER TABLE {table_name} ALTER COLUMN {quoted} SET NOT NULL"),
            risk,
        );
        self.last_step_holds(
            "ACCESS EXCLUSIVE, briefly: the validated check spares the scan (PostgreSQL 12 and later)",
        );
        self.push_contract(format!(
            "ALTER TABLE {table_name} DROP CONSTRAINT {}",
            self.new.quote(&check)
        ));
    }

    /// A column added with a default PostgreSQL evaluates per row: added without it (no
    /// rewrite), the default set for new rows, the existing rows filled in batches that each
    /// commit, then NOT NULL through a validated check.
    pub(super) fn add_column_safely(
        &mut self,
        table_name: &str,
        table: &Table,
        column: &Column,
    ) -> bool {
        let Some(default) = column
            .default
            .as_deref()
            .filter(|d| is_volatile(d) || !is_constant(d))
        else {
            return false;
        };
        let quoted = self.new.quote(&column.name);
        let Some(data_type) = self.new.column_type(table.id, column.id) else {
            return false;
        };
        self.push(format!(
            "ALTER TABLE {table_name} ADD COLUMN IF NOT EXISTS {quoted} {data_type}"
        ));
        self.push(format!(
            "ALTER TABLE {table_name} ALTER COLUMN {quoted} SET DEFAULT {default}"
        ));
        let assignment = format!("{quoted} = {default}");
        self.backfill(table_name, &assignment, &format!("{quoted} IS NULL"));
        if !column.nullable {
            self.set_not_null_safely(table_name, table, column);
        }
        true
    }

    /// A NOT NULL column without a default: added nullable, so the old application's inserts
    /// still work; NOT NULL at the switch, once the new application has filled it.
    pub(super) fn add_required_column_safely(
        &mut self,
        table_name: &str,
        table: &Table,
        column: &Column,
    ) -> bool {
        if column.nullable
            || column.default.is_some()
            || column.identity.is_some()
            || column.generated.is_some()
        {
            return false;
        }
        let Some(data_type) = self.new.column_type(table.id, column.id) else {
            return false;
        };
        let quoted = self.new.quote(&column.name);
        self.push(format!(
            "ALTER TABLE {table_name} ADD COLUMN IF NOT EXISTS {quoted} {data_type}"
        ));
        let rows = self.rows;
        self.on_table(rows, Phase::Contract, |planner| {
            planner.set_not_null_safely(table_name, table, column);
        });
        true
    }

    /// Fills rows in batches of 10,000, each its own transaction, until none is left.
    fn backfill(&mut self, table_name: &str, assignment: &str, condition: &str) {
        self.push(format!(
            "DO $relvar$\nDECLARE\n  filled bigint;\nBEGIN\n  LOOP\n    UPDATE {table_name} SET {assignment}\n      WHERE ctid IN (SELECT ctid FROM {table_name} WHERE {condition} LIMIT 10000);\n    GET DIAGNOSTICS filled = ROW_COUNT;\n    EXIT WHEN filled = 0;\n    COMMIT;\n  END LOOP;\nEND\n$relvar$"
        ));
    }

    /// A type change that would rewrite the table under ACCESS EXCLUSIVE, made through a new
    /// column: added, kept in step by a trigger, backfilled in batches, then (contract phase)
    /// swapped in by two renames and the old column dropped. Returns whether it was planned so.
    pub(super) fn retype_safely(
        &mut self,
        table_name: &str,
        table: &Table,
        old: &Column,
        new: &Column,
    ) -> bool {
        // A column in a key, index or foreign key keeps the plain ALTER TYPE: those would have
        // to be built again on the new column.
        let keyed = table.is_primary_key_column(new.id)
            || table
                .uniques
                .iter()
                .any(|unique| unique.columns.contains(&new.id))
            || table.indexes.iter().any(|index| {
                index.key_columns().any(|id| id == new.id) || index.include.contains(&new.id)
            })
            || self.to.foreign_keys.iter().any(|fk| {
                (fk.from_table == table.id && fk.from_columns.contains(&new.id))
                    || (fk.to_table == table.id && fk.to_columns.contains(&new.id))
            });
        if keyed || changes_catalog_only(&old.data_type, &new.data_type) {
            return false;
        }
        let Some(data_type) = self.new.column_type(table.id, new.id) else {
            return false;
        };
        let column = self.new.quote(&new.name);
        let shadow_name = format!("{}_relvar_new", new.name);
        let shadow = self.new.quote(&shadow_name);
        let function = self
            .new
            .quote(&format!("{}_{}_relvar_sync", table.name, new.name));
        let converted = format!("NEW.{column}::{data_type}");
        self.push(format!(
            "ALTER TABLE {table_name} ADD COLUMN IF NOT EXISTS {shadow} {data_type}"
        ));
        self.push(format!(
            "CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $relvar$\nBEGIN\n  NEW.{shadow} := {converted};\n  RETURN NEW;\nEND\n$relvar$"
        ));
        self.push(format!(
            "CREATE OR REPLACE TRIGGER {function} BEFORE INSERT OR UPDATE ON {table_name}\n  FOR EACH ROW EXECUTE FUNCTION {function}()"
        ));
        self.backfill(
            table_name,
            &format!("{shadow} = {column}::{data_type}"),
            &format!("{shadow} IS NULL AND {column} IS NOT NULL"),
        );
        let kept = self.phase;
        self.phase = Phase::Contract;
        let risk = format!(
            "{}.{}: {} to {}; the backfill fails on a value that does not convert",
            table.qualified_name(),
            new.name,
            old.data_type,
            new.data_type
        );
        let old_name = self.new.quote(&format!("{}_relvar_old", new.name));
        // A sequence the column owns (a serial's) would go with the old column.
        let owned: String = self
            .to
            .sequences
            .iter()
            .filter(|sequence| {
                sequence
                    .owned_by
                    .as_ref()
                    .is_some_and(|owner| owner.is_column(table, &new.name))
            })
            .map(|sequence| {
                let name = self
                    .new
                    .qualified(sequence.schema.as_deref(), &sequence.name);
                format!("ALTER SEQUENCE {name} OWNED BY {table_name}.{column};\n")
            })
            .collect();
        self.push_risky(
            format!(
                "BEGIN;\nALTER TABLE {table_name} RENAME COLUMN {column} TO {old_name};\nALTER TABLE {table_name} RENAME COLUMN {shadow} TO {column};\n{owned}DROP TRIGGER {function} ON {table_name};\nDROP FUNCTION {function}();\nCOMMIT"
            ),
            risk,
        );
        if let Some(default) = &new.default {
            self.push(format!(
                "ALTER TABLE {table_name} ALTER COLUMN {column} SET DEFAULT {default}"
            ));
        }
        if !new.nullable {
            self.set_not_null_safely(table_name, table, new);
        }
        self.push(format!("ALTER TABLE {table_name} DROP COLUMN {old_name}"));
        self.phase = kept;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volatile_defaults_and_catalog_only_type_changes_are_told_apart() {
        assert!(is_volatile("gen_random_uuid()"));
        assert!(!is_volatile("now()"));
        assert!(!is_volatile("'x'::text"));
        assert!(is_constant("'x'::text"));
        assert!(is_constant("(0)"));
        assert!(!is_constant("now()"));
        assert!(!is_constant("('a' || 'b')"));
        assert!(changes_catalog_only("varchar(10)", "varchar(20)"));
        assert!(changes_catalog_only("character varying(10)", "text"));
        assert!(!changes_catalog_only("varchar(20)", "varchar(10)"));
        assert!(!changes_catalog_only("integer", "bigint"));
    }
}
