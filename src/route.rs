//! The app's routes: Join, Diary and Settings inside one shell with the status line.

use crate::views::{Diary, Home, Join, Settings, Shell};
use dioxus::prelude::*;

#[derive(Debug, Clone, Routable, PartialEq)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Home {},
        #[route("/join?:code")]
        Join { code: String },
        #[route("/diary")]
        Diary {},
        #[route("/settings")]
        Settings {},
}
