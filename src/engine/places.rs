//! Choosing a village from the list, the same way wherever one is asked (registration, the
//! profile, a broadcast's audience): type a few letters and pick one of up to eight buttons
//! «Kenanga — Sindang, Indramayu»; or, when it is not among them, choose the regency, then the
//! district, then the village. A feature embeds [`Pick`] in its own buttons and says how.

use super::{Action, Button, Keyboard, Msg, Result, turn::Turn};
use crate::areas::Hit;
use crate::domain::area::{DistrictCode, RegencyCode, VillageCode};

/// Buttons a search shows at most.
pub const SHOWN: usize = 8;
/// Districts or villages on one page of a list (two to a row).
const PAGE: usize = 30;

/// A step of choosing a village, carried by a feature's button.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    Village(VillageCode),
    /// «None of these»: type again, or go by regency.
    NotListed,
    ByRegency,
    Regency(RegencyCode),
    /// A district's villages, page by page (from 0).
    District(DistrictCode, u8),
}

impl Pick {
    pub fn fields(&self) -> Vec<String> {
        match self {
            Pick::Village(code) => vec!["v".into(), code.compact()],
            Pick::NotListed => vec!["v".into(), "none".into()],
            Pick::ByRegency => vec!["v".into(), "reg".into()],
            Pick::Regency(code) => vec!["r".into(), code.compact()],
            Pick::District(code, page) => vec!["d".into(), code.compact(), page.to_string()],
        }
    }

    pub fn parse(fields: &[&str]) -> Option<Pick> {
        // Written without dots (`3212162004`): nothing else is one of ours.
        let digits = |code: &str| code.bytes().all(|b| b.is_ascii_digit());
        if fields
            .get(1)
            .is_some_and(|code| !digits(code) && *code != "none" && *code != "reg")
        {
            return None;
        }
        Some(match fields {
            ["v", "none"] => Pick::NotListed,
            ["v", "reg"] => Pick::ByRegency,
            ["v", code] => Pick::Village(VillageCode::parse(code)?),
            ["r", code] => Pick::Regency(RegencyCode::parse(code)?),
            ["d", code, page] if page.len() <= 2 && !page.starts_with('+') => {
                Pick::District(DistrictCode::parse(code)?, page.parse().ok()?)
            }
            _ => return None,
        })
    }
}

/// «Kenanga — Sindang, Indramayu».
pub fn label(hit: &Hit) -> Msg {
    Msg::new("place-village")
        .arg("village", hit.village.as_str())
        .arg("district", hit.district.as_str())
        .arg("regency", hit.regency.as_str())
}

/// A screen of the choice: its text and its buttons (the caller adds its way out).
pub struct Screen {
    pub text: Vec<Msg>,
    pub rows: Vec<Vec<Button>>,
}

impl Screen {
    pub fn keyboard(mut self, way_out: Vec<Button>) -> (Vec<Msg>, Keyboard) {
        self.rows.push(way_out);
        (self.text, Keyboard::Inline(self.rows))
    }
}

