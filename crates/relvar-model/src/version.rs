//! Versions of a design: named snapshots (title, date, note) kept with it, to compare and to
//! migrate from one to the next.

use serde::{Deserialize, Serialize};

use crate::design::Design;

/// The design as it was when a person saved it under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub name: String,
    /// When it was saved, as the saver's clock gave it (ISO 8601, UTC).
    pub saved_at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The design as it was, without versions of its own.
    pub design: Box<Design>,
}

impl Version {
    /// A snapshot of `design` (its own versions left out) under `name`.
    pub fn of(design: &Design, name: &str, saved_at: &str, note: &str) -> Self {
        Self {
            name: name.trim().to_string(),
            saved_at: saved_at.to_string(),
            note: note.trim().to_string(),
            design: Box::new(design.without_versions()),
        }
    }

    /// Whether `name` names this version (spacing at the ends and case aside).
    pub fn is_named(&self, name: &str) -> bool {
        self.name.trim().eq_ignore_ascii_case(name.trim())
    }
}

impl Design {
    /// The design alone, as a link carries it unless the person asks for its versions too.
    pub fn without_versions(&self) -> Design {
        Design {
            format_version: self.format_version,
            name: self.name.clone(),
            source_dialect: self.source_dialect,
            schemas: self.schemas.clone(),
            tables: self.tables.clone(),
            foreign_keys: self.foreign_keys.clone(),
            enums: self.enums.clone(),
            domains: self.domains.clone(),
            sequences: self.sequences.clone(),
            views: self.views.clone(),
            unmodelled: self.unmodelled.clone(),
            notes: self.notes.clone(),
            areas: self.areas.clone(),
            layout: self.layout.clone(),
            review_disabled: self.review_disabled.clone(),
            workload: self.workload.clone(),
            decisions: self.decisions.clone(),
            saved_views: self.saved_views.clone(),
            ids: self.ids.clone(),
            versions: Vec::new(),
        }
    }

    /// The version named `name` (case aside), if the design keeps one.
    pub fn version(&self, name: &str) -> Option<&Version> {
        self.versions.iter().find(|version| version.is_named(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_the_design_without_versions_and_found_by_name_in_any_case() {
        let mut design = Design {
            name: "shop".into(),
            schemas: vec!["sales".into()],
            ..Design::default()
        };
        let first = Version::of(&design, " v1 ", "2026-12-07T10:00:00Z", "");
        design.versions.push(first.clone());
        let second = Version::of(&design, "v2", "2026-12-07T11:00:00Z", "after v1");
        assert!(second.design.versions.is_empty());
        assert_eq!(*second.design, design.without_versions());
        let mut whole = (*second.design).clone();
        whole.versions = design.versions.clone();
        assert_eq!(whole, design, "only the versions are left out");
        assert_eq!(design.version("V1").map(|v| v.name.as_str()), Some("v1"));
        assert!(design.version("v3").is_none());
    }
}
