//! Packing the separately laid out components, tallest first, each at the lowest free place of a
//! skyline (then leftmost), so that small parts fill the room beside tall ones. The width of the
//! packing is chosen among a few candidates so that the whole fits the smallest 16:10 rectangle,
//! what a screen shows when the view is fitted to the design.

use relvar_model::Point;

use crate::geometry::Size;

/// Room between two packed components.
pub(crate) const COMPONENT_GAP: f64 = 100.0;
const ASPECT_RATIO: f64 = 16.0 / 10.0;
/// Packing widths tried, as multiples of the side of a 16:10 rectangle of the components' area.
const WIDTH_FACTORS: [f64; 10] = [0.5, 0.6, 0.7, 0.85, 1.0, 1.2, 1.4, 1.7, 2.0, 2.5];

/// Top-left corners for boxes of `sizes` (in the same order), the packing's corner at the origin.
pub(crate) fn pack(sizes: &[Size]) -> Vec<Point> {
    let padded: Vec<Size> = sizes
        .iter()
        .map(|size| Size {
            width: size.width + COMPONENT_GAP,
            height: size.height + COMPONENT_GAP,
        })
        .collect();
    let mut order: Vec<usize> = (0..padded.len()).collect();
    relvar_model::order::sort_by(&mut order[..], |&a, &b| {
        let (a_size, b_size) = (size_at(&padded, a), size_at(&padded, b));
        b_size
            .height
            .total_cmp(&a_size.height)
            .then(b_size.width.total_cmp(&a_size.width))
            .then(a.cmp(&b))
    });
    let area: f64 = padded.iter().map(|size| size.width * size.height).sum();
    let side = (area * ASPECT_RATIO).sqrt();
    let widest = padded.iter().map(|size| size.width).fold(0.0, f64::max);
    let tallest = padded.iter().map(|size| size.height).fold(0.0, f64::max);
    let candidates = WIDTH_FACTORS
        .iter()
        .map(|factor| factor * side)
        .chain([tallest * ASPECT_RATIO])
        .map(|width| width.max(widest));
    let mut best: Option<(f64, Vec<Point>)> = None;
    for width in candidates {
        let (corners, bounds) = skyline_pack(&padded, &order, width);
        let fitted = (bounds.width / ASPECT_RATIO).max(bounds.height);
        if best.as_ref().is_none_or(|(best_fit, _)| fitted < *best_fit) {
            best = Some((fitted, corners));
        }
    }
    best.map(|(_, corners)| corners).unwrap_or_default()
}

fn size_at(sizes: &[Size], index: usize) -> Size {
    sizes.get(index).copied().unwrap_or(Size {
        width: 0.0,
        height: 0.0,
    })
}

/// A stretch of the skyline: from `x` to the next segment's `x`, free from `y` down.
#[derive(Debug, Clone, Copy)]
struct Segment {
    x: f64,
    y: f64,
}

/// Places the boxes in `order` within `width` (a box wider than that alone on its row), each
/// where its top is highest, then leftmost. Returns the corners and the size of the whole.
fn skyline_pack(sizes: &[Size], order: &[usize], width: f64) -> (Vec<Point>, Size) {
    let mut skyline = vec![Segment { x: 0.0, y: 0.0 }];
    let mut corners = vec![Point::default(); sizes.len()];
    let mut bounds = Size {
        width: 0.0,
        height: 0.0,
    };
    for &index in order {
        let size = size_at(sizes, index);
        let mut best: Option<Point> = None;
        for (start, segment) in skyline.iter().enumerate() {
            if segment.x > 0.0 && segment.x + size.width > width {
                break;
            }
            let bar = best.map_or(f64::INFINITY, |best| best.y);
            let mut top = 0.0f64;
            for other in skyline.iter().skip(start) {
                if other.x >= segment.x + size.width || top >= bar {
                    break;
                }
                top = top.max(other.y);
            }
            if top < bar {
                best = Some(Point::new(segment.x, top));
            }
        }
        let at = best.unwrap_or_default();
        raise(&mut skyline, at.x, at.x + size.width, at.y + size.height);
        if let Some(corner) = corners.get_mut(index) {
            *corner = at;
        }
        bounds.width = bounds.width.max(at.x + size.width);
        bounds.height = bounds.height.max(at.y + size.height);
    }
    (corners, bounds)
}