/// What a person typed for their village: the best matches, or where to go from here.
pub(crate) async fn search(
    turn: &mut Turn<'_>,
    typed: &str,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Screen> {
    search_where(turn, typed, wrap, |_| true).await
}

/// The same, among the villages `keep` accepts.
pub(crate) async fn search_where(
    turn: &mut Turn<'_>,
    typed: &str,
    wrap: impl Fn(Pick) -> Action,
    keep: impl Fn(VillageCode) -> bool,
) -> Result<Screen> {
    let places = turn.places().await?;
    let found = places.search_where(typed, SHOWN, keep);
    let typed = shown(typed);
    if found.hits.is_empty() {
        return Ok(Screen {
            text: vec![Msg::new("place-village-not-found").arg("typed", typed)],
            rows: vec![vec![button(
                "place-button-by-regency",
                Pick::ByRegency,
                &wrap,
            )]],
        });
    }
    let mut text = vec![Msg::new("place-village-choose")];
    if found.total > found.hits.len() {
        text.push(
            Msg::new("place-village-many")
                .arg("total", found.total as i64)
                .arg("typed", typed),
        );
    }
    let mut rows: Vec<Vec<Button>> = found
        .hits
        .iter()
        .map(|hit| vec![Button::action(label(hit), wrap(Pick::Village(hit.code)))])
        .collect();
    rows.push(vec![button(
        "place-button-not-listed",
        Pick::NotListed,
        &wrap,
    )]);
    Ok(Screen { text, rows })
}

/// «None of these»: type again, or choose by regency.
pub fn not_listed(wrap: impl Fn(Pick) -> Action) -> Screen {
    Screen {
        text: vec![Msg::new("place-village-retry")],
        rows: vec![vec![button(
            "place-button-by-regency",
            Pick::ByRegency,
            &wrap,
        )]],
    }
}

/// Asks for the regency's name.
pub fn ask_regency() -> Screen {
    Screen {
        text: vec![Msg::new("place-ask-regency")],
        rows: Vec::new(),
    }
}

/// The regencies like what was typed.
pub(crate) async fn regencies(
    turn: &mut Turn<'_>,
    typed: &str,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Screen> {
    let places = turn.places().await?;
    let found = places.regencies(typed, SHOWN);
    if found.is_empty() {
        return Ok(Screen {
            text: vec![Msg::new("place-regency-not-found").arg("typed", shown(typed))],
            rows: Vec::new(),
        });
    }
    Ok(Screen {
        text: vec![Msg::new("place-regency-choose")],
        rows: found
            .into_iter()
            .map(|(code, name)| {
                vec![Button::action(
                    Msg::new("place-regency").arg("regency", name),
                    wrap(Pick::Regency(code)),
                )]
            })
            .collect(),
    })
}

/// The districts of a regency; `None` for a regency not listed (an old or forged button).
pub(crate) async fn districts(
    turn: &mut Turn<'_>,
    regency: RegencyCode,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Option<Screen>> {
    let places = turn.places().await?;
    let Some(name) = places.regency_name(regency) else {
        return Ok(None);
    };
    let buttons: Vec<Button> = places
        .districts_of(regency)
        .into_iter()
        .map(|(code, name)| {
            Button::action(
                Msg::new("place-district").arg("district", name),
                wrap(Pick::District(code, 0)),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Button>> = buttons.chunks(2).map(<[Button]>::to_vec).collect();
    rows.push(vec![button(
        "place-button-other-regency",
        Pick::ByRegency,
        &wrap,
    )]);
    Ok(Some(Screen {
        text: vec![Msg::new("place-district-choose").arg("regency", name)],
        rows,
    }))
}

/// A page of a district's villages; `None` for a district not listed.
pub(crate) async fn villages(
    turn: &mut Turn<'_>,
    district: DistrictCode,
    page: u8,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Option<Screen>> {
    let places = turn.places().await?;
    let Some(name) = places.district_name(district) else {
        return Ok(None);
    };
    let all = places.villages_in(district);
    let pages = all.len().div_ceil(PAGE).max(1);
    let page = usize::from(page).min(pages - 1);
    let buttons: Vec<Button> = all
        .iter()
        .skip(page * PAGE)
        .take(PAGE)
        .map(|hit| {
            Button::action(
                Msg::new("place-village-in-list").arg("village", hit.village.as_str()),
                wrap(Pick::Village(hit.code)),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Button>> = buttons.chunks(2).map(<[Button]>::to_vec).collect();
    let mut turns = Vec::new();
    if page > 0 {
        turns.push(button(
            "place-button-previous",
            Pick::District(district, (page - 1) as u8),
            &wrap,
        ));
    }
    if page + 1 < pages {
        turns.push(button(
            "place-button-next",
            Pick::District(district, (page + 1) as u8),
            &wrap,
        ));
    }
    if !turns.is_empty() {
        rows.push(turns);
    }
    rows.push(vec![button(
        "place-button-other-district",
        Pick::Regency(district.regency()),
        &wrap,
    )]);
    let mut text = vec![Msg::new("place-village-in-district").arg("district", name)];
    if pages > 1 {
        text.push(
            Msg::new("place-page")
                .arg("page", (page + 1) as i64)
                .arg("pages", pages as i64),
        );
    }
    Ok(Some(Screen { text, rows }))
}

/// Where a pressed [`Pick`] leads.
pub(crate) enum Next {
    /// A listed village.
    Chosen(Hit),
    /// Another screen of the choice; `by_regency` when what is typed next names a regency.
    Screen { screen: Screen, by_regency: bool },
    /// A village, regency or district no longer (or never) listed: an old or forged button.
    Gone,
}

/// Follows a pressed [`Pick`], for a feature that keeps only whether it goes by regency.
pub(crate) async fn follow(
    turn: &mut Turn<'_>,
    pick: Pick,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Next> {
    let screen = match pick {
        Pick::Village(code) => {
            return Ok(match chosen(turn, code).await? {
                Some(hit) => Next::Chosen(hit),
                None => Next::Gone,
            });
        }
        Pick::NotListed => {
            return Ok(Next::Screen {
                screen: not_listed(wrap),
                by_regency: false,
            });
        }
        Pick::ByRegency => Some(ask_regency()),
        Pick::Regency(code) => districts(turn, code, wrap).await?,
        Pick::District(code, page) => villages(turn, code, page, wrap).await?,
    };
    Ok(match screen {
        Some(screen) => Next::Screen {
            screen,
            by_regency: true,
        },
        None => Next::Gone,
    })
}

/// What was typed while choosing: a village's name, or a regency's after «by regency».
pub(crate) async fn typed(
    turn: &mut Turn<'_>,
    text: &str,
    by_regency: bool,
    wrap: impl Fn(Pick) -> Action,
) -> Result<Screen> {
    match by_regency {
        true => regencies(turn, text, wrap).await,
        false => search(turn, text, wrap).await,
    }
}

/// An area named for a message: "all of Indonesia", a regency, or «Kenanga — Sindang,
/// Indramayu» (its code, if the list no longer has it).
pub(crate) async fn area_name(
    turn: &mut Turn<'_>,
    area: crate::domain::staff::Area,
) -> Result<Msg> {
    let places = turn.places().await?;
    Ok(name_of(&places, area))
}

/// An area's name from the village list: «seluruh Indonesia», a regency, or a village as the
/// search shows it («Kenanga — Sindang, Indramayu»); a code the list no longer has, by code.
pub(crate) fn name_of(places: &crate::areas::Gazetteer, area: crate::domain::staff::Area) -> Msg {
    use crate::domain::staff::Area;
    match area {
        Area::Country => Msg::new("place-area-country"),
        Area::Regency(code) => match places.regency_name(code) {
            Some(name) => Msg::new("place-area-regency").arg("regency", name),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        },
        Area::Village(code) => match places.village(code) {
            Some(hit) => label(&hit),
            None => Msg::new("place-area-code").arg("code", code.to_string()),
        },
    }
}

/// A village a button names, if it is listed.
pub(crate) async fn chosen(turn: &mut Turn<'_>, code: VillageCode) -> Result<Option<Hit>> {
    Ok(turn.places().await?.village(code))
}

/// What was typed, shown back: one line, and no longer than a long village name.
fn shown(typed: &str) -> String {
    crate::domain::text::one_line(typed)
        .chars()
        .take(60)
        .collect()
}

fn button(id: &str, pick: Pick, wrap: &impl Fn(Pick) -> Action) -> Button {
    Button::action(Msg::new(id), wrap(pick))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pick_reads_back_as_written() {
        let picks = [
            Pick::Village(VillageCode::parse("32.12.16.2004").unwrap()),
            Pick::NotListed,
            Pick::ByRegency,
            Pick::Regency(RegencyCode::parse("32.12").unwrap()),
            Pick::District(DistrictCode::parse("32.12.16").unwrap(), 3),
        ];
        for pick in picks {
            let fields = pick.fields();
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            assert_eq!(Pick::parse(&fields), Some(pick));
        }
        for forged in [
            &["v", "321216200"][..],
            &["v", "32.12.16.2004"],
            &["r", "99"],
            &["d", "321216", "x"],
            &["d", "321216", "+1"],
            &["d", "321216", "300"],
            &["v"],
        ] {
            assert_eq!(Pick::parse(forged), None, "{forged:?}");
        }
    }
}
