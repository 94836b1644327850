//! SVG markup of notes (free text on the canvas) and subject areas (a coloured frame around a
//! group of tables, with its name above them).

use std::fmt::Write;

use relvar_model::{Note, SubjectArea};

use super::palette::Palette;
use super::{escape, safe_colour};
use crate::geometry::{CHAR_WIDTH, Size};
use crate::viewport::Rect;

const NOTE_PADDING: f64 = 10.0;
const NOTE_LINE_HEIGHT: f64 = 18.0;
const NOTE_MIN_WIDTH: f64 = 140.0;
/// Room around an area's tables, and above them for its name.
pub const AREA_MARGIN: f64 = 24.0;
pub const AREA_LABEL_HEIGHT: f64 = 28.0;

/// The size of a note's box: its longest line wide, one line per line of text.
pub fn note_size(note: &Note) -> Size {
    let lines: Vec<&str> = note.text.split('\n').collect();
    let longest = lines
        .iter()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    Size {
        width: (longest as f64 * CHAR_WIDTH + 2.0 * NOTE_PADDING)
            .max(NOTE_MIN_WIDTH)
            .ceil(),
        height: lines.len().max(1) as f64 * NOTE_LINE_HEIGHT + 2.0 * NOTE_PADDING,
    }
}

/// Appends a note's `<g class="note">`.
pub fn note_markup(out: &mut String, note: &Note, palette: &Palette, selected: bool) {
    let size = note_size(note);
    let fill = note
        .colour
        .as_deref()
        .and_then(safe_colour)
        .unwrap_or(palette.note_fill);
    let stroke = if selected {
        palette.selection
    } else {
        palette.note_stroke
    };
    let class = if selected { "note selected" } else { "note" };
    let _ = write!(
        out,
        r#"<g class="{class}" data-note-id="{}" transform="translate({} {})"><rect class="note-body" width="{}" height="{}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="{}"/>"#,
        note.id.0,
        note.at.x,
        note.at.y,
        size.width,
        size.height,
        if selected { 2.5 } else { 1.0 }
    );
    for (index, line) in note.text.split('\n').enumerate() {
        let _ = write!(
            out,
            r#"<text class="note-text" x="{NOTE_PADDING}" y="{}" fill="{}">{}</text>"#,
            NOTE_PADDING + (index as f64 + 0.75) * NOTE_LINE_HEIGHT,
            palette.note_text,
            escape(line)
        );
    }
    out.push_str("</g>");
}

/// The frame of an area around the boxes of its tables, or none when it has no table drawn.
pub fn area_frame(member_boxes: impl IntoIterator<Item = Rect>) -> Option<Rect> {
    let inner = member_boxes.into_iter().reduce(Rect::union)?;
    Some(Rect {
        x: inner.x - AREA_MARGIN,
        y: inner.y - AREA_MARGIN - AREA_LABEL_HEIGHT,
        width: inner.width + 2.0 * AREA_MARGIN,
        height: inner.height + 2.0 * AREA_MARGIN + AREA_LABEL_HEIGHT,
    })
}

/// Appends an area's `<g class="area">` for the given frame.
pub fn area_markup(
    out: &mut String,
    area: &SubjectArea,
    frame: Rect,
    palette: &Palette,
    selected: bool,
) {
    let colour = safe_colour(&area.colour).unwrap_or(palette.selection);
    let class = if selected { "area selected" } else { "area" };
    let _ = write!(
        out,
        r#"<g class="{class}" data-area-id="{}"><rect class="area-frame" x="{}" y="{}" width="{}" height="{}" rx="10" fill="{colour}" fill-opacity="0.10" stroke="{colour}" stroke-width="{}"/><rect class="area-handle" x="{}" y="{}" width="{}" height="{AREA_LABEL_HEIGHT}" fill="transparent"/><text class="area-name" x="{}" y="{}" fill="{colour}" font-weight="700">{}</text></g>"#,
        area.id.0,
        frame.x,
        frame.y,
        frame.width,
        frame.height,
        if selected { 3.0 } else { 1.5 },
        frame.x,
        frame.y,
        frame.width,
        frame.x + 12.0,
        frame.y + 20.0,
        escape(&area.name)
    );
}
