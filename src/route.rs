//! The app's routes, all inside one shell with the status line and the navigation.

use crate::views::{
    Diary, EventDetail, Events, Home, IdeaDetail, Ideas, Inbox, Join, NewIdea, Organise,
    OrganiseDiary, OrganiseEntries, OrganiseEvent, OrganiseIdeas, Settings, Shell,
};
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
        #[route("/events")]
        Events {},
        #[route("/events/:id")]
        EventDetail { id: String },
        #[route("/ideas")]
        Ideas {},
        #[route("/ideas/new")]
        NewIdea {},
        #[route("/ideas/:id")]
        IdeaDetail { id: String },
        #[route("/inbox")]
        Inbox {},
        #[route("/organise")]
        Organise {},
        #[route("/organise/ideas")]
        OrganiseIdeas {},
        #[route("/organise/diary")]
        OrganiseDiary {},
        #[route("/organise/entries")]
        OrganiseEntries {},
        #[route("/organise/:id")]
        OrganiseEvent { id: String },
        #[route("/settings")]
        Settings {},
}
