//! The consistency every edit keeps, checked after each step of the random edits.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::design::{Design, EnumType};

/// Ids are unique and every reference resolves ([`Design::check_references`]), and enum types
/// have distinct qualified names.
pub(super) fn check_consistent(design: &Design) -> Result<(), TestCaseError> {
    if let Err(inconsistency) = design.check_references() {
        return Err(TestCaseError::fail(inconsistency));
    }
    let enums: BTreeSet<String> = design.enums.iter().map(EnumType::qualified_name).collect();
    prop_assert_eq!(enums.len(), design.enums.len());
    Ok(())
}
