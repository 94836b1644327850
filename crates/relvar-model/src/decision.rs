//! Architecture decisions recorded with the design: what was decided, why, and what follows, in
//! the shape of an architecture decision record (ADR).

use serde::{Deserialize, Serialize};

/// Where a decision stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionStatus {
    #[default]
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
    Superseded,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 5] = [
        Self::Proposed,
        Self::Accepted,
        Self::Rejected,
        Self::Deprecated,
        Self::Superseded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Proposed => "Proposed",
            Self::Accepted => "Accepted",
            Self::Rejected => "Rejected",
            Self::Deprecated => "Deprecated",
            Self::Superseded => "Superseded",
        }
    }

    /// The status a label names, ignoring ASCII case.
    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.label().eq_ignore_ascii_case(label.trim()))
    }

    fn is_proposed(&self) -> bool {
        *self == Self::Proposed
    }
}

/// One decision record; every text is kept as the user wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub title: String,
    #[serde(default, skip_serializing_if = "DecisionStatus::is_proposed")]
    pub status: DecisionStatus,
    /// When it was decided, as written (the app fills in today's date, `2026-12-02`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The forces at play: what made a decision necessary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
    /// What was decided.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    /// What follows from it, good and bad.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub consequences: String,
}
