//! One view per route, kept thin: they read state and send commands.

mod diary;
mod home;
mod join;
mod settings;
mod shell;

pub use diary::Diary;
pub use home::Home;
pub use join::Join;
pub use settings::Settings;
pub use shell::Shell;
