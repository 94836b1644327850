//! Dashed lines drawn as short pieces. A browser painting one tile of a picture dashes, from its
//! start, every dashed path whose bounds meet the tile, so a few long dashed relationships made
//! each tile of a big design cost tens of milliseconds in a software rasteriser (80 ms measured
//! at 2,000 tables in headless Chromium); pieces of [`PIECE_LENGTH`] keep the dashing local. Each
//! piece starts at a whole number of dash periods, so the pattern runs on unbroken, and pieces
//! outside the part of the canvas being drawn are left out.

use std::fmt::Write;

use relvar_model::Point;

use crate::Rect;

/// The dash pattern of a non-identifying relationship: 6 drawn, 4 left out.
pub const DASH_PATTERN: &str = "6 4";

/// The length of a piece: a whole number of the pattern's 10-unit periods.
const PIECE_LENGTH: f64 = 400.0;

/// The most straight steps a curve is drawn with.
const MOST_CURVE_STEPS: u32 = 96;

/// The points of a cubic Bézier curve as straight steps of about 16 units.
pub fn cubic_polyline(start: Point, c1: Point, c2: Point, end: Point) -> Vec<Point> {
    let reach = distance(start, c1) + distance(c1, c2) + distance(c2, end);
    let steps = ((reach / 16.0).ceil() as u32).clamp(8, MOST_CURVE_STEPS);
    (0..=steps)
        .map(|step| {
            let t = f64::from(step) / f64::from(steps);
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            Point::new(
                a * start.x + b * c1.x + c * c2.x + d * end.x,
                a * start.y + b * c1.y + c * c2.y + d * end.y,
            )
        })
        .collect()
}

fn distance(a: Point, b: Point) -> f64 {
    (b.x - a.x).hypot(b.y - a.y)
}

/// Appends one `<path>` per piece of the polyline through `points`, each at most
/// [`PIECE_LENGTH`] long and starting where the one before ended; with a `clip`, only the
/// pieces that come within [`CLIP_MARGIN`] of it.
pub fn pieces_markup(out: &mut String, points: &[Point], clip: Option<Rect>) {
    let mut write_piece = |piece: &[Point]| {
        if clip.is_none_or(|clip| comes_near(piece, clip)) {
            write_piece(out, piece);
        }
    };
    let mut piece: Vec<Point> = Vec::new();
    let mut length = 0.0;
    for pair in points.windows(2) {
        let &[from, to] = pair else {
            continue;
        };
        if piece.is_empty() {
            piece.push(from);
        }
        let mut at = from;
        let mut left = distance(at, to);
        while length + left > PIECE_LENGTH {
            let fraction = (PIECE_LENGTH - length) / left;
            let cut = Point::new(
                at.x + (to.x - at.x) * fraction,
                at.y + (to.y - at.y) * fraction,
            );
            piece.push(cut);
            write_piece(&piece);
            piece = vec![cut];
            left -= distance(at, cut);
            at = cut;
            length = 0.0;
        }
        length += left;
        piece.push(to);
    }
    if piece.len() > 1 {
        write_piece(&piece);
    }
}

/// How far outside a clip a piece is still drawn: more than a line's width and its ends.
const CLIP_MARGIN: f64 = 8.0;

fn comes_near(piece: &[Point], clip: Rect) -> bool {
    Rect::around(piece).is_some_and(|reach| {
        reach.x <= clip.right() + CLIP_MARGIN
            && clip.x - CLIP_MARGIN <= reach.right()
            && reach.y <= clip.bottom() + CLIP_MARGIN
            && clip.y - CLIP_MARGIN <= reach.bottom()
    })
}

