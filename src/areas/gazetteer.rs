//! The village search: every listed village in memory, found by a few typed letters in the
//! order a person expects. Exact names first, then names that begin with what was typed, then
//! names with a word that does ("sari" finds Tanjung Sari), then small typos ("kenamga"); in
//! each, the programme's own villages first and shorter names before longer. A district or
//! regency typed after the name narrows it ("kenanga indramayu").

use std::{collections::HashMap, ops::Range};

use crate::domain::area::{
    self, DistrictCode, ProvinceCode, RegencyCode, VillageCode, area_query, place_query,
    village_query,
};

/// A village as a button shows it: «Kenanga — Sindang, Indramayu».
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    pub code: VillageCode,
    pub village: String,
    pub district: String,
    pub regency: String,
}

/// What a search found: the best `limit`, and how many matched in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
}

struct Village {
    code: VillageCode,
    name: Box<str>,
    /// Index into `districts`.
    district: u32,
    programme: bool,
}

struct Area {
    name: Box<str>,
    key: Box<str>,
}

/// How well a name matched; lower is better.
type Tier = u8;
const EXACT: Tier = 0;
const PREFIX: Tier = 1;
const WORD: Tier = 2;
const TYPO: Tier = 3;
const TYPO_PREFIX: Tier = 4;

/// Queries shorter than this find nothing (two letters match thousands of names).
const MIN_QUERY_CHARS: usize = 2;
/// The prefix and word matches looked at for one query: more only says "many".
const MAX_CANDIDATES: usize = 4_000;

pub struct Gazetteer {
    provinces: HashMap<ProvinceCode, Box<str>>,
    regencies: Vec<(RegencyCode, Area)>,
    districts: Vec<(DistrictCode, Area)>,
    villages: Vec<Village>,
    /// Every distinct search key, sorted, with the villages that have it.
    keys: Vec<(Box<str>, Range<u32>)>,
    by_key: Vec<u32>,
    /// Village indices sorted by code.
    by_code: Vec<(VillageCode, u32)>,
    /// Where a word other than the first begins in a key: (key index, byte offset), sorted by
    /// the rest of the key from there.
    words: Vec<(u32, u16)>,
    /// Keys by their first byte, for the typo scan.
    initials: HashMap<u8, Vec<u32>>,
}

