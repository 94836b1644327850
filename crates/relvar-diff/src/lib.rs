//! What changed between two designs, and the migration that makes one into the other: objects
//! paired by id (versions of one design, so a rename is a rename) or by name (unrelated schemas,
//! with rename candidates to confirm), and scripts per dialect, up and down, ordered by
//! dependencies, with each step's risk.

mod changes;
mod comparison;
mod diff;
mod domains;
mod enum_pairing;
mod files;
mod hints;
mod matching;
mod normal;
mod script;
mod tables;

pub use changes::{Change, ChangeMark, Subject, describe};
pub use comparison::{CompareRequest, Comparison, Side, compare};
pub use diff::{Diff, EnumDiff, RenameCandidate, diff};
pub use domains::DomainDiff;
pub use enum_pairing::{EnumCandidate, EnumPair, EnumPairing};
pub use files::{FileFormat, FileNaming, MigrationFile, migration_files};
pub use hints::rename_hints;
pub use matching::{
    ColumnRename, EnumRename, Matching, Pairing, Renames, TableRename, ValueRename,
};
pub use script::{Migration, Phase, Step, migration, safe_migration};
pub use tables::{ColumnDiff, TableDiff};

impl Renames {
    /// Adds `more` to these renames.
    pub fn extend(&mut self, more: Renames) {
        self.tables.extend(more.tables);
        self.columns.extend(more.columns);
        self.enums.extend(more.enums);
        self.values.extend(more.values);
    }

    /// The same renames read the other way, for the down script.
    pub fn reversed(&self) -> Self {
        Self {
            tables: self
                .tables
                .iter()
                .map(|rename| TableRename {
                    from: rename.to.clone(),
                    to: rename.from.clone(),
                })
                .collect(),
            columns: self
                .columns
                .iter()
                .map(|rename| {
                    let table = self
                        .tables
                        .iter()
                        .find(|table| table.to.eq_ignore_ascii_case(&rename.table))
                        .map_or_else(|| rename.table.clone(), |table| table.from.clone());
                    ColumnRename {
                        table,
                        from: rename.to.clone(),
                        to: rename.from.clone(),
                    }
                })
                .collect(),
            enums: self
                .enums
                .iter()
                .map(|rename| EnumRename {
                    from: rename.to.clone(),
                    to: rename.from.clone(),
                })
                .collect(),
            // A value rename names its enum or column as either design does.
            values: self
                .values
                .iter()
                .map(|rename| ValueRename {
                    of: rename.of.clone(),
                    from: rename.to.clone(),
                    to: rename.from.clone(),
                })
                .collect(),
        }
    }
}
