//! The data dictionary as one self-contained HTML file: no script, no outside resource, styles
//! inline, each table's neighbourhood drawn as inline SVG by the canvas's own drawing; written
//! well-formed (void elements closed) so that it also reads as XML.

use std::fmt::Write;

use relvar_layout::draw::{DiagramScope, Theme, diagram_svg, escape};
use relvar_model::{Design, Point, TableId, grouped};

use super::{Dictionary, TableEntry, dictionary};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1f24;\
background:#fff;margin:0 auto;max-width:78rem;padding:1.5rem;line-height:1.45}\
h1{font-size:1.7rem}h2{font-size:1.35rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de}\
h3{font-size:1.05rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}\
th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top;\
overflow-wrap:anywhere}th{background:#f3f5f7}td.number{text-align:right}\
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}\
a{color:#0b4fa8}figure{margin:.5rem 0}svg{max-width:100%;height:auto}\
figcaption{color:#444;font-size:.9rem}";

/// The data dictionary of `design` as one HTML file.
pub fn dictionary_html(design: &Design) -> String {
    write_html(&dictionary(design))
}

fn write_html(dictionary: &Dictionary) -> String {
    let title = format!("Data dictionary: {}", dictionary.title);
    let column_count: usize = dictionary.tables.iter().map(|t| t.columns.len()).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <title>{}</title><style>{STYLE}</style></head><body>\n<header><h1>{}</h1>\
         <p>{}; {} tables, {column_count} columns. Tables and columns with a comment: {}.</p></header>\n<main>\n",
        escape(&title),
        escape(&title),
        escape(dictionary.dialect.name()),
        dictionary.tables.len(),
        dictionary.coverage.text()
    );
    out.push_str("<nav aria-labelledby=\"tables\"><h2 id=\"tables\">Tables</h2><table><thead><tr>");
    for heading in ["Table", "Columns", "Expected rows", "Comments", "Comment"] {
        let _ = write!(out, "<th scope=\"col\">{heading}</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for (at, table) in dictionary.tables.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#table-{at}\">{}</a></td><td class=\"number\">{}</td>\
             <td class=\"number\">{}</td><td class=\"number\">{}</td><td>{}</td></tr>",
            escape(&table.name),
            table.columns.len(),
            table.expected_rows.map(grouped).unwrap_or_default(),
            table.coverage.text(),
            escape(table.comment.as_deref().unwrap_or_default())
        );
    }
    out.push_str("</tbody></table></nav>\n");
    for (at, table) in dictionary.tables.iter().enumerate() {
        write_table(&mut out, at, table);
    }
    out.push_str("</main></body></html>\n");
    out
}

fn write_table(out: &mut String, at: usize, table: &TableEntry) {
    let name = escape(&table.name);
    let _ = write!(
        out,
        "<section aria-labelledby=\"table-{at}\"><h2 id=\"table-{at}\">{name}</h2>"
    );
    if let Some(comment) = &table.comment {
        let _ = write!(out, "<p>{}</p>", escape(comment));
    }
    let rows = table
        .expected_rows
        .map(|rows| format!("Expected rows: {}. ", grouped(rows)))
        .unwrap_or_default();
    let _ = write!(out, "<p>{rows}Comments: {}.</p>", table.coverage.text());
    let _ = write!(
        out,
        "<table><caption>Columns of {name}</caption><thead><tr>"
    );
    for heading in [
        "Column",
        "Type",
        "Default",
        "Nullable",
        "Keys",
        "References",
        "Referenced by",
        "Classification",
        "Comment",
    ] {
        let _ = write!(out, "<th scope=\"col\">{heading}</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for column in &table.columns {
        let default = column
            .default
            .as_deref()
            .map(|d| format!("<code>{}</code>", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{default}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&column.name),
            escape(&column.data_type),
            if column.nullable { "yes" } else { "no" },
            column.keys.join(", "),
            escape(&column.references.join(", ")),
            escape(&column.referenced_by.join(", ")),
            escape(&column.classification),
            escape(column.comment.as_deref().unwrap_or_default())
        );
    }
    out.push_str("</tbody></table>\n");
    let listed = |out: &mut String, heading: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        let _ = write!(out, "<h3>{heading}</h3><ul>");
        for item in items {
            let _ = write!(out, "<li><code>{}</code></li>", escape(item));
        }
        out.push_str("</ul>\n");
    };
    listed(out, "Constraints", &table.constraints);
    listed(out, "Indexes", &table.indexes);
    listed(out, "Read by views", &table.read_by);
    let mut drawn = table.neighbourhood.design.clone();
    place_in_rows(&mut drawn, table.id);
    if let Some(svg) = diagram_svg(&drawn, DiagramScope::Whole, Theme::Light) {
        let label = format!("{} and the tables its foreign keys join it to", table.name);
        let svg = svg.replacen(
            "<svg ",
            &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(&label)),
            1,
        );
        let _ = write!(out, "<h3>Neighbourhood</h3><figure>{svg}");
        if !table.neighbourhood.not_drawn.is_empty() {
            let _ = write!(
                out,
                "<figcaption>Also joined to: {}.</figcaption>",
                escape(&table.neighbourhood.not_drawn.join(", "))
            );
        }
        out.push_str("</figure>\n");
    }
    out.push_str("</section>\n");
}

/// Gap between boxes of a neighbourhood, across and down.
const GAP: f64 = 48.0;

/// The tables a neighbourhood's table references in a row above it, those that reference it in
/// a row below, each row centred on it: its foreign keys then run straight up and down.
fn place_in_rows(design: &mut Design, centre: TableId) {
    let references = |from: TableId, to: TableId| {
        design
            .foreign_keys
            .iter()
            .any(|fk| fk.from_table == from && fk.to_table == to)
    };
    let (mut above, mut below) = (Vec::new(), Vec::new());
    for table in design.tables.iter().filter(|t| t.id != centre) {
        let size = relvar_layout::table_size(table);
        if references(centre, table.id) {
            above.push((table.id, size));
        } else {
            below.push((table.id, size));
        }
    }
    let centre_size = design
        .table(centre)
        .map(relvar_layout::table_size)
        .unwrap_or(relvar_layout::Size {
            width: 0.0,
            height: 0.0,
        });
    let row_width = |row: &[(TableId, relvar_layout::Size)]| {
        row.iter().map(|(_, size)| size.width + GAP).sum::<f64>() - GAP
    };
    let widest = row_width(&above)
        .max(row_width(&below))
        .max(centre_size.width);
    let tallest = |row: &[(TableId, relvar_layout::Size)]| {
        row.iter().map(|(_, size)| size.height).fold(0.0, f64::max)
    };
    let mut positions = Vec::new();
    let mut place_row = |row: &[(TableId, relvar_layout::Size)], y: f64| {
        let mut x = (widest - row_width(row)) / 2.0;
        for (id, size) in row {
            positions.push((*id, Point::new(x, y)));
            x += size.width + GAP;
        }
    };
    let above_height = tallest(&above);
    place_row(&above, 0.0);
    let centre_y = if above.is_empty() {
        0.0
    } else {
        above_height + GAP * 1.5
    };
    place_row(&[(centre, centre_size)], centre_y);
    place_row(&below, centre_y + centre_size.height + GAP * 1.5);
    design.layout.positions = positions.into_iter().collect();
}