fn write_piece(out: &mut String, piece: &[Point]) {
    out.push_str(r#"<path d=""#);
    for (index, point) in piece.iter().enumerate() {
        out.push(if index == 0 { 'M' } else { 'L' });
        write_tenths(out, point.x);
        out.push(' ');
        write_tenths(out, point.y);
    }
    out.push_str(r#""/>"#);
}

/// `value` to one decimal (halves away from zero) through integers: formatting floats is most
/// of the time a piece takes in WebAssembly.
fn write_tenths(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        let _ = write!(out, "{value:.1}");
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    let _ = write!(out, "{}.{}", magnitude / 10, magnitude % 10);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(markup: &str) -> Vec<f64> {
        markup
            .split(r#"<path d=""#)
            .skip(1)
            .map(|piece| {
                let points: Vec<Point> = piece
                    .trim_end_matches(r#""/>"#)
                    .split(['M', 'L'])
                    .filter(|part| !part.is_empty())
                    .map(|part| {
                        let (x, y) = part.split_once(' ').unwrap_or(("0", "0"));
                        Point::new(x.parse().unwrap_or(0.0), y.parse().unwrap_or(0.0))
                    })
                    .collect();
                points
                    .windows(2)
                    .map(|pair| distance(pair[0], pair[1]))
                    .sum()
            })
            .collect()
    }

    #[test]
    fn a_long_line_is_cut_into_whole_periods_that_join_up() {
        let mut out = String::new();
        pieces_markup(
            &mut out,
            &[
                Point::new(0.0, 0.0),
                Point::new(1250.0, 0.0),
                Point::new(1250.0, 100.0),
            ],
            None,
        );
        let found = lengths(&out);
        assert_eq!(found.len(), 4, "{out}");
        for piece in &found[..3] {
            assert!((piece - PIECE_LENGTH).abs() < 0.2, "{found:?}");
        }
        assert!(
            (found.iter().sum::<f64>() - 1350.0).abs() < 0.5,
            "{found:?}"
        );
        assert!(
            out.ends_with(r#"<path d="M1200.0 0.0L1250.0 0.0L1250.0 100.0"/>"#),
            "the last piece turns the corner: {out}"
        );
    }

    #[test]
    fn tenths_are_the_value_to_a_twentieth() {
        for value in [
            0.0, 0.04, 0.05, -0.04, -0.06, 1.25, -12.349, 123_456.78, -0.95, 9.99,
        ] {
            let mut out = String::new();
            write_tenths(&mut out, value);
            let (whole, tenth) = out
                .trim_start_matches('-')
                .split_once('.')
                .unwrap_or_default();
            assert!(!whole.is_empty() && tenth.len() == 1, "{value}: {out}");
            let written: f64 = out.parse().unwrap_or(f64::NAN);
            assert!((written - value).abs() <= 0.05 + 1e-9, "{value}: {out}");
        }
    }

    #[test]
    fn a_short_line_is_one_piece_and_a_curve_keeps_its_ends() {
        let mut out = String::new();
        pieces_markup(
            &mut out,
            &[Point::new(0.0, 0.0), Point::new(30.0, 40.0)],
            None,
        );
        assert_eq!(out, r#"<path d="M0.0 0.0L30.0 40.0"/>"#);
        let curve = cubic_polyline(
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(100.0, 300.0),
            Point::new(200.0, 300.0),
        );
        assert_eq!(curve.first(), Some(&Point::new(0.0, 0.0)));
        assert_eq!(curve.last(), Some(&Point::new(200.0, 300.0)));
        assert!(curve.len() > 8 && curve.len() <= 97);
    }

    #[test]
    fn only_pieces_near_the_clip_are_drawn_and_they_are_where_the_whole_line_has_them() {
        let line = [
            Point::new(0.0, 0.0),
            Point::new(4000.0, 0.0),
            Point::new(4000.0, 2000.0),
        ];
        let (mut whole, mut clipped) = (String::new(), String::new());
        pieces_markup(&mut whole, &line, None);
        let clip = Rect {
            x: 1000.0,
            y: -50.0,
            width: 500.0,
            height: 100.0,
        };
        pieces_markup(&mut clipped, &line, Some(clip));
        let pieces = |markup: &str| -> Vec<String> {
            markup.split("<path").skip(1).map(str::to_owned).collect()
        };
        let kept = pieces(&clipped);
        assert_eq!(
            kept,
            vec![
                r#" d="M800.0 0.0L1200.0 0.0"/>"#.to_owned(),
                r#" d="M1200.0 0.0L1600.0 0.0"/>"#.to_owned(),
            ],
            "{clipped}"
        );
        assert!(kept.iter().all(|piece| pieces(&whole).contains(piece)));
        let far = Rect { x: 9000.0, ..clip };
        let mut none = String::new();
        pieces_markup(&mut none, &line, Some(far));
        assert!(none.is_empty(), "{none}");
    }
}
