//! A modal dialog as people expect one: a backdrop that closes it when clicked, Escape closes
//! it, the focus moves into it when it opens, Tab and Shift+Tab cycle inside it, and the focus
//! goes back where it was when it closes.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What can take the focus inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), \
     textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

fn focusables(dialog: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn focused() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The dialog's box: `id`, its title's id, an extra class; `close` is called on Escape, on a
/// click of the backdrop, and by whatever inside closes it.
#[component]
pub fn ModalDialog(
    id: &'static str,
    labelled_by: &'static str,
    #[prop(optional)] class: &'static str,
    close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Div>::new();
    let before = StoredValue::new_local(focused());
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(element) = dialog.get() else {
            return false;
        };
        let element: web_sys::HtmlElement = element.into();
        let first = element
            .query_selector("[autofocus]")
            .ok()
            .flatten()
            .and_then(|found| found.dyn_into::<web_sys::HtmlElement>().ok())
            .or_else(|| focusables(&element).into_iter().next());
        if let Some(first) = first {
            let _ = first.focus();
        }
        true
    });
    on_cleanup(move || {
        if let Some(Some(element)) = before.try_get_value()
            && element.is_connected()
        {
            let _ = element.focus();
        }
    });
    // On the window, so that Escape and Tab work even when the element that had the focus inside
    // the dialog has gone (a rename field closed by Enter leaves the focus on the page).
    let keydown = window_event_listener(leptos::ev::keydown, move |event| {
        match event.key().as_str() {
            "Escape" => {
                event.stop_propagation();
                event.prevent_default();
                close.run(());
            }
            "Tab" => {
                let Some(element) = dialog.get_untracked() else {
                    return;
                };
                let element: web_sys::HtmlElement = element.into();
                let inside = focusables(&element);
                let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                    return;
                };
                let current = focused().filter(|current| element.contains(Some(current)));
                let at_edge = match &current {
                    None => true,
                    Some(current) if event.shift_key() => current == first,
                    Some(current) => current == last,
                };
                if at_edge {
                    event.prevent_default();
                    let _ = if event.shift_key() {
                        last.focus()
                    } else {
                        first.focus()
                    };
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keydown.remove());
    view! {
        <div class="dialog-backdrop" on:click=move |_| close.run(())>
            <div class=format!("dialog {class}") id=id role="dialog" aria-modal="true" aria-labelledby=labelled_by
                node_ref=dialog on:click=|event| event.stop_propagation()>
                {children()}
            </div>
        </div>
    }
}
