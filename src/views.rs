//! One view per route, kept thin: they read state and send commands.

mod diary;
mod event_detail;
mod events;
mod home;
mod join;
pub(crate) mod organise;
mod organise_event;
mod settings;
mod shell;

pub use diary::Diary;
pub use event_detail::EventDetail;
pub use events::Events;
pub use home::Home;
pub use join::Join;
pub use organise::Organise;
pub use organise_event::OrganiseEvent;
pub use settings::Settings;
pub use shell::Shell;
