//! The schema review of the design as it is edited, shared through context: the findings and,
//! when the design has a workload, the index advisor's advice (after every edit, the review
//! looking again only where the edit changed the design, the advice in full; run when the
//! browser is idle after the frame that shows the edit, and for a design of more than
//! [`PAUSED_REVIEW_TABLES`] tables once edits pause, showing the findings of the last run
//! meanwhile), a badge per table, and the finding the user selected, whose objects the canvas
//! highlights.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use relvar_analysis::workload::Workload;
use relvar_analysis::{
    Advice, AdvisorOptions, Finding, IncrementalReview, ObjectRef, ReviewOptions, Severity,
};
use relvar_layout::draw::{BadgeLevel, TableBadge};
use relvar_model::{ColumnId, Design, TableId};

use crate::browser::Pause;
use crate::canvas::{CanvasState, Scene, reveal_table};
use crate::selection::Selection;
use crate::store::Store;

/// The least zoom at which revealing a finding's table leaves the view: its rows are drawn there.
const REVEAL_SCALE: f64 = 0.5;

/// Designs with more tables than this are reviewed when edits pause (once for a burst of edits);
/// smaller ones after each edit. Either way the review waits for the browser to be idle, so the
/// canvas shows each edit first.
pub const PAUSED_REVIEW_TABLES: usize = 300;

/// How long edits of a big design pause before it is reviewed, in milliseconds.
const BIG_REVIEW_QUIET_MS: i32 = 300;

/// Which finding this is across runs: its rule and its objects (by id, so renames keep it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FindingKey {
    pub code: &'static str,
    pub objects: Vec<ObjectRef>,
}

impl FindingKey {
    pub fn of(finding: &Finding) -> Self {
        Self {
            code: finding.code,
            objects: finding.objects.clone(),
        }
    }
}

/// The tables a highlight outlines, each with the columns whose rows it marks.
pub type Highlight = BTreeMap<TableId, Vec<ColumnId>>;

/// What one run found: the findings (the workload's unused indexes among them) and the advice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub findings: Arc<Vec<Finding>>,
    /// The index advisor's advice; none while the design has no workload.
    pub advice: Option<Arc<Advice>>,
    /// The SQL of each workload query the advice was given for, by position: until the next run a
    /// query's notes belong to it only while its SQL is still this.
    pub advised_sql: Vec<String>,
}

impl Outcome {
    /// Whether the advice's notes about the query at `position` are about `sql`.
    pub fn advised(&self, position: usize, sql: &str) -> bool {
        self.advised_sql
            .get(position)
            .is_some_and(|advised| advised == sql)
    }
}

/// The review of the design, for the panels and the canvas.
#[derive(Debug, Clone, Copy)]
pub struct Review {
    /// What the last run found.
    pub outcome: Memo<Arc<Outcome>>,
    /// The findings of the last run, in the engine's order (severity, table, code).
    pub findings: Memo<Arc<Vec<Finding>>>,
    /// Whether the findings are those of the design as it is now (false while the review waits
    /// for edits to pause or the browser to be idle).
    pub current: Memo<bool>,
    /// Per table with findings: how many, and the worst.
    pub badges: Memo<Arc<BTreeMap<TableId, TableBadge>>>,
    /// The finding the user selected.
    pub selected: RwSignal<Option<FindingKey>>,
    /// What the selected finding concerns, while it is still found.
    pub highlight: Memo<Arc<Highlight>>,
    /// The selection selecting the finding made, so that any other selection ends its highlight.
    chosen: StoredValue<Option<Selection>>,
}

/// How long edits pause before `design` is reviewed, in milliseconds.
fn review_quiet_ms(design: &Design) -> i32 {
    if design.tables.len() > PAUSED_REVIEW_TABLES {
        BIG_REVIEW_QUIET_MS
    } else {
        0
    }
}

/// Reviews `design`, looking again only where it changed since `incremental` last reviewed.
fn run(incremental: &mut IncrementalReview, design: &Design) -> Arc<Outcome> {
    let advice = (!design.workload.is_empty()).then(|| {
        relvar_analysis::advise(
            design,
            &Workload::of_design(design),
            &AdvisorOptions::default(),
        )
    });
    let findings =
        incremental.review_with_advice(design, &ReviewOptions::of(design), advice.as_ref());
    Arc::new(Outcome {
        findings: Arc::new(findings),
        advice: advice.map(Arc::new),
        advised_sql: design
            .workload
            .iter()
            .map(|query| query.sql.clone())
            .collect(),
    })
}

pub fn badge_level(severity: Severity) -> BadgeLevel {
    match severity {
        Severity::Error => BadgeLevel::Error,
        Severity::Warning => BadgeLevel::Warning,
        Severity::Info => BadgeLevel::Info,
    }
}

/// Each table's badge: the findings about it (by [`Finding::table`]) and the worst of them.
fn badges(design: &Design, findings: &[Finding]) -> BTreeMap<TableId, TableBadge> {
    let mut badges: BTreeMap<TableId, TableBadge> = BTreeMap::new();
    for finding in findings {
        let Some(table) = finding.table(design) else {
            continue;
        };
        let level = badge_level(finding.severity);
        badges
            .entry(table)
            .and_modify(|badge| {
                badge.count += 1;
                badge.level = badge.level.min(level);
            })
            .or_insert(TableBadge { level, count: 1 });
    }
    badges
}

