//! Exercises and examples from Elmasri and Navathe, Fundamentals of Database Systems, 7th
//! edition, chapter 14 (Basics of Functional Dependencies and Normalization), with their
//! published answers. (In the 6th edition the chapter is 15 and the exercises 15.x.)

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
use support::{keys, lost, published, schemas, textbook};

#[test]
fn exercise_14_19_key_ab_and_the_3nf_relations() {
    // R = {A, B, C, D, E, F, G, H, I, J}, F = {AB -> C, A -> DE, B -> F, F -> GH, D -> IJ}.
    // Published answer: the key is AB; 3NF: R1(A, B, C), R2(A, D, E), R3(D, I, J), R4(B, F),
    // R5(F, G, H).
    let relation = textbook(
        "A B C D E F G H I J",
        "A, B -> C\nA -> D, E\nB -> F\nF -> G, H\nD -> I, J",
    );
    assert_eq!(keys(&relation), published(&["A B"]));
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::First);
    let result = synthesize_3nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A B C", "A D E", "D I J", "B F", "F G H"])
    );
}

#[test]
fn exercise_14_20_key_abd_and_the_3nf_relations_with_a_key_relation() {
    // G = {AB -> C, BD -> EF, AD -> GH, A -> I, H -> J}. Published answer: the key is ABD;
    // 3NF: R1(A, B, C), R2(B, D, E, F), R3(A, D, G, H), R4(A, I), R5(H, J), R6(A, B, D).
    let relation = textbook(
        "A B C D E F G H I J",
        "A, B -> C\nB, D -> E, F\nA, D -> G, H\nA -> I\nH -> J",
    );
    assert_eq!(keys(&relation), published(&["A B D"]));
    let result = synthesize_3nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["A B C", "B D E F", "A D G H", "A I", "H J", "A B D"])
    );
    assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
}

#[test]
fn exercise_14_27_course_schedule_keys_and_its_partial_dependency() {
    // R = {Course_no, Sec_no, Offering_dept, Credit_hours, Course_level, Instructor_ssn,
    // Semester, Year, Days_hours, Room_no, No_of_students}. Published answer: the keys are
    // {Course_no, Sec_no, Semester, Year} and {Room_no, Days_hours, Semester, Year}; Course_no
    // -> Offering_dept, Credit_hours, Course_level is a partial dependency, so R is not in 2NF.
    let relation = textbook(
        "Course_no Sec_no Offering_dept Credit_hours Course_level Instructor_ssn Semester Year Days_hours Room_no No_of_students",
        "Course_no -> Offering_dept, Credit_hours, Course_level
         Course_no, Sec_no, Semester, Year -> Days_hours, Room_no, No_of_students, Instructor_ssn
         Room_no, Days_hours, Semester, Year -> Instructor_ssn, Course_no, Sec_no",
    );
    assert_eq!(
        keys(&relation),
        published(&[
            "Course_no Sec_no Semester Year",
            "Room_no Days_hours Semester Year"
        ])
    );
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::First);
    assert_eq!(
        analysis.violations[0].explanation,
        "Course_no -> Offering_dept, Credit_hours, Course_level: Course_no is only part of the candidate key {Course_no, Sec_no, Semester, Year} and Offering_dept, Credit_hours, Course_level are not part of any candidate key, so this partial dependency violates 2NF"
    );
}

fn lots() -> relvar_normalize::Relation {
    textbook(
        "property_id county_name lot_no area price tax_rate",
        "property_id -> county_name, lot_no, area, price, tax_rate
         county_name, lot_no -> property_id, area, price, tax_rate
         county_name -> tax_rate
         area -> price",
    )
}

#[test]
fn section_14_4_lots_violates_2nf_and_3nf_and_normalizes_to_three_relations() {
    // Section 14.4 (Figures 14.11 and 14.12), LOTS with FD1..FD4: candidate keys Property_id#
    // and {County_name, Lot#}; FD3 County_name -> Tax_rate violates 2NF, FD4 Area -> Price
    // violates 3NF; the 3NF relations are LOTS1A(Property_id#, County_name, Lot#, Area),
    // LOTS1B(Area, Price), LOTS2(County_name, Tax_rate).
    let relation = lots();
    assert_eq!(
        keys(&relation),
        published(&["property_id", "county_name lot_no"])
    );
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::First);
    let explanations: Vec<&str> = analysis
        .violations
        .iter()
        .map(|v| v.explanation.as_str())
        .collect();
    assert_eq!(
        explanations,
        [
            "county_name -> tax_rate: county_name is only part of the candidate key {county_name, lot_no} and tax_rate is not part of any candidate key, so this partial dependency violates 2NF",
            "area -> price: area is not a superkey and price is not part of any candidate key, so this violates 3NF",
        ]
    );
    let result = synthesize_3nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&[
            "property_id county_name lot_no area",
            "area price",
            "county_name tax_rate"
        ])
    );
}

#[test]
fn section_14_5_lots1a_with_area_to_county_is_3nf_and_splits_into_lots1ax_and_lots1ay() {
    // Section 14.5 (Figure 14.13): LOTS1A with FD5 Area -> County_name is in 3NF but not in
    // BCNF; it is decomposed into LOTS1AX(Property_id#, Area, Lot#) and LOTS1AY(Area,
    // County_name), which loses FD2 (County_name, Lot# -> Property_id#, Area).
    let relation = textbook(
        "property_id county_name lot_no area",
        "property_id -> county_name, lot_no, area
         county_name, lot_no -> property_id, area
         area -> county_name",
    );
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Third);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["property_id area lot_no", "area county_name"])
    );
    assert_eq!(
        lost(&relation, &result),
        ["county_name, lot_no -> property_id, area"]
    );
}

#[test]
fn section_14_5_teach_decomposes_into_instructor_course_and_instructor_student_losing_fd1() {
    // Section 14.5.1 (Figure 14.14): TEACH(Student, Course, Instructor) with FD1 {Student,
    // Course} -> Instructor and FD2 Instructor -> Course is in 3NF, not BCNF; the decomposition
    // {Instructor, Course} and {Instructor, Student} is lossless but loses FD1.
    let relation = textbook(
        "student course instructor",
        "student, course -> instructor\ninstructor -> course",
    );
    assert_eq!(
        keys(&relation),
        published(&["student course", "student instructor"])
    );
    assert_eq!(analyse(&relation, 100).normal_form, NormalForm::Third);
    let result = decompose_bcnf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["instructor course", "instructor student"])
    );
    assert_eq!(lost(&relation, &result), ["student, course -> instructor"]);
}

#[test]
fn section_14_6_emp_with_two_independent_mvds_splits_into_emp_projects_and_emp_dependents() {
    // Section 14.6 (Figure 14.15): EMP(Ename, Pname, Dname) with Ename ->> Pname and
    // Ename ->> Dname is not in 4NF; it is decomposed into EMP_PROJECTS(Ename, Pname) and
    // EMP_DEPENDENTS(Ename, Dname).
    let relation = textbook("ename pname dname", "ename ->> pname\nename ->> dname");
    let analysis = analyse(&relation, 100);
    assert_eq!(analysis.normal_form, NormalForm::BoyceCodd);
    assert_eq!(
        analysis.violations[0].explanation,
        "ename ->> pname: ename is not a superkey, so this multivalued dependency violates 4NF"
    );
    let result = decompose_4nf(&relation);
    assert_eq!(
        schemas(&relation, &result),
        published(&["ename pname", "ename dname"])
    );
    assert_eq!(is_lossless(&relation, &result.schemas()), Ok(true));
}
