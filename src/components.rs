//! Components, one per file, props in.

mod entry_card;
mod entry_form;
mod nav_bar;
mod sync_status;

pub use entry_card::EntryCard;
pub use entry_form::EntryForm;
pub use nav_bar::NavBar;
pub use sync_status::{skew_words, SyncStatusLine};
