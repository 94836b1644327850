//! Which design a tab opens and how designs arrive from elsewhere: the one open last (else the
//! newest, else a new blank one); a share link in the URL fragment, on load or pasted into the
//! address bar later, becomes a NEW local design and never overwrites one; a `.relvar.json`
//! file likewise. A damaged link or file is reported and changes nothing saved.

use leptos::prelude::*;
use relvar_model::Design;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::library::Library;
use crate::store::Store;

/// What the notice bar says about the last opening, link or file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A design arrived from a link or a file and was saved as a new design.
    Opened { name: String, from_link: bool },
    /// A link or a file could not be opened; nothing changed.
    Failed(String),
    /// A link was copied: its length, whether it is long enough to be cut by mail and chat, and
    /// how many statements of data rows it leaves out (a file keeps them).
    LinkCopied {
        chars: usize,
        too_long: bool,
        data_left_out: usize,
    },
}

/// The notice on show, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Notices(pub RwSignal<Option<Notice>>);

/// Opens a saved design in this tab.
pub fn open_saved(store: Store, library: Library, id: &str) -> Result<(), String> {
    let design = library.load(id)?;
    library.set_current(id);
    store.read_only.set(false);
    store.open(design);
    Ok(())
}

/// Saves `design` as a new design named `name` and opens it.
pub fn open_new(store: Store, library: Library, name: &str, mut design: Design) {
    name.clone_into(&mut design.name);
    let id = library.create(name, &design);
    library.set_current(&id);
    store.read_only.set(false);
    store.open(design);
}

/// Saves a design that arrived from a link or a file as a new design and opens it; when it could
/// not be read, says why (`failed` words the message) and changes nothing.
fn open_arrived<E: std::fmt::Display>(
    store: Store,
    library: Library,
    notices: Notices,
    arrived: Result<Design, E>,
    from_link: bool,
    failed: impl FnOnce(E) -> String,
) {
    match arrived {
        Ok(design) => {
            let name = design.name.clone();
            open_new(store, library, &name, design);
            notices.0.set(Some(Notice::Opened { name, from_link }));
        }
        Err(error) => notices.0.set(Some(Notice::Failed(failed(error)))),
    }
}

/// Opens a share link (its fragment) as a new design; a damaged one leaves everything as it is.
pub fn open_link(store: Store, library: Library, notices: Notices, fragment: &str) {
    open_arrived(
        store,
        library,
        notices,
        relvar_share::decode_link(fragment),
        true,
        |error| {
            format!("This link could not be opened: {error}. Your saved designs are untouched.")
        },
    );
}

/// Opens a `.relvar.json` file's text as a new design.
pub fn open_file_text(
    store: Store,
    library: Library,
    notices: Notices,
    file_name: &str,
    text: &str,
) {
    open_arrived(
        store,
        library,
        notices,
        relvar_share::load_file(text),
        false,
        |error| format!("{file_name} could not be opened: {error}. Nothing was changed."),
    );
}

/// The link in the page's fragment, if any, taken out of the address so that a reload does not
/// open it again.
fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.trim_start_matches('#').to_owned();
    if fragment.is_empty() {
        return None;
    }
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(fragment)
}

/// The address of a link carrying `payload` in its fragment.
pub fn link_url(payload: &str) -> String {
    let location = web_sys::window().map(|window| window.location());
    let base = location
        .map(|location| {
            format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#{payload}")
}

/// Opens the tab's first design, then watches the address for links pasted into it.
pub fn open_initial(store: Store, library: Library, notices: Notices) {
    if let Some(fragment) = take_fragment() {
        open_link(store, library, notices, &fragment);
        if library.current.get_untracked().is_some() {
            watch_fragment(store, library, notices);
            return;
        }
    }
    let saved = library.last_open().or_else(|| {
        library
            .entries
            .with_untracked(|entries| entries.first().map(|entry| entry.id.clone()))
    });
    let opened = saved.is_some_and(|id| match open_saved(store, library, &id) {
        Ok(()) => true,
        Err(error) => {
            notices.0.set(Some(Notice::Failed(format!(
                "The design saved last could not be read ({error}); it is kept as it is."
            ))));
            false
        }
    });
    if !opened {
        open_new(store, library, "Untitled design", Design::default());
    }
    watch_fragment(store, library, notices);
}

fn watch_fragment(store: Store, library: Library, notices: Notices) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(move || {
        if let Some(fragment) = take_fragment() {
            open_link(store, library, notices, &fragment);
        }
    });
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    listener.forget();
}
