//! Drawing the diagram as SVG text: tables, relationships with crow's foot ends, notes and
//! subject areas. The canvas and the exported SVG and PNG pictures use this same code.

mod annotations;
mod dashes;
mod diagram;
mod facts;
mod palette;
mod relationship;
mod table;

pub use annotations::{
    AREA_LABEL_HEIGHT, AREA_MARGIN, area_frame, area_markup, note_markup, note_size,
};
pub use diagram::{DiagramScope, FONT_FAMILY, diagram_svg};
pub use facts::{TableFacts, design_facts, drawn_boxes};
pub use palette::{Palette, Theme};
pub use relationship::{
    DrawnTable, RelationshipPlan, RelationshipStyle, far_lines_markup, relationship_markup,
    relationship_plan, relationship_plan_around, relationship_route,
};
pub use table::{BadgeLevel, ChangeMarks, TableBadge, TableStyle, table_markup};

/// How much of each table to draw; far-out zoom draws less, so thousands of tables stay fast.
/// Ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    /// The box alone.
    Boxes,
    /// The box and the table's name.
    Names,
    /// Every drawn column with markers, names and types.
    Full,
}

impl Detail {
    /// The detail to draw at a zoom scale while the view may be moving: never more than before,
    /// so zooming in redraws only once it stops (`moving` false), and zooming out gets cheaper at once.
    pub fn while_moving(scale: f64, before: Option<Detail>, moving: bool) -> Detail {
        let wanted = Detail::for_scale(scale);
        match before {
            Some(before) if moving => wanted.min(before),
            _ => wanted,
        }
    }

    /// The detail that is still readable at a zoom scale.
    pub fn for_scale(scale: f64) -> Detail {
        if scale >= 0.45 {
            Detail::Full
        } else if scale >= 0.2 {
            Detail::Names
        } else {
            Detail::Boxes
        }
    }
}

/// Text made safe to place in SVG, HTML or XML markup, as content or inside a quoted attribute:
/// line breaks and tabs kept, other control characters and the noncharacters U+FFFE and U+FFFF
/// (which XML refuses) replaced.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}') =>
            {
                out.push('\u{FFFD}')
            }
            c => out.push(c),
        }
    }
    out
}

/// A user's colour when it is a plain hex colour (`#rgb`, `#rrggbb`, with optional alpha),
/// which is all the drawing accepts.
pub fn safe_colour(colour: &str) -> Option<&str> {
    let digits = colour.strip_prefix('#')?;
    let plain = matches!(digits.len(), 3 | 4 | 6 | 8)
        && digits.chars().all(|digit| digit.is_ascii_hexdigit());
    plain.then_some(colour)
}

#[cfg(test)]
mod line_tests;
#[cfg(test)]
mod tests;