/// Sets the skyline to `y` from `left` to `right`.
fn raise(skyline: &mut Vec<Segment>, left: f64, right: f64, y: f64) {
    let height_at = |skyline: &[Segment], x: f64| {
        skyline
            .iter()
            .take_while(|segment| segment.x <= x)
            .last()
            .map_or(0.0, |segment| segment.y)
    };
    let after = height_at(skyline, right);
    skyline.retain(|segment| segment.x < left || segment.x > right);
    let at = skyline.partition_point(|segment| segment.x < left);
    skyline.insert(at, Segment { x: left, y });
    let has_right = skyline.iter().any(|segment| segment.x == right);
    if !has_right {
        skyline.insert(at + 1, Segment { x: right, y: after });
    }
    skyline.dedup_by(|next, previous| next.y == previous.y);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(sizes: &[Size], corners: &[Point]) -> (f64, f64) {
        let right = sizes
            .iter()
            .zip(corners)
            .map(|(s, c)| c.x + s.width)
            .fold(0.0, f64::max);
        let bottom = sizes
            .iter()
            .zip(corners)
            .map(|(s, c)| c.y + s.height)
            .fold(0.0, f64::max);
        (right, bottom)
    }

    fn assert_apart(sizes: &[Size], corners: &[Point]) {
        for i in 0..sizes.len() {
            for j in i + 1..sizes.len() {
                let (a, b, sa, sb) = (corners[i], corners[j], sizes[i], sizes[j]);
                let apart = a.x + sa.width + COMPONENT_GAP <= b.x
                    || b.x + sb.width + COMPONENT_GAP <= a.x
                    || a.y + sa.height + COMPONENT_GAP <= b.y
                    || b.y + sb.height + COMPONENT_GAP <= a.y;
                assert!(apart, "{i} at {a:?} and {j} at {b:?}");
            }
        }
    }

    #[test]
    fn many_equal_boxes_fill_a_wide_rectangle_without_overlap() {
        let sizes = vec![
            Size {
                width: 200.0,
                height: 100.0
            };
            100
        ];
        let corners = pack(&sizes);
        let (right, bottom) = bounds(&sizes, &corners);
        let ratio = right / bottom;
        assert!(ratio > 1.2 && ratio < 2.2, "{right} x {bottom}");
        assert_apart(&sizes, &corners);
    }

    #[test]
    fn small_boxes_fill_the_room_beside_a_tall_one() {
        let mut sizes = vec![Size {
            width: 400.0,
            height: 4000.0,
        }];
        sizes.extend((0..60).map(|i| Size {
            width: 150.0 + f64::from(i % 7) * 40.0,
            height: 80.0 + f64::from(i % 5) * 60.0,
        }));
        let corners = pack(&sizes);
        assert_eq!(corners[0], Point::new(0.0, 0.0), "the tallest first");
        let (_, bottom) = bounds(&sizes, &corners);
        assert!(bottom <= 4000.0, "nothing below the tall box: {bottom}");
        assert_apart(&sizes, &corners);
    }

    #[test]
    fn random_boxes_never_overlap() {
        let mut state = 5u64;
        let mut next = |bound: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) % bound
        };
        for count in 0..40 {
            let sizes: Vec<Size> = (0..count)
                .map(|_| Size {
                    width: 100.0 + next(2000) as f64,
                    height: 50.0 + next(3000) as f64,
                })
                .collect();
            assert_apart(&sizes, &pack(&sizes));
        }
    }
}
