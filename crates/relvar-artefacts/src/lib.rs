//! The artefacts written from a design besides its DDL (which relvar-sql writes beside its import):
//! the Mermaid erDiagram, the architecture decision records as Markdown, the data dictionary
//! (Markdown, and HTML in one file) with each column's suggested classification; the home of its
//! documents, DBML and ORM schemas.

mod adr;
pub mod classification;
pub mod dictionary;
mod mermaid;

pub use adr::to_adr_markdown;
pub use dictionary::{dictionary_html, dictionary_markdown};
pub use mermaid::to_mermaid;
