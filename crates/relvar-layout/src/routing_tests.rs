//! Routes around boxes: clear lines stay curves, blocked ones find a gap, and no route returned
//! ever crosses a box.

use proptest::prelude::*;
use relvar_model::Point;

use super::*;
use crate::edges::route;

fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
    Rect {
        x,
        y,
        width,
        height,
    }
}

#[test]
fn segments_cross_the_inside_only() {
    let box_ = rect(0.0, 0.0, 10.0, 10.0);
    assert!(segment_crosses(
        Point::new(-5.0, 5.0),
        Point::new(15.0, 5.0),
        box_
    ));
    assert!(!segment_crosses(
        Point::new(-5.0, 0.0),
        Point::new(15.0, 0.0),
        box_
    ));
    assert!(!segment_crosses(
        Point::new(10.0, 5.0),
        Point::new(20.0, 5.0),
        box_
    ));
    assert!(segment_crosses(
        Point::new(-5.0, -5.0),
        Point::new(15.0, 15.0),
        box_
    ));
    assert!(!segment_crosses(
        Point::new(-5.0, 20.0),
        Point::new(20.0, 12.0),
        box_
    ));
}

#[test]
fn a_clear_line_keeps_its_curve() {
    let from = rect(0.0, 0.0, 100.0, 100.0);
    let to = rect(300.0, 0.0, 100.0, 100.0);
    let edge = route(from, 40.0, to, 60.0);
    let far_away = rect(150.0, 500.0, 50.0, 50.0);
    assert_eq!(route_around(&edge, &[from, to, far_away]), None);
}

#[test]
fn a_box_in_the_way_is_gone_around() {
    let from = rect(0.0, 0.0, 100.0, 100.0);
    let to = rect(500.0, 0.0, 100.0, 100.0);
    let blocker = rect(200.0, -60.0, 120.0, 220.0);
    let edge = route(from, 50.0, to, 50.0);
    let obstacles = [from, to, blocker];
    let points = route_around(&edge, &obstacles).expect("a route around the box");
    assert_eq!(points.first(), Some(&edge.start));
    assert_eq!(points.last(), Some(&edge.end));
    assert!(!polyline_crosses(&points, &obstacles), "{points:?}");
    assert!(
        points
            .iter()
            .any(|point| point.y < blocker.y || point.y > blocker.bottom()),
        "it passes above or below the box: {points:?}"
    );
    let d = rounded_path(&points);
    assert!(
        d.starts_with("M 100.0 50.0") && d.ends_with("L 500.0 50.0"),
        "{d}"
    );
    assert!(d.contains(" Q "), "corners are rounded: {d}");
}

#[test]
fn a_gap_between_boxes_makes_a_z() {
    let from = rect(0.0, 0.0, 100.0, 60.0);
    let to = rect(600.0, 300.0, 100.0, 60.0);
    let above = rect(250.0, -100.0, 100.0, 260.0);
    let edge = route(from, 30.0, to, 330.0);
    let obstacles = [from, to, above];
    let points = route_around(&edge, &obstacles).expect("a route");
    assert!(!polyline_crosses(&points, &obstacles), "{points:?}");
    assert_eq!(points.len(), 4, "one vertical run: {points:?}");
}

proptest! {
    #[test]
    fn a_route_returned_never_crosses_a_box(
        boxes in proptest::collection::vec((0f64..1200.0, 0f64..800.0, 40f64..220.0, 30f64..260.0), 2..12),
        from_row in 0f64..1.0, to_row in 0f64..1.0,
    ) {
        let rects: Vec<Rect> = boxes.iter().map(|&(x, y, w, h)| rect(x, y, w, h)).collect();
        let (from, to) = (rects[0], rects[1]);
        let edge = route(from, from.y + from_row * from.height, to, to.y + to_row * to.height);
        // Only the boxes clear of both ends: a box over an end cannot be avoided.
        let others: Vec<Rect> = rects[2..]
            .iter()
            .copied()
            .filter(|rect| {
                [edge.start, edge.end].iter().all(|end| {
                    !(end.x >= rect.x - 20.0 && end.x <= rect.right() + 20.0
                        && end.y >= rect.y - 1.0 && end.y <= rect.bottom() + 1.0)
                })
            })
            .collect();
        if let Some(points) = route_around(&edge, &others) {
            prop_assert_eq!(points.first(), Some(&edge.start));
            prop_assert_eq!(points.last(), Some(&edge.end));
            prop_assert!(!polyline_crosses(&points, &others), "{:?}", points);
            for pair in points.windows(2) {
                prop_assert!(pair[0].x == pair[1].x || pair[0].y == pair[1].y, "orthogonal: {:?}", points);
            }
        }
    }
}
