//! Runs a dependency discovery in slices between the browser's tasks, so the page never freezes:
//! each slice works for about `SLICE_MS`, reports its progress and yields to the event loop; the
//! run ends early when the caller says it was cancelled.

use relvar_normalize::discover::{Discovered, Discovery, Progress, Stage};
use wasm_bindgen_futures::JsFuture;

/// How long one slice works before the page gets the thread back.
const SLICE_MS: f64 = 12.0;
const FIRST_BUDGET: usize = 20_000;
const SMALLEST_BUDGET: usize = 1_000;
const LARGEST_BUDGET: usize = 50_000_000;

/// Lets the browser handle input and paint before the next slice.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The next slice's budget, so that it takes about `SLICE_MS`.
fn next_budget(budget: usize, took_ms: f64) -> usize {
    let scaled = if took_ms <= 0.5 {
        budget.saturating_mul(4)
    } else {
        (budget as f64 * SLICE_MS / took_ms) as usize
    };
    scaled.clamp(SMALLEST_BUDGET, LARGEST_BUDGET)
}

/// Runs `discovery` to the end, calling `on_progress` after every slice; `None` when
/// `cancelled` said so between two slices.
pub async fn run_in_slices(
    mut discovery: Discovery,
    on_progress: impl Fn(Progress),
    cancelled: impl Fn() -> bool,
) -> Option<Discovered> {
    let mut budget = FIRST_BUDGET;
    loop {
        let started = js_sys::Date::now();
        let progress = discovery.step(budget);
        budget = next_budget(budget, js_sys::Date::now() - started);
        if progress.stage == Stage::Finished {
            return discovery.into_result();
        }
        on_progress(progress);
        yield_to_browser().await;
        if cancelled() {
            return None;
        }
    }
}
