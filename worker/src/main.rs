//! The worker's entry: says `"ready"` once it listens (messages sent before would be lost while
//! its module loads), then answers `[id, design file JSON, request JSON]` messages with
//! `[id, answer JSON, zip bytes or null]` (see `relvar_worker::answer`).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn reply(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let message = Array::from(&event.data());
    let id = message.get(0);
    let design = message.get(1).as_string().unwrap_or_default();
    let request = message.get(2).as_string().unwrap_or_default();
    let (json, zip) = relvar_worker::answer(&design, &request);
    let zip = zip.map_or(JsValue::NULL, |bytes| {
        Uint8Array::from(bytes.as_slice()).into()
    });
    let _ = scope.post_message(&Array::of3(&id, &JsValue::from_str(&json), &zip));
}

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let listener = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        reply(&listener, &event);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(relvar_worker::protocol::READY));
}
