//! Catalog documents (the JSON an engine's catalog query prints) read by the worker: their reader
//! stays out of the page's first load, as the queries themselves do.

use leptos::prelude::Set;
use relvar_model::Design;
use relvar_sql::Import;
use relvar_worker::protocol::{Answer, Request};

use crate::store::Store;

/// Sends a catalog document to the worker; `done` gets its import. When it cannot be read, the
/// refusal line says why and the design stays as it is.
pub fn read(store: Store, document: &str, done: impl FnOnce(Import) + 'static) {
    let request = Request::ImportCatalog(document.to_owned());
    crate::engine_room::ask(&Design::default(), &request, move |(reply, _)| {
        let imported = match reply {
            Ok(Answer::Imported(imported)) => imported,
            Ok(_) => {
                return store
                    .refusal
                    .set(Some(refused("the worker answered another request")));
            }
            Err(why) => return store.refusal.set(Some(refused(&why))),
        };
        match relvar_share::load_file(&imported.design_file) {
            Ok(design) => done(Import {
                design,
                diagnostics: imported.diagnostics,
                statement_count: imported.statement_count,
                modelled_count: imported.modelled_count,
            }),
            Err(error) => store.refusal.set(Some(refused(&error.to_string()))),
        }
    });
}

fn refused(why: &str) -> String {
    format!("The catalog document could not be imported: {why}.")
}
