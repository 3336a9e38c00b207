//! Desmigratif: a Telegram bot for Indonesia's *Desa Migran Produktif* programme.
//!
//! The flow of one update: a transport (`telegram`, or the terminal `sim`) turns it into an
//! `engine::Input`; the `engine` handles it in one SQLite transaction and writes its replies to
//! the outbox (`store`); the `sender` delivers them, paced, through the transport, after `i18n`
//! has put them into words.

pub mod app;
pub mod areas;
pub mod built;
pub mod chart;
pub mod check;
pub mod config;
pub mod console;
pub mod cpu;
pub mod domain;
pub mod engine;
pub mod http_server;
pub mod i18n;
pub mod qr;
pub mod sender;
pub mod sim;
pub mod store;
pub mod telegram;
