//! The repository's own rules, checked as a test: every Rust module opens with a //! line, no
//! source file is over 600 lines, no test is ignored, and each crate's Cargo description is its
//! crate documentation's first paragraph.
//!
//! In the manner of rust-analyzer's tidy test: conventions that reviews would otherwise have to
//! remember, kept by `cargo test`.

#[cfg(test)]
mod tests;
