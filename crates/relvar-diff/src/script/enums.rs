//! Enum types in a migration (PostgreSQL; elsewhere an enum is a column's type): new ones
//! created, values added in place before the value they precede, and an enum that loses values
//! made again, its columns converted through text.

use relvar_model::Dialect;

use super::Planner;
use crate::diff::EnumDiff;

impl Planner<'_> {
    /// New enums, and values added to enums (PostgreSQL; elsewhere enums are column types).
    pub(super) fn enums_before_tables(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        for change in &self.diff.enums {
            match change {
                EnumDiff::Added(at) => {
                    if let Some(sql) = self.new.create_enum(*at) {
                        self.push(sql);
                    }
                }
                EnumDiff::Changed {
                    from,
                    to,
                    removed_values,
                    ..
                } if removed_values.is_empty() => self.add_enum_values(*from, *to),
                EnumDiff::Changed { from, to, .. } => self.recreate_enum(*from, *to),
                EnumDiff::Removed(_) => {}
            }
        }
    }

    /// `ALTER TYPE ... ADD VALUE` for each new value, placed before the value it precedes.
    pub(super) fn add_enum_values(&mut self, from: usize, to: usize) {
        let (Some(old), Some(new)) = (self.from.enums.get(from), self.to.enums.get(to)) else {
            return;
        };
        let name = self.new.qualified(new.schema.as_deref(), &new.name);
        let mut present: Vec<&String> = old.values.iter().collect();
        for (at, value) in new.values.iter().enumerate() {
            if present.contains(&value) {
                continue;
            }
            let next = new.values.iter().skip(at + 1).find(|v| present.contains(v));
            let place = match next {
                Some(next) => format!(" BEFORE {}", self.new.literal(next)),
                None => String::new(),
            };
            let sql = format!(
                "ALTER TYPE {name} ADD VALUE {}{place}",
                self.new.literal(value)
            );
            self.push(sql);
            present.push(value);
        }
    }

    /// An enum that loses values is made again: the old one renamed aside, the new one created,
    /// each column using it converted through text, the old one dropped.
    pub(super) fn recreate_enum(&mut self, from: usize, to: usize) {
        let (Some(old), Some(new)) = (self.from.enums.get(from), self.to.enums.get(to)) else {
            return;
        };
        let aside = format!("{}_relvar_old", old.name);
        let old_name = self.old.qualified(old.schema.as_deref(), &old.name);
        let aside_name = self.old.qualified(old.schema.as_deref(), &aside);
        let removed: Vec<String> = old
            .values
            .iter()
            .filter(|value| !new.values.contains(value))
            .map(|value| self.new.literal(value))
            .collect();
        self.push(format!(
            "ALTER TYPE {old_name} RENAME TO {}",
            self.old.quote(&aside)
        ));
        if let Some(sql) = self.new.create_enum(to) {
            self.push(sql);
        }
        let new_name = self.new.qualified(new.schema.as_deref(), &new.name);
        for table in &self.to.tables {
            for column in &table.columns {
                if !new.is_named_by(&column.data_type) {
                    continue;
                }
                let column_name = self.new.quote(&column.name);
                let Some(old_table) = self
                    .diff
                    .pairing
                    .tables()
                    .find(|(_, paired)| *paired == table.id)
                    .and_then(|(old_id, _)| self.old_table(old_id))
                else {
                    continue;
                };
                let sql = format!(
                    "ALTER TABLE {} ALTER COLUMN {column_name} TYPE {new_name} USING {column_name}::text::{new_name}",
                    self.old.table_name(old_table.id)
                );
                self.push_risky(
                    sql,
                    format!(
                        "{}.{}: enum {} loses {}; rows holding them make this fail",
                        table.qualified_name(),
                        column.name,
                        new.qualified_name(),
                        removed.join(", ")
                    ),
                );
            }
        }
        self.push(format!("DROP TYPE {aside_name}"));
    }
}
