//! Domain types that validate on creation. Pure: no I/O, no Telegram, no database.

pub mod language;
pub mod start_payload;

pub use language::Language;
pub use start_payload::StartPayload;