impl Gazetteer {
    /// `villages` with whether each is one of the programme's.
    pub fn new(
        provinces: Vec<(ProvinceCode, String)>,
        regencies: Vec<(RegencyCode, String)>,
        districts: Vec<(DistrictCode, String)>,
        villages: Vec<(VillageCode, String, bool)>,
    ) -> Gazetteer {
        let mut regencies: Vec<(RegencyCode, Area)> = regencies
            .into_iter()
            .map(|(code, name)| {
                let key = area_query(&name).into_boxed_str();
                let name = area::regency_short_name(&name).into();
                (code, Area { name, key })
            })
            .collect();
        regencies.sort_by_key(|(code, _)| *code);
        let mut districts: Vec<(DistrictCode, Area)> = districts
            .into_iter()
            .map(|(code, name)| {
                let key = area_query(&name).into_boxed_str();
                (
                    code,
                    Area {
                        name: name.into(),
                        key,
                    },
                )
            })
            .collect();
        districts.sort_by_key(|(code, _)| *code);
        let district_index: HashMap<DistrictCode, u32> = districts
            .iter()
            .enumerate()
            .map(|(i, (code, _))| (*code, i as u32))
            .collect();
        let mut listed: Vec<(String, Village)> = villages
            .into_iter()
            .filter_map(|(code, name, programme)| {
                let district = *district_index.get(&code.district())?;
                Some((
                    village_query(&name),
                    Village {
                        code,
                        name: name.into(),
                        district,
                        programme,
                    },
                ))
            })
            .collect();
        listed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.code.cmp(&b.1.code)));
        let mut keys: Vec<(Box<str>, Range<u32>)> = Vec::new();
        let mut villages = Vec::with_capacity(listed.len());
        for (i, (key, village)) in listed.into_iter().enumerate() {
            let i = i as u32;
            match keys.last_mut() {
                Some((last, range)) if **last == *key => range.end = i + 1,
                _ => keys.push((key.into_boxed_str(), i..i + 1)),
            }
            villages.push(village);
        }
        // Sorted by key, the villages are their own `by_key`.
        let by_key = (0..villages.len() as u32).collect();
        let mut by_code: Vec<(VillageCode, u32)> = villages
            .iter()
            .enumerate()
            .map(|(i, v)| (v.code, i as u32))
            .collect();
        by_code.sort_unstable();
        let mut words: Vec<(u32, u16)> = Vec::new();
        let mut initials: HashMap<u8, Vec<u32>> = HashMap::new();
        for (k, (key, _)) in keys.iter().enumerate() {
            if let Some(first) = key.bytes().next() {
                initials.entry(first).or_default().push(k as u32);
            }
            for (at, _) in key.match_indices(' ') {
                words.push((k as u32, (at + 1) as u16));
            }
        }
        words.sort_by(|a, b| word_at(&keys, *a).cmp(word_at(&keys, *b)));
        Gazetteer {
            provinces: provinces
                .into_iter()
                .map(|(c, n)| (c, n.into_boxed_str()))
                .collect(),
            regencies,
            districts,
            villages,
            keys,
            by_key,
            by_code,
            words,
            initials,
        }
    }

    pub fn village_count(&self) -> usize {
        self.villages.len()
    }

    /// The villages that best match what a person typed; at most `limit`.
    pub fn search(&self, typed: &str, limit: usize) -> Found {
        self.search_where(typed, limit, |_| true)
    }

    /// The same, among the villages `keep` accepts (an officer's area).
    pub fn search_where(
        &self,
        typed: &str,
        limit: usize,
        keep: impl Fn(VillageCode) -> bool,
    ) -> Found {
        let query = village_query(typed);
        if query.chars().filter(|c| c.is_alphanumeric()).count() < MIN_QUERY_CHARS {
            return Found::default();
        }
        let mut scored: Vec<(Tier, u32)> = Vec::new();
        for (tier, key) in self.names_like(&query, limit) {
            scored.extend(self.villages_of_key(key).map(|v| (tier, v)));
        }
        // "kenanga sindang", "kenanga, indramayu": a name, then where it is.
        let words: Vec<&str> = query.split(' ').collect();
        for split in 1..words.len() {
            let name = words[..split].join(" ");
            let place = words[split..].join(" ");
            let place = place_query(&place);
            if name.len() < MIN_QUERY_CHARS || place.is_empty() {
                continue;
            }
            for (tier, key) in self.names_like(&name, limit) {
                scored.extend(
                    self.villages_of_key(key)
                        .filter(|v| self.is_in(&self.villages[*v as usize], &place))
                        // Found by name and place: as good as the whole name.
                        .map(|v| (tier, v)),
                );
            }
        }
        scored.sort_by(|a, b| {
            let (va, vb) = (&self.villages[a.1 as usize], &self.villages[b.1 as usize]);
            a.0.cmp(&b.0)
                .then(vb.programme.cmp(&va.programme))
                .then(va.name.len().cmp(&vb.name.len()))
                .then(va.name.cmp(&vb.name))
                .then(self.regency_of(va).cmp(self.regency_of(vb)))
                .then(va.code.cmp(&vb.code))
        });
        let mut seen = std::collections::HashSet::new();
        scored.retain(|(_, v)| seen.insert(*v) && keep(self.villages[*v as usize].code));
        Found {
            total: scored.len(),
            hits: scored
                .iter()
                .take(limit)
                .map(|(_, v)| self.hit(&self.villages[*v as usize]))
                .collect(),
        }
    }

    /// A listed village by its code.
    pub fn village(&self, code: VillageCode) -> Option<Hit> {
        let at = self.index_of(code)?;
        Some(self.hit(&self.villages[at]))
    }

    /// Regencies whose name begins with (or is a small typo of) what was typed, best first.
    pub fn regencies(&self, typed: &str, limit: usize) -> Vec<(RegencyCode, String)> {
        let query = area_query(typed);
        if query.len() < MIN_QUERY_CHARS {
            return Vec::new();
        }
        let mut found: Vec<(Tier, &(RegencyCode, Area))> = self
            .regencies
            .iter()
            .filter_map(|r| Some((tier_of(&query, &r.1.key)?, r)))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.1.name.cmp(&b.1.1.name)));
        found
            .into_iter()
            .take(limit)
            .map(|(_, (code, area))| (*code, self.regency_label(*code, area)))
            .collect()
    }

    /// A regency's name as people say it, with its province when another regency has the
    /// same name ("Kota Bandung" is unique, "Bandung" is not a city).
    fn regency_label(&self, code: RegencyCode, area: &Area) -> String {
        let twins = self
            .regencies
            .iter()
            .filter(|(_, other)| other.name == area.name)
            .count();
        match self.provinces.get(&code.province()) {
            Some(province) if twins > 1 => format!("{} ({province})", area.name),
            _ => area.name.to_string(),
        }
    }

    pub fn regency_name(&self, code: RegencyCode) -> Option<&str> {
        let at = self.regencies.binary_search_by_key(&code, |r| r.0).ok()?;
        Some(&self.regencies[at].1.name)
    }

    /// The districts of a regency, by name.
    pub fn districts_of(&self, regency: RegencyCode) -> Vec<(DistrictCode, String)> {
        let mut list: Vec<(DistrictCode, String)> = self
            .districts
            .iter()
            .filter(|(code, _)| code.regency() == regency)
            .map(|(code, area)| (*code, area.name.to_string()))
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1));
        list
    }

    pub fn district_name(&self, code: DistrictCode) -> Option<&str> {
        let at = self.districts.binary_search_by_key(&code, |d| d.0).ok()?;
        Some(&self.districts[at].1.name)
    }

    /// The villages of a district, by name.
    pub fn villages_in(&self, district: DistrictCode) -> Vec<Hit> {
        let mut list: Vec<Hit> = self
            .villages
            .iter()
            .filter(|v| v.code.district() == district)
            .map(|v| self.hit(v))
            .collect();
        list.sort_by(|a, b| a.village.cmp(&b.village));
        list
    }

    /// An old poster link's village (`desa-kenanga_indramayu`, `desa-kuripan`): the one
    /// village with that name, or with that name in that regency or district.
    pub fn village_by_slug(&self, slug: &str) -> Option<VillageCode> {
        let words: Vec<&str> = slug.split(['_', '-']).filter(|w| !w.is_empty()).collect();
        let named = |name: &str| {
            let key = village_query(name);
            let at = self.keys.binary_search_by(|(k, _)| (**k).cmp(&*key)).ok()?;
            Some(self.villages_of_key(at as u32).collect::<Vec<u32>>())
        };
        let only = |found: Vec<u32>| match found.as_slice() {
            [one] => Some(self.villages[*one as usize].code),
            _ => None,
        };
        if let Some(found) = named(&words.join(" "))
            && let Some(code) = only(found)
        {
            return Some(code);
        }
        for split in (1..words.len()).rev() {
            let place = area_query(&words[split..].join(" "));
            let Some(found) = named(&words[..split].join(" ")) else {
                continue;
            };
            let here: Vec<u32> = found
                .into_iter()
                .filter(|v| {
                    let village = &self.villages[*v as usize];
                    let district = &self.districts[village.district as usize].1;
                    *district.key == *place || self.regency_key_of(village) == place
                })
                .collect();
            if let Some(code) = only(here) {
                return Some(code);
            }
        }
        None
    }

    fn hit(&self, village: &Village) -> Hit {
        Hit {
            code: village.code,
            village: village.name.to_string(),
            district: self.districts[village.district as usize].1.name.to_string(),
            regency: self.regency_of(village).to_owned(),
        }
    }

    fn index_of(&self, code: VillageCode) -> Option<usize> {
        let at = self.by_code.binary_search_by_key(&code, |(c, _)| *c).ok()?;
        Some(self.by_code[at].1 as usize)
    }

    fn regency_of(&self, village: &Village) -> &str {
        self.regency_name(village.code.regency())
            .unwrap_or_default()
    }

    fn regency_key_of(&self, village: &Village) -> &str {
        let code = village.code.regency();
        self.regencies
            .binary_search_by_key(&code, |r| r.0)
            .map_or("", |at| &self.regencies[at].1.key)
    }

    /// The village's district or regency begins with `place`.
    /// Is `village` where `place` (the words typed after its name) says: its district's or
    /// regency's name begins with them, or the first words begin the district's and the rest
    /// the regency's ("sindang indramayu").
    fn is_in(&self, village: &Village, place: &[String]) -> bool {
        let district = &self.districts[village.district as usize].1.key;
        let regency = self.regency_key_of(village);
        let whole = place.join(" ");
        if district.starts_with(&whole) || regency.starts_with(&whole) {
            return true;
        }
        (1..place.len()).any(|split| {
            district.starts_with(&place[..split].join(" "))
                && regency.starts_with(&place[split..].join(" "))
        })
    }

    fn villages_of_key(&self, key: u32) -> impl Iterator<Item = u32> + '_ {
        let range = self.keys[key as usize].1.clone();
        self.by_key[range.start as usize..range.end as usize]
            .iter()
            .copied()
    }

    /// The keys like `query`, each with how well it matched.
    fn names_like(&self, query: &str, limit: usize) -> Vec<(Tier, u32)> {
        let mut found: Vec<(Tier, u32)> = Vec::new();
        let start = self.keys.partition_point(|(k, _)| **k < *query);
        for (k, (key, _)) in self.keys[start..].iter().enumerate() {
            if !key.starts_with(query) || found.len() >= MAX_CANDIDATES {
                break;
            }
            let tier = if **key == *query { EXACT } else { PREFIX };
            found.push((tier, (start + k) as u32));
        }
        let start = self
            .words
            .partition_point(|w| word_at(&self.keys, *w) < query);
        for word in &self.words[start..] {
            if !word_at(&self.keys, *word).starts_with(query) || found.len() >= MAX_CANDIDATES {
                break;
            }
            found.push((WORD, word.0));
        }
        let villages: usize = found
            .iter()
            .map(|(_, k)| self.keys[*k as usize].1.len())
            .sum();
        if villages < limit {
            found.extend(self.typos(query));
        }
        found
    }

    /// Keys within a small edit distance of `query` (one for 4 to 7 letters, two beyond),
    /// whole or as the beginning of the name. A typo in the first letter is rare; two first
    /// letters swapped is not.
    fn typos(&self, query: &str) -> Vec<(Tier, u32)> {
        let q = query.as_bytes();
        let Some(allowed) = allowed_typos(q.len()) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut look = |keys: Option<&Vec<u32>>, swapped: bool| {
            for k in keys.into_iter().flatten() {
                let key = self.keys[*k as usize].0.as_bytes();
                if swapped && key.get(1) != Some(&q[0]) {
                    continue;
                }
                if key.len() + allowed < q.len() {
                    continue;
                }
                match distance(q, key, allowed) {
                    Some((full, _)) if full <= allowed => found.push((TYPO, *k)),
                    Some((_, prefix)) if prefix <= allowed && q.len() >= 5 => {
                        found.push((TYPO_PREFIX, *k))
                    }
                    _ => {}
                }
            }
        };
        look(self.initials.get(&q[0]), false);
        if q.len() > 1 && q[1] != q[0] {
            look(self.initials.get(&q[1]), true);
        }
        found
    }
}

