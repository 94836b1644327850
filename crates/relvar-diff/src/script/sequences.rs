//! Sequences: made before the tables whose defaults call them, altered in place, given to the
//! column that owns them once it exists (a serial column's), dropped after their tables.

use relvar_model::{Dialect, SequenceOwner};

use super::Planner;

impl Planner<'_> {
    pub(super) fn create_sequences(&mut self) {
        if !matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) {
            return;
        }
        for &at in &self.diff.sequences_added {
            if let Some(sql) = self.new.create_sequence(at) {
                self.push(sql);
            }
        }
        for &(_, at) in &self.diff.sequences_changed {
            if let Some(sql) = self.new.create_sequence(at) {
                self.push(
                    sql.replacen("CREATE SEQUENCE", "ALTER SEQUENCE", 1)
                        .replace(" START WITH ", " RESTART WITH "),
                );
            }
        }
    }

    /// `OWNED BY` for the second design's sequences whose owner is new: made with the sequence,
    /// or given to a sequence that had none (`OWNED BY NONE` for one that lost its owner).
    pub(super) fn sequence_owners(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        let mut owners: Vec<(usize, Option<&SequenceOwner>)> = self
            .diff
            .sequences_added
            .iter()
            .filter_map(|&at| Some((at, self.to.sequences.get(at)?.owned_by.as_ref())))
            .filter(|(_, owner)| owner.is_some())
            .collect();
        for &(was, now) in &self.diff.sequences_changed {
            let (Some(old), Some(new)) = (self.from.sequences.get(was), self.to.sequences.get(now))
            else {
                continue;
            };
            if old.owned_by.is_some() != new.owned_by.is_some() {
                owners.push((now, new.owned_by.as_ref()));
            }
        }
        for (at, owner) in owners {
            let Some(sequence) = self.to.sequences.get(at) else {
                continue;
            };
            let owner = match owner {
                None => "NONE".to_owned(),
                Some(owner) => {
                    let Some(table) = self.to.tables.iter().find(|table| owner.is_of(table)) else {
                        continue;
                    };
                    format!(
                        "{}.{}",
                        self.new.table_name(table.id),
                        self.new.quote(&owner.column)
                    )
                }
            };
            let sql = format!(
                "ALTER SEQUENCE {} OWNED BY {owner}",
                self.new
                    .qualified(sequence.schema.as_deref(), &sequence.name)
            );
            self.push(sql);
        }
    }

    pub(super) fn drop_sequences(&mut self) {
        if !matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) {
            return;
        }
        for &at in &self.diff.sequences_removed {
            if let Some(old) = self.from.sequences.get(at) {
                let sql = format!(
                    "DROP SEQUENCE {}{}",
                    if self.dialect == Dialect::PostgreSql {
                        "IF EXISTS "
                    } else {
                        ""
                    },
                    self.old.qualified(old.schema.as_deref(), &old.name)
                );
                self.push(sql);
            }
        }
    }
}
