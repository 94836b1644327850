//! Small bridges to browser APIs: clipboard, file download, reading a picked file, running work
//! when the browser is idle.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A browser error in words.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| String::from("the browser refused"))
}

/// Copies text to the clipboard.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|error| describe(&error))
}

/// The page's HTML element with this id, if there is one.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Offers text as a file download named `file_name`.
pub fn download(file_name: &str, mime_type: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|error| describe(&error))?;
    download_blob(file_name, &blob)
}

/// Offers a blob as a file download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|error| describe(&error))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|error| describe(&error))?
        .dyn_into()
        .map_err(|_| String::from("could not create a link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .map_err(|error| describe(&error))?;
    Ok(())
}

/// The file a file input's change event picked, if any; the input is emptied so that picking the
/// same file again fires another change.
pub fn picked_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The files a file input's change event picked, each with its path in a picked folder
/// (`webkitRelativePath`) or else its name; the input is emptied so that picking the same files
/// again fires another change.
pub fn picked_files(event: &web_sys::Event) -> Vec<(String, web_sys::File)> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let count = files.as_ref().map_or(0, web_sys::FileList::length);
    let picked = (0..count)
        .filter_map(|at| files.as_ref().and_then(|files| files.get(at)))
        .map(|file| {
            let relative = js_sys::Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
                .ok()
                .and_then(|path| path.as_string())
                .filter(|path| !path.is_empty());
            (relative.unwrap_or_else(|| file.name()), file)
        })
        .collect();
    input.set_value("");
    picked
}

/// Reads a picked file as text (invalid UTF-8 becomes U+FFFD, as the browser decodes it).
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|error| describe(&error))?;
    text.as_string()
        .ok_or_else(|| String::from("the file is not text"))
}

/// The UTF-16 offset (what text controls count in) of a 1-based line and column of `text`.
pub fn utf16_offset(text: &str, line: u32, column: u32) -> u32 {
    let mut offset = 0usize;
    for (index, line_text) in text.split('\n').enumerate() {
        if index + 1 == line as usize {
            let prefix: usize = line_text
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(char::len_utf16)
                .sum();
            return u32::try_from(offset + prefix).unwrap_or(u32::MAX);
        }
        offset += line_text.encode_utf16().count() + 1;
    }
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// The longest work waits for the browser to be idle, in milliseconds.
const IDLE_WAIT_MS: u32 = 300;

/// Runs `work` when the browser is idle (after the frames an edit causes are drawn), or after
/// [`IDLE_WAIT_MS`] at the latest.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    let scheduled = web_sys::window().is_some_and(|window| {
        window
            .request_idle_callback_with_options(callback.unchecked_ref(), &options)
            .is_ok()
    });
    if !scheduled && let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Counts the changes work waits behind, so that the work runs once changes pause.
#[derive(Debug, Clone, Copy)]
pub struct Pause(StoredValue<u64>);

impl Pause {
    pub fn new() -> Self {
        Self(StoredValue::new(0))
    }

    /// Runs `work` when the browser is idle once `quiet_ms` have passed with no other call: a
    /// burst of edits at a person's pace makes the work run once, after the last of them. A call
    /// made while the work waits for the browser to be idle supersedes it too, so the work never
    /// lands in the idle time right after the frame of a newer edit.
    pub fn after(&self, quiet_ms: i32, work: impl FnOnce() + 'static) {
        let counter = self.0;
        let change = counter
            .try_update_value(|count| {
                *count = count.wrapping_add(1);
                *count
            })
            .unwrap_or_default();
        let after_pause = wasm_bindgen::closure::Closure::once_into_js(move || {
            let current = move || counter.try_get_value() == Some(change);
            if current() {
                when_idle(move || {
                    if current() {
                        work();
                    }
                });
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                after_pause.unchecked_ref(),
                quiet_ms,
            );
        }
    }
}

/// Keeps `visible` true while any part of `element` is in the view (scrolled into the page's or
/// a panel's visible part), so work that only feeds what it shows can wait until it is seen.
pub fn watch_visibility(element: &web_sys::Element, visible: RwSignal<bool>) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let latest = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .next_back();
            if let Some(entry) = latest
                && visible.get_untracked() != entry.is_intersecting()
            {
                visible.set(entry.is_intersecting());
            }
        },
    );
    if let Ok(observer) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    callback.forget();
}

/// Whether a CSS media query matches, kept current as the page changes (a window resized, the
/// system's theme switched).
pub fn media_query(query: &str) -> RwSignal<bool> {
    let list = web_sys::window().and_then(|window| window.match_media(query).ok().flatten());
    let matches = RwSignal::new(list.as_ref().is_some_and(web_sys::MediaQueryList::matches));
    if let Some(list) = list {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| matches.set(event.matches()),
        );
        let _ = list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        listener.forget();
    }
    matches
}
