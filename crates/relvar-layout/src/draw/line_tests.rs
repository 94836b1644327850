//! Relationship lines on real schemas, laid out by the layered layout: drawn around the table
//! boxes in their way.
use relvar_model::{Design, Point, TableId};

use super::*;
use crate::viewport::Rect;

fn corpus_design(file: &str) -> Design {
    let path = format!(
        "{}/../../../shared/corpus/sql/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let mut design = relvar_sql::import_sql(&text, relvar_sql::detect_dialect(&text)).design;
    let positions = crate::layered_layout(&design, None);
    design.layout.positions.extend(positions);
    design
}

/// The points of an SVG path of M, L, Q and C commands, curves sampled.
fn path_points(d: &str) -> Vec<Point> {
    let mut points = vec![];
    let mut command = 'M';
    let mut tokens_left: Vec<&str> = d
        .split([' ', ','])
        .filter(|token| !token.is_empty())
        .collect();
    tokens_left.reverse();
    let mut next = || tokens_left.pop();
    let mut current = Point::new(0.0, 0.0);
    while let Some(token) = next() {
        let value = if let Some(letter) = token.chars().next().filter(char::is_ascii_alphabetic) {
            command = letter;
            next().unwrap()
        } else {
            token
        };
        let x: f64 = value.parse().unwrap();
        let y: f64 = next().unwrap().parse().unwrap();
        match command {
            'M' | 'L' => {
                current = Point::new(x, y);
                points.push(current);
            }
            'Q' => {
                let control = Point::new(x, y);
                let end = Point::new(
                    next().unwrap().parse().unwrap(),
                    next().unwrap().parse().unwrap(),
                );
                for step in 1..=8 {
                    let t = f64::from(step) / 8.0;
                    let u = 1.0 - t;
                    points.push(Point::new(
                        u * u * current.x + 2.0 * u * t * control.x + t * t * end.x,
                        u * u * current.y + 2.0 * u * t * control.y + t * t * end.y,
                    ));
                }
                current = end;
            }
            'C' => {
                let c1 = Point::new(x, y);
                let c2 = Point::new(
                    next().unwrap().parse().unwrap(),
                    next().unwrap().parse().unwrap(),
                );
                let end = Point::new(
                    next().unwrap().parse().unwrap(),
                    next().unwrap().parse().unwrap(),
                );
                for step in 1..=32 {
                    let t = f64::from(step) / 32.0;
                    let u = 1.0 - t;
                    points.push(Point::new(
                        u * u * u * current.x
                            + 3.0 * u * u * t * c1.x
                            + 3.0 * u * t * t * c2.x
                            + t * t * t * end.x,
                        u * u * u * current.y
                            + 3.0 * u * u * t * c1.y
                            + 3.0 * u * t * t * c2.y
                            + t * t * t * end.y,
                    ));
                }
                current = end;
            }
            other => panic!("unexpected path command {other} in {d}"),
        }
    }
    points
}

/// How many relationship lines cross a table box, drawn with or without going around them.
fn lines_crossing_boxes(design: &Design, go_around: bool) -> (usize, usize) {
    let facts = design_facts(design);
    let fallback = TableFacts::default();
    let drawn = |id: TableId| {
        let table = design.table(id).unwrap();
        DrawnTable {
            table,
            facts: facts.get(&id).unwrap_or(&fallback),
            at: design.position(id),
        }
    };
    let boxes = drawn_boxes(design, &facts);
    let all: Vec<Rect> = design.tables.iter().map(|table| boxes[&table.id]).collect();
    let style = RelationshipStyle {
        palette: Theme::Light.palette(),
        detail: Detail::Full,
        selected: false,
        obstacles: if go_around { &all } else { &[] },
        clip: None,
    };
    let mut crossing = 0;
    for foreign_key in &design.foreign_keys {
        let mut markup = String::new();
        relationship_markup(
            &mut markup,
            foreign_key,
            drawn(foreign_key.from_table),
            drawn(foreign_key.to_table),
            style,
        );
        let d = markup
            .split(r#"class="edge-hit" d=""#)
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let points = path_points(d);
        let crosses = design.tables.iter().any(|table| {
            let rect = boxes[&table.id];
            points
                .windows(2)
                .any(|pair| crate::segment_crosses(pair[0], pair[1], rect))
        });
        if crosses {
            crossing += 1;
        }
    }
    (crossing, design.foreign_keys.len())
}

#[test]
fn lines_go_around_the_boxes_in_their_way() {
    let files = [
        "pg_pagila-schema.sql",
        "ms_adventureworks-instawdb.sql",
        "pg_northwind.sql",
        "ms_northwind-instnwnd.sql",
        "pg_chinook.sql",
    ];
    for file in files {
        let design = corpus_design(file);
        let (plain, lines) = lines_crossing_boxes(&design, false);
        let (routed, _) = lines_crossing_boxes(&design, true);
        assert!(
            routed * 5 <= plain,
            "{file}: {routed} of {lines} lines still cross a box, {plain} as plain curves"
        );
        if file == "pg_pagila-schema.sql" {
            assert_eq!(
                (plain, routed),
                (11, 0),
                "pagila: 11 of its 37 curves cross a box"
            );
        }
    }
}

#[test]
fn a_relationship_plan_holds_all_its_line_is_drawn_from() {
    let design = corpus_design("pg_pagila-schema.sql");
    let facts = design_facts(&design);
    let fallback = TableFacts::default();
    let drawn = |id: TableId, at: Point| DrawnTable {
        table: design.table(id).unwrap(),
        facts: facts.get(&id).unwrap_or(&fallback),
        at,
    };
    let boxes = drawn_boxes(&design, &facts);
    let all: Vec<Rect> = design.tables.iter().map(|table| boxes[&table.id]).collect();
    let far_away = Rect {
        x: 1.0e6,
        y: 1.0e6,
        width: 200.0,
        height: 100.0,
    };
    let with_far_box: Vec<Rect> = all.iter().copied().chain([far_away]).collect();
    let style = |obstacles| RelationshipStyle {
        palette: Theme::Light.palette(),
        detail: Detail::Full,
        selected: false,
        obstacles,
        clip: None,
    };
    let (mut routed, mut unmoved_ways) = (0, 0);
    for foreign_key in &design.foreign_keys {
        let (child, parent) = (foreign_key.from_table, foreign_key.to_table);
        let (child_at, parent_at) = (design.position(child), design.position(parent));
        let plan = |obstacles, child_at| {
            relationship_plan(
                foreign_key,
                drawn(child, child_at),
                drawn(parent, parent_at),
                style(obstacles),
            )
        };
        let route = relationship_route(
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
        );
        let near = crate::routing::boxes_near(&route, &all);
        let around = crate::routing::route_around(&route, &all);
        assert_eq!(around, crate::routing::route_around(&route, &near));
        routed += usize::from(around.is_some());

        let mut markup = String::new();
        relationship_markup(
            &mut markup,
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
            style(&all),
        );
        let mut from_plan = String::new();
        plan(&all, child_at).markup(&mut from_plan);
        assert_eq!(markup, from_plan);
        assert_eq!(plan(&all, child_at), plan(&with_far_box, child_at));
        // A box within the line's reach changes the plan exactly when it changes the line's way
        // around boxes: a plain line's plan never, a routed line's only when the way moves.
        let above = Rect {
            x: (route.start.x + route.end.x) / 2.0 - 20.0,
            y: route.start.y.min(route.end.y) - 150.0,
            width: 40.0,
            height: 40.0,
        };
        let with_box_above: Vec<Rect> = all.iter().copied().chain([above]).collect();
        assert!(crate::routing::boxes_near(&route, &with_box_above).contains(&above));
        let plan_with_box_above = relationship_plan(
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
            RelationshipStyle {
                obstacles: &with_box_above,
                ..style(&all)
            },
        );
        let around_with_box_above = crate::routing::route_around(&route, &with_box_above);
        assert_eq!(
            plan(&all, child_at) == plan_with_box_above,
            around == around_with_box_above,
            "a plan holds the way its line goes, not the boxes near it"
        );
        unmoved_ways += usize::from(around.is_some() && around == around_with_box_above);
        let moved = Point::new(child_at.x + 40.0, child_at.y);
        assert_ne!(plan(&all, child_at), plan(&all, moved));
    }
    assert!(routed > 0, "some of pagila's lines go around a box");
    assert!(
        unmoved_ways > 0,
        "a box near a routed line that leaves its way keeps its plan"
    );
}
