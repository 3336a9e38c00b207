//! Indonesia's administrative areas by their Kemendagri codes: a province (`32`), a regency or
//! city (`32.12`), a district or *kecamatan* (`32.12.16`) and a village, *desa* or *kelurahan*
//! (`32.12.16.2004`, Kenanga in Sindang, Indramayu). Each code starts with its parent's, so the
//! village says which district, regency and province it is in.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! area_code {
    ($(#[$doc:meta])* $name:ident, $digits:literal, [$($part:literal),+]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name(i64);

        impl $name {
            /// Digits in the code without its dots.
            pub const DIGITS: usize = $digits;
            const PARTS: &'static [usize] = &[$($part),+];

            /// The code as written (`32.12.16.2004`) or as in a link (`3212162004`).
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                let digits: String = if text.contains('.') {
                    let parts: Vec<&str> = text.split('.').collect();
                    if parts.len() != Self::PARTS.len()
                        || parts.iter().zip(Self::PARTS).any(|(p, n)| p.len() != *n)
                    {
                        return None;
                    }
                    parts.concat()
                } else {
                    text.to_owned()
                };
                if digits.len() != Self::DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                $name::from_number(digits.parse().ok()?)
            }

            /// The code as a number, as stored; `None` unless it has exactly its digits (the
            /// first, the province's, is never 0).
            pub fn from_number(number: i64) -> Option<$name> {
                let low = 10_i64.pow(Self::DIGITS as u32 - 1);
                (low..low * 10).contains(&number).then_some($name(number))
            }

            pub fn get(self) -> i64 {
                self.0
            }

            /// Without dots, for a link: `3212162004`.
            pub fn compact(self) -> String {
                self.0.to_string()
            }
        }

        impl TryFrom<i64> for $name {
            type Error = String;
            fn try_from(number: i64) -> Result<$name, String> {
                $name::from_number(number)
                    .ok_or_else(|| format!("{number} is not a {} code", stringify!($name)))
            }
        }

        impl From<$name> for i64 {
            fn from(code: $name) -> i64 {
                code.0
            }
        }

        impl fmt::Display for $name {
            /// With dots, as Kemendagri writes it: `32.12.16.2004`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let digits = self.0.to_string();
                let mut at = 0;
                for (i, n) in Self::PARTS.iter().enumerate() {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(&digits[at..at + n])?;
                    at += n;
                }
                Ok(())
            }
        }
    };
}

area_code!(
    /// A province: `32` (Jawa Barat).
    ProvinceCode, 2, [2]
);
area_code!(
    /// A regency (*kabupaten*) or city (*kota*): `32.12` (Indramayu).
    RegencyCode, 4, [2, 2]
);
area_code!(
    /// A district (*kecamatan*): `32.12.16` (Sindang).
    DistrictCode, 6, [2, 2, 2]
);
area_code!(
    /// A village (*desa* or *kelurahan*): `32.12.16.2004` (Kenanga).
    VillageCode, 10, [2, 2, 2, 4]
);

impl VillageCode {
    pub fn district(self) -> DistrictCode {
        DistrictCode(self.0 / 10_000)
    }

    pub fn regency(self) -> RegencyCode {
        self.district().regency()
    }
}

impl DistrictCode {
    pub fn regency(self) -> RegencyCode {
        RegencyCode(self.0 / 100)
    }
}

impl RegencyCode {
    pub fn province(self) -> ProvinceCode {
        ProvinceCode(self.0 / 100)
    }
}

/// The key a place name is found by: lower case, apostrophes dropped (`Soka'an` is typed
/// `sokaan` as often as not), every other mark a space, spaces single.
pub fn search_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            key.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | '`' | '‘') {
            space = true;
        }
    }
    key
}

/// The words people put before a village's name that are not part of it.
const VILLAGE_WORDS: [&str; 5] = ["desa", "kelurahan", "kel", "ds", "village"];
/// … and before a regency's or district's name.
const AREA_WORDS: [&str; 8] = [
    "kabupaten",
    "kab",
    "kecamatan",
    "kec",
    "kota",
    "kotamadya",
    "regency",
    "district",
];

/// A typed village without a leading "desa" or "kelurahan": `Desa Kenanga` is found as
/// `kenanga`.
pub fn village_query(typed: &str) -> String {
    strip_words(search_key(typed), &VILLAGE_WORDS)
}

/// A typed regency or district without "kabupaten", "kab.", "kota" or "kecamatan".
pub fn area_query(typed: &str) -> String {
    strip_words(search_key(typed), &AREA_WORDS)
}

