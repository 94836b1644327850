//! `relvar normalize` on small schemas written by the tests: the report (dependencies, keys,
//! normal form, violations, decompositions) and its refusals.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

#[test]
fn normalize_reports_keys_normal_form_violations_and_decompositions() {
    let file = scratch(
        "enrolment.sql",
        "CREATE TABLE enrolment (\n  student text, course text, hobby text, teacher text, zip text,\n  city text, PRIMARY KEY (student, course, hobby)\n);\n",
    );
    let output = relvar(&[
        "normalize",
        &file,
        "--table",
        "enrolment",
        "--fd",
        "course -> teacher",
        "--fd",
        "student -> zip",
        "--fd",
        "zip -> city",
        "--fd",
        "student ->> hobby",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Table enrolment (student, course, hobby, teacher, zip, city)
Dependencies:
  course -> teacher
  student -> zip
  zip -> city
  student, course, hobby -> teacher, zip, city   (key)
  student ->> hobby
Candidate keys: {student, course, hobby}
Prime attributes: student, course, hobby
Normal form: 1NF
Violations:
  2NF: course -> teacher: course is only part of the candidate key {student, course, hobby} and teacher is not part of any candidate key, so this partial dependency violates 2NF
  2NF: student -> zip: student is only part of the candidate key {student, course, hobby} and zip is not part of any candidate key, so this partial dependency violates 2NF
  3NF: zip -> city: zip is not a superkey and city is not part of any candidate key, so this violates 3NF
  4NF: student ->> hobby: student is not a superkey, so this multivalued dependency violates 4NF
3NF synthesis (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  students(student, zip) key {student}
  zips(zip, city) key {zip}
  enrolment(student, course, hobby) key {student, course, hobby}
BCNF decomposition (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  zips(zip, city) key {zip}
  students(student, zip) key {student}
  enrolment(student, course, hobby) key {student, course, hobby}
4NF decomposition (lossless, preserves every dependency):
  courses(course, teacher) key {course}
  zips(zip, city) key {zip}
  students(student, zip) key {student}
  enrolment(student, hobby) key {student, hobby}
  enrolment_student_course(student, course) key {student, course}
"
    );
}

#[test]
fn normalize_refuses_unknown_tables_and_unreadable_dependencies() {
    let file = scratch("t.sql", "CREATE TABLE t (a int PRIMARY KEY, b int);\n");
    let missing = relvar(&["normalize", &file, "--table", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("there is no table named nope"));
    let unknown = relvar(&["normalize", &file, "--table", "t", "--fd", "a -> c"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert_eq!(
        stderr(&unknown),
        "relvar: --fd 1 (\"a -> c\"), column 6: there is no column named c\n"
    );
    let plain = relvar(&["normalize", &file, "--table", "t"]);
    assert!(
        stdout(&plain).contains("Normal form: 4NF\n"),
        "{}",
        stdout(&plain)
    );
}
