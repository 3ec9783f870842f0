//! crosscheck: a claim cross-checker and contradiction detector for news text.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod check;
pub mod claim;
pub mod config;
pub mod corpus;
pub mod date;
pub mod entity;
pub mod eval;
pub mod event;
pub mod extract;
pub mod frame;
pub mod init;
pub mod quantity;
pub mod report;
pub mod review;
pub mod rules;
