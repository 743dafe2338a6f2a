//! The hub's API errors in the page's language. The hub answers `{"error": "<code>",
//! "message": "<English>"}`; a code this app knows becomes its own message (`msg-api-…`),
//! and a code it does not know (a newer hub) keeps the hub's English words.

use crate::i18n::words;

/// The message key for the hub's error `code`, given its English `message` (the same code
/// can carry more than one message: a name that is empty or too long).
pub fn api_error_key(code: &str, message: &str) -> Option<&'static str> {
    Some(match code {
        "unknown_code" => "msg-api-unknown-code",
        "code_used" => "msg-api-code-used",
        "code_expired" => "msg-api-code-expired",
        "bad_request" => "msg-api-bad-request",
        "not_signed_in" => "msg-api-not-signed-in",
        "organisers_only" => "msg-api-organisers-only",
        "unknown_device" => "msg-api-unknown-device",
        "not_found" => "msg-api-not-found",
        "unavailable" => "msg-api-unavailable",
        "too_many_attempts" => "msg-api-too-many-attempts",
        "linking_paused" => "msg-api-linking-paused",
        "not_deleted" => "msg-api-not-deleted",
        "invalid_display_name" | "invalid_device_name" => match message {
            "Please write a name." => "msg-api-invalid-name-empty",
            "That name is too long. Use at most 80 characters." => "msg-api-invalid-name-too-long",
            _ => return None,
        },
        _ => return None,
    })
}

/// What to show for the hub's error: its message in the page's language when the code is
/// known, else the hub's own words.
pub fn api_error_words(code: &str, message: &str) -> String {
    match api_error_key(code, message) {
        Some(key) => words(key, &[]),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_current, Lang};

    #[test]
    fn a_known_code_speaks_the_page_language_and_english_matches_the_hub() {
        set_current(Lang::En);
        assert_eq!(
            api_error_words("unknown_code", "whatever the hub said"),
            "That code is not right. Check it and try again."
        );
        set_current(Lang::Fi);
        assert_eq!(
            api_error_words("code_used", "That code has already been used."),
            "Koodi on jo käytetty. Tee uusi koodi toisella laitteellasi."
        );
        assert_eq!(
            api_error_words("invalid_display_name", "Please write a name."),
            "Kirjoita nimi."
        );
    }

    #[test]
    fn an_unknown_code_keeps_the_hubs_own_words() {
        set_current(Lang::Sv);
        assert_eq!(
            api_error_words("too_many_devices", "You have too many devices."),
            "You have too many devices."
        );
        assert_eq!(
            api_error_words("invalid_display_name", "Use letters."),
            "Use letters."
        );
        assert_eq!(api_error_key("invalid_device_id", "x"), None);
    }
}
