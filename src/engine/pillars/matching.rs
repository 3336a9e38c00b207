//! Finding FAQ entries for what someone typed, in either language, forgiving case, common word
//! endings and simple typos. Pure: the FAQ's search terms come in, entry indexes go out.

/// The entries whose terms best match `query`, best first, at most `limit`.
///
/// A query word matches a term when it is the same word (worth 2), or, for a word long enough
/// that a slip of the finger does not make another common word, one typo away (a letter
/// missing, extra, wrong or two swapped) or the term with an ending added ("dokumennya",
/// "documents"; worth 1). An entry's score is the sum over the distinct query words of their
/// best match; entries scoring nothing are left out.
pub fn best_matches(query: &str, entries: &[&[&str]], limit: usize) -> Vec<usize> {
    let mut words = tokens(query);
    words.sort();
    words.dedup();
    let mut scored: Vec<(usize, u32)> = entries
        .iter()
        .enumerate()
        .map(|(index, terms)| {
            let score = words
                .iter()
                .map(|word| {
                    terms
                        .iter()
                        .map(|term| similarity(word, term))
                        .max()
                        .unwrap_or(0)
                })
                .sum();
            (index, score)
        })
        .filter(|(_, score)| *score > 0)
        .collect();
    // Stable: equal scores keep the FAQ's own order.
    scored.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
    scored
        .into_iter()
        .take(limit)
        .map(|(index, _)| index)
        .collect()
}

/// Words of at least three letters or digits, lower-cased.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Words shorter than this must match exactly ("visa" is one typo from "bisa", *can*).
const FUZZY_FROM_CHARS: usize = 5;
/// An ending may only be added to a term at least this long ("anak" → "anaknya").
const STEM_FROM_CHARS: usize = 4;

fn similarity(word: &str, term: &str) -> u32 {
    if word == term {
        return 2;
    }
    let term_chars = term.chars().count();
    let stem = term_chars >= STEM_FROM_CHARS && word.starts_with(term);
    let typo = term_chars >= FUZZY_FROM_CHARS
        && word.chars().count() >= FUZZY_FROM_CHARS
        && within_one_edit(word, term);
    u32::from(stem || typo)
}

/// Whether `a` becomes `b` by at most one edit: a letter inserted, deleted or replaced, or two
/// neighbouring letters swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Every FAQ term and most of what people type is plain ASCII: compare bytes then, without
    // copying (this runs for every word against every term of the FAQ).
    if a.is_ascii() && b.is_ascii() {
        return within_one_edit_of(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within_one_edit_of(&a, &b)
}

fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        // Equal, or one letter added at the end.
        return true;
    }
    if short.len() == long.len() {
        let replaced = short[prefix + 1..] == long[prefix + 1..];
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        replaced || swapped
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENTS: &[&str] = &["dokumen", "paspor", "visa", "document", "passport"];
    const SAVINGS: &[&str] = &["simpanan", "tabungan", "savings", "koperasi", "cooperative"];
    const LOANS: &[&str] = &["pinjam", "pinjaman", "loan", "koperasi", "cooperative"];
    const ENTRIES: &[&[&str]] = &[DOCUMENTS, SAVINGS, LOANS];

    fn best(query: &str) -> Vec<usize> {
        best_matches(query, ENTRIES, 3)
    }

    #[test]
    fn one_edit_means_one_letter_added_removed_replaced_or_swapped() {
        for (a, b) in [
            ("paspor", "paspor"),
            ("pasport", "paspor"),
            ("passport", "pasport"),
            ("dokumen", "dokumne"),
            ("dokumen", "dokumen"),
            ("simpanan", "simpenan"),
            ("koperasi", "kperasi"),
            ("visa", "visas"),
            ("", "a"),
        ] {
            assert!(within_one_edit(a, b), "{a} ~ {b}");
            assert!(within_one_edit(b, a), "{b} ~ {a}");
        }
        for (a, b) in [
            ("paspor", "passport"),
            ("dokumen", "dkumne"),
            ("koperasi", "kopearsix"),
            ("ab", "ba "),
        ] {
            assert!(!within_one_edit(a, b), "{a} !~ {b}");
        }
    }

    #[test]
    fn words_are_lower_cased_and_short_words_dropped() {
        assert_eq!(
            tokens("Apa itu KOPERASI? Di-desa ok"),
            ["apa", "itu", "koperasi", "desa"]
        );
        assert_eq!(tokens("Dokumen-dokumennya!"), ["dokumen", "dokumennya"]);
    }

    #[test]
    fn indonesian_and_english_questions_find_their_entry() {
        assert_eq!(best("Dokumen apa saja yang harus saya siapkan?"), [0]);
        assert_eq!(best("Which documents do I need?"), [0]);
        assert_eq!(best("What about my PASSPORT"), [0]);
        assert_eq!(best("berapa simpanan wajib?"), [1]);
        assert_eq!(best("how do savings work"), [1]);
    }

    #[test]
    fn typos_and_word_endings_are_forgiven() {
        assert_eq!(best("pasport saya hilang"), [0]);
        assert_eq!(best("dokumne untuk kerja"), [0]);
        assert_eq!(best("dokumennya apa"), [0]);
        assert_eq!(best("simpenan"), [1]);
        assert_eq!(best("mau pinjem uang"), [2]);
    }

    #[test]
    fn more_matching_words_rank_first_and_ties_keep_the_faq_order() {
        assert_eq!(best("koperasi"), [1, 2]);
        assert_eq!(best("pinjaman dari koperasi"), [2, 1]);
        assert_eq!(best("cooperative savings"), [1, 2]);
        assert_eq!(best_matches("koperasi", ENTRIES, 1), [1]);
    }

    #[test]
    fn short_words_must_match_exactly() {
        // "bisa" (can) is one letter from "visa": no match for a four-letter word.
        assert!(best("apakah bisa").is_empty());
        assert_eq!(best("visa kerja"), [0]);
    }

    #[test]
    fn chatter_matches_nothing() {
        for text in [
            "halo",
            "selamat pagi",
            "terima kasih banyak",
            "ok",
            "",
            "👍👍",
            "good morning",
        ] {
            assert!(best(text).is_empty(), "{text:?}");
        }
    }
}
