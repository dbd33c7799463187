//! The domain: value types, records and the rules. Pure: no SQL, no files, no
//! terminal. Every figure shown anywhere in folio is computed here.

pub mod briefing;
pub mod contact;
pub mod counterparty;
pub mod model;
pub mod money;
pub mod plan;
pub mod refusal;
pub mod signals;
pub mod text;
pub mod time;

pub use model::*;
pub use money::{Money, MoneyError};
pub use refusal::Refusal;
pub use text::{Lines, TextError};
pub use time::{DateError, Month, parse_date};
