//! Kept routes answer as a fresh look at every box would, through random edits of the boxes.

use super::*;
use crate::edges::route;
use crate::routing::{route_around, segment_crosses};
use proptest::prelude::*;

/// A canvas of boxes on a coarse grid (so that boxes repeat, touch and sit in lines' way) and
/// lines between some of them.
#[derive(Debug, Clone)]
struct Canvas {
    boxes: Vec<Rect>,
    lines: Vec<(usize, usize)>,
}

fn a_box() -> impl Strategy<Value = Rect> {
    (0..12u8, 0..12u8, 1..4u8, 1..3u8).prop_map(|(x, y, w, h)| Rect {
        x: f64::from(x) * 120.0,
        y: f64::from(y) * 120.0,
        width: f64::from(w) * 80.0,
        height: f64::from(h) * 90.0,
    })
}

#[derive(Debug, Clone)]
enum Edit {
    Add(Rect),
    Remove(usize),
    Move(usize, Rect),
    Swap(usize, usize),
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        a_box().prop_map(Edit::Add),
        any::<usize>().prop_map(Edit::Remove),
        (any::<usize>(), a_box()).prop_map(|(at, to)| Edit::Move(at, to)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn a_canvas() -> impl Strategy<Value = Canvas> {
    (
        prop::collection::vec(a_box(), 2..30),
        prop::collection::vec((any::<usize>(), any::<usize>()), 1..25),
    )
        .prop_map(|(boxes, lines)| Canvas { boxes, lines })
}

impl Canvas {
    fn apply(&mut self, edit: &Edit) {
        let count = self.boxes.len();
        match *edit {
            Edit::Add(rect) => self.boxes.push(rect),
            Edit::Remove(at) if count > 2 => {
                self.boxes.remove(at % count);
            }
            Edit::Move(at, to) => self.boxes[at % count] = to,
            Edit::Swap(a, b) => self.boxes.swap(a % count, b % count),
            Edit::Remove(_) => {}
        }
    }

    /// Each line's route between the boxes it joins (row heights inside each box).
    fn routes(&self) -> Vec<(u32, EdgeRoute)> {
        let count = self.boxes.len();
        self.lines
            .iter()
            .enumerate()
            .map(|(id, &(from, to))| {
                let (from, to) = (self.boxes[from % count], self.boxes[to % count]);
                let id = u32::try_from(id).unwrap_or(u32::MAX);
                (id, route(from, from.y + 41.0, to, to.y + 63.0))
            })
            .collect()
    }
}

proptest! {
    #[test]
    fn kept_answers_equal_a_fresh_look_after_every_edit(
        mut canvas in a_canvas(),
        edits in prop::collection::vec(an_edit(), 1..12),
    ) {
        let mut kept = KeptRoutes::new();
        for edit in std::iter::once(None).chain(edits.iter().map(Some)) {
            if let Some(edit) = edit {
                canvas.apply(edit);
            }
            kept.begin(&canvas.boxes);
            for (id, route) in canvas.routes() {
                prop_assert_eq!(kept.corners(id, &route), route_around(&route, &canvas.boxes));
            }
            kept.end();
        }
    }
}

#[test]
fn a_box_added_far_from_a_line_keeps_its_answer_and_one_in_its_way_changes_it() {
    let rect = |x, y, width, height| Rect {
        x,
        y,
        width,
        height,
    };
    let (left, right) = (rect(0.0, 0.0, 100.0, 100.0), rect(600.0, 0.0, 100.0, 100.0));
    let line = route(left, 50.0, right, 50.0);
    let mut kept = KeptRoutes::new();
    kept.begin(&[left, right]);
    assert_eq!(kept.corners(1, &line), None);
    kept.end();
    let far = rect(5_000.0, 5_000.0, 100.0, 100.0);
    kept.begin(&[left, right, far]);
    assert_eq!(kept.corners(1, &line), None);
    kept.end();
    let in_the_way = rect(300.0, 20.0, 100.0, 60.0);
    kept.begin(&[left, right, far, in_the_way]);
    let around = kept
        .corners(1, &line)
        .expect("a way around the box in the way");
    let crosses = |pair: &[Point]| matches!(pair, [a, b] if segment_crosses(*a, *b, in_the_way));
    assert!(
        !around.windows(2).any(crosses),
        "{around:?} goes around {in_the_way:?}"
    );
    let mut changed = changed_boxes(&[left, far], &[far, in_the_way]);
    changed.sort_by_key(bits);
    let mut expected = vec![left, in_the_way];
    expected.sort_by_key(bits);
    assert_eq!(changed, expected);
}
