//! Exercises and examples from Garcia-Molina, Ullman and Widom, Database Systems: The Complete
//! Book, 2nd edition, chapter 3 (Design Theory for Relational Databases), with their published
//! answers (the book and the authors' solutions to selected exercises).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use relvar_normalize::{
    NormalForm, analyse, decompose_4nf, decompose_bcnf, is_lossless, synthesize_3nf,
};
use support::{is_bcnf, keys, lost, published, schemas, textbook};

#[test]
fn exercise_3_2_1_the_keys_of_r_are_ab_bc_and_bd() {
    // R(A, B, C, D) with AB -> C, C -> D, D -> A. Published answer: keys AB, BC, BD.
    let relation = textbook("A B C D", "A, B -> C\nC -> D\nD -> A");
    assert_eq!(keys(&relation), published(&["A B", "B C", "B D"]));
}

#[test]
fn exercise_3_2_2_the_keys_of_s_t_and_u() {
    // i) S(A, B, C, D) with A -> B, B -> C, B -> D: key A.
    // ii) T(A, B, C, D) with AB -> C, BC -> D, CD -> A, AD -> B: keys AB, AD, BC, CD.
    // iii) U(A, B, C, D) with A -> B, B -> C, C -> D, D -> A: keys A, B, C, D.
    let s = textbook("A B C D", "A -> B\nB -> C\nB -> D");
    assert_eq!(keys(&s), published(&["A"]));
    let t = textbook("A B C D", "A, B -> C\nB, C -> D\nC, D -> A\nA, D -> B");
    assert_eq!(keys(&t), published(&["A B", "A D", "B C", "C D"]));
    let u = textbook("A B C D", "A -> B\nB -> C\nC -> D\nD -> A");
    assert_eq!(keys(&u), published(&["A", "B", "C", "D"]));
}

#[test]
fn exercise_3_3_1_a_decomposes_into_ad_cd_and_bc() {
    // R(A, B, C, D) with AB -> C, C -> D, D -> A. Published answer: C -> D and D -> A violate
    // BCNF; decomposing on C -> D gives ACD and BC, and ACD on D -> A gives AD and CD.
    let relation = textbook("A B C D", "A, B -> C\nC -> D\nD -> A");
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::Third);
    let violating: Vec<String> = analysis
        .violations
        .iter()
        .map(|v| v.explanation.split(':').next().unwrap().to_owned())
        .collect();
    assert_eq!(violating, ["C -> D", "D -> A"]);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A D", "C D", "B C"])
    );
    assert_eq!(lost(&relation, &result), ["A, B -> C"]);
}

#[test]
fn exercise_3_3_1_b_decomposes_into_bcd_and_ab() {
    // R(A, B, C, D) with B -> C, B -> D. Published answer: the key is AB, both FDs violate
    // BCNF; the decomposition is BCD and AB.
    let relation = textbook("A B C D", "B -> C\nB -> D");
    assert_eq!(keys(&relation), published(&["A B"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::First);
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["B C D", "A B"]));
    assert!(result.lost.is_empty());
}

#[test]
fn exercise_3_3_1_c_and_d_are_already_in_bcnf() {
    // c) AB -> C, BC -> D, CD -> A, AD -> B and d) A -> B, B -> C, C -> D, D -> A: every left
    // side is a key, so there are no BCNF violations and nothing to decompose.
    for dependencies in [
        "A, B -> C\nB, C -> D\nC, D -> A\nA, D -> B",
        "A -> B\nB -> C\nC -> D\nD -> A",
    ] {
        let relation = textbook("A B C D", dependencies);
        let analysis = analyse(&relation, 100);
        assert!(analysis.violations.is_empty());
        assert_eq!(analysis.normal_form, NormalForm::Fourth);
        assert_eq!(decompose_bcnf(&relation).components.len(), 1);
    }
}

