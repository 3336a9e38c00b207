//! Frequently asked questions, by topic, and FAQ answers offered for free text.
//!
//! The questions and answers are Fluent messages (`faq-<entry>`, `faq-<entry>-answer`);
//! the search terms below are in both languages, in the forms people type (the matcher forgives
//! case, endings and single typos).

use super::{PillarsAction, ask_button, choice, matching, pages::Page};
use crate::engine::{Button, Keyboard, Msg, Result, menu, turn::Turn};

/// How many FAQ answers to offer for free text.
const SUGGESTIONS: usize = 3;

choice!(
    /// The FAQ's chapters; `message_id` names the topic.
    FaqTopic, "faq-topic" {
        Migration => "mig",
        Business => "biz",
        Parenting => "par",
        Cooperative => "coop",
        Service => "bot",
    }
);

choice!(
    /// One question (`message_id`) and its answer.
    FaqEntry, "faq" {
        Requirements => "requirements",
        Documents => "documents",
        Fees => "fees",
        Agency => "agency",
        Brokers => "brokers",
        Trouble => "trouble",
        SocialSecurity => "bpjs",
        PlacementLoan => "kur",
        Training => "training",
        Capital => "capital",
        Parenting => "parenting",
        Children => "children",
        Join => "join",
        Savings => "savings",
        Loans => "loans",
        Meeting => "meeting",
        Programme => "programme",
        Registration => "register",
        AskOfficer => "ask",
    }
);

impl FaqTopic {
    fn entries(self) -> impl Iterator<Item = FaqEntry> {
        FaqEntry::ALL
            .iter()
            .copied()
            .filter(move |e| e.topic() == self)
    }
}

impl FaqEntry {
    pub fn topic(self) -> FaqTopic {
        use FaqEntry as E;
        match self {
            E::Requirements
            | E::Documents
            | E::Fees
            | E::Agency
            | E::Brokers
            | E::Trouble
            | E::SocialSecurity
            | E::PlacementLoan => FaqTopic::Migration,
            E::Training | E::Capital => FaqTopic::Business,
            E::Parenting | E::Children => FaqTopic::Parenting,
            E::Join | E::Savings | E::Loans | E::Meeting => FaqTopic::Cooperative,
            E::Programme | E::Registration | E::AskOfficer => FaqTopic::Service,
        }
    }

    pub fn answer_id(self) -> String {
        format!("faq-{}-answer", self.code())
    }

    /// The page that says more, if there is one.
    fn page(self) -> Option<Page> {
        use FaqEntry as E;
        match self {
            E::Requirements => Some(Page::MigrationSteps),
            E::Documents => Some(Page::MigrationDocuments),
            E::Fees | E::SocialSecurity | E::PlacementLoan => Some(Page::MigrationCosts),
            E::Agency | E::Brokers => Some(Page::MigrationBrokers),
            E::Trouble => Some(Page::MigrationChannels),
            E::Training => Some(Page::BusinessTraining),
            E::Capital => Some(Page::BusinessCapital),
            E::Parenting | E::Children => Some(Page::Parenting),
            E::Join | E::Savings => Some(Page::CooperativeMembership),
            E::Loans => Some(Page::CooperativeLoans),
            E::Meeting => Some(Page::CooperativeMeetings),
            E::Programme | E::Registration | E::AskOfficer => None,
        }
    }

