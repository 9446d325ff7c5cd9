#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod auth;
mod body;
mod endpoint;
mod handler;
mod received;
mod receiver;
mod rejection;
mod routes;
mod server;

pub use green_api_webhooks;
pub use handler::{Reply, WebhookHandler};
pub use received::{Problem, Received};
pub use receiver::{ConfigError, WebhookReceiver};
pub use routes::{Choice, Route, Routes};
pub use server::{Connections, ServeError, Server, Stopped, shutdown_signal};