#[test]
fn exercise_3_3_1_e_decomposes_into_abc_bd_and_abe() {
    // R(A, B, C, D, E) with AB -> C, DE -> C, B -> D. Published answer: the key is ABE; all
    // three FDs violate BCNF; decomposing on AB -> C (AB+ = ABCD) gives ABCD and ABE, and
    // ABCD on B -> D gives BD and ABC.
    let relation = textbook("A B C D E", "A, B -> C\nD, E -> C\nB -> D");
    assert_eq!(keys(&relation), published(&["A B E"]));
    assert_eq!(analyse(&relation, 100).violations.len(), 3);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A B C", "B D", "A B E"])
    );
    assert_eq!(lost(&relation, &result), ["D, E -> C"]);
}

#[test]
fn exercise_3_3_1_f_decomposes_into_ac_bde_and_cd() {
    // R(A, B, C, D, E) with AB -> C, C -> D, D -> B, D -> E. Published answer: keys AB, AC,
    // AD; C -> D, D -> B and D -> E violate BCNF; decomposing on C -> D (C+ = BCDE) gives BCDE
    // and AC, and BCDE on D -> B (D+ = BDE) gives BDE and CD.
    let relation = textbook("A B C D E", "A, B -> C\nC -> D\nD -> B\nD -> E");
    assert_eq!(keys(&relation), published(&["A B", "A C", "A D"]));
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A C", "B D E", "C D"])
    );
    assert_eq!(lost(&relation, &result), ["A, B -> C"]);
}

#[test]
fn section_3_3_movies1_splits_off_the_movie_facts_from_the_stars() {
    // Section 3.3 (Movies1): title, year -> length, genre, studioName violates BCNF since the
    // key is {title, year, starName}; the decomposition is {title, year, length, genre,
    // studioName} and {title, year, starName}.
    let relation = textbook(
        "title year length genre studioName starName",
        "title, year -> length, genre, studioName",
    );
    assert_eq!(keys(&relation), published(&["title year starName"]));
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["title year length genre studioName", "title year starName"])
    );
}

#[test]
fn section_3_4_the_chase_shows_ad_ac_bcd_lossless() {
    // Section 3.4.2 (the chase test): R(A, B, C, D) with A -> B, B -> C, CD -> A decomposed
    // into {A, D}, {A, C}, {B, C, D}: the chase reaches a row without subscripts, so the join is
    // lossless. Without CD -> A it is not.
    let relation = textbook("A B C D", "A -> B\nB -> C\nC, D -> A");
    let set = |names: &[&str]| relation.set_of(names).unwrap();
    let parts = [set(&["A", "D"]), set(&["A", "C"]), set(&["B", "C", "D"])];
    assert_eq!(is_lossless(&relation, &parts), Ok(true));
    let weaker = textbook("A B C D", "A -> B\nB -> C");
    assert_eq!(is_lossless(&weaker, &parts), Ok(false));
}

#[test]
fn section_3_5_synthesis_of_abcde_adds_a_key_relation() {
    // Section 3.5.2 (the 3NF synthesis algorithm): R(A, B, C, D, E) with AB -> C, C -> B,
    // A -> D. The minimal cover gives ABC, BC (inside ABC) and AD; no relation holds a key
    // (the keys are ABE and ACE), so one is added: ABC, AD and ABE (or ACE).
    let relation = textbook("A B C D E", "A, B -> C\nC -> B\nA -> D");
    assert_eq!(keys(&relation), published(&["A B E", "A C E"]));
    let result = synthesize_3nf(&relation);
    let found = schemas(&relation, &result);
    assert!(
        found == published(&["A B C", "A D", "A B E"])
            || found == published(&["A B C", "A D", "A C E"]),
        "{found:?}"
    );
    assert!(result.lost.is_empty());
    assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
}

#[test]
fn exercise_3_6_3_a_two_mvds_split_r_into_ab_ac_and_ad() {
    // R(A, B, C, D) with A ->> B and A ->> C. Published answer: both violate 4NF; decomposing
    // on A ->> B gives AB and ACD, and ACD on A ->> C gives AC and AD.
    let relation = textbook("A B C D", "A ->> B\nA ->> C");
    assert_eq!(analyse(&relation, 100).violations.len(), 2);
    let result = decompose_4nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A B", "A C", "A D"])
    );
    assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
    assert!(
        result
            .components
            .iter()
            .all(|component| is_bcnf(&relation.fds, &component.attributes))
    );
}
