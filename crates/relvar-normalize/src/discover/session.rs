//! The discovery run as a state machine: `Discovery::step(budget)` does about `budget` units of
//! work (a unit is roughly one cell read) and reports progress, so a browser can run it between
//! frames and cancel it by no longer calling it. `discover` runs it to the end.

use super::approximate::ApproximateSearch;
use super::column_set::ColumnSet;
use super::exact::ExactSearch;
use super::relation::{NullRule, Relation};
use super::table::SampleTable;
use super::uniques::UniqueSearch;

/// Which search finds the dependencies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Algorithm {
    /// HyFD for exact dependencies, the level-wise search for approximate ones.
    #[default]
    Auto,
    /// HyFD; only for exact dependencies (`error` 0).
    HyFd,
    /// The level-wise (TANE-style) search, exact or approximate.
    LevelWise,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiscoveryOptions {
    /// The most columns on a left-hand side, and in a unique column combination; `None`: any.
    pub max_lhs: Option<usize>,
    /// The largest g3 error allowed (the share of rows to remove for the dependency to hold),
    /// from 0 (exact dependencies) to 1.
    pub error: f64,
    pub nulls: NullRule,
    pub algorithm: Algorithm,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    #[error("the error threshold must be a number from 0 to 1")]
    ErrorOutOfRange,
    #[error("HyFD finds exact dependencies only: use an error of 0 or the level-wise search")]
    HyFdIsExact,
}

/// `lhs -> rhs` by column positions; `error` is its g3 error on the sample (0 when exact).
#[derive(Debug, Clone, PartialEq)]
pub struct Dependency {
    pub lhs: Vec<usize>,
    pub rhs: usize,
    pub error: f64,
}

/// What a discovery found. Dependencies are sorted by left-hand side size, then by columns;
/// unique column combinations likewise.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovered {
    pub columns: Vec<String>,
    pub row_count: usize,
    /// Non-trivial dependencies with a minimal left-hand side and one right-hand side.
    pub dependencies: Vec<Dependency>,
    /// Minimal unique column combinations (exact, whatever the error threshold). Empty when two
    /// rows are equal in every column.
    pub uniques: Vec<Vec<usize>>,
}

impl Discovered {
    /// `a, b -> c` by column names; an empty left-hand side is written `{}`.
    pub fn describe(&self, dependency: &Dependency) -> String {
        let lhs = if dependency.lhs.is_empty() {
            "{}".to_owned()
        } else {
            self.names(&dependency.lhs)
        };
        format!("{lhs} -> {}", self.name(dependency.rhs))
    }

    /// Column names joined by `, `.
    pub fn names(&self, columns: &[usize]) -> String {
        columns
            .iter()
            .map(|column| self.name(*column))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn name(&self, column: usize) -> &str {
        self.columns.get(column).map_or("?", String::as_str)
    }
}

/// Where a discovery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Dependencies,
    Uniques,
    Finished,
}

/// How far a discovery got: `fraction` grows from 0 to 1 (an estimate: the later levels of the
/// search are usually smaller), and is 1 exactly when `stage` is `Finished`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    pub fraction: f64,
}

#[derive(Debug)]
enum Search {
    Exact(Box<ExactSearch>),
    Approximate(Box<ApproximateSearch>),
}

/// A discovery in progress.
#[derive(Debug)]
pub struct Discovery {
    relation: Relation,
    columns: Vec<String>,
    max_lhs: usize,
    dependencies: Option<Search>,
    found_dependencies: Vec<Dependency>,
    uniques: Option<UniqueSearch>,
    result: Option<Discovered>,
    fraction: f64,
}

/// Share of the progress bar given to the dependencies; the rest is the keys'.
const DEPENDENCY_SHARE: f64 = 0.9;

impl Discovery {
    pub fn new(table: &SampleTable, options: &DiscoveryOptions) -> Result<Self, OptionsError> {
        if !(0.0..=1.0).contains(&options.error) {
            return Err(OptionsError::ErrorOutOfRange);
        }
        let approximate = match options.algorithm {
            Algorithm::HyFd if options.error > 0.0 => return Err(OptionsError::HyFdIsExact),
            Algorithm::HyFd => false,
            Algorithm::LevelWise => true,
            Algorithm::Auto => options.error > 0.0,
        };
        let relation = Relation::new(table, &options.nulls);
        let max_lhs = options.max_lhs.unwrap_or(usize::MAX);
        let search = if approximate {
            Search::Approximate(Box::new(ApproximateSearch::new(
                &relation,
                options.error,
                max_lhs,
            )))
        } else {
            Search::Exact(Box::new(ExactSearch::new(&relation, max_lhs)))
        };
        Ok(Self {
            relation,
            columns: table.names.clone(),
            max_lhs,
            dependencies: Some(search),
            found_dependencies: Vec::new(),
            uniques: None,
            result: None,
            fraction: 0.0,
        })
    }

