//! Functional dependencies of a relation: discovered from sample rows (`discover`).

pub mod discover;
