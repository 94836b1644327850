//! The artefacts written from a design besides its DDL (which relvar-sql writes beside its import):
//! the Mermaid erDiagram and the architecture decision records as Markdown; the home of its
//! documents, DBML and ORM schemas.

mod adr;
mod mermaid;

pub use adr::to_adr_markdown;
pub use mermaid::to_mermaid;
