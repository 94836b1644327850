//! Architecture decision records as Markdown: the design's decisions, numbered in order, each
//! with its status and date, then its context, decision and consequences (Michael Nygard's
//! template). Sections left empty say so rather than vanish, so a reader sees what is missing.

use std::fmt::Write;

use relvar_model::{Decision, Design};

/// Writes every decision of the design as one Markdown document.
pub fn to_adr_markdown(design: &Design) -> String {
    let mut out = format!("# Architecture decisions: {}\n", one_line(&design.name));
    if design.decisions.is_empty() {
        out.push_str("\nNo decision is recorded for this design yet.\n");
        return out;
    }
    for (position, decision) in design.decisions.iter().enumerate() {
        write_decision(&mut out, position + 1, decision);
    }
    out
}

fn write_decision(out: &mut String, number: usize, decision: &Decision) {
    let _ = writeln!(out, "\n## ADR {number:03}: {}\n", one_line(&decision.title));
    let _ = writeln!(out, "- Status: {}", decision.status.label());
    if !decision.date.trim().is_empty() {
        let _ = writeln!(out, "- Date: {}", one_line(&decision.date));
    }
    for (heading, text) in [
        ("Context", &decision.context),
        ("Decision", &decision.decision),
        ("Consequences", &decision.consequences),
    ] {
        let _ = write!(out, "\n### {heading}\n\n");
        let body = text.trim();
        if body.is_empty() {
            out.push_str("_Not written yet._\n");
        } else {
            out.push_str(body);
            out.push('\n');
        }
    }
}

/// Text for a heading or a list item: its lines joined by spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use expect_test::expect;
    use relvar_model::DecisionStatus;

    use super::*;

    #[test]
    fn decisions_are_numbered_with_their_status_date_and_sections() {
        let design = Design {
            name: "Shop".into(),
            decisions: vec![
                Decision {
                    title: "Money as\nnumeric(12,2)".into(),
                    status: DecisionStatus::Accepted,
                    date: "2026-12-02".into(),
                    context: "Totals must add up to the cent.\n\nFloats do not.".into(),
                    decision: "Every amount is numeric(12,2).".into(),
                    consequences: "Four more bytes per amount than a float.".into(),
                },
                Decision {
                    title: "Soft delete orders".into(),
                    ..Decision::default()
                },
            ],
            ..Design::default()
        };
        expect![[r#"
            # Architecture decisions: Shop

            ## ADR 001: Money as numeric(12,2)

            - Status: Accepted
            - Date: 2026-12-02

            ### Context

            Totals must add up to the cent.

            Floats do not.

            ### Decision

            Every amount is numeric(12,2).

            ### Consequences

            Four more bytes per amount than a float.

            ## ADR 002: Soft delete orders

            - Status: Proposed

            ### Context

            _Not written yet._

            ### Decision

            _Not written yet._

            ### Consequences

            _Not written yet._
        "#]]
        .assert_eq(&to_adr_markdown(&design));
    }

    #[test]
    fn a_design_without_decisions_says_so() {
        assert_eq!(
            to_adr_markdown(&Design::default()),
            "# Architecture decisions: Untitled design\n\nNo decision is recorded for this design yet.\n"
        );
    }
}
