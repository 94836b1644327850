//! Migration files as one zip archive, to download in one go.

use std::io::{Cursor, Write};

use relvar_diff::MigrationFile;
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// The files in a zip archive (deflated), in order; the error says why, in words.
pub fn zip_files(files: &[MigrationFile]) -> Result<Vec<u8>, String> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for file in files {
        writer
            .start_file(file.name.as_str(), options)
            .map_err(|error| format!("cannot add {} to the archive: {error}", file.name))?;
        writer
            .write_all(file.text.as_bytes())
            .map_err(|error| format!("cannot write {} into the archive: {error}", file.name))?;
    }
    let finished = writer
        .finish()
        .map_err(|error| format!("cannot finish the archive: {error}"))?;
    Ok(finished.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn the_archive_holds_every_file_by_name_with_its_text() {
        let files = [
            MigrationFile {
                name: "V1__shop.sql".into(),
                text: "ALTER TABLE users RENAME COLUMN username TO login;\n".repeat(40),
            },
            MigrationFile {
                name: "U1__shop.sql".into(),
                text: "ALTER TABLE users RENAME COLUMN login TO username;\n".into(),
            },
        ];
        let bytes = zip_files(&files).expect("an archive");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable archive");
        assert_eq!(archive.len(), 2);
        for file in &files {
            let mut entry = archive
                .by_name(&file.name)
                .expect("the file is in the archive");
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("readable text");
            assert_eq!(text, file.text);
        }
    }
}
