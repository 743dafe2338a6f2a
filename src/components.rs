//! Components, one per file, props in.

mod door_check_in;
mod entry_card;
mod entry_form;
mod event_cancellation;
mod event_facts;
mod event_form;
mod idea_answer_form;
mod moderation_controls;
mod nav_bar;
mod roster_export;
mod roster_list;
mod signup_button;
mod signup_status;
mod sync_status;
mod ticket_card;
mod walk_in_form;

pub use door_check_in::DoorCheckIn;
pub use entry_card::EntryCard;
pub use entry_form::EntryForm;
pub use event_cancellation::EventCancellation;
pub use event_facts::{places, EventFacts};
pub use event_form::EventForm;
pub use idea_answer_form::{idea_status_words, IdeaAnswerForm};
pub use moderation_controls::ModerationControls;
pub use nav_bar::NavBar;
pub use roster_export::RosterExport;
pub use roster_list::{status_words, RosterList};
pub use signup_button::SignupButton;
pub use signup_status::signup_words;
pub use sync_status::{skew_words, SyncStatusLine};
pub use ticket_card::TicketCard;
pub use walk_in_form::WalkInForm;
