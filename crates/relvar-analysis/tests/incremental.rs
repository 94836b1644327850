//! The incremental review equals the full review after every step of random edit sequences
//! (every kind of command, valid or refused, with undo and redo between them) on random designs,
//! on every rule's trigger fixtures and on the corpus schemas.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use std::sync::LazyLock;

use proptest::prelude::*;
use relvar_analysis::{IncrementalReview, ReviewOptions, review_with_advice};
use relvar_model::testing::edits::{Recipe, command, recipe};
use relvar_model::testing::{build, design_seed};
use relvar_model::{Design, History};
use relvar_sql::import_sql;
use support::{FIXTURES, corpus, corpus_text, import_fixture};

/// What one step does: an edit from the recipe, or an undo, or a redo.
fn step(history: &mut History, design: &mut Design, recipe: &Recipe) {
    match recipe.picks[3] % 8 {
        0 => {
            let _ = history.undo(design);
        }
        1 => {
            let _ = history.redo(design);
        }
        _ => {
            let edit = command(design, recipe);
            let _ = history.apply(design, edit);
        }
    }
}

fn same_as_full(
    incremental: &mut IncrementalReview,
    design: &Design,
    after: &str,
) -> Result<(), TestCaseError> {
    let options = ReviewOptions::of(design);
    let full = review_with_advice(design, &options, None);
    let found = incremental.review_with_advice(design, &options, None);
    prop_assert!(
        found == full,
        "after {after}: incremental {found:#?}\nfull {full:#?}"
    );
    Ok(())
}

fn edited_throughout(start: Design, recipes: &[Recipe]) -> Result<(), TestCaseError> {
    let mut design = start;
    let mut history = History::default();
    let mut incremental = IncrementalReview::new();
    same_as_full(&mut incremental, &design, "the start")?;
    for (number, recipe) in recipes.iter().enumerate() {
        step(&mut history, &mut design, recipe);
        same_as_full(
            &mut incremental,
            &design,
            &format!("step {number}: {recipe:?}"),
        )?;
    }
    Ok(())
}

/// Every rule's trigger fixtures: designs on which each rule has findings.
static FIXTURE_DESIGNS: LazyLock<Vec<Design>> = LazyLock::new(|| {
    let mut designs = Vec::new();
    for rule in std::fs::read_dir(FIXTURES).unwrap() {
        for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("triggers") && name.ends_with(".sql") {
                designs.push(import_fixture(&std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    designs.sort_by_key(|design| design.tables.len());
    designs
});

static CORPUS_DESIGNS: LazyLock<Vec<Design>> = LazyLock::new(|| {
    corpus()
        .into_iter()
        .map(|(file, dialect)| import_sql(&corpus_text(&file), dialect).design)
        .collect()
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn on_random_designs(seed in design_seed(), recipes in prop::collection::vec(recipe(), 1..30)) {
        edited_throughout(build(&seed), &recipes)?;
    }

    #[test]
    fn on_rule_fixtures(which in any::<prop::sample::Index>(), recipes in prop::collection::vec(recipe(), 1..30)) {
        edited_throughout(which.get(&FIXTURE_DESIGNS).clone(), &recipes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn on_corpus_schemas(which in any::<prop::sample::Index>(), recipes in prop::collection::vec(recipe(), 1..12)) {
        edited_throughout(which.get(&CORPUS_DESIGNS).clone(), &recipes)?;
    }
}
