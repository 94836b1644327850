//! What the real-engine runners share: the corpus files, running scripts on the engines,
//! comparing what an engine holds with what was written, the differential oracle, and the
//! schema generator
//! (`engine_roundtrip`, `engine_generated`, `catalog_roundtrip`).

#![allow(dead_code)] // each runner uses its part

pub mod compare;
pub mod corpus;
pub mod differential;
pub mod engines;
pub mod generate;
