//! What a sample showed, proposed for a table: the dependencies and keys that `discover` found
//! over the sample's columns, matched to the table's columns by name and written as the table's
//! declared dependencies, each marked when the table's declared dependencies and keys already
//! imply it. Sample columns the table lacks are reported with what they kept out.

use relvar_model::{ColumnId, Command, DeclaredDependency, DependencyKind, Table};

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::discover::{Dependency, Discovered};
use crate::relation::Fd;
use crate::table::{position, positions, table_relation};

/// Why a sample column names no column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmatched {
    /// No column of the table has that name, even ignoring ASCII case.
    Missing,
    /// Several columns of the table have that name ignoring ASCII case, not one exactly.
    Ambiguous,
    /// Another sample column took the table column of that name.
    Taken,
}

/// A sample column left out, by its position and name in the sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedColumn {
    pub position: usize,
    pub name: String,
    pub reason: Unmatched,
}

/// A discovered dependency over the table's columns: functional, one column on the right.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedDependency {
    pub dependency: DeclaredDependency,
    /// Its g3 error on the sample (0 when it held exactly).
    pub error: f64,
    /// Whether the table's declared dependencies and keys already imply it.
    pub implied: bool,
}

/// A minimal unique column combination of the sample, as the table's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedKey {
    pub columns: Vec<ColumnId>,
    /// Whether the table's declared dependencies and keys already make it a superkey.
    pub implied: bool,
}

/// The discovery's findings for one table. Fields are public so that a caller can keep only
/// what a person accepts before [`Proposal::declare_command`].
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// For each sample column, by position, the table column it names.
    pub columns: Vec<Option<ColumnId>>,
    /// The sample columns that name no table column, in sample order.
    pub unmatched: Vec<UnmatchedColumn>,
    /// The discovered dependencies whose columns all matched, in the discovery's order.
    pub dependencies: Vec<ProposedDependency>,
    /// The discovered keys whose columns all matched, in the discovery's order.
    pub keys: Vec<ProposedKey>,
    /// Discovered dependencies that mention an unmatched column (by sample positions; the
    /// discovery's `describe` writes them).
    pub left_out_dependencies: Vec<Dependency>,
    /// Discovered keys that mention an unmatched column (by sample positions).
    pub left_out_keys: Vec<Vec<usize>>,
}

/// Matches the sample's columns to the table's by name (exactly first, then ignoring ASCII case
/// and surrounding spaces) and carries what `found` holds over to the table's columns.
pub fn propose(table: &Table, found: &Discovered) -> Proposal {
    let (columns, unmatched) = match_columns(table, &found.columns);
    let relation = table_relation(table);
    let closure = Closure::new(&relation.fds);
    // A sample column as (table position, id); `None` when it matched nothing.
    let resolve = |sample: usize| {
        let id = columns.get(sample).copied().flatten()?;
        Some((position(table, id)?, id))
    };
    let resolve_all = |samples: &[usize]| -> Option<Vec<(usize, ColumnId)>> {
        let mut resolved: Vec<(usize, ColumnId)> = samples
            .iter()
            .map(|&sample| resolve(sample))
            .collect::<Option<_>>()?;
        relvar_model::order::sort(&mut resolved[..]);
        Some(resolved)
    };
    let attributes = |resolved: &[(usize, ColumnId)]| -> AttrSet {
        resolved.iter().map(|&(position, _)| position).collect()
    };
    let ids = |resolved: &[(usize, ColumnId)]| resolved.iter().map(|&(_, id)| id).collect();

    let (mut dependencies, mut left_out_dependencies) = (Vec::new(), Vec::new());
    for dependency in &found.dependencies {
        match (resolve_all(&dependency.lhs), resolve(dependency.rhs)) {
            (Some(lhs), Some((rhs_position, rhs_id))) => {
                let fd = Fd::new(attributes(&lhs), AttrSet::single(rhs_position));
                dependencies.push(ProposedDependency {
                    dependency: DeclaredDependency {
                        kind: DependencyKind::Functional,
                        lhs: ids(&lhs),
                        rhs: vec![rhs_id],
                    },
                    error: dependency.error,
                    implied: closure.implies(&fd),
                });
            }
            _ => left_out_dependencies.push(dependency.clone()),
        }
    }
    let all = relation.all();
    let (mut keys, mut left_out_keys) = (Vec::new(), Vec::new());
    for key in &found.uniques {
        match resolve_all(key) {
            Some(resolved) => keys.push(ProposedKey {
                columns: ids(&resolved),
                implied: closure.determines(&attributes(&resolved), &all),
            }),
            None => left_out_keys.push(key.clone()),
        }
    }
    Proposal {
        columns,
        unmatched,
        dependencies,
        keys,
        left_out_dependencies,
        left_out_keys,
    }
}