    /// Search terms, Indonesian and English, lower case.
    #[rustfmt::skip]
    pub fn terms(self) -> &'static [&'static str] {
        use FaqEntry as E;
        match self {
            E::Requirements => &["syarat", "persyaratan", "umur", "usia", "sehat", "requirement",
                "requirements", "age", "qualify"],
            E::Documents => &["dokumen", "paspor", "visa", "surat", "sertifikat", "berkas", "document",
                "passport", "certificate", "papers"],
            E::Fees => &["biaya", "bayar", "membayar", "ongkos", "gratis", "fee", "cost", "pay", "charge",
                "free"],
            E::Agency => &["perusahaan", "agen", "agensi", "pjtki", "p3mi", "resmi", "izin", "agency",
                "agent", "company", "licence", "license", "licensed", "legal"],
            E::Brokers => &["calo", "sponsor", "tawaran", "menawari", "penipuan", "tipu", "ilegal",
                "whatsapp", "broker", "offer", "scam", "illegal", "recruiter", "trafficking", "tppo"],
            E::Trouble => &["masalah", "tolong", "darurat", "hilang", "kabur", "kbri", "kjri", "pengaduan",
                "lapor", "hotline", "trouble", "problem", "emergency", "missing", "embassy", "consulate",
                "complaint", "report"],
            E::SocialSecurity => &["bpjs", "asuransi", "jaminan", "jkk", "jkm", "jht", "insurance",
                "security", "accident"],
            E::PlacementLoan => &["kur", "penempatan", "kredit", "placement", "credit"],
            E::Training => &["pelatihan", "latihan", "kursus", "keterampilan", "wirausaha", "kewirausahaan",
                "training", "course", "skill", "entrepreneurship", "mentoring", "pendampingan"],
            E::Capital => &["modal", "usaha", "bisnis", "dagang", "jualan", "warung", "capital", "business",
                "shop"],
            E::Parenting => &["parenting", "pengasuhan", "asuh", "mengasuh", "community"],
            E::Children => &["anak", "sekolah", "nenek", "kakek", "pengasuh", "child", "children", "kids",
                "school", "carer", "grandparents", "grandmother"],
            E::Join => &["anggota", "keanggotaan", "gabung", "bergabung", "koperasi", "join", "member",
                "membership", "cooperative"],
            E::Savings => &["simpanan", "tabungan", "pokok", "wajib", "sukarela", "iuran", "savings",
                "deposit", "principal", "mandatory", "voluntary"],
            E::Loans => &["pinjam", "pinjaman", "kredit", "utang", "hutang", "rentenir", "loan", "borrow",
                "lend", "credit", "moneylender"],
            E::Meeting => &["rapat", "pengurus", "pengawas", "shu", "keputusan", "meeting", "board", "vote",
                "surplus", "decide"],
            E::Programme => &["desmigratif", "program", "programme", "pilar", "pillar", "produktif",
                "kemnaker"],
            E::Registration => &["daftar", "mendaftar", "pendaftaran", "registrasi", "register",
                "registration"],
            E::AskOfficer => &["petugas", "tanya", "bertanya", "officer", "ask", "admin", "person", "manusia"],
        }
    }
}

/// `/faq`: the topics.
pub(crate) async fn topics(turn: &mut Turn<'_>) -> Result<()> {
    let mut rows: Vec<Vec<Button>> = FaqTopic::ALL
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|t| {
                    Button::action(Msg::new(t.message_id()), PillarsAction::FaqTopic(*t).into())
                })
                .collect()
        })
        .collect();
    rows.push(vec![ask_button()]);
    rows.push(vec![menu::menu_button()]);
    turn.show(vec![Msg::new("faq-title")], Keyboard::Inline(rows));
    Ok(())
}

/// One topic's questions, a button each.
pub(crate) async fn topic(turn: &mut Turn<'_>, topic: FaqTopic) -> Result<()> {
    let mut rows: Vec<Vec<Button>> = topic.entries().map(|e| vec![entry_button(e)]).collect();
    rows.push(vec![
        Button::action(Msg::new("button-back"), PillarsAction::FaqTopics.into()),
        menu::menu_button(),
    ]);
    turn.show(
        vec![Msg::new(topic.message_id()), Msg::new("faq-choose")],
        Keyboard::Inline(rows),
    );
    Ok(())
}

