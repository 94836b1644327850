//! Diagram and document exports of a design: Mermaid `erDiagram`, and the design's
//! architecture decision records as Markdown.

mod adr;
mod mermaid;

pub use adr::to_adr_markdown;
pub use mermaid::to_mermaid;
