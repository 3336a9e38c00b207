//! The information pages of the four pillars: a short page per topic, buttons to the topics
//! below it, and a way back.

use super::{PillarsAction, ask_button, choice, contacts, cooperative};
use crate::engine::{Button, Keyboard, Msg, Result, menu, turn::Turn};

choice!(
    /// An information page. Its name (on the button that leads to it) is the Fluent message
    /// `page-<code>`, its words `page-<code>-text`.
    Page, "page" {
        Migration => "mig",
        MigrationSteps => "mig-steps",
        MigrationDocuments => "mig-docs",
        MigrationCosts => "mig-costs",
        MigrationChannels => "mig-help",
        MigrationBrokers => "mig-calo",
        MigrationLimits => "mig-limits",
        Business => "biz",
        BusinessTraining => "biz-train",
        BusinessCapital => "biz-capital",
        Parenting => "par",
        ParentingProblems => "par-problems",
        ParentingSupport => "par-support",
        ParentingCarers => "par-carers",
        Cooperative => "coop",
        CooperativeMembership => "coop-members",
        CooperativeLoans => "coop-loans",
        CooperativeMeetings => "coop-meetings",
        CooperativeContacts => "coop-contacts",
    }
);

impl Page {
    /// The four pillars, as the main menu lists them.
    pub const PILLARS: [Page; 4] = [
        Page::Migration,
        Page::Business,
        Page::Parenting,
        Page::Cooperative,
    ];

    /// The page a Back button leads to; the pillars' own pages lead back to the menu.
    pub fn parent(self) -> Option<Page> {
        use Page as P;
        match self {
            P::Migration | P::Business | P::Parenting | P::Cooperative => None,
            P::MigrationSteps
            | P::MigrationDocuments
            | P::MigrationCosts
            | P::MigrationChannels
            | P::MigrationBrokers
            | P::MigrationLimits => Some(P::Migration),
            P::BusinessTraining | P::BusinessCapital => Some(P::Business),
            P::ParentingProblems | P::ParentingSupport | P::ParentingCarers => Some(P::Parenting),
            P::CooperativeMembership
            | P::CooperativeLoans
            | P::CooperativeMeetings
            | P::CooperativeContacts => Some(P::Cooperative),
        }
    }

    /// The pages below this one, in the order their buttons appear.
    pub fn children(self) -> impl Iterator<Item = Page> {
        Page::ALL
            .iter()
            .copied()
            .filter(move |p| p.parent() == Some(self))
    }

    pub fn text_id(self) -> String {
        format!("page-{}-text", self.code())
    }

    pub fn button(self) -> Button {
        Button::action(
            Msg::new(self.message_id()),
            PillarsAction::Page(self).into(),
        )
    }
}

/// Shows a page (replacing the pressed screen, or as a new message after a command).
pub(crate) async fn show(turn: &mut Turn<'_>, page: Page) -> Result<()> {
    let mut text = vec![Msg::new(page.text_id())];
    let children: Vec<Button> = page.children().map(Page::button).collect();
    let mut rows: Vec<Vec<Button>> = children.chunks(2).map(<[Button]>::to_vec).collect();
    match page {
        Page::Cooperative | Page::CooperativeMembership => {
            rows.push(vec![cooperative::membership_button(turn).await?])
        }
        // Where people read about placement and brokers: check a company there and then.
        Page::Migration | Page::MigrationChannels | Page::MigrationBrokers => {
            rows.push(vec![crate::engine::agencies::ask_button()])
        }
        // A page that names another page or a tool has the button to it.
        Page::MigrationSteps => rows.push(vec![
            Page::MigrationDocuments.button(),
            crate::engine::agencies::ask_button(),
        ]),
        Page::CooperativeMeetings => rows.push(vec![Page::CooperativeContacts.button()]),
        Page::ParentingCarers => rows.push(vec![ask_button()]),
        Page::CooperativeContacts => {
            text.extend(contacts::current(turn).await?);
            if turn.is_admin() {
                rows.push(vec![contacts::edit_button()]);
            }
        }
        _ => {}
    }
    if page.parent().is_none() {
        rows.push(vec![ask_button()]);
    }
    rows.push(match page.parent() {
        Some(parent) => vec![
            Button::action(Msg::new("button-back"), PillarsAction::Page(parent).into()),
            menu::menu_button(),
        ],
        None => vec![menu::menu_button()],
    });
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_but_the_pillars_has_a_parent_and_every_pillar_has_pages() {
        for page in Page::ALL {
            assert_eq!(Page::parse(page.code()), Some(*page));
            match page.parent() {
                Some(parent) => assert!(Page::PILLARS.contains(&parent), "{page:?}"),
                None => assert!(Page::PILLARS.contains(page), "{page:?}"),
            }
        }
        for pillar in Page::PILLARS {
            assert!(pillar.children().count() >= 2, "{pillar:?}");
        }
    }
}
