//! Actions carried out in the browser: the context read from the store and the canvas, what an
//! outcome asks for done through them, and the button made from an action.

use leptos::prelude::*;

use super::{Action, CommandPalette, Context, Outcome, Picture, ShortcutSheet};
use crate::canvas::{CanvasState, Lens, Preview, Scene, Shown, fit_to_view};
use crate::picture;
use crate::selection::Selection;
use crate::store::Store;
use crate::theme::Themes;
use crate::workspace::Workspace;

/// What actions run against; shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Studio {
    pub store: Store,
    pub canvas: CanvasState,
    pub scene: Scene,
    pub sheet: ShortcutSheet,
    pub themes: Themes,
    pub lens: Lens,
    pub workspace: Workspace,
    pub palette: CommandPalette,
}

impl Studio {
    /// Whether the action is enabled now, tracking what that depends on.
    pub fn enabled(&self, action: &Action) -> bool {
        let (can_undo, can_redo) = (self.store.can_undo.get(), self.store.can_redo.get());
        self.store.design.with(|design| {
            self.store.selection.with(|selection| {
                (action.enabled)(&Context {
                    design,
                    selection,
                    can_undo,
                    can_redo,
                    centre: self.canvas.centre(),
                    shift: false,
                    viewing_part: self.lens.shown.with(|shown| *shown != Shown::Whole),
                })
            })
        })
    }

    /// Runs the action, if it is enabled, and carries out what it returns.
    pub fn run(&self, action: &Action, shift: bool) {
        let (can_undo, can_redo) = (
            self.store.can_undo.get_untracked(),
            self.store.can_redo.get_untracked(),
        );
        let outcome = self.store.design.with_untracked(|design| {
            self.store.selection.with_untracked(|selection| {
                action.outcome(&Context {
                    design,
                    selection,
                    can_undo,
                    can_redo,
                    centre: self.canvas.centre(),
                    shift,
                    viewing_part: self.lens.is_partial(),
                })
            })
        });
        if let Some(outcome) = outcome {
            self.carry_out(outcome);
        }
    }

    fn carry_out(&self, outcome: Outcome) {
        let store = self.store;
        match outcome {
            Outcome::Edit { command, then } => {
                if store.dispatch(command).is_ok()
                    && let Some(then) = then
                {
                    store.selection.set(then);
                }
            }
            Outcome::Select(selection) => store.selection.set(selection),
            Outcome::Undo => store.undo(),
            Outcome::Redo => store.redo(),
            Outcome::Fit => fit_to_view(self.canvas, self.scene),
            Outcome::Cancel => {
                self.sheet.0.set(false);
                self.canvas.preview.set(Preview::Idle);
                store.selection.set(Selection::default());
            }
            Outcome::ToggleShortcutSheet => self.sheet.0.update(|open| *open = !*open),
            Outcome::HoldToPan => self.canvas.space_held.set(true),
            Outcome::SavePicture(format) => self.save_picture(format),
            Outcome::Show(shown) => self.show(shown),
            Outcome::LayOutView => {
                self.lens.lay_out();
                fit_to_view(self.canvas, self.scene);
            }
            Outcome::ShowPanel(tab) => self.workspace.tab.set(tab),
            Outcome::TogglePalette => self.palette.0.update(|open| *open = !*open),
        }
    }

    /// Shows a part of the design, fitted into view, or the whole design again at the view it
    /// was left at.
    pub fn show(&self, shown: Shown) {
        match self.lens.show(shown, self.canvas.viewport.get_untracked()) {
            Some(whole_view) => self.canvas.jump_to(whole_view),
            None => fit_to_view(self.canvas, self.scene),
        }
    }

    fn save_picture(&self, format: Picture) {
        let theme = self.themes.current.get_untracked();
        let selection = self.store.selection.get_untracked();
        let saved = self.store.design.with_untracked(|design| match format {
            Picture::Png => picture::save_png(design, &selection, theme),
            Picture::Svg => picture::save_svg(design, &selection, theme),
        });
        if let Err(message) = saved {
            self.store.refusal.set(Some(message));
        }
    }
}

/// A button that runs an action: its label (or glyph), its tooltip with the first key, enabled
/// when the action is.
#[component]
pub fn ActionButton(
    action: &'static Action,
    /// The element's id.
    id: &'static str,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <button id=id class=class data-action=action.id title=action.title()
            aria-label=action.glyph.map(|_| action.label)
            disabled=move || !studio.enabled(action)
            on:click=move |_| studio.run(action, false)>
            {action.glyph.unwrap_or(action.label)}
        </button>
    }
}
