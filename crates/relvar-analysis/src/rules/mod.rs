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

/// Every rule, in code order.
pub const ALL: &[Rule] = &[
    Rule {
        info: &no_primary_key::INFO,
        check: no_primary_key::check,
    },
    Rule {
        info: &nullable_primary_key_column::INFO,
        check: nullable_primary_key_column::check,
    },
    Rule {
        info: &foreign_key_without_index::INFO,
        check: foreign_key_without_index::check,
    },
    Rule {
        info: &redundant_index::INFO,
        check: redundant_index::check,
    },
    Rule {
        info: &foreign_key_type_mismatch::INFO,
        check: foreign_key_type_mismatch::check,
    },
    Rule {
        info: &foreign_key_to_non_unique::INFO,
        check: foreign_key_to_non_unique::check,
    },
    Rule {
        info: &float_for_money::INFO,
        check: float_for_money::check,
    },
    Rule {
        info: &timestamp_without_time_zone::INFO,
        check: timestamp_without_time_zone::check,
    },
    Rule {
        info: &json_instead_of_jsonb::INFO,
        check: json_instead_of_jsonb::check,
    },
    Rule {
        info: &serial_instead_of_identity::INFO,
        check: serial_instead_of_identity::check,
    },
    Rule {
        info: &fixed_length_char::INFO,
        check: fixed_length_char::check,
    },
    Rule {
        info: &varchar_with_length::INFO,
        check: varchar_with_length::check,
    },
    Rule {
        info: &random_uuid_key::INFO,
        check: random_uuid_key::check,
    },
    Rule {
        info: &reserved_word_name::INFO,
        check: reserved_word_name::check,
    },
    Rule {
        info: &identifier_too_long::INFO,
        check: identifier_too_long::check,
    },
    Rule {
        info: &likely_missing_foreign_key::INFO,
        check: likely_missing_foreign_key::check,
    },
    Rule {
        info: &same_name_different_types::INFO,
        check: same_name_different_types::check,
    },
    Rule {
        info: &polymorphic_association::INFO,
        check: polymorphic_association::check,
    },
    Rule {
        info: &repeating_column_group::INFO,
        check: repeating_column_group::check,
    },
    Rule {
        info: &boolean_as_flag::INFO,
        check: boolean_as_flag::check,
    },
    Rule {
        info: &table_without_relationships::INFO,
        check: table_without_relationships::check,
    },
    Rule {
        info: &wide_table::INFO,
        check: wide_table::check,
    },
    Rule {
        info: &many_indexes::INFO,
        check: many_indexes::check,
    },
    Rule {
        info: &foreign_key_cycle::INFO,
        check: foreign_key_cycle::check,
    },
    Rule {
        info: &deep_cascade_chain::INFO,
        check: deep_cascade_chain::check,
    },
    Rule {
        info: &entity_attribute_value::INFO,
        check: entity_attribute_value::check,
    },
    Rule {
        info: &naming_inconsistency::INFO,
        check: naming_inconsistency::check,
    },
    Rule {
        info: &list_valued_column::INFO,
        check: list_valued_column::check,
    },
    Rule {
        info: &enum_like_text_column::INFO,
        check: enum_like_text_column::check,
    },
    Rule {
        info: &soft_delete_unique::INFO,
        check: soft_delete_unique::check,
    },
    Rule {
        info: &missing_timestamps::INFO,
        check: missing_timestamps::check,
    },
    Rule {
        info: &integer_key_overflow::INFO,
        check: integer_key_overflow::check,
    },
];
