//! The schema review panel: the findings grouped by severity (with counts) and within that by
//! table; selecting one highlights its objects on the canvas and shows its rule's why and
//! example, its fix (one undoable edit) and a switch that turns the rule off for this design.

use leptos::prelude::*;
use relvar_analysis::{Finding, Severity, rule_info};
use relvar_model::{Command, Design, TableId};

use super::counted;
use crate::review::{FindingKey, Review};
use crate::store::{Store, use_store};

/// The most findings the panel lists (the counts are always of all of them).
const MOST_SHOWN: usize = 200;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Info",
    }
}

/// "2 errors · 1 warning · 3 info", or that there is nothing to report.
fn summary(findings: &[Finding], tables: usize) -> String {
    if findings.is_empty() {
        return if tables == 0 {
            "Import or draw a design to review it.".to_owned()
        } else {
            "No findings.".to_owned()
        };
    }
    let of = |severity| findings.iter().filter(|f| f.severity == severity).count();
    [
        counted(of(Severity::Error), "error", "errors"),
        counted(of(Severity::Warning), "warning", "warnings"),
        format!("{} info", of(Severity::Info)),
    ]
    .join(" · ")
}

/// Findings of one table (or of none) in one severity, in the engine's order.
struct TableGroup<'a> {
    table: Option<TableId>,
    name: String,
    findings: Vec<&'a Finding>,
}

/// The findings of a severity grouped by their table, keeping the engine's order (by table name).
fn by_table<'a>(design: &Design, findings: &[&'a Finding]) -> Vec<TableGroup<'a>> {
    let mut groups: Vec<TableGroup<'a>> = Vec::new();
    for finding in findings {
        let table = finding.table(design);
        match groups.last_mut() {
            Some(group) if group.table == table => group.findings.push(finding),
            _ => groups.push(TableGroup {
                table,
                name: table
                    .and_then(|id| design.table(id))
                    .map_or_else(|| "The design".to_owned(), |found| found.display_name()),
                findings: vec![finding],
            }),
        }
    }
    groups
}

