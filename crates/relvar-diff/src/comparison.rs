//! A comparison as the studio asks for it and shows it: two sides (the design now, a version it
//! keeps, or a schema brought in as DDL), the changes in words with what they mark, the up and
//! down scripts with their risks, and the migration files.

use relvar_model::{Design, Dialect};
use relvar_sql::{detect_dialect, import_sql};
use serde::{Deserialize, Serialize};

use crate::changes::{Change, describe};
use crate::diff::diff;
use crate::files::{FileNaming, MigrationFile, migration_files};
use crate::hints::rename_hints;
use crate::matching::{Matching, Renames};
use crate::script::{migration, safe_migration};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// The design as it is now.
    Current,
    /// A version the design keeps, by name.
    Version(String),
    /// A schema from elsewhere: DDL (a migration folder joined in order) or the JSON a catalog
    /// query prints, in the dialect of this id or the one its text shows.
    Schema {
        text: String,
        dialect: Option<String>,
    },
}

/// What to compare, for which engine, written how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRequest {
    pub from: Side,
    pub to: Side,
    /// The engine the scripts are for, by id; the newer side's dialect when none.
    pub dialect: Option<String>,
    /// The zero-downtime plan (PostgreSQL).
    pub safe: bool,
    pub naming: FileNaming,
    /// Renames the person confirmed, for a comparison by name (with a schema from elsewhere).
    #[serde(default)]
    pub renames: Renames,
}

/// The outcome: names of both sides, the changes, both scripts and their risks, the files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    /// The name of the engine the scripts are for.
    pub dialect: String,
    pub changes: Vec<Change>,
    pub up: String,
    pub down: String,
    pub up_risks: Vec<String>,
    pub down_risks: Vec<String>,
    /// What the scripts could not do as asked (such as a zero-downtime plan for another engine).
    pub warnings: Vec<String>,
    pub files: Vec<MigrationFile>,
}

/// Compares two sides of `design` (versions of one design are paired by id, so renames are
/// renames; a schema from elsewhere by name, with its rename hints and the renames the person
/// confirmed). The error says, in words,
/// which side could not be read.
pub fn compare(design: &Design, request: &CompareRequest) -> Result<Comparison, String> {
    let (from, from_text) = side(design, &request.from)?;
    let (to, to_text) = side(design, &request.to)?;
    let by_id = from_text.is_none() && to_text.is_none();
    let (matching, renames) = if by_id {
        (Matching::ById, Renames::default())
    } else {
        let mut renames = rename_hints(to_text.as_deref().unwrap_or_default());
        renames.extend(request.renames.clone());
        (Matching::ByName, renames)
    };
    let dialect = match &request.dialect {
        Some(id) => Dialect::from_id(id).ok_or_else(|| format!("no engine is called {id}"))?,
        None => to.dialect(),
    };
    let forward = diff(&from, &to, matching, &renames);
    let backward = diff(&to, &from, matching, &renames.reversed());
    let plan = if request.safe {
        safe_migration
    } else {
        migration
    };
    let up = plan(&from, &to, &forward, dialect);
    let down = plan(&to, &from, &backward, dialect);
    let mut warnings = up.warnings.clone();
    if request.safe && !up.safe && !up.steps.is_empty() {
        warnings.push(format!(
            "zero-downtime plans are written for PostgreSQL and MySQL/MariaDB; the {} script is the plain one",
            dialect.name()
        ));
    }
    Ok(Comparison {
        from: label(&request.from),
        to: label(&request.to),
        dialect: dialect.name().to_string(),
        changes: describe(&from, &to, &forward),
        up: up.sql(),
        down: down.sql(),
        up_risks: up.risks().map(str::to_string).collect(),
        down_risks: down.risks().map(str::to_string).collect(),
        warnings,
        files: migration_files(&request.naming, &up, &down),
    })
}

/// How a side is named to the person.
fn label(side: &Side) -> String {
    match side {
        Side::Current => String::from("the design now"),
        Side::Version(name) => format!("version {name}"),
        Side::Schema { .. } => String::from("the schema brought in"),
    }
}

/// The design of one side, and the text it was read from when it is a schema from elsewhere.
fn side(design: &Design, side: &Side) -> Result<(Design, Option<String>), String> {
    match side {
        Side::Current => Ok((design.without_versions(), None)),
        Side::Version(name) => design
            .version(name)
            .map(|version| ((*version.design).clone(), None))
            .ok_or_else(|| format!("the design keeps no version named {name}")),
        Side::Schema { text, dialect } => {
            let dialect = match dialect {
                Some(id) => {
                    Dialect::from_id(id).ok_or_else(|| format!("no dialect is called {id}"))?
                }
                None => detect_dialect(text),
            };
            let import = import_sql(text, dialect);
            if import.modelled_count == 0 && !text.trim().is_empty() {
                return Err(format!(
                    "nothing in the schema brought in could be read as {}",
                    dialect.name()
                ));
            }
            let mut schema = import.design;
            schema.source_dialect.get_or_insert(dialect);
            Ok((schema, Some(text.clone())))
        }
    }
}
