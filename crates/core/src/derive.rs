//! What the hub derives from the documents it holds: pure functions of their inputs, so
//! running them again after a crash gives the same result.
//!
//! - [`seats`]: who has a seat at an event, who waits, in the order the hub saw requests.
//! - [`ideas`]: which ideas are published, their supports, answers and moderation.
//! - [`diary`]: which diary entries organisers see, and how (named or anonymous).

pub mod diary;
pub mod ideas;
pub mod seats;
