//! Every review rule, one per file; [`ALL`] is the registry `review` runs, in code order.

pub mod boolean_as_flag;
pub mod deep_cascade_chain;
pub mod entity_attribute_value;
pub mod enum_like_text_column;
pub mod fixed_length_char;
pub mod float_for_money;
pub mod foreign_key_cycle;
pub mod foreign_key_to_non_unique;
pub mod foreign_key_type_mismatch;
pub mod foreign_key_without_index;
pub mod identifier_too_long;
pub mod integer_key_overflow;
pub mod json_instead_of_jsonb;
pub mod likely_missing_foreign_key;
pub mod list_valued_column;
pub mod many_indexes;
pub mod missing_timestamps;
pub mod naming_inconsistency;
pub mod no_primary_key;
pub mod nullable_primary_key_column;
pub mod polymorphic_association;
pub mod random_uuid_key;
pub mod redundant_index;
pub mod repeating_column_group;
pub mod reserved_word_name;
pub mod same_name_different_types;
pub mod serial_instead_of_identity;
pub mod soft_delete_unique;
pub mod table_without_relationships;
pub mod timestamp_without_time_zone;
pub mod varchar_with_length;
pub mod wide_table;

use crate::rule::Rule;

/// The rules of these modules, in the order given: each module's `INFO` and `check`.
macro_rules! registry {
    ($($rule:ident),* $(,)?) => {
        &[$(Rule { info: &$rule::INFO, scope: $rule::SCOPE, check: $rule::check }),*]
    };
}

/// Every rule, in code order.
pub const ALL: &[Rule] = registry![
    no_primary_key,
    nullable_primary_key_column,
    foreign_key_without_index,
    redundant_index,
    foreign_key_type_mismatch,
    foreign_key_to_non_unique,
    float_for_money,
    timestamp_without_time_zone,
    json_instead_of_jsonb,
    serial_instead_of_identity,
    fixed_length_char,
    varchar_with_length,
    random_uuid_key,
    reserved_word_name,
    identifier_too_long,
    likely_missing_foreign_key,
    same_name_different_types,
    polymorphic_association,
    repeating_column_group,
    boolean_as_flag,
    table_without_relationships,
    wide_table,
    many_indexes,
    foreign_key_cycle,
    deep_cascade_chain,
    entity_attribute_value,
    naming_inconsistency,
    list_valued_column,
    enum_like_text_column,
    soft_delete_unique,
    missing_timestamps,
    integer_key_overflow,
];
