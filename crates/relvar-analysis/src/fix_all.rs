//! Fixing every finding of one rule at once: one command that applies each finding's fix in
//! turn, each worked out on the design as the fixes before it left it, so that two fixes of one
//! table (say, two columns' types) both land instead of the second undoing the first.

use std::collections::BTreeSet;

use relvar_model::{Command, Design, IdAllocator, TableId};

use crate::context::Context;
use crate::finding::{Finding, ObjectRef};
use crate::review::{ReviewOptions, run_rules};

/// The most rounds of fixes: each round fixes at most one finding per table, so this bounds how
/// many findings of one rule a single table can have fixed at once.
const MOST_ROUNDS: usize = 64;

/// What fixing every finding of a rule does.
#[derive(Debug, Clone, PartialEq)]
pub struct FixedAll {
    /// The fixes in the order they apply, as one command (one undo).
    pub command: Command,
    /// How many findings the fixes were for.
    pub fixed: usize,
    /// The rule's findings left once every fix is applied.
    pub remaining: usize,
}

/// Every finding of the rule `code` in `design`, fixed as one command; `None` when the rule has
/// no finding with a fix (or no such rule runs in the review).
pub fn fix_all(design: &Design, code: &str) -> Option<FixedAll> {
    let mut scratch = design.clone();
    let mut commands = Vec::new();
    let mut fixed_keys: BTreeSet<(String, Vec<ObjectRef>)> = BTreeSet::new();
    let mut remaining = findings_of(&scratch, code);
    for _ in 0..MOST_ROUNDS {
        let mut changed_tables: BTreeSet<TableId> = BTreeSet::new();
        let mut applied_this_round = 0;
        for finding in &remaining {
            let Some(fix) = &finding.fix else { continue };
            let key = (finding.message.clone(), finding.objects.clone());
            if fixed_keys.contains(&key) {
                continue;
            }
            // A fix worked out before another fix changed its tables may be stale: it waits for
            // the next round, where it is worked out again.
            let Some(tables) = tables_changed_by(&fix.command, finding, &scratch) else {
                if applied_this_round > 0 {
                    break;
                }
                if let Some(applied) = applied(&fix.command, &mut scratch) {
                    commands.push(applied);
                    fixed_keys.insert(key);
                    applied_this_round += 1;
                }
                break;
            };
            if !tables.is_disjoint(&changed_tables) {
                continue;
            }
            if let Some(applied) = applied(&fix.command, &mut scratch) {
                commands.push(applied);
                fixed_keys.insert(key);
                changed_tables.extend(tables);
                applied_this_round += 1;
            }
        }
        remaining = findings_of(&scratch, code);
        if applied_this_round == 0 {
            break;
        }
    }
    (!commands.is_empty()).then_some(FixedAll {
        command: Command::Batch(commands),
        fixed: fixed_keys.len(),
        remaining: remaining.len(),
    })
}

/// The fix applied to `design`, as it was applied: a column or foreign key it adds takes the
/// design's next free id, since every fix of a round was worked out with the same next id.
fn applied(fix: &Command, design: &mut Design) -> Option<Command> {
    let mut command = fix.clone();
    let mut ids = design.ids.clone();
    give_fresh_ids(&mut command, &mut ids);
    command.clone().apply(design).ok().map(|_| command)
}

fn give_fresh_ids(command: &mut Command, ids: &mut IdAllocator) {
    match command {
        Command::AddColumn { column, .. } => column.id = ids.column(),
        Command::AddForeignKey { foreign_key } => foreign_key.id = ids.foreign_key(),
        Command::Batch(commands) => {
            for command in commands {
                give_fresh_ids(command, ids);
            }
        }
        _ => {}
    }
}

/// The findings of one rule, whatever the design switches off.
fn findings_of(design: &Design, code: &str) -> Vec<Finding> {
    let context = Context::new(design);
    run_rules(&context, &ReviewOptions::default(), |rule| {
        rule.info.code == code
    })
}

/// The tables a fix's command changes, with the tables its finding concerns; `None` for a kind
/// of command whose tables are not known here.
fn tables_changed_by(
    command: &Command,
    finding: &Finding,
    design: &Design,
) -> Option<BTreeSet<TableId>> {
    let mut tables: BTreeSet<TableId> = finding
        .objects
        .iter()
        .filter_map(|object| match object {
            ObjectRef::Table(table)
            | ObjectRef::Column { table, .. }
            | ObjectRef::Index { table, .. } => Some(*table),
            ObjectRef::ForeignKey(id) => design.foreign_key(*id).map(|fk| fk.from_table),
        })
        .collect();
    collect_tables(command, &mut tables)?;
    Some(tables)
}

fn collect_tables(command: &Command, tables: &mut BTreeSet<TableId>) -> Option<()> {
    match command {
        Command::ReplaceTable(table) => {
            tables.insert(table.id);
        }
        Command::AddColumn { table, .. }
        | Command::SetColumnType { table, .. }
        | Command::SetColumnNullable { table, .. }
        | Command::SetColumnDefault { table, .. }
        | Command::SetPrimaryKey { table, .. }
        | Command::SetColumnUnique { table, .. }
        | Command::ReplaceColumn { table, .. } => {
            tables.insert(*table);
        }
        Command::AddForeignKey { foreign_key } => {
            tables.insert(foreign_key.from_table);
            tables.insert(foreign_key.to_table);
        }
        Command::Batch(commands) => {
            for command in commands {
                collect_tables(command, tables)?;
            }
        }
        _ => return None,
    }
    Some(())
}
