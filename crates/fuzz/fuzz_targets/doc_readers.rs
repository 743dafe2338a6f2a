//! The readers of every document kind, on documents edited at random from realistic ones:
//! a member can put anything into their own document (huge strings, thousands of items,
//! wrong types, objects where values belong), and organisers into theirs. No reader may
//! panic, and reading stays bounded.
#![no_main]

use kumppani_fuzz::{edited_doc, read_everything, Edits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|edits: Edits| {
    let doc = edited_doc(&edits);
    read_everything(&doc);
});
