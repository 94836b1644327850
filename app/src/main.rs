//! The Relvar studio in the browser, a Leptos client-side app: mounts the studio into the page.

mod actions;
mod app;
mod autosave;
mod browser;
mod canvas;
mod catalog_import;
mod comparing;
mod dialog;
mod discovery_run;
mod edits;
mod engine_room;
mod library;
mod opening;
mod panels;
mod picked_script;
mod picture;
mod review;
mod selection;
mod store;
mod templates;
mod theme;
mod workspace;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
