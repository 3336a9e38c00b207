//! Words of someone in trouble, in Indonesian, English and Javanese: a message that holds one
//! is offered the emergency path (see `emergency`) beside the usual way to an officer. A phrase
//! matches whole words, in order, ignoring case and punctuation: "pukul 10" (at ten o'clock) is
//! not "dipukul" (beaten), and "kabur" counts only as running away ("kabur dari majikan",
//! "mau kabur"), not as a blurred photo.

/// Each phrase is a list of words that must follow one another.
const PHRASES: &[&[&str]] = &[
    // Violence
    &["disiksa"],
    &["siksa"],
    &["dipukul"],
    &["dipukuli"],
    &["ditampar"],
    &["ditendang"],
    &["dianiaya"],
    &["kekerasan"],
    &["disetrika"],
    &["diperkosa"],
    &["pelecehan"],
    &["dilecehkan"],
    &["beaten"],
    &["abused"],
    &["raped"],
    &["tortured"],
    &["hit", "me"],
    &["hits", "me"],
    &["digebuki"],
    &["diantemi"],
    &["disiksa", "majikan"],
    // Confinement, taken papers, not allowed home
    &["dikurung"],
    &["disekap"],
    &["dikunci", "di", "kamar"],
    &["tidak", "boleh", "keluar"],
    &["tidak", "boleh", "pulang"],
    &["tidak", "diizinkan", "pulang"],
    &["tidak", "bisa", "pulang"],
    &["ga", "boleh", "pulang"],
    &["gak", "boleh", "pulang"],
    &["ora", "oleh", "mulih"],
    &["paspor", "ditahan"],
    &["paspor", "saya", "ditahan"],
    &["paspornya", "ditahan"],
    &["passport", "held"],
    &["passport", "taken"],
    &["took", "my", "passport"],
    &["locked", "up"],
    &["locked", "in"],
    &["not", "allowed", "to", "go", "home"],
    &["cannot", "go", "home"],
    &["can't", "go", "home"],
    &["kabur", "dari"],
    &["mau", "kabur"],
    &["ingin", "kabur"],
    &["sudah", "kabur"],
    &["melarikan", "diri"],
    &["ran", "away"],
    &["run", "away"],
    // Wages
    &["gaji", "tidak", "dibayar"],
    &["gaji", "belum", "dibayar"],
    &["gaji", "tak", "dibayar"],
    &["gaji", "ga", "dibayar"],
    &["gaji", "gak", "dibayar"],
    &["tidak", "digaji"],
    &["belum", "digaji"],
    &["ora", "dibayar"],
    &["durung", "dibayar"],
    &["bayaran", "ora"],
    &["salary", "not", "paid"],
    &["salary", "has", "not", "been", "paid"],
    &["not", "been", "paid"],
    &["unpaid", "wages"],
    &["unpaid", "salary"],
    &["wages", "not", "paid"],
    // Fraud and trafficking
    &["ditipu"],
    &["ditipu", "calo"],
    &["tertipu"],
    &["dijual"],
    &["diperdagangkan"],
    &["perdagangan", "orang"],
    &["tppo"],
    &["scammed"],
    &["trafficked"],
    &["trafficking"],
    &["sold", "me"],
    &["diapusi"],
    // Illness, death, pregnancy
    &["sakit", "parah"],
    &["sakit", "keras"],
    &["meninggal"],
    &["meninggal", "dunia"],
    &["wafat"],
    &["tewas"],
    &["seriously", "ill"],
    &["very", "sick"],
    &["died"],
    &["dead"],
    &["hamil"],
    &["pregnant"],
    &["lara", "banget"],
    &["seda"],
    // Fear, threats, danger
    &["diancam"],
    &["ancaman"],
    &["threatened"],
    &["bunuh", "diri"],
    &["suicide"],
    &["kill", "myself"],
    &["ditangkap"],
    &["dipenjara"],
    &["arrested"],
    &["hilang", "kontak"],
    &["tidak", "ada", "kabar"],
    &["tidak", "bisa", "dihubungi"],
];

