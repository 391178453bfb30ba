//! helpcenter: a static help-center generator.
//!
//! The build flows one way through modules named after what they hold:
//! [`config`] and [`content`] (load) → [`markdown`] (parse) → [`site`] (the model) →
//! [`links`], [`related`], [`search`] (derive, with [`tokenize`]) → [`render`], [`feeds`] (render) → [`output`] (write).
//! [`pipeline`] runs the stages; [`serve`] keeps them in memory for preview; [`cli`] is the
//! command line.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod escape;
pub mod feeds;
pub mod hash;
pub mod i18n;
pub mod init;
pub mod links;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod related;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;
pub mod tokenize;
pub mod yaml;
