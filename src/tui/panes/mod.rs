//! One file per pane; each draws from the `App` it is given and nothing else.

pub mod agreements;
pub mod card;
pub mod plan;
pub mod portfolio;
pub mod review;
pub mod touchpoints;