/// One question and its answer.
pub(crate) async fn entry(turn: &mut Turn<'_>, entry: FaqEntry) -> Result<()> {
    let mut rows = Vec::new();
    if let Some(page) = entry.page() {
        rows.push(vec![Button::action(
            Msg::new("faq-button-more"),
            PillarsAction::Page(page).into(),
        )]);
    }
    // Opened from the answers offered for a message (see `held`): that message can still go.
    let held = matches!(
        turn.state,
        crate::engine::State::Pillars(super::PillarsState::FaqOffered { .. })
    );
    rows.push(vec![match held {
        true => Button::action(Msg::new("held-button-send"), PillarsAction::AskTyped.into()),
        false => ask_button(),
    }]);
    rows.push(vec![
        Button::action(
            Msg::new("button-back"),
            PillarsAction::FaqTopic(entry.topic()).into(),
        ),
        menu::menu_button(),
    ]);
    let mut text = vec![Msg::new(entry.message_id()), Msg::new(entry.answer_id())];
    if held {
        text.push(Msg::new("held-faq-still"));
    }
    turn.show(text, Keyboard::Inline(rows));
    Ok(())
}

pub(crate) fn entry_button(entry: FaqEntry) -> Button {
    Button::action(
        Msg::new(entry.message_id()),
        PillarsAction::FaqEntry(entry).into(),
    )
}

/// The FAQ entries that match free text, best first.
pub fn suggestions(text: &str) -> Vec<FaqEntry> {
    let terms: Vec<&[&str]> = FaqEntry::ALL.iter().map(|e| e.terms()).collect();
    matching::best_matches(text, &terms, SUGGESTIONS)
        .into_iter()
        .map(|i| FaqEntry::ALL[i])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        for entry in FaqEntry::ALL {
            assert_eq!(FaqEntry::parse(entry.code()), Some(*entry));
            assert!(!entry.terms().is_empty());
            assert!(
                entry.terms().iter().all(|t| *t == t.to_lowercase()),
                "{entry:?}"
            );
        }
        for topic in FaqTopic::ALL {
            assert_eq!(FaqTopic::parse(topic.code()), Some(*topic));
            assert!(topic.entries().count() > 0, "{topic:?} has questions");
        }
    }

    #[test]
    fn free_text_in_either_language_finds_the_right_answer() {
        let first = |text: &str| suggestions(text).first().copied();
        assert_eq!(
            first("Dokumen apa saja yang diperlukan untuk kerja di Taiwan?"),
            Some(FaqEntry::Documents)
        );
        assert_eq!(
            first("which documents do I need"),
            Some(FaqEntry::Documents)
        );
        assert_eq!(first("apakah ada biaya penempatan?"), Some(FaqEntry::Fees));
        assert_eq!(
            first("How do I join the cooperative?"),
            Some(FaqEntry::Join)
        );
        assert_eq!(
            first("bagaimana cara bergabung dengan koperasi"),
            Some(FaqEntry::Join)
        );
        assert_eq!(
            first("ada yang menawari kerja lewat whatsapp, calo bukan?"),
            Some(FaqEntry::Brokers)
        );
        assert_eq!(
            first("anak saya tinggal dengan neneknya"),
            Some(FaqEntry::Children)
        );
        assert_eq!(
            first("my relative abroad is in trouble"),
            Some(FaqEntry::Trouble)
        );
    }

    #[test]
    fn typos_still_find_answers() {
        let first = |text: &str| suggestions(text).first().copied();
        assert_eq!(first("pasport"), Some(FaqEntry::Documents));
        assert_eq!(first("simpnan pokok berapa"), Some(FaqEntry::Savings));
        assert_eq!(first("KOPRASI"), Some(FaqEntry::Join));
        assert_eq!(first("mau ikut pelatihn"), Some(FaqEntry::Training));
    }

    #[test]
    fn greetings_find_nothing_and_suggestions_are_few() {
        for text in ["halo", "selamat malam", "terima kasih", "ok", "hello there"] {
            assert!(suggestions(text).is_empty(), "{text:?}");
        }
        assert!(
            suggestions("koperasi simpanan pinjaman modal usaha pelatihan dokumen").len()
                <= SUGGESTIONS
        );
    }
}