    /// Works for about `budget` units (at least one step), then reports progress.
    pub fn step(&mut self, budget: usize) -> Progress {
        let mut spent = 0;
        loop {
            spent += self.advance();
            if self.result.is_some() || spent >= budget {
                break;
            }
        }
        self.progress()
    }

    /// Runs to the end, calling `on_progress` between slices of `budget` units; stops early and
    /// returns `None` when it returns false.
    pub fn run(
        mut self,
        budget: usize,
        mut on_progress: impl FnMut(Progress) -> bool,
    ) -> Option<Discovered> {
        loop {
            let progress = self.step(budget);
            if progress.stage == Stage::Finished {
                return self.result;
            }
            if !on_progress(progress) {
                return None;
            }
        }
    }

    pub fn progress(&self) -> Progress {
        let stage = if self.result.is_some() {
            Stage::Finished
        } else if self.dependencies.is_some() {
            Stage::Dependencies
        } else {
            Stage::Uniques
        };
        Progress {
            stage,
            fraction: self.fraction,
        }
    }

    /// The result, once `step` reported `Finished`.
    pub fn result(&self) -> Option<&Discovered> {
        self.result.as_ref()
    }

    pub fn into_result(self) -> Option<Discovered> {
        self.result
    }

    fn advance(&mut self) -> usize {
        let relation = &self.relation;
        if let Some(search) = self.dependencies.as_mut() {
            let (cost, done, level, share, levels) = match search {
                Search::Exact(exact) => {
                    let cost = exact.step(relation);
                    let (level, share) = exact.position();
                    (cost, exact.is_done(), level, share, exact.expected_levels())
                }
                Search::Approximate(approximate) => {
                    let cost = approximate.step(relation);
                    let (level, share) = approximate.position();
                    (
                        cost,
                        approximate.is_done(),
                        level,
                        share,
                        approximate.expected_levels(),
                    )
                }
            };
            let estimate = (level as f64 + share) / levels.max(1) as f64;
            self.raise_fraction(DEPENDENCY_SHARE * estimate.min(0.99));
            if done {
                self.finish_dependencies();
            }
            return cost;
        }
        if let Some(uniques) = self.uniques.as_mut() {
            let cost = uniques.step(relation);
            let share = uniques.share_checked();
            if uniques.is_done() {
                self.finish();
            } else {
                self.raise_fraction(DEPENDENCY_SHARE + (1.0 - DEPENDENCY_SHARE) * share.min(0.99));
            }
            return cost;
        }
        0
    }

    fn raise_fraction(&mut self, fraction: f64) {
        if fraction > self.fraction {
            self.fraction = fraction;
        }
    }

    fn finish_dependencies(&mut self) {
        let Some(search) = self.dependencies.take() else {
            return;
        };
        let (mut dependencies, agree_sets) = match search {
            Search::Exact(exact) => {
                let dependencies = exact
                    .dependencies()
                    .into_iter()
                    .flat_map(|(lhs, rhs)| {
                        rhs.iter().map(move |rhs| Dependency {
                            lhs: lhs.to_vec(),
                            rhs,
                            error: 0.0,
                        })
                    })
                    .collect::<Vec<_>>();
                (dependencies, exact.agree_sets().all())
            }
            Search::Approximate(approximate) => {
                let dependencies = approximate
                    .dependencies()
                    .iter()
                    .map(|(lhs, rhs, error)| Dependency {
                        lhs: lhs.to_vec(),
                        rhs: *rhs,
                        error: *error,
                    })
                    .collect();
                (dependencies, Vec::new())
            }
        };
        dependencies
            .sort_by(|a, b| (a.lhs.len(), &a.lhs, a.rhs).cmp(&(b.lhs.len(), &b.lhs, b.rhs)));
        self.found_dependencies = dependencies;
        let max_size = self.max_lhs.min(self.relation.column_count);
        self.uniques = Some(UniqueSearch::new(&self.relation, agree_sets, max_size));
        self.raise_fraction(DEPENDENCY_SHARE);
    }

    fn finish(&mut self) {
        let uniques = self
            .uniques
            .take()
            .map(|search| {
                search
                    .uniques()
                    .into_iter()
                    .map(ColumnSet::to_vec)
                    .collect()
            })
            .unwrap_or_default();
        self.fraction = 1.0;
        self.result = Some(Discovered {
            columns: self.columns.clone(),
            row_count: self.relation.row_count,
            dependencies: std::mem::take(&mut self.found_dependencies),
            uniques,
        });
    }
}

/// Runs a whole discovery at once.
pub fn discover(
    table: &SampleTable,
    options: &DiscoveryOptions,
) -> Result<Discovered, OptionsError> {
    let discovery = Discovery::new(table, options)?;
    Ok(discovery
        .run(usize::MAX, |_| true)
        .unwrap_or_else(|| empty_result(table)))
}

fn empty_result(table: &SampleTable) -> Discovered {
    Discovered {
        columns: table.names.clone(),
        row_count: table.row_count,
        dependencies: Vec::new(),
        uniques: Vec::new(),
    }
}
