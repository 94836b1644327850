//! The schema review panel: the findings grouped by severity or by rule, and within that by
//! table, with counts; selecting one highlights its objects on the canvas and shows its rule's
//! why and example, its fix (one undoable edit) and a switch that turns the rule off for this
//! design. Grouped by rule, each rule says why it matters and offers to fix all its findings as
//! one undoable edit, or to switch it off. Entries are keyed, so a review that changes one
//! finding rebuilds that one.

use leptos::prelude::*;
use relvar_analysis::{Finding, fix_all, rule_info};
use relvar_model::Command;

use super::review_groups::{Entry, Grouping, Listed, MOST_SHOWN, listed, summary};
use crate::review::{FindingKey, Review};
use crate::store::{Store, use_store};

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

/// A rule's header when grouped by rule: why it matters, fix all, switch off.
fn rule_tools(store: Store, review: Review, code: String, shown: Memo<Listed>) -> impl IntoView {
    let info = rule_info(&code);
    let fixable = {
        let code = code.clone();
        move || {
            shown.with(|listed| {
                listed
                    .group(&code)
                    .filter(|group| group.all_fixable && group.count > 1)
                    .map(|group| group.count)
            })
        }
    };
    let fix_everything = {
        let code = code.clone();
        move |_| {
            let fixed = store.design.with_untracked(|design| fix_all(design, &code));
            if let Some(fixed) = fixed {
                let _ = store.dispatch(fixed.command);
            }
        }
    };
    let switch_off = {
        let code = code.clone();
        move |_| {
            let _ = store.dispatch(Command::SetReviewRuleEnabled {
                rule: code.clone(),
                enabled: false,
            });
        }
    };
    view! {
        {info.map(|info| view! {
            <p class="rule-summary">{info.summary}</p>
            <details class="rule-why-details">
                <summary>"Why it matters"</summary>
                <p class="rule-why">{info.why}</p>
                <pre class="rule-example"><code>{info.example}</code></pre>
            </details>
        })}
        <div class="panel-row">
            {move || fixable().map(|count| {
                let fix_everything = fix_everything.clone();
                view! {
                    <button class="rule-fix-all" disabled=move || !review.current.get()
                        on:click=fix_everything>{format!("Fix all {count}")}</button>
                }
            })}
            <button class="rule-switch-off link" on:click=switch_off>"Switch off for this design"</button>
        </div>
    }
}

/// One table's findings in a group, keyed.
fn table_view(
    store: Store,
    review: Review,
    shown: Memo<Listed>,
    group: String,
    key: String,
) -> impl IntoView {
    let entries = {
        let (group, key) = (group.clone(), key.clone());
        move || {
            shown.with(|listed| {
                listed
                    .table(&group, &key)
                    .map(|table| table.findings.clone())
                    .unwrap_or_default()
            })
        }
    };
    let name = shown.with_untracked(|listed| {
        listed
            .table(&group, &key)
            .map(|table| table.name.clone())
            .unwrap_or_default()
    });
    let title = {
        let name = name.clone();
        move || {
            let count =
                shown.with(|listed| listed.table(&group, &key).map_or(0, |t| t.findings.len()));
            format!("{name} ({count})")
        }
    };
    view! {
        <div class="review-table" data-table=name>
            <h4>{title}</h4>
            <ul class="findings">
                <For each=entries key=|entry: &Entry| entry.clone() let:entry>
                    {finding_item(store, review, &entry.finding)}
                </For>
            </ul>
        </div>
    }
}

/// A severity's or a rule's section, keyed.
fn group_view(
    store: Store,
    review: Review,
    shown: Memo<Listed>,
    key: String,
    grouping: Grouping,
) -> impl IntoView {
    let title = {
        let key = key.clone();
        move || {
            shown.with(|listed| {
                listed
                    .group(&key)
                    .map(|group| group.title.clone())
                    .unwrap_or_default()
            })
        }
    };
    let tables = {
        let key = key.clone();
        move || {
            shown.with(|listed| {
                listed
                    .group(&key)
                    .map(|group| {
                        group
                            .tables
                            .iter()
                            .map(|table| table.name.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let severity =
        shown.with_untracked(|listed| listed.group(&key).map(|group| group.severity.as_str()));
    let heading_id = format!("review-{key}");
    let by_rule = grouping == Grouping::Rule;
    let class = if by_rule {
        "review-rule"
    } else {
        "review-group"
    };
    let data_rule = by_rule.then(|| key.clone());
    let tools = by_rule.then(|| rule_tools(store, review, key.clone(), shown));
    view! {
        <section class=class data-rule=data_rule data-severity=severity aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{title}</h3>
            {tools}
            <For each=tables key=|table: &String| table.clone() let:table>
                {table_view(store, review, shown, key.clone(), table)}
            </For>
        </section>
    }
}

#[component]
pub fn ReviewPanel() -> impl IntoView {
    let store = use_store();
    let review = expect_context::<Review>();
    let grouping = RwSignal::new(Grouping::Table);
    let summary_text = move || {
        let tables = store.design.with(|design| design.tables.len());
        review.findings.with(|findings| summary(findings, tables))
    };
    let shown = Memo::new(move |_| {
        let grouping = grouping.get();
        review.findings.with(|findings| {
            store
                .design
                .with_untracked(|design| listed(design, findings, grouping))
        })
    });
    let group_keys = move || {
        shown.with(|listed| {
            listed
                .groups
                .iter()
                .map(|group| group.key.clone())
                .collect::<Vec<_>>()
        })
    };
    let more = move || {
        shown.with(|listed| {
            let by_table = grouping.get() == Grouping::Table;
            (listed.hidden > 0).then(|| {
                let text = if by_table {
                    format!(
                        "Showing the first {MOST_SHOWN} of {} findings.",
                        listed.total
                    )
                } else {
                    format!(
                        "Showing {} of {} findings; each rule lists its first ones.",
                        listed.total - listed.hidden,
                        listed.total
                    )
                };
                view! { <p class="more" id="review-more">{text}</p> }
            })
        })
    };
    let switched_off = move || {
        store
            .design
            .with(|design| design.review_disabled.iter().cloned().collect::<Vec<_>>())
    };
    let choice = move |which: Grouping, label: &'static str| {
        view! {
            <button id=format!("review-by-{}", which.id()) class="segment"
                aria-pressed=move || (grouping.get() == which).to_string()
                on:click=move |_| grouping.set(which)>{label}</button>
        }
    };
    view! {
        <section class="panel review-panel" id="review-panel" aria-labelledby="review-title"
            data-state=move || review.state()>
            <h2 id="review-title">"Review"</h2>
            <p class="status" id="review-summary" aria-live="polite">{summary_text}</p>
            <div class="segments" role="group" aria-label="Group findings">
                {choice(Grouping::Table, "By table")}
                {choice(Grouping::Rule, "By rule")}
            </div>
            <div class="review-findings" id="review-findings" data-grouping=move || grouping.get().id()>
                {move || {
                    let grouping = grouping.get();
                    view! {
                        <For each=group_keys key=|key: &String| key.clone() let:key>
                            {group_view(store, review, shown, key, grouping)}
                        </For>
                    }
                }}
                {more}
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
