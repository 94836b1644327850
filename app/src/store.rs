//! The app's state: the design in a reactive signal, edited only through commands kept in the
//! history, the selection, the message of the last refused edit, the report of the last import,
//! and whether the design is open to view only.

use leptos::prelude::*;
use relvar_model::{Command, Design, History};
use relvar_sql::{Dialect, Import};

use crate::selection::Selection;

/// What the last import found, for the import panel.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The dialect the text was read as, and whether Relvar chose it.
    pub dialect: Dialect,
    pub detected: bool,
    pub statement_count: usize,
    pub modelled_count: usize,
    pub table_count: usize,
    pub foreign_key_count: usize,
    pub diagnostics: Vec<relvar_sql::Diagnostic>,
    /// For several files joined as a migration folder: which file each line came from (the
    /// joined text itself is in the import box), and the files left out.
    pub sources: Option<relvar_sql::MigrationScript>,
}

type ReplaceListener = std::sync::Arc<dyn Fn() + Send + Sync>;
type ChangeListener = std::sync::Arc<dyn Fn(&Design) + Send + Sync>;

/// Why an edit was not made; the message is already shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub String);

/// Shared by every component through context.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    pub design: RwSignal<Design>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub last_import: RwSignal<Option<ImportReport>>,
    /// Called whenever the whole design is replaced, right away, so the canvas can fit the new
    /// design into view before anything is drawn for it.
    replace_listeners: StoredValue<Vec<ReplaceListener>>,
    /// Called with the design after every edit, undo and redo (the library saves it).
    change_listeners: StoredValue<Vec<ChangeListener>>,
    /// View only: every edit is refused.
    pub read_only: RwSignal<bool>,
    pub selection: RwSignal<Selection>,
    /// Why the last edit was refused, until the next edit succeeds.
    pub refusal: RwSignal<Option<String>>,
}

impl Store {
    pub fn new() -> Self {
        Self {
            design: RwSignal::new(Design::default()),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            last_import: RwSignal::new(None),
            replace_listeners: StoredValue::new(Vec::new()),
            change_listeners: StoredValue::new(Vec::new()),
            read_only: RwSignal::new(false),
            selection: RwSignal::new(Selection::default()),
            refusal: RwSignal::new(None),
        }
    }

    /// Applies an edit through the history; a command that does not apply changes nothing and
    /// its reason is shown to the user.
    pub fn dispatch(&self, command: Command) -> Result<(), Refused> {
        if self.read_only.get_untracked() {
            return Err(self.refuse_read_only());
        }
        let replaces = matches!(command, Command::ReplaceDesign(_));
        let mut outcome = Ok(());
        self.history.update_value(|history| {
            self.design.maybe_update(|design| {
                outcome = history.apply(design, command);
                outcome.is_ok()
            });
        });
        match outcome {
            Ok(()) => {
                self.refusal.set(None);
                self.after_change();
                if replaces {
                    self.replaced();
                }
                Ok(())
            }
            Err(error) => {
                let message = error.to_string();
                self.refusal.set(Some(message.clone()));
                Err(Refused(message))
            }
        }
    }

    fn refuse_read_only(&self) -> Refused {
        let message =
            String::from("This design is open to view only: switch View only off to edit it.");
        self.refusal.set(Some(message.clone()));
        Refused(message)
    }

    fn replaced(&self) {
        let listeners = self.replace_listeners.get_value();
        listeners.iter().for_each(|listener| listener());
    }

    /// Calls `listener` with the design after every edit, undo and redo.
    pub fn on_change(&self, listener: impl Fn(&Design) + Send + Sync + 'static) {
        self.change_listeners
            .update_value(|listeners| listeners.push(std::sync::Arc::new(listener)));
    }

    /// Opens another design: its own history starts empty and nothing is selected.
    pub fn open(&self, design: Design) {
        self.history.set_value(History::default());
        self.selection.set(Selection::default());
        self.last_import.set(None);
        self.refusal.set(None);
        self.design.set(design);
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.replaced();
    }

    /// Calls `listener` each time the whole design is replaced, before anything is drawn for it.
    pub fn on_replace(&self, listener: impl Fn() + Send + Sync + 'static) {
        self.replace_listeners
            .update_value(|listeners| listeners.push(std::sync::Arc::new(listener)));
    }

