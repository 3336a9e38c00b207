//! Dates and times as people type them and as spreadsheets save them: `2026-12-20 09:00`,
//! `20/12/2026 09.00`, `20-12-2026 9:00`, `20.12.26 9.00`, `20 Desember 2026 pukul 09.00`,
//! `Dec 20, 2026 9:00 AM`, `12/20/2026 9:00 AM` (Excel or LibreOffice in English settings),
//! `2026-12-20T09:00` (a browser's date and time field). A date whose first two numbers could
//! each be the day (`05/12/2026`: 5 December, or May 12) is never guessed: it is read both
//! ways and the caller asks, unless the order is known (a file whose other dates show it).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Which number comes first in a date written with numbers only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// 20/12/2026: as Indonesians (and most of the world) write it.
    DayFirst,
    /// 12/20/2026: as English (United States) settings save it.
    MonthFirst,
}

/// What a typed date and time can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    At(NaiveDateTime),
    /// Either number could be the day: both readings, day first.
    Either(NaiveDateTime, NaiveDateTime),
    /// A date without a time of day.
    NoTime,
    Unreadable,
}

const MONTHS: [(&str, u32); 36] = [
    ("januari", 1),
    ("january", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("maret", 3),
    ("march", 3),
    ("april", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("juli", 7),
    ("july", 7),
    ("agustus", 8),
    ("august", 8),
    ("agt", 8),
    ("ags", 8),
    ("september", 9),
    ("sept", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("november", 11),
    ("nopember", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("agu", 8),
];

/// Words around a date that say nothing more: "pukul", the time zone, the weekday.
const FILLER: [&str; 29] = [
    "pukul",
    "jam",
    "pk",
    "pk.",
    "at",
    "on",
    "wib",
    "wita",
    "wit",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
];

/// A month's name or its usual short form, in Indonesian or English.
fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if let Some((_, n)) = MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(*n);
    }
    // Three letters of an English name: "aug", "oct", "dec", "nov", "sep".
    match word {
        "aug" => Some(8),
        "sep" => Some(9),
        "oct" => Some(10),
        "nov" => Some(11),
        "dec" => Some(12),
        _ => None,
    }
}

fn year(text: &str) -> Option<i32> {
    let n: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

fn number(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `9:00`, `09.00`, `9:00:00`, with `am` or `pm` after it if the time was written so.
fn time(text: &str, half: Option<bool>) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split([':', '.']).collect();
    let (hour, minute, second) = match parts.as_slice() {
        [h, m] => (number(h)?, *m, "0"),
        [h, m, s] => (number(h)?, *m, *s),
        [h] if half.is_some() => (number(h)?, "00", "0"),
        _ => return None,
    };
    if minute.len() != 2 {
        return None;
    }
    let (minute, second): (u32, u32) = (minute.parse().ok()?, second.parse().ok()?);
    let hour = match half {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// Reads a date and time; `order` is how a numbers-only date is written, when known.
pub fn read(typed: &str, order: Option<Order>) -> Read {
    let lower = typed.trim().to_lowercase();
    // A browser's field and ISO 8601: 2026-12-20T09:00.
    let lower = match lower.split_once('t') {
        Some((date, rest))
            if date.len() == 10
                && date.as_bytes()[4] == b'-'
                && rest.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            format!("{date} {rest}")
        }
        _ => lower,
    };
    let mut words: Vec<String> = lower
        .replace(',', " ")
        .split_whitespace()
        .filter(|w| !FILLER.contains(w))
        .map(str::to_owned)
        .collect();
    // "9:00 am", "9 pm", "9:00am", "9.00 a.m."
    let mut half = None;
    if let Some(last) = words.last().cloned() {
        for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
            if last == suffix {
                half = Some(pm);
                words.pop();
                break;
            }
            if let Some(rest) = last.strip_suffix(suffix)
                && rest.ends_with(|c: char| c.is_ascii_digit())
            {
                half = Some(pm);
                *words.last_mut().expect("a last word") = rest.to_owned();
                break;
            }
        }
    }
    // The time is written after the date: the last word that is one.
    let Some(at) = words
        .iter()
        .rposition(|w| time(w, half).is_some() && !is_date(w))
    else {
        return match date_of(&words, order) {
            Dates::None => Read::Unreadable,
            _ => Read::NoTime,
        };
    };
    let clock = time(&words[at], half).expect("checked");
    words.remove(at);
    match date_of(&words, order) {
        Dates::One(date) => Read::At(date.and_time(clock)),
        Dates::Two(a, b) => Read::Either(a.and_time(clock), b.and_time(clock)),
        Dates::None => Read::Unreadable,
    }
}

/// What a typed date without a time of day can be (`2026-12-20`, `20/12/2026`,
/// `20 Desember 2026`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRead {
    On(NaiveDate),
    /// Either number could be the day: both readings, day first.
    Either(NaiveDate, NaiveDate),
    Unreadable,
}

/// Reads a date alone; `order` is how a numbers-only date is written, when known.
pub fn read_date(typed: &str, order: Option<Order>) -> DateRead {
    let words: Vec<String> = typed
        .trim()
        .to_lowercase()
        .replace(',', " ")
        .split_whitespace()
        .filter(|w| !FILLER.contains(w))
        .map(str::to_owned)
        .collect();
    match date_of(&words, order) {
        Dates::One(date) => DateRead::On(date),
        Dates::Two(a, b) => DateRead::Either(a, b),
        Dates::None => DateRead::Unreadable,
    }
}

/// A word that is a date (three numbers), not a time (`20.12.2026`, not `09.00.00`).
fn is_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    parts.len() == 3 && parts.iter().any(|p| p.len() == 4)
        || (parts.len() == 3 && word.contains(['-', '/']))
}

enum Dates {
    One(NaiveDate),
    Two(NaiveDate, NaiveDate),
    None,
}

fn date_of(words: &[String], order: Option<Order>) -> Dates {
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    match words {
        // 2026-12-20, 20/12/2026, 12/20/26
        [one] => {
            let parts: Vec<&str> = one.split(['-', '/', '.']).collect();
            let [a, b, c] = parts.as_slice() else {
                return Dates::None;
            };
            if a.len() == 4 {
                let (Ok(y), Some(m), Some(d)) = (a.parse(), number(b), number(c)) else {
                    return Dates::None;
                };
                return ymd(y, m, d).map_or(Dates::None, Dates::One);
            }
            let (Some(a), Some(b), Some(y)) = (number(a), number(b), year(c)) else {
                return Dates::None;
            };
            let day_first = ymd(y, b, a);
            let month_first = ymd(y, a, b);
            match (order, day_first, month_first) {
                (Some(Order::DayFirst), Some(d), _) => Dates::One(d),
                (Some(Order::MonthFirst), _, Some(m)) => Dates::One(m),
                (Some(_), _, _) => Dates::None,
                (None, Some(d), Some(m)) if d == m => Dates::One(d),
                (None, Some(d), Some(m)) => Dates::Two(d, m),
                (None, Some(d), None) => Dates::One(d),
                (None, None, Some(m)) => Dates::One(m),
                (None, None, None) => Dates::None,
            }
        }
        // 20 desember 2026, 20 des 26, december 20 2026
        [a, b, c] => {
            let (day, name) = match (number(a), number(b)) {
                (Some(day), None) => (day, b),
                (None, Some(day)) => (day, a),
                _ => return Dates::None,
            };
            let (Some(m), Some(y)) = (month(name), year(c)) else {
                return Dates::None;
            };
            ymd(y, m, day).map_or(Dates::None, Dates::One)
        }
        _ => Dates::None,
    }
}

/// How a numbers-only date shows its order by itself: a first number over 12 is a day, a
/// second over 12 is a day (so the month came first); `None` when it does not say.
pub fn order_of(typed: &str) -> Option<Order> {
    match read(typed, None) {
        Read::At(_) => {
            let first = typed.trim().split(['-', '/', '.', ' ']).next()?;
            if first.len() == 4 || !first.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let second = typed.trim().split(['-', '/', '.']).nth(1)?;
            match (number(first), number(second)) {
                (Some(a), Some(b)) if a > 12 && b <= 12 => Some(Order::DayFirst),
                (Some(a), Some(b)) if b > 12 && a <= 12 => Some(Order::MonthFirst),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_alone_is_read_as_people_and_spreadsheets_write_it() {
        let on = |y, m, d| DateRead::On(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(read_date("2026-11-30", None), on(2026, 11, 30));
        assert_eq!(read_date("30/11/2026", None), on(2026, 11, 30));
        assert_eq!(read_date("30 Nopember 2026", None), on(2026, 11, 30));
        assert_eq!(read_date("Nov 30, 2026", None), on(2026, 11, 30));
        assert_eq!(
            read_date("05/11/2026", None),
            DateRead::Either(
                NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(),
                NaiveDate::from_ymd_opt(2026, 5, 11).unwrap()
            )
        );
        assert_eq!(read_date("kemarin", None), DateRead::Unreadable);
        assert_eq!(read_date("2026-02-30", None), DateRead::Unreadable);
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Read {
        Read::At(
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap(),
        )
    }

    #[test]
    fn the_ways_people_and_spreadsheets_write_a_date_and_time_are_read() {
        let twentieth = at(2026, 12, 20, 9, 0);
        for typed in [
            "2026-12-20 09:00",
            "2026-12-20 09.00",
            "2026-12-20T09:00",
            "2026-12-20T09:00:00",
            "2026/12/20 9:00",
            "20/12/2026 09.00",
            "20-12-2026 9:00",
            "20.12.2026 9.00",
            "20/12/26 9:00",
            "20/12/2026 09:00:00",
            "20 Desember 2026 pukul 09.00",
            "20 des 2026 jam 9.00 WIB",
            "Minggu, 20 Desember 2026 09.00",
            "December 20, 2026 9:00 AM",
            "Dec 20 2026 9am",
            "12/20/2026 9:00 AM",
            "12/20/26 9:00 a.m.",
            "Sunday, December 20, 2026 at 9:00 AM",
        ] {
            assert_eq!(read(typed, None), twentieth, "{typed}");
        }
        assert_eq!(read("20/12/2026 9:30 pm", None), at(2026, 12, 20, 21, 30));
        assert_eq!(read("20/12/2026 12:15 am", None), at(2026, 12, 20, 0, 15));
    }

    #[test]
    fn a_date_that_could_be_either_day_is_never_guessed() {
        let fifth_of_december = NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let twelfth_of_may = NaiveDate::from_ymd_opt(2026, 5, 12)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(
            read("05/12/2026 09.00", None),
            Read::Either(fifth_of_december, twelfth_of_may)
        );
        assert_eq!(
            read("05/12/2026 09.00", Some(Order::DayFirst)),
            Read::At(fifth_of_december)
        );
        assert_eq!(
            read("05/12/2026 09.00", Some(Order::MonthFirst)),
            Read::At(twelfth_of_may)
        );
        // The same both ways is not ambiguous.
        assert_eq!(read("07/07/2026 10:00", None), at(2026, 7, 7, 10, 0));
        assert_eq!(order_of("20/12/2026 9:00"), Some(Order::DayFirst));
        assert_eq!(order_of("12/20/2026 9:00"), Some(Order::MonthFirst));
        assert_eq!(order_of("05/12/2026 9:00"), None);
        assert_eq!(order_of("2026-12-05 9:00"), None);
    }

    #[test]
    fn what_is_not_a_date_and_time_says_so() {
        assert_eq!(read("20/12/2026", None), Read::NoTime);
        assert_eq!(read("20 Desember 2026", None), Read::NoTime);
        for bad in [
            "",
            "besok pagi",
            "32/12/2026 09:00",
            "20/13/2026 25:00",
            "2026-02-30 09:00",
            "20/12/2026 9:0",
            "09:00",
            "13:00 pm 20/12/2026",
        ] {
            assert!(
                matches!(read(bad, None), Read::Unreadable | Read::NoTime),
                "{bad}: {:?}",
                read(bad, None)
            );
        }
    }
}
