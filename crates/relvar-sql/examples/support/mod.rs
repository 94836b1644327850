//! What the real-engine runners share: running scripts on the engines, comparing what an engine
//! holds with what was written, the differential oracle, and the schema generator
//! (`engine_roundtrip`, `engine_generated`).

#![allow(dead_code)] // each runner uses its part

pub mod compare;
pub mod differential;
pub mod engines;
pub mod generate;
