//! Secrets and codes: device tokens (only their SHA-256 is stored), join word pairs and
//! short single-use link codes, plus the one normalisation every code lookup goes through.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Link codes use letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L).
pub const LINK_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const LINK_CODE_LEN: usize = 8;
/// Codes that stay valid for days or months (set-up and recovery codes) are longer, so
/// that guessing one stays hopeless however many are out there (31^12, about 2^59).
pub const LONG_LINK_CODE_LEN: usize = 12;

const ADJECTIVES: &[&str] = &[
    "sininen",
    "punainen",
    "vihrea",
    "keltainen",
    "valkoinen",
    "musta",
    "harmaa",
    "ruskea",
    "kirkas",
    "hiljainen",
    "iloinen",
    "rohkea",
    "nopea",
    "hidas",
    "pieni",
    "suuri",
    "pitka",
    "lyhyt",
    "lammin",
    "viilea",
    "uusi",
    "vanha",
    "kaunis",
    "reipas",
    "tyyni",
    "vahva",
    "kevyt",
    "pehmea",
    "raikas",
    "utelias",
    "ystavallinen",
    "vikkela",
    "leppoisa",
    "kultainen",
    "hopeinen",
    "villi",
    "viisas",
    "hauska",
    "ahkera",
    "lempea",
];

const NOUNS: &[&str] = &[
    "kettu", "karhu", "janis", "susi", "ilves", "hirvi", "orava", "siili", "majava", "joutsen",
    "lokki", "varis", "tikka", "pollo", "kala", "lohi", "hauki", "majakka", "silta", "torni",
    "puisto", "metsa", "jarvi", "saari", "kallio", "koivu", "manty", "kuusi", "pihlaja", "kukka",
    "aurinko", "kuu", "tahti", "pilvi", "tuuli", "sade", "lumi", "kivi", "polku", "laituri",
];

/// Fills an array with bytes from the operating system's secure random source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}

/// A new device token: 32 random bytes, base64url without padding. Shown once, never stored.
pub fn mint_token() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// What the hub stores and looks tokens up by.
pub fn hash_token(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn pick<'a>(words: &[&'a str]) -> &'a str {
    let n = u32::from_le_bytes(random_bytes::<4>());
    words[n as usize % words.len()]
}

/// A reusable join code: a Finnish word pair such as `sininen-kettu`, easy to read out
/// and put on a poster. It only lets people in as residents, and guessing is limited.
pub fn word_pair_code() -> String {
    format!("{}-{}", pick(ADJECTIVES), pick(NOUNS))
}

/// Characters after the word pair in an organiser code.
pub const ORGANISER_CODE_SUFFIX_LEN: usize = 8;

/// An organiser code: a word pair and eight random characters, such as
/// `kirkas-majakka-k7m3p9qx`. An organiser reads shared diary entries, so the code must
/// not be guessable: 1,600 word pairs alone would fall in minutes; with the suffix there
/// are about 2^50 codes.
pub fn organiser_code() -> String {
    let suffix = code_of(&random_bytes::<ORGANISER_CODE_SUFFIX_LEN>()).to_lowercase();
    format!("{}-{suffix}", word_pair_code())
}

/// A single-use link code, 8 characters from [`LINK_CODE_ALPHABET`], in its stored form.
pub fn link_code() -> String {
    code_of(&random_bytes::<LINK_CODE_LEN>())
}

/// A long-lived single-use code, [`LONG_LINK_CODE_LEN`] characters.
pub fn long_link_code() -> String {
    code_of(&random_bytes::<LONG_LINK_CODE_LEN>())
}

fn code_of(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| LINK_CODE_ALPHABET[*b as usize % LINK_CODE_ALPHABET.len()] as char)
        .collect()
}

/// A link code as people read it: `ABCD-2345`.
pub fn display_link_code(code: &str) -> String {
    if code.len() == LINK_CODE_LEN && code.is_ascii() {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// Join and organiser codes: trimmed and lowercase (they are stored that way).
pub fn normalize_code(input: &str) -> String {
    input.trim().to_lowercase()
}

/// Link codes: uppercase with spaces and dashes dropped, so `abcd-2345` is `ABCD2345`.
pub fn normalize_link_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_verified_by_its_hash_and_a_changed_token_is_not() {
        let token = mint_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&token).unwrap().len(), 32);
        assert!(!token.contains('='));
        let stored = hash_token(&token);
        assert_eq!(hash_token(&token), stored);
        let mut forged = token.clone();
        forged.replace_range(0..1, if token.starts_with('A') { "B" } else { "A" });
        assert_ne!(hash_token(&forged), stored);
        assert_ne!(mint_token(), token);
    }

    #[test]
    fn long_codes_are_twelve_unambiguous_characters() {
        let code = long_link_code();
        assert_eq!(code.len(), LONG_LINK_CODE_LEN);
        assert!(code.bytes().all(|b| LINK_CODE_ALPHABET.contains(&b)));
        assert_eq!(normalize_link_code(&code.to_lowercase()), code);
    }

    #[test]
    fn link_codes_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let code = link_code();
            assert_eq!(code.len(), LINK_CODE_LEN);
            assert!(
                code.bytes().all(|b| LINK_CODE_ALPHABET.contains(&b)),
                "{code}"
            );
        }
        for c in [b'0', b'O', b'1', b'I', b'L'] {
            assert!(!LINK_CODE_ALPHABET.contains(&c));
        }
    }

    #[test]
    fn a_link_code_reads_back_from_how_people_type_it() {
        let code = link_code();
        let shown = display_link_code(&code);
        assert_eq!(shown.len(), 9);
        assert_eq!(
            normalize_link_code(&format!("  {} ", shown.to_lowercase())),
            code
        );
    }

    #[test]
    fn organiser_codes_are_a_word_pair_and_eight_random_characters() {
        let codes: Vec<String> = (0..100).map(|_| organiser_code()).collect();
        for code in &codes {
            let (pair, suffix) = code.rsplit_once('-').unwrap();
            let (a, n) = pair.split_once('-').unwrap();
            assert!(ADJECTIVES.contains(&a) && NOUNS.contains(&n), "{code}");
            assert_eq!(suffix.len(), ORGANISER_CODE_SUFFIX_LEN);
            assert!(suffix
                .bytes()
                .all(|b| LINK_CODE_ALPHABET.contains(&b.to_ascii_uppercase())));
            assert_eq!(normalize_code(&code.to_uppercase()), *code);
        }
        // At least 2^48 codes: out of reach of the limit on wrong codes.
        let space = (ADJECTIVES.len() * NOUNS.len()) as f64
            * (LINK_CODE_ALPHABET.len() as f64).powi(ORGANISER_CODE_SUFFIX_LEN as i32);
        assert!(space > 2f64.powi(48), "{space}");
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
    }

    #[test]
    fn word_pair_codes_are_two_lowercase_words_and_compare_loosely() {
        assert_eq!(ADJECTIVES.len(), 40);
        assert_eq!(NOUNS.len(), 40);
        for _ in 0..50 {
            let code = word_pair_code();
            let (a, n) = code.split_once('-').unwrap();
            assert!(ADJECTIVES.contains(&a) && NOUNS.contains(&n));
            assert_eq!(
                normalize_code(&format!(" {} \n", code.to_uppercase())),
                code
            );
        }
    }
}