impl Proposal {
    /// The command that declares, after the table's own declared dependencies, every proposed
    /// dependency and then every key (`K` as `K -> the other columns`), each with only the right
    /// side that the table's keys and what comes before do not already imply (left out when
    /// nothing is left); dependencies with the same left side are written as one.
    pub fn declare_command(&self, table: &Table) -> Command {
        let relation = table_relation(table);
        let set = |ids: &[ColumnId]| positions(table, ids);
        let mut known = relation.fds.clone();
        let mut added: Vec<DeclaredDependency> = Vec::new();
        let keys = self.keys.iter().map(|key| {
            let rest = table.columns.iter().map(|column| column.id);
            let rhs = rest.filter(|id| !key.columns.contains(id)).collect();
            (key.columns.clone(), rhs)
        });
        let dependencies = self.dependencies.iter().map(|proposed| {
            let dependency = &proposed.dependency;
            (dependency.lhs.clone(), dependency.rhs.clone())
        });
        for (lhs, rhs) in dependencies.chain(keys) {
            let left = set(&lhs);
            let reached = Closure::new(&known).of(&left);
            let new: Vec<ColumnId> = rhs
                .into_iter()
                .filter(|id| position(table, *id).is_some_and(|at| !reached.contains(at)))
                .collect();
            if new.is_empty() {
                continue;
            }
            known.push(Fd::new(left, set(&new)));
            match added.iter_mut().find(|earlier| earlier.lhs == lhs) {
                Some(earlier) => {
                    for id in new {
                        if !earlier.rhs.contains(&id) {
                            earlier.rhs.push(id);
                        }
                    }
                }
                None => added.push(DeclaredDependency {
                    kind: DependencyKind::Functional,
                    lhs,
                    rhs: new,
                }),
            }
        }
        let mut dependencies = table.dependencies.clone();
        dependencies.extend(added);
        Command::SetTableDependencies {
            table: table.id,
            dependencies,
        }
    }
}

/// Each sample column's table column, and the sample columns that name none.
fn match_columns(table: &Table, names: &[String]) -> (Vec<Option<ColumnId>>, Vec<UnmatchedColumn>) {
    let mut matched: Vec<Option<ColumnId>> = vec![None; names.len()];
    let mut reasons: Vec<Option<Unmatched>> = vec![None; names.len()];
    // Exact names first, so that a sample's `Id` never takes the `id` another sample column names.
    let passes: [fn(&str, &str) -> bool; 2] = [
        |column, sample| column == sample,
        |column, sample| column.trim().eq_ignore_ascii_case(sample.trim()),
    ];
    for same in passes {
        for (position, name) in names.iter().enumerate() {
            if matched.get(position).copied().flatten().is_some() {
                continue;
            }
            let alike: Vec<ColumnId> = table
                .columns
                .iter()
                .filter(|column| same(&column.name, name))
                .map(|column| column.id)
                .collect();
            let reason = match alike.as_slice() {
                [] => Unmatched::Missing,
                [id] if !matched.contains(&Some(*id)) => {
                    if let Some(slot) = matched.get_mut(position) {
                        *slot = Some(*id);
                    }
                    continue;
                }
                [_] => Unmatched::Taken,
                _ => Unmatched::Ambiguous,
            };
            // The loose pass comes last and sees every column the exact one saw: it decides.
            if let Some(slot) = reasons.get_mut(position) {
                *slot = Some(reason);
            }
        }
    }
    let unmatched = names
        .iter()
        .zip(&reasons)
        .enumerate()
        .filter(|(position, _)| matched.get(*position).copied().flatten().is_none())
        .map(|(position, (name, reason))| UnmatchedColumn {
            position,
            name: name.clone(),
            reason: reason.unwrap_or(Unmatched::Missing),
        })
        .collect();
    (matched, unmatched)
}
