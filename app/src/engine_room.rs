//! The worker (`worker/`: comparisons and migrations, DDL and Mermaid export), started the first
//! time it is needed so that neither its code nor its start-up weigh on the page's first load,
//! and kept for later requests; each answer goes to the callback of the request it answers.

use std::cell::RefCell;
use std::collections::HashMap;

use relvar_model::Design;
use relvar_worker::protocol::{Answer, READY, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::browser::describe;

/// The worker's start script (`public/`), beside what Trunk builds for the worker.
const WORKER_SCRIPT: &str = "relvar-worker-start.js";

/// The answer, or why there is none; and the zip of a comparison's files when it has several.
pub type Reply = (Result<Answer, String>, Option<Vec<u8>>);

type Callback = Box<dyn FnOnce(Reply)>;

#[derive(Default)]
struct Room {
    worker: Option<Worker>,
    /// The worker said it listens; until then messages wait in `unsent`.
    ready: bool,
    unsent: Vec<JsValue>,
    waiting: HashMap<u32, Callback>,
    next: u32,
}

thread_local! {
    static ROOM: RefCell<Room> = RefCell::new(Room::default());
}

/// Asks the worker about `design`; `done` gets the answer (also when the worker cannot start or
/// fails, in words).
pub fn ask(design: &Design, request: &Request, done: impl FnOnce(Reply) + 'static) {
    // Through `serde_json::Value`, as files are written: one serializer in the page's code.
    let design = relvar_share::save_file(design, relvar_share::JsonStyle::Compact);
    let request = match serde_json::to_value(request).map(|value| value.to_string()) {
        Ok(request) => request,
        Err(error) => return done((Err(format!("the request could not be sent: {error}")), None)),
    };
    let worker = match ROOM.with(|room| room.borrow().worker.clone()) {
        Some(worker) => worker,
        None => match start() {
            Ok(worker) => worker,
            Err(error) => return done((Err(error), None)),
        },
    };
    let id = ROOM.with(|room| {
        let mut room = room.borrow_mut();
        let id = room.next;
        room.next = room.next.wrapping_add(1);
        room.waiting.insert(id, Box::new(done));
        id
    });
    let message = js_sys::Array::of3(
        &JsValue::from(id),
        &JsValue::from_str(&design),
        &JsValue::from_str(&request),
    );
    let ready = ROOM.with(|room| {
        let mut room = room.borrow_mut();
        if !room.ready {
            room.unsent.push(message.clone().into());
        }
        room.ready
    });
    if !ready {
        return;
    }
    if let Err(error) = worker.post_message(&message) {
        fail_all(&format!(
            "the request could not be sent: {}",
            describe(&error)
        ));
    }
}

fn start() -> Result<Worker, String> {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(WORKER_SCRIPT, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| WORKER_SCRIPT.to_string());
    let worker = Worker::new(&url)
        .map_err(|error| format!("the worker could not start: {}", describe(&error)))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| answered(&event));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        ROOM.with(|room| {
            let mut room = room.borrow_mut();
            room.worker = None;
            room.ready = false;
            room.unsent.clear();
        });
        fail_all("the worker failed to load or stopped; try again");
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    ROOM.with(|room| room.borrow_mut().worker = Some(worker.clone()));
    Ok(worker)
}

fn answered(event: &MessageEvent) {
    if event.data().as_string().as_deref() == Some(READY) {
        return send_unsent();
    }
    let message = js_sys::Array::from(&event.data());
    let Some(id) = message.get(0).as_f64().map(|id| id as u32) else {
        return;
    };
    let Some(done) = ROOM.with(|room| room.borrow_mut().waiting.remove(&id)) else {
        return;
    };
    let json = message.get(1).as_string().unwrap_or_default();
    let outcome = serde_json::from_str::<serde_json::Value>(&json)
        .and_then(serde_json::from_value::<Result<Answer, String>>)
        .unwrap_or_else(|error| Err(format!("the answer could not be read: {error}")));
    let zip = message
        .get(2)
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|bytes| bytes.to_vec());
    done((outcome, zip));
}

/// Sends what waited for the worker to listen.
fn send_unsent() {
    let (worker, unsent) = ROOM.with(|room| {
        let mut room = room.borrow_mut();
        room.ready = true;
        (room.worker.clone(), std::mem::take(&mut room.unsent))
    });
    let Some(worker) = worker else { return };
    for message in unsent {
        if let Err(error) = worker.post_message(&message) {
            return fail_all(&format!(
                "the request could not be sent: {}",
                describe(&error)
            ));
        }
    }
}

/// Answers every waiting request with `why`.
fn fail_all(why: &str) {
    let waiting: Vec<Callback> = ROOM.with(|room| {
        room.borrow_mut()
            .waiting
            .drain()
            .map(|(_, done)| done)
            .collect()
    });
    for done in waiting {
        done((Err(why.to_string()), None));
    }
}