    pub fn undo(&self) {
        self.step(History::undo);
    }

    pub fn redo(&self) {
        self.step(History::redo);
    }

    fn step(
        &self,
        step: fn(&mut History, &mut Design) -> Result<bool, relvar_model::CommandError>,
    ) {
        if self.read_only.get_untracked() {
            self.refuse_read_only();
            return;
        }
        let mut stepped = false;
        self.history.update_value(|history| {
            self.design.maybe_update(|design| {
                stepped = matches!(step(history, design), Ok(true));
                stepped
            });
        });
        if stepped {
            self.refusal.set(None);
            self.after_change();
        }
    }

    /// Keeps the undo/redo buttons and the selection true to the design after it changed.
    fn after_change(&self) {
        let still = self.design.with_untracked(|design| {
            self.selection
                .with_untracked(|selection| selection.still_in(design))
        });
        if self
            .selection
            .with_untracked(|selection| *selection != still)
        {
            self.selection.set(still);
        }
        let (undo, redo) = self
            .history
            .with_value(|history| (history.can_undo(), history.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
        let listeners = self.change_listeners.get_value();
        self.design
            .with_untracked(|design| listeners.iter().for_each(|listener| listener(design)));
    }

    /// Imports SQL text (or a catalog document) as a new design (an undoable replacement) and
    /// records the report; with no dialect given, the text's dialect is detected. `name` names
    /// the design; `sources` maps the lines of a joined migration folder to its files. `done`
    /// gets the design's name when it has one (given, or the catalog's database): at once for
    /// SQL, once the worker has read it for a catalog document.
    pub fn import(
        &self,
        text: &str,
        chosen: Option<Dialect>,
        name: Option<String>,
        sources: Option<relvar_sql::MigrationScript>,
        done: impl FnOnce(Option<String>) + 'static,
    ) {
        let detected = relvar_sql::detect_dialect(text);
        if relvar_sql::is_catalog_document(text) {
            let (store, text_read) = (*self, text.to_owned());
            crate::catalog_import::read(store, text, move |import| {
                let read = ImportRead {
                    dialect: detected,
                    detected: chosen.is_none(),
                    name,
                    text: &text_read,
                    sources: None,
                };
                done(store.take_import(import, read));
            });
            return;
        }
        let dialect = chosen.unwrap_or(detected);
        let read = ImportRead {
            dialect,
            detected: chosen.is_none(),
            name,
            text,
            sources,
        };
        done(self.take_import(relvar_sql::import_ddl(text, dialect), read));
    }

    /// Makes an import's design the design, and its report the last import's.
    fn take_import(&self, import: Import, read: ImportRead) -> Option<String> {
        let Import {
            mut design,
            mut diagnostics,
            statement_count,
            modelled_count,
        } = import;
        match read.name {
            Some(name) => design.name = name,
            None if design.name == relvar_model::Design::default().name => {
                if let Some(name) = relvar_sql::design_name(read.text, &design) {
                    design.name = name;
                }
            }
            None => {}
        }
        let named =
            (design.name != relvar_model::Design::default().name).then(|| design.name.clone());
        relvar_model::order::sort_by_key(&mut diagnostics[..], |diagnostic| {
            (std::cmp::Reverse(diagnostic.severity), diagnostic.at)
        });
        relvar_layout::lay_out_unplaced(&mut design);
        self.selection.set(Selection::default());
        self.last_import.set(Some(ImportReport {
            dialect: read.dialect,
            detected: read.detected,
            statement_count,
            modelled_count,
            table_count: design.tables.len(),
            foreign_key_count: design.foreign_keys.len(),
            diagnostics,
            sources: read.sources.map(|script| relvar_sql::MigrationScript {
                text: String::new(),
                ..script
            }),
        }));
        let _ = self.dispatch(Command::ReplaceDesign(Box::new(design)));
        named
    }
}

/// How a text was read for an import, beside what the import made of it.
struct ImportRead<'a> {
    dialect: Dialect,
    detected: bool,
    name: Option<String>,
    text: &'a str,
    sources: Option<relvar_sql::MigrationScript>,
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
