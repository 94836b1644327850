//! Markup kept per table and relationship between redraws: an item is drawn again only when what
//! it is drawn from changed, so an edit redraws the few items it touched, not all in view.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// One table's or relationship's markup, keyed by its id and its markup: the canvas replaces an
/// element only when its markup changes, so an edit makes the browser paint again only what it
/// changed (the browser repaints all an element covered), not a layer spread over the canvas.
#[derive(Debug, Clone)]
pub struct Keyed {
    /// The table's or foreign key's id.
    pub id: u32,
    /// A hash of `markup`.
    pub key: u64,
    pub markup: Arc<str>,
}

impl Keyed {
    pub fn new(id: u32, markup: String) -> Self {
        let mut hasher = std::hash::DefaultHasher::new();
        markup.hash(&mut hasher);
        Self {
            id,
            key: hasher.finish(),
            markup: markup.into(),
        }
    }
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        // Kept markup is shared, so an unchanged item compares without reading its markup.
        self.id == other.id
            && self.key == other.key
            && (Arc::ptr_eq(&self.markup, &other.markup) || self.markup == other.markup)
    }
}

/// The markup last drawn for each item with the plan it was drawn from. A redraw is a pass:
/// items not asked for during a pass are forgotten at its end.
#[derive(Debug)]
pub struct KeptMarkup<Plan> {
    kept: HashMap<u32, Kept<Plan>>,
    pass: u64,
}

#[derive(Debug)]
struct Kept<Plan> {
    plan: Plan,
    drawn: Keyed,
    pass: u64,
}

impl<Plan: PartialEq> Default for KeptMarkup<Plan> {
    fn default() -> Self {
        Self {
            kept: HashMap::new(),
            pass: 0,
        }
    }
}

impl<Plan: PartialEq> KeptMarkup<Plan> {
    /// Starts a redraw.
    pub fn begin(&mut self) {
        self.pass += 1;
    }

    /// The markup of item `id` as `draw` makes it from `plan`: the kept markup when it was
    /// drawn from an equal plan.
    pub fn markup(&mut self, id: u32, plan: Plan, draw: impl FnOnce(&Plan, &mut String)) -> Keyed {
        let pass = self.pass;
        if let Some(kept) = self.kept.get_mut(&id)
            && kept.plan == plan
        {
            kept.pass = pass;
            return kept.drawn.clone();
        }
        let mut markup = String::new();
        draw(&plan, &mut markup);
        let drawn = Keyed::new(id, markup);
        self.kept.insert(
            id,
            Kept {
                plan,
                drawn: drawn.clone(),
                pass,
            },
        );
        drawn
    }

    /// Ends a redraw, forgetting the items it did not draw.
    pub fn end(&mut self) {
        let pass = self.pass;
        self.kept.retain(|_, kept| kept.pass == pass);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.kept.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_drawn_again_only_when_its_plan_changes_and_forgotten_when_not_drawn() {
        let mut kept = KeptMarkup::<(u32, &str)>::default();
        let mut draws = 0;
        let mut pass = |kept: &mut KeptMarkup<(u32, &str)>, items: &[(u32, &'static str)]| {
            kept.begin();
            let drawn: Vec<Keyed> = items
                .iter()
                .map(|&(id, text)| {
                    kept.markup(id, (id, text), |plan, out| {
                        draws += 1;
                        out.push_str(plan.1);
                    })
                })
                .collect();
            kept.end();
            drawn
        };
        let first = pass(&mut kept, &[(1, "a"), (2, "b")]);
        let second = pass(&mut kept, &[(1, "a"), (2, "c")]);
        assert_eq!(first[0], second[0]);
        assert_eq!(&*second[1].markup, "c");
        assert_ne!(first[1].key, second[1].key);
        pass(&mut kept, &[(2, "c")]);
        assert_eq!(kept.len(), 1, "item 1 was not drawn and is forgotten");
        pass(&mut kept, &[(1, "a"), (2, "c")]);
        assert_eq!(draws, 4, "a, b, c, then a again once forgotten");
    }
}
