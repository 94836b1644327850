//! The preset dictionary of `r3.` links' zlib streams (RFC 1950's FDICT): text that designs and
//! the dumps they come from often hold (mysqldump's, pg_dump's, SQL Server's and SQLite's set-up
//! statements, SQL of functions, triggers and views, the importer's reasons for keeping a
//! statement as written, common types and column names), so that a link can refer back to it
//! instead of spelling it out. Most common last: zlib's back references are shorter near the end.
//!
//! Frozen: every `r3.` link's stream refers to the dictionary's bytes by their distance, so a
//! change to one byte makes every `r3.` link made before open wrongly or not at all. A better
//! dictionary needs a new link version.

/// The dictionary's bytes, for readers of `r3.` links elsewhere (zlib's `inflateSetDictionary`,
/// pako's `dictionary` option).
pub const LINK_DICTIONARY: &[u8] = include_bytes!("link_dictionary.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_of_r3_links_is_the_one_they_were_made_with() {
        assert_eq!(LINK_DICTIONARY.len(), 4518);
        assert_eq!(adler2::adler32_slice(LINK_DICTIONARY), 4_033_238_037);
    }
}
