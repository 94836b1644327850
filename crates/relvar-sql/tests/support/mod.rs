//! Helpers shared by the integration tests.

/// The outline's entries (a table with its indented lines, a foreign key, ...) in sorted order:
/// export writes tables in dependency order, so their order may change and nothing else may.
pub fn sorted_entries<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in lines {
        match entries.last_mut() {
            Some(entry) if line.starts_with("  ") => {
                entry.push('\n');
                entry.push_str(line);
            }
            _ => entries.push(line.to_owned()),
        }
    }
    entries.sort();
    entries
}
