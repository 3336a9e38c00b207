//! Numbers as each language writes them: 12.500 in Indonesian, 12,500 in English.

use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;

pub fn number_id(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value, '.', ',')
}

pub fn number_en(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value, ',', '.')
}

fn number(value: &FluentValue, thousands: char, decimal: char) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    Some(group(number.value, thousands, decimal))
}

/// Groups the whole part in threes; keeps up to two decimals when there are any.
pub fn group(value: f64, thousands: char, decimal: char) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if negative && (whole > 0 || cents > 0) {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    if cents > 0 {
        out.push(decimal);
        if cents.is_multiple_of(10) {
            out.push_str(&(cents / 10).to_string());
        } else {
            out.push_str(&format!("{cents:02}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn groups_thousands_per_language() {
        assert_eq!(group(1_234_567.0, '.', ','), "1.234.567");
        assert_eq!(group(1_234_567.0, ',', '.'), "1,234,567");
        assert_eq!(group(999.0, '.', ','), "999");
        assert_eq!(group(0.0, ',', '.'), "0");
        assert_eq!(group(-12_500.0, '.', ','), "-12.500");
        assert_eq!(group(37_500.5, '.', ','), "37.500,5");
        assert_eq!(group(2.25, ',', '.'), "2.25");
    }
}