/// The tables and columns a finding's objects name: a column its row, a relationship both its
/// tables' columns, an index the columns it lists.
pub fn highlight_of(design: &Design, finding: &Finding) -> Highlight {
    let mut highlight = Highlight::new();
    let mut mark = |table: TableId, columns: &mut dyn Iterator<Item = ColumnId>| {
        let marked = highlight.entry(table).or_default();
        for column in columns {
            if !marked.contains(&column) {
                marked.push(column);
            }
        }
    };
    for object in &finding.objects {
        match *object {
            ObjectRef::Table(table) => mark(table, &mut std::iter::empty()),
            ObjectRef::Column { table, column } => mark(table, &mut std::iter::once(column)),
            ObjectRef::ForeignKey(id) => {
                if let Some(foreign_key) = design.foreign_key(id) {
                    mark(
                        foreign_key.from_table,
                        &mut foreign_key.from_columns.iter().copied(),
                    );
                    mark(
                        foreign_key.to_table,
                        &mut foreign_key.to_columns.iter().copied(),
                    );
                }
            }
            ObjectRef::Index { table, position } => {
                let index = design
                    .table(table)
                    .and_then(|found| found.indexes.get(position));
                let mut columns = index.into_iter().flat_map(relvar_model::Index::key_columns);
                mark(table, &mut columns);
            }
        }
    }
    highlight.retain(|table, _| design.table(*table).is_some());
    highlight
}

impl Review {
    /// Reviews the store's design now and after every edit.
    pub fn new(store: Store) -> Self {
        // Which edit the findings are for: `wanted` counts edits, `ran` catches up when the
        // browser is idle; `reviewed` is the `ran` the last review was run for.
        let wanted = RwSignal::new(0u64);
        let ran = RwSignal::new(0u64);
        let reviewed = StoredValue::new(0u64);
        let incremental = StoredValue::new(IncrementalReview::new());
        let pause = Pause::new();
        let run = move |design: &Design| {
            incremental
                .try_update_value(|incremental| run(incremental, design))
                .unwrap_or_else(|| Arc::new(Outcome::default()))
        };
        Effect::new(move |previous: Option<()>| {
            store.design.track();
            if previous.is_some() {
                wanted.update(|count| *count += 1);
                pause.after(store.design.with_untracked(review_quiet_ms), move || {
                    let latest = wanted.get_untracked();
                    if ran.get_untracked() != latest {
                        ran.set(latest);
                    }
                });
            }
        });
        let outcome = Memo::new(move |previous: Option<&Arc<Outcome>>| {
            let turn = ran.get();
            match previous {
                Some(previous) if reviewed.get_value() == turn => Arc::clone(previous),
                _ => {
                    reviewed.set_value(turn);
                    store.design.with_untracked(run)
                }
            }
        });
        let findings = Memo::new(move |_| outcome.with(|found| Arc::clone(&found.findings)));
        let current = Memo::new(move |_| {
            outcome.track();
            ran.get() == wanted.get()
        });
        let badges = Memo::new(move |_| {
            findings.with(|findings| {
                Arc::new(
                    store
                        .design
                        .with_untracked(|design| badges(design, findings)),
                )
            })
        });
        let selected = RwSignal::new(None::<FindingKey>);
        let highlight = Memo::new(move |_| {
            let Some(key) = selected.get() else {
                return Arc::new(Highlight::new());
            };
            findings.with(|findings| {
                let found = findings
                    .iter()
                    .find(|finding| finding.code == key.code && finding.objects == key.objects);
                Arc::new(found.map_or_else(Highlight::new, |finding| {
                    store
                        .design
                        .with_untracked(|design| highlight_of(design, finding))
                }))
            })
        });
        // Selecting something else on the canvas ends the finding's highlight.
        let chosen = StoredValue::new(None::<Selection>);
        Effect::new(move |_| {
            let selection = store.selection.get();
            let ours = chosen.with_value(|chosen| chosen.as_ref() == Some(&selection));
            if !ours && selected.with_untracked(Option::is_some) {
                selected.set(None);
                chosen.set_value(None);
            }
        });
        Self {
            outcome,
            findings,
            current,
            badges,
            selected,
            highlight,
            chosen,
        }
    }

    /// What the panels show as their `data-state`: "current" when the findings and advice are
    /// those of the design as it is now, "pending" while the review waits.
    pub fn state(&self) -> &'static str {
        if self.current.get() {
            "current"
        } else {
            "pending"
        }
    }

    /// Selects a finding: its tables become the store's selection, the canvas outlines them and
    /// marks its columns, and the view moves to its table when that is not wholly in view.
    pub fn select(&self, store: Store, finding: &Finding) -> Selection {
        if let (Some(state), Some(scene)) = (use_context::<CanvasState>(), use_context::<Scene>())
            && let Some(table) = store.design.with_untracked(|design| finding.table(design))
        {
            reveal_table(state, scene, table, REVEAL_SCALE);
        }
        let tables = store
            .design
            .with_untracked(|design| highlight_of(design, finding));
        let selection = Selection::of_tables(tables.keys().copied());
        self.chosen.set_value(Some(selection.clone()));
        self.selected.set(Some(FindingKey::of(finding)));
        if store.selection.with_untracked(|now| *now != selection) {
            store.selection.set(selection.clone());
        }
        selection
    }
}
