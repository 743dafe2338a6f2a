//! One view per route, kept thin: they read state and send commands.

mod diary;
mod event_detail;
mod events;
mod home;
mod idea_detail;
pub(crate) mod ideas;
mod inbox;
mod join;
mod new_idea;
pub(crate) mod organise;
mod organise_diary;
mod organise_entries;
mod organise_event;
pub(crate) mod organise_ideas;
mod settings;
mod shell;

pub use diary::Diary;
pub use event_detail::EventDetail;
pub use events::Events;
pub use home::Home;
pub use idea_detail::IdeaDetail;
pub use ideas::Ideas;
pub use inbox::Inbox;
pub use join::Join;
pub use new_idea::NewIdea;
pub use organise::Organise;
pub use organise_diary::OrganiseDiary;
pub use organise_entries::OrganiseEntries;
pub use organise_event::OrganiseEvent;
pub use organise_ideas::OrganiseIdeas;
pub use settings::Settings;
pub use shell::Shell;
