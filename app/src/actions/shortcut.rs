//! Keyboard shortcuts as plain values: which key press an action answers to, and how the
//! shortcut sheet and the buttons' tooltips write it.

/// Whether a modifier must be held for a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Yes,
    No,
    Either,
}

impl Held {
    fn allows(self, held: bool) -> bool {
        match self {
            Held::Yes => held,
            Held::No => !held,
            Held::Either => true,
        }
    }
}

/// A key and the modifiers it needs. `command` is Ctrl, or ⌘ on a Mac.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortcut {
    /// The key as `KeyboardEvent.key` names it; a letter answers in either case.
    pub key: &'static str,
    pub command: Held,
    pub shift: Held,
}

/// A key pressed, as the key handler reads it from the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press<'a> {
    pub key: &'a str,
    /// Ctrl or ⌘ is held.
    pub command: bool,
    pub shift: bool,
}

impl Shortcut {
    /// The key alone; Shift may be held or not.
    pub const fn key(key: &'static str) -> Shortcut {
        Shortcut {
            key,
            command: Held::No,
            shift: Held::Either,
        }
    }

    /// Ctrl (or ⌘) and the key; Shift may be held or not.
    pub const fn command(key: &'static str) -> Shortcut {
        Shortcut {
            key,
            command: Held::Yes,
            shift: Held::Either,
        }
    }

    /// The key with or without any modifier.
    pub const fn any(key: &'static str) -> Shortcut {
        Shortcut {
            key,
            command: Held::Either,
            shift: Held::Either,
        }
    }

    /// The same shortcut with Shift held, or not held.
    pub const fn shift(self, shift: bool) -> Shortcut {
        Shortcut {
            shift: if shift { Held::Yes } else { Held::No },
            ..self
        }
    }

    pub fn matches(&self, press: &Press) -> bool {
        let same_key = if is_letter(self.key) {
            self.key.eq_ignore_ascii_case(press.key)
        } else {
            self.key == press.key
        };
        same_key && self.command.allows(press.command) && self.shift.allows(press.shift)
    }

    /// How the sheet and the tooltips write it: `Ctrl+Shift+Z`, `Delete`, `Esc`, `←`.
    pub fn label(&self) -> String {
        let key = match self.key {
            " " => "Space",
            "Escape" => "Esc",
            "ArrowLeft" => "←",
            "ArrowRight" => "→",
            "ArrowUp" => "↑",
            "ArrowDown" => "↓",
            other => other,
        };
        let mut label = String::new();
        if self.command == Held::Yes {
            label.push_str("Ctrl+");
        }
        if self.shift == Held::Yes {
            label.push_str("Shift+");
        }
        if is_letter(key) {
            label.push_str(&key.to_ascii_uppercase());
        } else {
            label.push_str(key);
        }
        label
    }
}

fn is_letter(key: &str) -> bool {
    key.len() == 1 && key.bytes().all(|byte| byte.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, command: bool, shift: bool) -> Press<'_> {
        Press {
            key,
            command,
            shift,
        }
    }

    #[test]
    fn letters_answer_in_either_case_and_modifiers_as_declared() {
        let redo = Shortcut::command("z").shift(true);
        assert!(redo.matches(&press("Z", true, true)));
        assert!(redo.matches(&press("z", true, true)));
        assert!(!redo.matches(&press("z", true, false)));
        assert!(!redo.matches(&press("z", false, true)));
        let fit = Shortcut::key("f");
        assert!(fit.matches(&press("F", false, true)));
        assert!(!fit.matches(&press("f", true, false)));
        let delete = Shortcut::key("Delete");
        assert!(!delete.matches(&press("delete", false, false)));
        assert!(Shortcut::any("?").matches(&press("?", true, true)));
    }

    #[test]
    fn labels() {
        let labels: Vec<String> = [
            Shortcut::command("z").shift(true),
            Shortcut::command("y"),
            Shortcut::key("f"),
            Shortcut::key(" "),
            Shortcut::any("Escape"),
            Shortcut::key("ArrowLeft"),
            Shortcut::key("Backspace"),
        ]
        .iter()
        .map(Shortcut::label)
        .collect();
        assert_eq!(
            labels,
            [
                "Ctrl+Shift+Z",
                "Ctrl+Y",
                "F",
                "Space",
                "Esc",
                "←",
                "Backspace"
            ]
        );
    }
}
