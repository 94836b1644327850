//! Diagram and document exports of a design. Today: Mermaid `erDiagram`.

mod mermaid;

pub use mermaid::to_mermaid;
