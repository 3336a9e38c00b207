//! A release of the area list in the layout of `idn-area-data` (`data/*.csv`): the one shipped
//! in the binary, or a newer one from a folder (`desmigratif import-areas DIR`). Read whole and
//! checked before anything is loaded, so a damaged file changes nothing.

use std::{
    collections::HashSet,
    io::Read,
    path::{Path, PathBuf},
};

use flate2::read::GzDecoder;

use crate::domain::area::{DistrictCode, ProvinceCode, RegencyCode, VillageCode};

/// The release built into the binary (`data/areas/`).
pub const SHIPPED_NAME: &str = "idn-area-data 4.0.1";
const SHIPPED: [&[u8]; 4] = [
    include_bytes!("../../data/areas/provinces.csv.gz"),
    include_bytes!("../../data/areas/regencies.csv.gz"),
    include_bytes!("../../data/areas/districts.csv.gz"),
    include_bytes!("../../data/areas/villages.csv.gz"),
];

/// The files of a release, in the order their rows depend on each other.
pub const FILES: [&str; 4] = ["provinces", "regencies", "districts", "villages"];

/// At most this many problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 20;
/// Longer than any official name (the longest village name has 44 characters).
const MAX_NAME_CHARS: usize = 100;

/// Every province, regency, district and village of one release.
#[derive(Debug, Default)]
pub struct Release {
    pub provinces: Vec<(ProvinceCode, String)>,
    pub regencies: Vec<(RegencyCode, String)>,
    pub districts: Vec<(DistrictCode, String)>,
    pub villages: Vec<(VillageCode, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("{0}: not found (expected {0}.csv or {0}.csv.gz)")]
    Missing(PathBuf),
    #[error("{file}: {error}")]
    Read { file: String, error: String },
    /// Problems by file and line; nothing was loaded.
    #[error("{}", .lines.join("\n"))]
    Invalid { lines: Vec<String> },
}

impl Release {
    /// The release shipped in the binary.
    pub fn shipped() -> Result<Release, ReleaseError> {
        let mut texts = Vec::with_capacity(4);
        for (name, bytes) in FILES.iter().zip(SHIPPED) {
            texts.push(gunzip(name, bytes)?);
        }
        Release::parse(&texts)
    }

    /// `provinces.csv`, `regencies.csv`, `districts.csv` and `villages.csv` (each may be
    /// gzipped) from a folder.
    pub fn from_dir(dir: &Path) -> Result<Release, ReleaseError> {
        let mut texts = Vec::with_capacity(4);
        for name in FILES {
            let plain = dir.join(format!("{name}.csv"));
            let gzipped = dir.join(format!("{name}.csv.gz"));
            let read = |path: &Path| {
                std::fs::read(path).map_err(|e| ReleaseError::Read {
                    file: path.display().to_string(),
                    error: e.to_string(),
                })
            };
            let text = if plain.exists() {
                String::from_utf8(read(&plain)?).map_err(|_| ReleaseError::Read {
                    file: plain.display().to_string(),
                    error: "not UTF-8 text".into(),
                })?
            } else if gzipped.exists() {
                gunzip(&gzipped.display().to_string(), &read(&gzipped)?)?
            } else {
                return Err(ReleaseError::Missing(dir.join(name)));
            };
            texts.push(text);
        }
        Release::parse(&texts)
    }

    /// The four files' texts, in the order of [`FILES`].
    fn parse(texts: &[String]) -> Result<Release, ReleaseError> {
        let mut problems = Problems::default();
        let mut release = Release::default();
        let provinces = rows(&texts[0], "provinces", &["code", "name"], &mut problems);
        let mut province_codes = HashSet::new();
        for row in provinces {
            if row.complete(&mut problems)
                && let Some(code) = row.code(ProvinceCode::parse, &mut problems)
                && row.unique(province_codes.insert(code), &mut problems)
                && let Some(name) = row.name(1, &mut problems)
            {
                release.provinces.push((code, name));
            }
        }
        let regency_codes;
        (release.regencies, regency_codes) = level(
            &texts[1],
            ("regencies", "province_code"),
            RegencyCode::parse,
            RegencyCode::province,
            &province_codes,
            &mut problems,
        );
        let district_codes;
        (release.districts, district_codes) = level(
            &texts[2],
            ("districts", "regency_code"),
            DistrictCode::parse,
            DistrictCode::regency,
            &regency_codes,
            &mut problems,
        );
        (release.villages, _) = level(
            &texts[3],
            ("villages", "district_code"),
            VillageCode::parse,
            VillageCode::district,
            &district_codes,
            &mut problems,
        );
        if release.villages.is_empty() && problems.lines.is_empty() {
            problems.push("villages.csv: no villages".into());
        }
        problems.into_result(release)
    }
}

