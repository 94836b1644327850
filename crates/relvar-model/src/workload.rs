//! The workload a design carries: the queries its application runs, each with how often it runs
//! relative to the others, kept as the user wrote them (a query that does not parse stays).

use serde::{Deserialize, Serialize};

/// One query of the workload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadQuery {
    /// The statement as written, in any dialect the design's parser reads.
    pub sql: String,
    /// How often it runs relative to the other queries; at least 1, saved only when not 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub frequency: u32,
}

impl WorkloadQuery {
    pub fn new(sql: impl Into<String>, frequency: u32) -> Self {
        Self {
            sql: sql.into(),
            frequency,
        }
    }
}

fn one() -> u32 {
    1
}

fn is_one(frequency: &u32) -> bool {
    *frequency == 1
}
