//! The design's architecture decisions: record one (dated today, proposed), edit its title,
//! status, date, context, decision and consequences in place, delete it; every change is one
//! undoable edit, and the Export panel writes them all as ADRs in Markdown.

use leptos::prelude::*;
use relvar_model::{Command, Decision, DecisionStatus};

use super::counted;
use crate::store::{Store, use_store};

/// The decision records with `change` made to them, as one command.
fn changed(store: Store, change: impl FnOnce(&mut Vec<Decision>)) -> Command {
    let mut decisions = store
        .design
        .with_untracked(|design| design.decisions.clone());
    change(&mut decisions);
    Command::SetDecisions { decisions }
}

/// The decisions with `change` made to the one at `position`, as one command.
fn edited(store: Store, position: usize, change: impl FnOnce(&mut Decision)) -> Command {
    changed(store, |decisions| {
        if let Some(decision) = decisions.get_mut(position) {
            change(decision);
        }
    })
}

/// Today in the browser's time zone, `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

fn summary(decisions: &[Decision]) -> String {
    if decisions.is_empty() {
        return "Record what was decided about this design and why; Export writes them as ADRs."
            .to_owned();
    }
    let accepted = decisions
        .iter()
        .filter(|decision| decision.status == DecisionStatus::Accepted)
        .count();
    format!(
        "{} · {accepted} accepted",
        counted(decisions.len(), "decision", "decisions")
    )
}

/// A text field of a decision, written back when it changes.
fn text_field(
    store: Store,
    position: usize,
    label: &'static str,
    class: &'static str,
    value: String,
    write: fn(&mut Decision, String),
) -> impl IntoView {
    let changed = move |event| {
        let text = event_target_value(&event);
        let _ = store.dispatch(edited(store, position, |decision| write(decision, text)));
    };
    view! {
        <label class="field">{label}
            <textarea class=class rows="2" prop:value=value on:change=changed></textarea>
        </label>
    }
}

fn decision_item(store: Store, position: usize, decision: Decision) -> impl IntoView {
    let number = position + 1;
    let status = decision.status;
    let set_title = move |event| {
        let title = event_target_value(&event);
        let _ = store.dispatch(edited(store, position, |decision| decision.title = title));
    };
    let set_date = move |event| {
        let date = event_target_value(&event);
        let _ = store.dispatch(edited(store, position, |decision| decision.date = date));
    };
    let set_status = move |event| {
        if let Some(status) = DecisionStatus::from_label(&event_target_value(&event)) {
            let _ = store.dispatch(edited(store, position, |decision| decision.status = status));
        }
    };
    let delete = move |_| {
        let _ = store.dispatch(changed(store, |decisions| {
            if position < decisions.len() {
                decisions.remove(position);
            }
        }));
    };
    view! {
        <li class="decision" data-decision=number data-status=status.label()>
            <div class="field-row">
                <label class="field grow">{format!("ADR {number:03}")}
                    <input class="decision-title" type="text" prop:value=decision.title on:change=set_title />
                </label>
                <label class="field">"Status"
                    <select class="decision-status" on:change=set_status>
                        {DecisionStatus::ALL.into_iter().map(|option| view! {
                            <option value=option.label() selected=option == status>{option.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">"Date"
                    <input class="decision-date" type="text" size="10" placeholder="YYYY-MM-DD"
                        prop:value=decision.date on:change=set_date />
                </label>
            </div>
            {text_field(store, position, "Context", "decision-context", decision.context, |d, text| d.context = text)}
            {text_field(store, position, "Decision", "decision-decision", decision.decision, |d, text| d.decision = text)}
            {text_field(store, position, "Consequences", "decision-consequences", decision.consequences, |d, text| d.consequences = text)}
            <div class="panel-row">
                <button class="decision-delete danger" aria-label=format!("Delete ADR {number:03}") on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
pub fn DecisionsPanel() -> impl IntoView {
    let store = use_store();
    let add = move |_| {
        let _ = store.dispatch(changed(store, |decisions| {
            decisions.push(Decision {
                title: format!("Decision {}", decisions.len() + 1),
                date: today(),
                ..Decision::default()
            });
        }));
    };
    let decisions = move || {
        store
            .design
            .with(|design| design.decisions.clone())
            .into_iter()
            .enumerate()
            .map(|(position, decision)| decision_item(store, position, decision))
            .collect_view()
    };
    view! {
        <section class="panel decisions-panel" id="decisions-panel" aria-labelledby="decisions-title">
            <h2 id="decisions-title">"Decisions"</h2>
            <p class="status" id="decisions-summary">
                {move || store.design.with(|design| summary(&design.decisions))}
            </p>
            <ol class="decisions" id="decisions">{decisions}</ol>
            <div class="panel-row">
                <button id="decision-add" on:click=add>"Record a decision"</button>
            </div>
        </section>
    }
}