/// The areas of one level below the first: each row's code, its parent's code (which must say
/// the same as the code and be listed) and its name. `file`: the file and its parent column.
fn level<C, P>(
    text: &str,
    (file, parent_column): (&'static str, &str),
    parse: fn(&str) -> Option<C>,
    parent_of: fn(C) -> P,
    parents: &HashSet<P>,
    problems: &mut Problems,
) -> (Vec<(C, String)>, HashSet<C>)
where
    C: Copy + Eq + std::hash::Hash,
    P: Eq + std::hash::Hash + std::fmt::Display,
{
    let mut listed = Vec::new();
    let mut codes = HashSet::new();
    for row in rows(text, file, &["code", parent_column, "name"], problems) {
        if row.complete(problems)
            && let Some(code) = row.code(parse, problems)
            && row.parent(
                &parent_of(code).to_string(),
                parents,
                parent_of(code),
                problems,
            )
            && row.unique(codes.insert(code), problems)
            && let Some(name) = row.name(2, problems)
        {
            listed.push((code, name));
        }
    }
    (listed, codes)
}

fn gunzip(file: &str, bytes: &[u8]) -> Result<String, ReleaseError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| ReleaseError::Read {
            file: file.to_owned(),
            error: e.to_string(),
        })?;
    Ok(text)
}

#[derive(Default)]
struct Problems {
    lines: Vec<String>,
    more: usize,
}

impl Problems {
    fn push(&mut self, line: String) {
        if self.lines.len() < MAX_PROBLEMS {
            self.lines.push(line);
        } else {
            self.more += 1;
        }
    }

    fn into_result(mut self, release: Release) -> Result<Release, ReleaseError> {
        if self.lines.is_empty() {
            return Ok(release);
        }
        if self.more > 0 {
            self.lines
                .push(format!("… and {} more problems", self.more));
        }
        Err(ReleaseError::Invalid { lines: self.lines })
    }
}

/// One data row of a file, with where it is for the messages.
struct Row {
    file: &'static str,
    line: u64,
    fields: csv::StringRecord,
    expected: usize,
}

impl Row {
    fn complete(&self, problems: &mut Problems) -> bool {
        let complete = self.fields.len() == self.expected;
        if !complete {
            self.problem(
                format!("{} fields, expected {}", self.fields.len(), self.expected),
                problems,
            );
        }
        complete
    }

    fn problem(&self, what: String, problems: &mut Problems) {
        problems.push(format!("{}.csv, line {}: {what}", self.file, self.line));
    }

    fn code<C>(&self, parse: fn(&str) -> Option<C>, problems: &mut Problems) -> Option<C> {
        let text = self.fields.get(0).unwrap_or_default();
        let code = parse(text);
        if code.is_none() {
            self.problem(format!("\"{text}\" is not a code of this level"), problems);
        }
        code
    }

    /// The parent column says the same as the code, and the parent is in the release.
    fn parent<C: Eq + std::hash::Hash>(
        &self,
        expected: &str,
        known: &HashSet<C>,
        parent: C,
        problems: &mut Problems,
    ) -> bool {
        let written = self.fields.get(1).unwrap_or_default();
        if written != expected {
            self.problem(
                format!("the parent code \"{written}\" does not match the code (\"{expected}\")"),
                problems,
            );
            return false;
        }
        if !known.contains(&parent) {
            self.problem(format!("the parent \"{expected}\" is not listed"), problems);
            return false;
        }
        true
    }