/// The message's words, lower case, without punctuation (an apostrophe stays: "can't").
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How many other words may come between two words of a phrase: people write "gaji suami
/// saya tidak dibayar", not only "gaji tidak dibayar".
const GAP: usize = 3;

/// Does `word` say `term`, also with the endings people add ("gajinya", "gajine",
/// "pasporku")?
fn says(word: &str, term: &str) -> bool {
    word == term
        || ["nya", "ne", "ku", "mu"].iter().any(|ending| {
            word.strip_suffix(ending)
                .is_some_and(|stem| stem.len() >= 3 && stem == term)
        })
}

/// Do `phrase`'s words come in `words` in order, each within `GAP` words of the one before?
fn holds(words: &[String], phrase: &[&str]) -> bool {
    let Some((first, rest)) = phrase.split_first() else {
        return false;
    };
    words.iter().enumerate().any(|(start, word)| {
        says(word, first) && {
            let mut at = start;
            rest.iter().all(|next| {
                let window = words.iter().enumerate().skip(at + 1).take(GAP + 1);
                match window.into_iter().find(|(_, w)| says(w, next)) {
                    Some((found, _)) => {
                        at = found;
                        true
                    }
                    None => false,
                }
            })
        }
    })
}

/// Does `text` hold words of someone in trouble?
pub(crate) fn sounds_urgent(text: &str) -> bool {
    let words = words(text);
    PHRASES.iter().any(|phrase| holds(&words, phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_trouble_are_heard_in_three_languages() {
        for message in [
            "suami saya disiksa majikan",
            "Istri saya DIPUKUL majikannya!!",
            "gaji tidak dibayar sudah 4 bulan",
            "gaji suami saya tidak dibayar 5 bulan",
            "suami saya di Malaysia gajinya tidak dibayar 4 bulan",
            "gajinya belum dibayar majikan",
            "pasporku ditahan agen",
            "Gaji belum dibayar, bagaimana ini",
            "anak saya belum digaji tiga bulan",
            "paspor saya ditahan agen",
            "dia dikurung di rumah majikan",
            "adik saya kabur dari majikan",
            "kakak diperkosa",
            "ibu sakit parah di Taiwan",
            "suami saya meninggal di Malaysia",
            "saya hamil dan majikan marah",
            "saya ditipu calo",
            "katanya dia dijual ke agen lain",
            "tidak boleh pulang walau kontrak habis",
            "my salary has not been paid",
            "my employer took my passport",
            "I was beaten by my employer",
            "I am locked in the house",
            "bojoku ora oleh mulih",
            "gajine durung dibayar",
            "tolong, suami saya mau kabur",
            "sudah seminggu tidak bisa dihubungi",
        ] {
            assert!(sounds_urgent(message), "{message}");
        }
    }

    #[test]
    fn everyday_words_that_look_alike_are_not_an_emergency() {
        for message in [
            "pukul berapa pelatihannya?",
            "pelatihan jam 10 pagi",
            "fotonya kabur, saya kirim lagi",
            "gaji di Taiwan berapa?",
            "berapa gaji pekerja pabrik",
            "saya mau pulang kampung lebaran",
            "tidak bisa ikut pelatihan karena mau pulang",
            "gajinya dibayar tiap bulan tidak?",
            "apakah paspor perlu diperpanjang?",
            "bagaimana cara membuat paspor",
            "saya ingin bergabung dengan koperasi",
            "dokumen apa saja yang diperlukan",
            "what is the salary in Hong Kong",
            "how do I renew my passport",
            "halo selamat pagi",
            "usaha jual beli pulsa",
            "saya mau menjual kue",
            "terima kasih atas bantuannya",
            "kapan pelatihan menjahit dimulai",
            "tolong saya mau tanya soal pelatihan",
            "pakai titik atau koma?",
            "berpikir kritis",
        ] {
            assert!(!sounds_urgent(message), "{message}");
        }
    }
}
