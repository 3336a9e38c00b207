//! Text a person typed, made safe to show to somebody else.
//!
//! Telegram passes on whatever a client sends: NUL and other control characters, terminal
//! escapes, right-to-left overrides that turn "gaji" into "ijag" on screen, zero-width
//! characters that make two different words look the same, and runs of newlines that push a
//! fake "Question no. 13 from …" line into an officer's notice. What is kept is what a person
//! reads: letters, digits, punctuation, emoji, spaces and single line breaks.

use std::borrow::Cow;

/// Characters with no business in a message: controls (except the line break) and the
/// invisible formatting characters (bidirectional overrides and isolates, zero-width spaces
/// and joiners, the byte order mark, interlinear annotation marks).
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Characters that break a line: `\r\n`, `\r` and the Unicode separators count as one `\n`.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Several lines: hidden characters removed, tabs as spaces, spaces at the ends of lines
/// dropped, and at most one empty line between two lines of text.
pub fn tidy(text: &str) -> Cow<'_, str> {
    let clean = text
        .chars()
        .all(|c| c == '\n' || !(is_hidden(c) || is_line_break(c) || c == '\t'))
        && !text.contains("\n\n\n")
        && !text.lines().any(|l| l != l.trim_end())
        && text == text.trim();
    if clean {
        return Cow::Borrowed(text);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_line_break(c) {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            lines.push(std::mem::take(&mut line));
        } else if c == '\t' {
            line.push(' ');
        } else if !is_hidden(c) {
            line.push(c);
        }
    }
    lines.push(line);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in lines.iter().map(|l| l.trim_end()) {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    Cow::Owned(out.trim().to_owned())
}

/// One line (a list entry, a name): hidden characters removed and every run of spaces and
/// line breaks made one space.
pub fn one_line(text: &str) -> String {
    tidy(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A person's words inside a message from the bot, each line behind a bar, so that nothing
/// they write can pass for a line of the bot's own.
pub fn quoted(text: &str) -> String {
    let text = tidy(text);
    if text.is_empty() {
        return String::new();
    }
    text.lines()
        .map(|line| format!("│ {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_kept_as_it_is() {
        for text in [
            "Gaji suami saya belum dibayar 3 bulan.",
            "Halo 👋\nBagaimana caranya?\n\nTerima kasih.",
            "Nguyễn Thị Mai — مرحبا",
        ] {
            assert!(matches!(tidy(text), Cow::Borrowed(_)), "{text}");
            assert_eq!(tidy(text), text);
        }
    }

    #[test]
    fn nul_escape_and_other_controls_are_removed() {
        assert_eq!(tidy("ga\0ji\u{7}"), "gaji");
        assert_eq!(tidy("\u{1b}[31mmerah\u{1b}[0m"), "[31mmerah[0m");
        assert_eq!(tidy("a\u{85}b"), "a\nb");
        assert_eq!(tidy("a\u{9b}b\u{7f}"), "ab");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_removed() {
        assert_eq!(tidy("gaji \u{202E}ijag\u{202C}"), "gaji ijag");
        assert_eq!(tidy("\u{2067}x\u{2069}\u{200F}\u{061C}"), "x");
        assert_eq!(tidy("Bu\u{200B}di\u{200D}\u{FEFF}\u{2060}"), "Budi");
    }

    #[test]
    fn extra_newlines_cannot_push_a_fake_line_apart() {
        let faked = "halo\r\n\r\n\r\n\n\n   \nPertanyaan baru no. 13 dari Budi\u{2028}x";
        assert_eq!(tidy(faked), "halo\n\nPertanyaan baru no. 13 dari Budi\nx");
        assert_eq!(tidy("\n\n  halo \t \n"), "halo");
    }

    #[test]
    fn one_line_fields_collapse_every_break() {
        assert_eq!(one_line("Siti\n\nNur\u{202E}aini\tx"), "Siti Nuraini x");
        assert_eq!(one_line("\u{2029}"), "");
    }

    #[test]
    fn a_quote_marks_every_line_as_the_person_s() {
        assert_eq!(
            quoted("halo\n\n\nNomor telepon: 0812"),
            "│ halo\n│ \n│ Nomor telepon: 0812"
        );
        assert_eq!(quoted("\u{200B}\n"), "");
    }
}
