//! The designs saved in this browser (localStorage): an index of names and change times, and each
//! design under its own key in the compressed link form (a 2,000-table design takes about 77 KB),
//! written after edits when the person pauses and before anything reads or switches designs or
//! the page goes away (`autosave.rs`), so a reload or a closed tab loses nothing.

use leptos::prelude::*;
use relvar_model::Design;
use serde::{Deserialize, Serialize};

use crate::autosave::{self, Unsaved};
use crate::store::Store;

const INDEX_KEY: &str = "relvar.designs";
const CURRENT_KEY: &str = "relvar.current";
const DESIGN_KEY_PREFIX: &str = "relvar.design.";

/// One saved design as the home view lists it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DesignEntry {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970 of the last change.
    pub updated: f64,
    pub tables: usize,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn design_key(id: &str) -> String {
    format!("{DESIGN_KEY_PREFIX}{id}")
}

fn read_index(storage: &web_sys::Storage) -> Vec<DesignEntry> {
    let text = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut entries: Vec<DesignEntry> = serde_json::from_str(&text).unwrap_or_default();
    relvar_model::order::sort_by(&mut entries[..], |a, b| b.updated.total_cmp(&a.updated));
    entries
}

/// The saved designs, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Library {
    /// Newest change first.
    pub entries: RwSignal<Vec<DesignEntry>>,
    /// The design open in this tab.
    pub current: RwSignal<Option<String>>,
    /// Why the last save failed, if it did.
    pub problem: RwSignal<Option<String>>,
    /// The open design, saved from here.
    store: Store,
    /// Whether edits to the open design wait to be written.
    pub(crate) unsaved: Unsaved,
}

impl Library {
    /// The library of this browser, saving `store`'s design after its edits.
    pub fn install(store: Store) -> Self {
        let entries = storage()
            .map(|storage| read_index(&storage))
            .unwrap_or_default();
        let library = Self {
            entries: RwSignal::new(entries),
            current: RwSignal::new(None),
            problem: RwSignal::new(None),
            store,
            unsaved: Unsaved::new(),
        };
        store.on_change(move |_| autosave::changed(library));
        autosave::flush_when_leaving(library);
        library
    }

    /// Writes the open design now if an edit waits to be written.
    pub fn flush(&self) {
        if let Some(edited) = self.unsaved.take() {
            self.store
                .design
                .with_untracked(|design| self.save_current(design, edited));
        }
    }

    /// The design this browser had open last, if it is still saved.
    pub fn last_open(&self) -> Option<String> {
        let id = storage()?.get_item(CURRENT_KEY).ok()??;
        self.entries
            .with_untracked(|entries| entries.iter().any(|entry| entry.id == id))
            .then_some(id)
    }

    fn write_index(&self) -> Result<(), String> {
        let storage = storage().ok_or("this browser gives the page no storage")?;
        let text = self
            .entries
            .with_untracked(serde_json::to_string)
            .map_err(|error| error.to_string())?;
        storage
            .set_item(INDEX_KEY, &text)
            .map_err(|error| crate::browser::describe(&error))
    }

    fn write_design(&self, id: &str, design: &Design) -> Result<(), String> {
        let storage = storage().ok_or("this browser gives the page no storage")?;
        storage
            .set_item(&design_key(id), &relvar_share::encode_stored(design))
            .map_err(|error| crate::browser::describe(&error))
    }

    fn report(&self, outcome: Result<(), String>) {
        let problem = outcome.err().map(|error| {
            format!("This browser did not save the design ({error}). Save it as a file to keep it.")
        });
        if self.problem.get_untracked() != problem {
            self.problem.set(problem);
        }
    }

    /// Records `design` in the index as changed at `now` (milliseconds since 1970).
    fn upsert(&self, id: &str, name: Option<&str>, design: &Design, now: f64) {
        self.entries.update(|entries| {
            match entries.iter_mut().find(|entry| entry.id == id) {
                Some(entry) => {
                    entry.updated = now;
                    entry.tables = design.tables.len();
                    if let Some(name) = name {
                        name.clone_into(&mut entry.name);
                    }
                }
                None => entries.push(DesignEntry {
                    id: id.to_owned(),
                    name: name.unwrap_or(design.name.as_str()).to_owned(),
                    updated: now,
                    tables: design.tables.len(),
                }),
            }
            relvar_model::order::sort_by(&mut entries[..], |a, b| b.updated.total_cmp(&a.updated));
        });
    }

    fn save_current(&self, design: &Design, edited: f64) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        self.upsert(&id, None, design, edited);
        let outcome = self
            .write_design(&id, design)
            .and_then(|()| self.write_index());
        self.report(outcome);
    }

    /// Saves `design` as a new design named `name`, and returns its id.
    pub fn create(&self, name: &str, design: &Design) -> String {
        self.flush();
        let id = self.fresh_id();
        self.upsert(&id, Some(name), design, js_sys::Date::now());
        let outcome = self
            .write_design(&id, design)
            .and_then(|()| self.write_index());
        self.report(outcome);
        id
    }

    fn fresh_id(&self) -> String {
        loop {
            let id = format!(
                "{:x}{:04x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 65_536.0) as u32
            );
            if !self
                .entries
                .with_untracked(|entries| entries.iter().any(|entry| entry.id == id))
            {
                return id;
            }
        }
    }

    /// Marks `id` as the design open in this browser.
    pub fn set_current(&self, id: &str) {
        self.flush();
        self.current.set(Some(id.to_owned()));
        if let Some(storage) = storage() {
            let _ = storage.set_item(CURRENT_KEY, id);
        }
    }

    /// Reads a saved design.
    pub fn load(&self, id: &str) -> Result<Design, String> {
        self.flush();
        let storage = storage().ok_or("this browser gives the page no storage")?;
        let payload = storage
            .get_item(&design_key(id))
            .ok()
            .flatten()
            .ok_or("the saved design is missing")?;
        relvar_share::decode_stored(&payload).map_err(|error| error.to_string())
    }

    pub fn name_of(&self, id: &str) -> Option<String> {
        self.entries.with_untracked(|entries| {
            entries
                .iter()
                .find(|entry| entry.id == id)
                .map(|entry| entry.name.clone())
        })
    }

    pub fn rename(&self, id: &str, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|entry| entry.id == id) {
                name.clone_into(&mut entry.name);
            }
        });
        let outcome = self.write_index();
        self.report(outcome);
    }

    /// Saves a copy of a saved design as a new one; its id.
    pub fn duplicate(&self, id: &str) -> Result<String, String> {
        let design = self.load(id)?;
        let name = format!("{} (copy)", self.name_of(id).unwrap_or_default());
        Ok(self.create(&name, &design))
    }

    pub fn delete(&self, id: &str) {
        if self
            .current
            .with_untracked(|current| current.as_deref() == Some(id))
        {
            self.unsaved.take();
        }
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&design_key(id));
        }
        self.entries
            .update(|entries| entries.retain(|entry| entry.id != id));
        let outcome = self.write_index();
        self.report(outcome);
    }
}
