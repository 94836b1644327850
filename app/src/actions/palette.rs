//! The command palette (Ctrl+K, ⌘K): every action of the registry by name, with its keys,
//! filtered as one types, run with Enter or a click, all by keyboard.

use leptos::prelude::*;

use super::{ACTIONS, Action, PALETTE, PAN, Studio};
use crate::browser::element_by_id;
use crate::dialog::ModalDialog;

/// Whether the command palette is open; shared through context.
#[derive(Debug, Clone, Copy)]
pub struct CommandPalette(pub RwSignal<bool>);

/// Actions the palette does not list: one that only works while its key is held, and its own.
fn listed(action: &Action) -> bool {
    action.id != PAN.id && action.id != PALETTE.id
}

/// What a query is matched against: the label, the description and the keys.
fn haystack(action: &Action) -> String {
    let keys: Vec<String> = action.keys.iter().map(|key| key.label()).collect();
    format!("{} {} {}", action.label, action.description, keys.join(" ")).to_lowercase()
}

/// The positions in [`ACTIONS`] of the actions listed for `query`, best first: those holding
/// every word of it, labels beginning with it before labels holding every word, before the
/// rest, each kind in the registry's order.
pub fn matching(query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<(u8, usize)> = ACTIONS
        .into_iter()
        .enumerate()
        .filter(|(_, action)| listed(action))
        .filter(|(_, action)| {
            let haystack = haystack(action);
            words.iter().all(|word| haystack.contains(word))
        })
        .map(|(position, action)| {
            let label = action.label.to_lowercase();
            let rank = if label.starts_with(&query) {
                0
            } else if words.iter().all(|word| label.contains(word)) {
                1
            } else {
                2
            };
            (rank, position)
        })
        .collect();
    relvar_model::order::sort(&mut found[..]);
    found.into_iter().map(|(_, position)| position).collect()
}

fn option_id(action: &Action) -> String {
    format!("palette-option-{}", action.id)
}

#[component]
pub fn CommandPaletteDialog() -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <Show when=move || studio.palette.0.get()>
            <PaletteBody />
        </Show>
    }
}

#[component]
fn PaletteBody() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let palette = studio.palette;
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0_usize);
    let shown = Memo::new(move |_| query.with(|query| matching(query)));
    let active_action = move || {
        shown.with(|shown| {
            shown
                .get(active.get())
                .and_then(|position| ACTIONS.get(*position).copied())
        })
    };
    let run = move |action: &'static Action| {
        if studio.enabled(action) {
            palette.0.set(false);
            studio.run(action, false);
        }
    };
    Effect::new(move |_| {
        if let Some(action) = active_action()
            && let Some(option) = element_by_id(&option_id(action))
        {
            option.scroll_into_view_with_bool(false);
        }
    });
    let on_key = move |event: web_sys::KeyboardEvent| {
        let count = shown.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => active.update(|at| *at = (*at + 1) % count),
            "ArrowUp" if count > 0 => active.update(|at| *at = (*at + count - 1) % count),
            "Home" => active.set(0),
            "End" => active.set(count.saturating_sub(1)),
            "Enter" => {
                if let Some(action) = active_action() {
                    run(action);
                }
            }
            _ => return,
        }
        event.prevent_default();
    };
    let options = move || {
        let current = active.get();
        shown
            .get()
            .into_iter()
            .filter_map(|position| ACTIONS.get(position).copied())
            .enumerate()
            .map(|(index, action)| {
                let keys: Vec<String> = action.keys.iter().map(|key| key.label()).collect();
                view! {
                    <li role="option" class="palette-option" id=option_id(action) data-action=action.id
                        aria-selected=(index == current).to_string()
                        aria-disabled=move || (!studio.enabled(action)).to_string()
                        on:pointermove=move |_| if active.get_untracked() != index { active.set(index) }
                        on:click=move |_| run(action)>
                        <span class="palette-label">{action.label}</span>
                        <span class="palette-description">{action.description}</span>
                        {(!keys.is_empty()).then(|| view! { <kbd>{keys.join(", ")}</kbd> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ModalDialog id="command-palette" labelled_by="palette-title" class="palette"
            close=Callback::new(move |()| palette.0.set(false))>
            <h2 id="palette-title">"Run an action"</h2>
            <input id="palette-input" type="text" role="combobox" autofocus autocomplete="off"
                aria-expanded="true" aria-controls="palette-list" aria-autocomplete="list"
                aria-activedescendant=move || active_action().map(option_id)
                placeholder="Type to find an action"
                prop:value=move || query.get()
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    active.set(0);
                }
                on:keydown=on_key />
            <ul id="palette-list" role="listbox" aria-label="Actions">{options}</ul>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="palette-empty" role="status">"No action matches."</p>
            </Show>
        </ModalDialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(query: &str) -> Vec<&'static str> {
        matching(query)
            .into_iter()
            .map(|position| ACTIONS[position].label)
            .collect()
    }

    #[test]
    fn an_empty_query_lists_every_action_but_pan_and_the_palette() {
        assert_eq!(matching("").len(), ACTIONS.len() - 2);
        assert!(!labels("").contains(&"Pan"));
        assert!(!labels("").contains(&"Command palette"));
    }

    #[test]
    fn a_query_keeps_actions_holding_every_word_labels_beginning_with_it_first() {
        let found = labels("undo");
        assert_eq!(found.first(), Some(&"Undo"));
        assert!(found.iter().all(|label| {
            haystack(
                ACTIONS
                    .iter()
                    .find(|action| action.label == *label)
                    .unwrap(),
            )
            .contains("undo")
        }));
        assert_eq!(labels("focus two"), ["Focus two steps out"]);
        assert_eq!(labels("TABLES panel").first(), Some(&"Tables"));
        assert!(labels("no such thing at all").is_empty());
    }

    #[test]
    fn a_query_finds_an_action_by_its_keys() {
        assert!(labels("ctrl+z").contains(&"Undo"));
    }
}