    fn unique(&self, first: bool, problems: &mut Problems) -> bool {
        if !first {
            self.problem("the code is listed twice".into(), problems);
        }
        first
    }

    fn name(&self, column: usize, problems: &mut Problems) -> Option<String> {
        let name = self
            .fields
            .get(column)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS || name.chars().any(char::is_control) {
            self.problem("the name is empty, too long or not text".into(), problems);
            return None;
        }
        Some(name)
    }
}

/// The rows of a file whose header is exactly `header`.
fn rows(text: &str, file: &'static str, header: &[&str], problems: &mut Problems) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    match reader.headers() {
        Ok(found) if found.iter().eq(header.iter().copied()) => {}
        Ok(found) => {
            problems.push(format!(
                "{file}.csv, line 1: the header is \"{}\", expected \"{}\"",
                found.iter().collect::<Vec<_>>().join(","),
                header.join(",")
            ));
            return Vec::new();
        }
        Err(e) => {
            problems.push(format!("{file}.csv: {e}"));
            return Vec::new();
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(fields) => {
                let line = fields.position().map_or(0, |p| p.line());
                rows.push(Row {
                    file,
                    line,
                    fields,
                    expected: header.len(),
                });
            }
            Err(e) => problems.push(format!("{file}.csv: {e}")),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(villages: &str) -> Vec<String> {
        vec![
            "code,name\n32,Jawa Barat\n".into(),
            "code,province_code,name\n32.12,32,Kabupaten Indramayu\n".into(),
            "code,regency_code,name\n32.12.16,32.12,Sindang\n".into(),
            format!("code,district_code,name\n{villages}"),
        ]
    }

    #[test]
    fn the_shipped_release_has_every_village() {
        let release = Release::shipped().unwrap();
        assert_eq!(release.provinces.len(), 38);
        assert_eq!(release.regencies.len(), 514);
        assert_eq!(release.districts.len(), 7_285);
        assert_eq!(release.villages.len(), 83_762);
        let kenanga = VillageCode::parse("32.12.16.2004").unwrap();
        assert!(release.villages.contains(&(kenanga, "Kenanga".into())));
    }

    #[test]
    fn a_good_release_reads() {
        let release = Release::parse(&texts(
            "32.12.16.2004,32.12.16,Kenanga\n32.12.16.2005,32.12.16,\"Soka\"\"an\"\n",
        ))
        .unwrap();
        assert_eq!(release.villages.len(), 2);
        assert_eq!(release.villages[1].1, "Soka\"an");
    }

    #[test]
    fn every_problem_is_named_with_its_line_and_nothing_is_taken() {
        let Err(ReleaseError::Invalid { lines }) = Release::parse(&texts(
            "32.12.16.2004,32.12.16,Kenanga\n\
             32.12.16.2004,32.12.16,Kenanga\n\
             32.12.17.2001,32.12.17,Nowhere\n\
             32.12.16.2006,32.12.15,Wrong parent\n\
             32.12.16.20x7,32.12.16,Bad\n\
             32.12.16.2008,32.12.16,\n\
             32.12.16.2009,32.12.16\n",
        )) else {
            panic!("a bad release was taken");
        };
        assert_eq!(
            lines,
            [
                "villages.csv, line 3: the code is listed twice",
                "villages.csv, line 4: the parent \"32.12.17\" is not listed",
                "villages.csv, line 5: the parent code \"32.12.15\" does not match the code (\"32.12.16\")",
                "villages.csv, line 6: \"32.12.16.20x7\" is not a code of this level",
                "villages.csv, line 7: the name is empty, too long or not text",
                "villages.csv, line 8: 2 fields, expected 3",
            ]
        );
    }

    #[test]
    fn a_wrong_header_is_named() {
        let mut files = texts("32.12.16.2004,32.12.16,Kenanga\n");
        files[3] = "kode,kecamatan,nama\n32.12.16.2004,32.12.16,Kenanga\n".into();
        let error = Release::parse(&files).unwrap_err().to_string();
        assert!(
            error.starts_with("villages.csv, line 1: the header is"),
            "{error}"
        );
    }
}
