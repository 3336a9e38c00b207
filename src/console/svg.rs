//! Charts drawn on the server as inline SVG: no script, no image requests, readable by a
//! screen reader (a title, and each bar's figure as its own title), sharp at any size.

use maud::{Markup, html};

/// A bar chart of `bars` (label, value), oldest or first on the left, `label` read out as
/// its name.
pub fn bars(label: &str, bars: &[(String, i64)]) -> Markup {
    const WIDTH: i64 = 640;
    const HEIGHT: i64 = 220;
    const BOTTOM: i64 = 40;
    const TOP: i64 = 16;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let count = i64::try_from(bars.len()).unwrap_or(1).max(1);
    let slot = WIDTH / count;
    let bar_width = (slot * 7 / 10).max(2);
    let room = HEIGHT - BOTTOM - TOP;
    html! {
        svg.chart viewBox={"0 0 " (WIDTH) " " (HEIGHT)} role="img" aria-label=(label)
            xmlns="http://www.w3.org/2000/svg" {
            title { (label) }
            line x1="0" y1=(HEIGHT - BOTTOM) x2=(WIDTH) y2=(HEIGHT - BOTTOM) class="axis" {}
            @for (i, (name, value)) in bars.iter().enumerate() {
                @let i = i64::try_from(i).unwrap_or(0);
                @let h = value * room / max;
                @let x = i * slot + (slot - bar_width) / 2;
                @let y = HEIGHT - BOTTOM - h;
                g {
                    title { (name) ": " (value) }
                    rect x=(x) y=(y) width=(bar_width) height=(h) class="bar" {}
                    text x=(x + bar_width / 2) y=(y - 4) text-anchor="middle" class="value" { (value) }
                    text x=(x + bar_width / 2) y=(HEIGHT - BOTTOM + 16) text-anchor="middle" class="label" { (name) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_tallest_and_labels_are_escaped() {
        let svg = bars(
            "<b>weeks</b>",
            &[("a".into(), 0), ("<x>".into(), 10), ("c".into(), 5)],
        )
        .into_string();
        assert!(svg.contains("height=\"164\""), "{svg}");
        assert!(svg.contains("height=\"82\""), "{svg}");
        assert!(svg.contains("&lt;x&gt;") && !svg.contains("<x>"), "{svg}");
        assert!(svg.contains("&lt;b&gt;weeks"), "{svg}");
    }

    #[test]
    fn no_bars_draws_an_empty_chart() {
        assert!(bars("none", &[]).into_string().contains("<svg"));
    }
}