fn word_at(keys: &[(Box<str>, Range<u32>)], (key, at): (u32, u16)) -> &str {
    &keys[key as usize].0[at as usize..]
}

fn allowed_typos(len: usize) -> Option<usize> {
    match len {
        0..=3 => None,
        4..=7 => Some(1),
        _ => Some(2),
    }
}

/// How a short name (a regency's) matched, if it did.
fn tier_of(query: &str, key: &str) -> Option<Tier> {
    if key == query {
        return Some(EXACT);
    }
    if key.starts_with(query) {
        return Some(PREFIX);
    }
    if key.split(' ').skip(1).any(|w| w.starts_with(query)) {
        return Some(WORD);
    }
    let allowed = allowed_typos(query.len())?;
    match distance(query.as_bytes(), key.as_bytes(), allowed)? {
        (full, _) if full <= allowed => Some(TYPO),
        (_, prefix) if prefix <= allowed => Some(TYPO_PREFIX),
        _ => None,
    }
}

/// The optimal-string-alignment distance (edits, with two neighbours swapped counting as one)
/// from `query` to `key` and to the closest beginning of `key`; `None` once both are surely
/// over `limit`.
pub(crate) fn distance(query: &[u8], key: &[u8], limit: usize) -> Option<(usize, usize)> {
    let n = key.len();
    let mut before: Vec<usize> = vec![0; n + 1];
    let mut previous: Vec<usize> = (0..=n).collect();
    let mut current: Vec<usize> = vec![0; n + 1];
    for i in 1..=query.len() {
        current[0] = i;
        let mut best = current[0];
        for j in 1..=n {
            let cost = usize::from(query[i - 1] != key[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && query[i - 1] == key[j - 2] && query[i - 2] == key[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            best = best.min(d);
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let full = previous[n];
    let prefix = *previous.iter().min().unwrap_or(&full);
    Some((full, prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> VillageCode {
        VillageCode::parse(text).unwrap()
    }

    fn small() -> Gazetteer {
        let r = |c: &str| RegencyCode::parse(c).unwrap();
        let d = |c: &str| DistrictCode::parse(c).unwrap();
        Gazetteer::new(
            vec![
                (ProvinceCode::parse("32").unwrap(), "Jawa Barat".into()),
                (ProvinceCode::parse("33").unwrap(), "Jawa Tengah".into()),
            ],
            vec![
                (r("32.12"), "Kabupaten Indramayu".into()),
                (r("32.04"), "Kabupaten Bandung".into()),
                (r("32.73"), "Kota Bandung".into()),
                (r("33.07"), "Kabupaten Wonosobo".into()),
            ],
            vec![
                (d("32.12.16"), "Sindang".into()),
                (d("32.12.01"), "Haurgeulis".into()),
                (d("32.04.05"), "Cileunyi".into()),
                (d("33.07.01"), "Wadaslintang".into()),
            ],
            vec![
                (code("32.12.16.2004"), "Kenanga".into(), false),
                (code("32.12.01.2001"), "Kenanga Sari".into(), false),
                (code("33.07.01.2001"), "Kenanga".into(), true),
                (code("32.04.05.2001"), "Tanjung Sari".into(), false),
                (code("32.12.16.2005"), "Soka'an".into(), false),
                (code("32.12.16.2006"), "Penganjang".into(), false),
            ],
        )
    }

    fn names(found: &Found) -> Vec<String> {
        found
            .hits
            .iter()
            .map(|h| format!("{} — {}, {}", h.village, h.district, h.regency))
            .collect()
    }

    #[test]
    fn exact_names_come_first_the_programmes_before_the_others() {
        let found = small().search("Kenanga", 8);
        assert_eq!(
            names(&found),
            [
                "Kenanga — Wadaslintang, Wonosobo",
                "Kenanga — Sindang, Indramayu",
                "Kenanga Sari — Haurgeulis, Indramayu",
            ]
        );
        assert_eq!(found.total, 3);
    }

    #[test]
    fn a_few_letters_a_later_word_a_typo_and_a_place_all_find_it() {
        let g = small();
        assert_eq!(g.search("kenan", 8).total, 3);
        assert_eq!(
            names(&g.search("sari", 8))[0],
            "Kenanga Sari — Haurgeulis, Indramayu"
        );
        assert_eq!(g.search("sari", 8).total, 2);
        assert_eq!(g.search("Kenamga", 8).hits[0].village, "Kenanga");
        assert_eq!(g.search("eknanga", 8).hits[0].village, "Kenanga");
        assert_eq!(g.search("sokaan", 8).hits[0].village, "Soka'an");
        assert_eq!(
            names(&g.search("Desa Kenanga, Indramayu", 8))[0],
            "Kenanga — Sindang, Indramayu"
        );
        assert_eq!(
            names(&g.search("kenanga sindang", 8)),
            ["Kenanga — Sindang, Indramayu"]
        );
    }

    #[test]
    fn too_little_or_nothing_like_finds_nothing() {
        let g = small();
        assert_eq!(g.search("k", 8).total, 0);
        assert_eq!(g.search("  ", 8).total, 0);
        assert_eq!(g.search("zzzzzz", 8).total, 0);
        assert_eq!(g.search("kenanga", 1).hits.len(), 1);
    }

    #[test]
    fn regencies_districts_and_villages_can_be_walked() {
        let g = small();
        let bandung = g.regencies("bandung", 8);
        assert_eq!(bandung.len(), 2);
        assert_eq!(bandung[0].1, "Bandung");
        assert_eq!(g.regencies("Kab. Indramayu", 8)[0].1, "Indramayu");
        let indramayu = RegencyCode::parse("32.12").unwrap();
        let districts = g.districts_of(indramayu);
        assert_eq!(districts.len(), 2);
        assert_eq!(districts[0].1, "Haurgeulis");
        let villages = g.villages_in(districts[1].0);
        assert_eq!(villages.len(), 3);
        assert_eq!(
            g.village(code("32.12.16.2004")).unwrap().district,
            "Sindang"
        );
        assert_eq!(g.village(code("32.12.16.2099")), None);
    }

    #[test]
    fn old_poster_links_find_their_village_only_when_it_is_the_only_one() {
        let g = small();
        assert_eq!(g.village_by_slug("penganjang"), Some(code("32.12.16.2006")));
        assert_eq!(g.village_by_slug("kenanga"), None);
        assert_eq!(
            g.village_by_slug("kenanga_indramayu"),
            Some(code("32.12.16.2004"))
        );
        assert_eq!(
            g.village_by_slug("kenanga-wonosobo"),
            Some(code("33.07.01.2001"))
        );
        assert_eq!(g.village_by_slug("kenanga_jakarta"), None);
    }

    #[test]
    fn the_distance_counts_edits_and_swaps() {
        assert_eq!(distance(b"kenanga", b"kenanga", 2), Some((0, 0)));
        assert_eq!(distance(b"kenamga", b"kenanga", 2), Some((1, 1)));
        assert_eq!(distance(b"eknanga", b"kenanga", 2), Some((1, 1)));
        assert_eq!(distance(b"kenang", b"kenangasari", 2).map(|d| d.1), Some(0));
        assert_eq!(distance(b"abcdef", b"uvwxyz", 1), None);
    }
}