/// Where a village is, as typed after its name ("kec. sindang kab. indramayu"): the words of
/// its district and regency, without "kecamatan", "kab." and the like anywhere.
pub fn place_query(typed: &str) -> Vec<String> {
    search_key(typed)
        .split(' ')
        .filter(|w| !w.is_empty() && !AREA_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

fn strip_words(mut key: String, words: &[&str]) -> String {
    loop {
        let Some((first, rest)) = key.split_once(' ') else {
            return key;
        };
        if !words.contains(&first) {
            return key;
        }
        key = rest.to_owned();
    }
}

/// A regency's name as people say it: `Kabupaten Indramayu` is "Indramayu", a city keeps its
/// "Kota" (`Kota Bandung` is not `Kabupaten Bandung`).
pub fn regency_short_name(official: &str) -> &str {
    for prefix in ["Kabupaten Administrasi ", "Kabupaten "] {
        if let Some(rest) = official.strip_prefix(prefix) {
            return rest;
        }
    }
    official
}

/// A line of a file of village codes that is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLineError {
    pub line: usize,
    /// What the line's first cell holds (shortened).
    pub cell: String,
}

impl fmt::Display for CodeLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: {:?} is not a village code",
            self.line, self.cell
        )
    }
}

/// Village codes from a CSV file: the first cell of each line (`32.12.16.2004` or
/// `3212162004`); other cells (a name, a note) are ignored, and so are empty lines and a header
/// line. All of it or every line that is not a code.
pub fn village_codes_csv(bytes: &[u8]) -> Result<Vec<VillageCode>, Vec<CodeLineError>> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut codes = Vec::new();
    let mut errors = Vec::new();
    for (at, line) in text.lines().enumerate() {
        let cell = line
            .split([',', ';', '\t'])
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"')
            .trim();
        if cell.is_empty() {
            continue;
        }
        match VillageCode::parse(cell) {
            Some(code) => {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            // "kode", "code", "kode_desa": a header.
            None if at == 0 && cell.chars().any(char::is_alphabetic) => {}
            None => errors.push(CodeLineError {
                line: at + 1,
                cell: cell.chars().take(40).collect(),
            }),
        }
    }
    match errors.is_empty() {
        true => Ok(codes),
        false => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_village_codes_reads_with_dots_or_without_and_says_which_lines_are_not() {
        let file =
            "\u{feff}kode,nama\n32.12.16.2004,Kenanga\n\n3212162005;Sindang\n\"33.07.10.2004\"\n";
        let codes = village_codes_csv(file.as_bytes()).unwrap();
        assert_eq!(
            codes,
            [
                VillageCode::parse("32.12.16.2004").unwrap(),
                VillageCode::parse("32.12.16.2005").unwrap(),
                VillageCode::parse("33.07.10.2004").unwrap(),
            ]
        );
        let bad = village_codes_csv(b"32.12.16.2004\nKenanga\n321216\n").unwrap_err();
        assert_eq!(bad.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn a_village_code_reads_with_or_without_dots_and_names_its_parents() {
        let kenanga = VillageCode::parse("32.12.16.2004").unwrap();
        assert_eq!(VillageCode::parse("3212162004"), Some(kenanga));
        assert_eq!(kenanga.to_string(), "32.12.16.2004");
        assert_eq!(kenanga.compact(), "3212162004");
        assert_eq!(kenanga.district().to_string(), "32.12.16");
        assert_eq!(kenanga.regency().to_string(), "32.12");
        assert_eq!(kenanga.regency().province().to_string(), "32");
        assert_eq!(RegencyCode::parse("32.12").unwrap().get(), 3212);
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in [
            "",
            "32.12.16",
            "32.12.16.204",
            "321216200",
            "32121620041",
            "0212162004",
            "32.121.6.2004",
            "32.12.16.20a4",
            "-212162004",
            "32..12.162004",
        ] {
            assert_eq!(VillageCode::parse(bad), None, "{bad}");
        }
        assert_eq!(VillageCode::from_number(999_999_999), None);
        assert!(serde_json::from_str::<VillageCode>("12").is_err());
        assert_eq!(
            serde_json::from_str::<VillageCode>("3212162004").unwrap(),
            VillageCode::parse("32.12.16.2004").unwrap()
        );
    }

    #[test]
    fn names_are_found_the_way_people_type_them() {
        assert_eq!(search_key("Soka'an"), "sokaan");
        assert_eq!(search_key("  Lubuk Pakam I,II "), "lubuk pakam i ii");
        assert_eq!(search_key("Kenanga-Sari"), "kenanga sari");
        assert_eq!(village_query("Desa  Kenanga"), "kenanga");
        assert_eq!(village_query("Kel. Kenanga"), "kenanga");
        assert_eq!(village_query("desa"), "desa");
        assert_eq!(area_query("Kab. Indramayu"), "indramayu");
        assert_eq!(area_query("kota bandung"), "bandung");
        assert_eq!(regency_short_name("Kabupaten Indramayu"), "Indramayu");
        assert_eq!(regency_short_name("Kota Bandung"), "Kota Bandung");
        assert_eq!(
            regency_short_name("Kabupaten Administrasi Kepulauan Seribu"),
            "Kepulauan Seribu"
        );
    }
}
