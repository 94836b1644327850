//! Light and dark themes: follows the system unless the user picks one, remembered in this
//! browser. The document's `data-theme` attribute switches the studio's CSS; the drawing takes
//! its colours from relvar-layout's palette for the same theme.

use leptos::prelude::*;
use relvar_layout::draw::Theme;

use crate::browser::media_query;

const STORAGE_KEY: &str = "relvar.theme";
const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// What the user chose: the system's theme, or one of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Fixed(Theme),
}

impl ThemeChoice {
    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Fixed(theme) => theme.name(),
        }
    }

    pub fn from_id(id: &str) -> ThemeChoice {
        Theme::from_name(id).map_or(ThemeChoice::System, ThemeChoice::Fixed)
    }
}

/// The theme in force and the user's choice, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Themes {
    pub choice: RwSignal<ThemeChoice>,
    pub current: Memo<Theme>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Themes {
    /// Reads the saved choice and the system preference, and keeps the page's attribute current.
    pub fn install() -> Themes {
        let saved = storage()
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .map_or(ThemeChoice::System, |id| ThemeChoice::from_id(&id));
        let choice = RwSignal::new(saved);
        let system_dark = media_query(DARK_QUERY);
        let current = Memo::new(move |_| match choice.get() {
            ThemeChoice::Fixed(theme) => theme,
            ThemeChoice::System if system_dark.get() => Theme::Dark,
            ThemeChoice::System => Theme::Light,
        });
        Effect::new(move |_| {
            let theme = current.get();
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("data-theme", theme.name());
            }
        });
        Themes { choice, current }
    }

    pub fn choose(&self, choice: ThemeChoice) {
        self.choice.set(choice);
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, choice.id());
        }
    }
}
