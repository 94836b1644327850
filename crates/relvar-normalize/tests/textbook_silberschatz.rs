//! Exercises and examples from Silberschatz, Korth and Sudarshan, Database System Concepts,
//! 6th edition, chapter 8 (Relational Database Design), with their published answers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use relvar_normalize::{
    NormalForm, analyse, canonical_cover, decompose_bcnf, is_lossless, synthesize_3nf,
};
use support::{keys, lost, published, schemas, textbook};

/// Practice Exercise 8.1 (and 8.6, 8.7 and the decomposition exercises that reuse it):
/// R = (A, B, C, D, E) with F = {A -> BC, CD -> E, B -> D, E -> A}.
fn exercise_8_1() -> relvar_normalize::Relation {
    textbook("A B C D E", "A -> B, C\nC, D -> E\nB -> D\nE -> A")
}

#[test]
fn practice_8_6_the_candidate_keys_are_a_bc_cd_and_e() {
    // Published answer: the candidate keys are A, BC, CD and E.
    assert_eq!(keys(&exercise_8_1()), published(&["A", "B C", "C D", "E"]));
}

#[test]
fn practice_8_1_abc_ade_is_lossless_and_the_later_exercise_abc_cde_is_not() {
    // Practice Exercise 8.1: (A, B, C), (A, D, E) is lossless since A -> ABC.
    // The exercise after it in the chapter: (A, B, C), (C, D, E) is not lossless.
    let relation = exercise_8_1();
    let set = |names: &[&str]| relation.set_of(names).unwrap();
    assert_eq!(
        is_lossless(&relation, &[set(&["A", "B", "C"]), set(&["A", "D", "E"])]),
        Ok(true)
    );
    assert_eq!(
        is_lossless(&relation, &[set(&["A", "B", "C"]), set(&["C", "D", "E"])]),
        Ok(false)
    );
}

#[test]
fn practice_8_7_the_canonical_cover_is_f_itself() {
    // Published answer: no attribute is extraneous and no dependency redundant, so the canonical
    // cover is A -> BC, CD -> E, B -> D, E -> A.
    let relation = exercise_8_1();
    let cover: Vec<String> = canonical_cover(&relation.fds)
        .iter()
        .map(|fd| relation.show_fd(fd))
        .collect();
    assert_eq!(cover, ["A -> B, C", "C, D -> E", "B -> D", "E -> A"]);
}

#[test]
fn the_bcnf_decomposition_of_exercise_8_1_is_abce_and_bd() {
    // Published answer to the BCNF decomposition of the schema of Practice Exercise 8.1:
    // B -> D is nontrivial and B is not a superkey, giving (A, B, C, E) and (B, D).
    let relation = exercise_8_1();
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::Third);
    assert_eq!(
        analysis.violations[0].explanation,
        "B -> D: B is not a superkey, so this violates BCNF (D is part of a candidate key, so 3NF allows it)"
    );
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["A B C E", "B D"]));
    assert_eq!(lost(&relation, &result), ["C, D -> E"]);
}

#[test]
fn the_3nf_synthesis_of_exercise_8_1_is_abc_cde_bd_ea() {
    // Published answer to the 3NF decomposition of the schema of Practice Exercise 8.1:
    // r1(A, B, C), r2(C, D, E), r3(B, D), r4(E, A); r1 holds the key A, so no key relation.
    let relation = exercise_8_1();
    let result = synthesize_3nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A B C", "C D E", "B D", "A E"])
    );
    assert!(result.lost.is_empty());
}

#[test]
fn section_8_3_4_dept_advisor_is_in_3nf_but_not_bcnf() {
    // Section 8.3.4: dept_advisor(s_ID, i_ID, dept_name) with i_ID -> dept_name and
    // s_ID, dept_name -> i_ID is in 3NF (dept_name is in the key {s_ID, dept_name}) but not in
    // BCNF; decomposing it into BCNF cannot preserve s_ID, dept_name -> i_ID.
    let relation = textbook(
        "s_ID i_ID dept_name",
        "i_ID -> dept_name\ns_ID, dept_name -> i_ID",
    );
    assert_eq!(keys(&relation), published(&["s_ID dept_name", "s_ID i_ID"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Third);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["i_ID dept_name", "s_ID i_ID"])
    );
    assert_eq!(lost(&relation, &result), ["s_ID, dept_name -> i_ID"]);
}
