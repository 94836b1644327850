//! The import box's text: what is pasted or opened, folded away once a big source is imported
//! (kept whole, back at a click or when a message points into it). A box holding a schema's
//! worth of lines costs the browser two layout objects a line, laid out and painted again on
//! every edit that moves the panels: 15 ms an edit for a 40,000-line dump.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::when_idle;

/// Sources longer than this many lines are folded away once imported.
pub const FOLDED_LINES: usize = 1_000;

/// The import box and the source folded away from it, if any.
#[derive(Debug, Clone, Copy)]
pub struct SourceBox {
    pub textarea: NodeRef<leptos::html::Textarea>,
    folded: RwSignal<Option<Arc<str>>>,
}

impl SourceBox {
    pub fn new() -> Self {
        Self {
            textarea: NodeRef::new(),
            folded: RwSignal::new(None),
        }
    }

    /// What the box holds, with a folded source put back first.
    pub fn text(&self) -> String {
        self.unfold();
        self.textarea
            .get_untracked()
            .map(|textarea| textarea.value())
            .unwrap_or_default()
    }

    /// Fills the box, dropping a folded source.
    pub fn set(&self, text: &str) {
        self.folded.set(None);
        if let Some(textarea) = self.textarea.get_untracked() {
            textarea.set_value(text);
        }
    }

    /// Folds `text`, the source just imported from the box, away when it is long: once the
    /// browser is idle after the imported design's first frame, and only if the box still holds
    /// it (nothing typed since is lost).
    pub fn fold_if_long(&self, text: String) {
        if text.lines().count() <= FOLDED_LINES {
            return;
        }
        let source = *self;
        when_idle(move || {
            let Some(textarea) = source.textarea.get_untracked() else {
                return;
            };
            if textarea.value() == text {
                textarea.set_value("");
                source.folded.set(Some(Arc::from(text)));
            }
        });
    }

    /// Forgets a folded source: the person started writing a new one in the box.
    pub fn started_anew(&self) {
        if self.folded.with_untracked(Option::is_some) {
            self.folded.set(None);
        }
    }

    /// Puts a folded source back into the box.
    pub fn unfold(&self) {
        let Some(text) = self.folded.try_update(Option::take).flatten() else {
            return;
        };
        if let Some(textarea) = self.textarea.get_untracked() {
            textarea.set_value(&text);
        }
    }

    /// How many lines the folded source has, while one is folded.
    pub fn folded_lines(&self) -> Option<usize> {
        self.folded
            .with(|folded| folded.as_ref().map(|text| text.lines().count()))
    }
}

/// The line that says a source is folded away, with the button that brings it back.
#[component]
pub fn FoldedSourceNote(source: SourceBox) -> impl IntoView {
    move || {
        source.folded_lines().map(|lines| {
            view! {
                <p class="folded-source" id="import-folded">
                    {format!("The imported source ({lines} lines) is folded away so that editing stays quick. ")}
                    <button id="import-unfold" on:click=move |_| source.unfold()>"Show source"</button>
                </p>
            }
        })
    }
}