fn finding_item(store: Store, review: Review, finding: &Finding) -> impl IntoView + use<> {
    let key = FindingKey::of(finding);
    let info = rule_info(finding.code);
    let open = {
        let key = key.clone();
        Memo::new(move |_| {
            review
                .selected
                .with(|selected| selected.as_ref() == Some(&key))
        })
    };
    let toggle = {
        let finding = finding.clone();
        move |_| {
            if open.get_untracked() {
                review.selected.set(None);
            } else {
                review.select(store, &finding);
            }
        }
    };
    let code = finding.code;
    let fix = finding.fix.clone().map(|fix| {
        let command = fix.command;
        view! {
            <button class="finding-fix" disabled=move || !review.current.get()
                on:click=move |_| { let _ = store.dispatch(Command::clone(&command)); }>
                {format!("Fix: {}", fix.title)}
            </button>
        }
    });
    let switch_off = move |_| {
        let _ = store.dispatch(Command::SetReviewRuleEnabled {
            rule: code.to_owned(),
            enabled: false,
        });
    };
    let rule_name = info.map_or("", |info| info.name);
    let details = move || {
        info.map(|info| {
            view! {
                <p class="rule-summary">{info.summary}</p>
                <p class="rule-why"><strong>"Why it matters: "</strong>{info.why}</p>
                <p class="rule-example-label">"Example:"</p>
                <pre class="rule-example"><code>{info.example}</code></pre>
            }
        })
    };
    view! {
        <li class="finding" class:selected=move || open.get() data-code=code data-severity=finding.severity.as_str()>
            <button class="finding-toggle" aria-expanded=move || open.get().to_string() on:click=toggle>
                <code class="finding-code">{code}</code>" "<span class="finding-message">{finding.message.clone()}</span>
            </button>
            <Show when=move || open.get()>
                <div class="finding-details">
                    {details()}
                    <div class="panel-row">
                        {fix.clone()}
                        <button class="finding-switch-off link" on:click=switch_off>
                            {format!("Switch {code} {rule_name} off for this design")}
                        </button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

/// What the panel lists: per severity with findings, its count and the shown findings by table;
/// compared between runs, so a review that changes nothing shown rebuilds nothing.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    sections: Vec<(Severity, usize, Vec<TableFindings>)>,
    total: usize,
}

/// A table's name and its shown findings.
type TableFindings = (String, Vec<Finding>);

fn listed(design: &Design, findings: &[Finding]) -> Listed {
    let shown: Vec<&Finding> = findings.iter().take(MOST_SHOWN).collect();
    let sections = SEVERITIES
        .into_iter()
        .filter_map(|severity| {
            let of_severity: Vec<&Finding> = shown
                .iter()
                .copied()
                .filter(|finding| finding.severity == severity)
                .collect();
            let tables: Vec<TableFindings> = by_table(design, &of_severity)
                .into_iter()
                .map(|group| (group.name, group.findings.into_iter().cloned().collect()))
                .collect();
            let count = findings.iter().filter(|f| f.severity == severity).count();
            (!tables.is_empty()).then_some((severity, count, tables))
        })
        .collect();
    Listed {
        sections,
        total: findings.len(),
    }
}

fn findings_view(store: Store, review: Review, listed: Listed) -> AnyView {
    let sections = listed
        .sections
        .into_iter()
        .map(|(severity, count, tables)| {
            let id = format!("review-{}", severity.as_str());
            let labelled_by = id.clone();
            let title = format!("{} ({count})", heading(severity));
            view! {
                <section class="review-group" data-severity=severity.as_str() aria-labelledby=labelled_by>
                    <h3 id=id>{title}</h3>
                    {tables.into_iter().map(|(name, findings)| view! {
                        <div class="review-table" data-table=name.clone()>
                            <h4>{format!("{name} ({})", findings.len())}</h4>
                            <ul class="findings">
                                {findings.iter().map(|finding| finding_item(store, review, finding)).collect_view()}
                            </ul>
                        </div>
                    }).collect_view()}
                </section>
            }
        })
        .collect_view();
    let more = (listed.total > MOST_SHOWN).then(|| {
        view! {
            <p class="more" id="review-more">
                {format!("Showing the first {MOST_SHOWN} of {} findings.", listed.total)}
            </p>
        }
    });
    (sections, more).into_any()
}

#[component]
pub fn ReviewPanel() -> impl IntoView {
    let store = use_store();
    let review = expect_context::<Review>();
    let summary_text = move || {
        let tables = store.design.with(|design| design.tables.len());
        review.findings.with(|findings| summary(findings, tables))
    };
    let shown = Memo::new(move |_| {
        review.findings.with(|findings| {
            store
                .design
                .with_untracked(|design| listed(design, findings))
        })
    });
    let switched_off = move || {
        store
            .design
            .with(|design| design.review_disabled.iter().cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="panel review-panel" id="review-panel" aria-labelledby="review-title"
            data-state=move || review.state()>
            <h2 id="review-title">"Review"</h2>
            <p class="status" id="review-summary" aria-live="polite">{summary_text}</p>
            <div class="review-findings" id="review-findings">
                {move || findings_view(store, review, shown.get())}
            </div>
            {move || {
                let off = switched_off();
                (!off.is_empty()).then(|| view! {
                    <div class="review-off" id="review-off">
                        <h3>"Switched off for this design"</h3>
                        <ul>
                            {off.into_iter().map(|rule| {
                                let name = rule_info(&rule).map_or("", |info| info.name);
                                let label = format!("{rule} {name}");
                                let switch_on = {
                                    let rule = rule.clone();
                                    move |_| {
                                        let _ = store.dispatch(Command::SetReviewRuleEnabled {
                                            rule: rule.clone(),
                                            enabled: true,
                                        });
                                    }
                                };
                                view! {
                                    <li data-rule=rule.clone()>
                                        <span>{label}</span>
                                        <button class="review-switch-on link" on:click=switch_on>{format!("Switch {rule} on")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </section>
    }
}
