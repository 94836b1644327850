//! Exercises from Ramakrishnan and Gehrke, Database Management Systems, 3rd edition, chapter 19
//! (Schema Refinement and Normal Forms), with their published answers (the solutions manual).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use relvar_normalize::{NormalForm, Relation, analyse, decompose_bcnf, is_lossless, restrict};
use support::{is_bcnf, keys, lost, published, schemas, textbook};

#[test]
fn exercise_19_2_keys_cde_acd_bcd_in_3nf_not_bcnf() {
    // R = ABCDE with A -> B, BC -> E, ED -> A. Published answer: the keys are CDE, ACD, BCD; R is
    // in 3NF (every attribute is prime) but not in BCNF.
    let relation = textbook("A B C D E", "A -> B\nB, C -> E\nE, D -> A");
    assert_eq!(keys(&relation), published(&["C D E", "A C D", "B C D"]));
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::Third);
    assert_eq!(analysis.prime, relation.all());
}

/// Exercise 19.8: R = ABCD under five sets of dependencies.
fn exercise_19_8(dependencies: &str) -> Relation {
    textbook("A B C D", dependencies)
}

#[test]
fn exercise_19_8_1_key_b_2nf_and_a_lossless_preserving_bcnf_split() {
    // C -> D, C -> A, B -> C. Published answer: key B; 2NF, not 3NF; C -> D and C -> A violate
    // BCNF; a lossless, dependency-preserving BCNF decomposition exists (the manual gives AC,
    // BC, CD; splitting on C+ gives ACD and BC, equally valid).
    let relation = exercise_19_8("C -> D\nC -> A\nB -> C");
    assert_eq!(keys(&relation), published(&["B"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Second);
    let result = decompose_bcnf(&relation);
    assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
    assert!(result.lost.is_empty());
    assert!(
        result
            .components
            .iter()
            .all(|c| is_bcnf(&relation.fds, &c.attributes))
    );
    assert_eq!(schemas(&relation, &result), published(&["A C D", "B C"]));
}

#[test]
fn exercise_19_8_2_key_bd_1nf_and_ad_bc_bd() {
    // B -> C, D -> A. Published answer: key BD; 1NF, not 2NF; decomposition AD, BC, BD.
    let relation = exercise_19_8("B -> C\nD -> A");
    assert_eq!(keys(&relation), published(&["B D"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::First);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A D", "B C", "B D"])
    );
    assert!(result.lost.is_empty());
}

#[test]
fn exercise_19_8_3_keys_abc_bcd_3nf_and_ad_bcd_loses_abc_to_d() {
    // ABC -> D, D -> A. Published answer: keys ABC and BCD; 3NF, not BCNF; AD, BCD does not
    // preserve ABC -> D.
    let relation = exercise_19_8("A, B, C -> D\nD -> A");
    assert_eq!(keys(&relation), published(&["A B C", "B C D"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Third);
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["A D", "B C D"]));
    assert_eq!(lost(&relation, &result), ["A, B, C -> D"]);
}

#[test]
fn exercise_19_8_4_key_a_2nf_and_bcd_abc() {
    // A -> B, BC -> D, A -> C. Published answer: key A; 2NF, not 3NF (BC -> D); decomposition
    // BCD, ABC.
    let relation = exercise_19_8("A -> B\nB, C -> D\nA -> C");
    assert_eq!(keys(&relation), published(&["A"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Second);
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["B C D", "A B C"]));
    assert!(result.lost.is_empty());
}

#[test]
fn exercise_19_8_5_keys_ab_bc_cd_ad_3nf_and_ac_bd_cd_losing_ab_to_cd() {
    // AB -> C, AB -> D, C -> A, D -> B. Published answer: keys AB, BC, CD, AD; 3NF, not BCNF;
    // decomposing gives AC, BD, CD, which loses AB -> C and AB -> D.
    let relation = exercise_19_8("A, B -> C\nA, B -> D\nC -> A\nD -> B");
    assert_eq!(keys(&relation), published(&["A B", "B C", "C D", "A D"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Third);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A C", "B D", "C D"])
    );
    assert_eq!(lost(&relation, &result), ["A, B -> C", "A, B -> D"]);
}

/// Exercise 19.7: R = ABCDEGH with F = {AB -> C, AC -> B, AD -> E, B -> D, BC -> A, E -> G};
/// each part takes the relation on a subset of the attributes, with the dependencies that hold
/// there.
fn exercise_19_7(attributes: &[&str]) -> Relation {
    let whole = textbook(
        "A B C D E G H",
        "A, B -> C\nA, C -> B\nA, D -> E\nB -> D\nB, C -> A\nE -> G",
    );
    restrict(&whole, &whole.set_of(attributes).unwrap()).unwrap()
}

fn cover(relation: &Relation) -> Vec<String> {
    relvar_normalize::minimal_cover(&relation.fds)
        .iter()
        .map(|fd| relation.show_fd(fd))
        .collect()
}

#[test]
fn exercise_19_7_1_abc_has_three_keys_and_is_in_bcnf() {
    // ABC: minimal cover AB -> C, AC -> B, BC -> A; keys AB, AC, BC; BCNF.
    let relation = exercise_19_7(&["A", "B", "C"]);
    assert_eq!(cover(&relation), ["A, B -> C", "A, C -> B", "B, C -> A"]);
    assert_eq!(keys(&relation), published(&["A B", "A C", "B C"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Fourth);
}

#[test]
fn exercise_19_7_2_abcd_is_1nf_and_splits_into_abc_and_bd() {
    // ABCD: minimal cover AB -> C, AC -> B, B -> D, BC -> A; keys AB, AC, BC; B -> D is a
    // partial dependency, so 1NF; BCNF decomposition ABC, BD.
    let relation = exercise_19_7(&["A", "B", "C", "D"]);
    let mut found = cover(&relation);
    found.sort();
    assert_eq!(found, ["A, B -> C", "A, C -> B", "B -> D", "B, C -> A"]);
    assert_eq!(keys(&relation), published(&["A B", "A C", "B C"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::First);
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["A B C", "B D"]));
}

#[test]
fn exercise_19_7_4_dcegh_has_key_cdeh_and_splits_into_eg_and_cdeh() {
    // DCEGH: minimal cover E -> G; key CDEH; 1NF; BCNF decomposition EG, CDEH.
    let relation = exercise_19_7(&["C", "D", "E", "G", "H"]);
    assert_eq!(cover(&relation), ["E -> G"]);
    assert_eq!(keys(&relation), published(&["C D E H"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::First);
    let result = decompose_bcnf(&relation);
    assert_eq!(schemas(&relation, &result), published(&["E G", "C D E H"]));
}
