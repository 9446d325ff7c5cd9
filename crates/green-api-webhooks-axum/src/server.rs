//! Serving a router over HTTP/1.1 with time limits on request heads and idle connections, a cap
//! on connections, and a graceful shutdown.

mod connection;

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::{Instant, sleep, timeout};

use connection::{Timeouts, Tracker};

/// Durations are capped at a day, so that adding one to the clock cannot overflow.
const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

/// How often a full server looks again for a connection it can close to make room.
const SHED_RETRY: Duration = Duration::from_millis(250);

/// How long the accept loop pauses after an error that is not about one connection, such as
/// running out of file descriptors.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

type ShutdownFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Serves a [`Router`] over HTTP/1.1 in a way that holds up against slow or idle clients and
/// stops without losing a request.
///
/// ```no_run
/// use green_api_webhooks_axum::{Received, Server, WebhookReceiver};
/// use std::time::Duration;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let token = std::env::var("GREEN_API_WEBHOOK_TOKEN")?;
/// let router = WebhookReceiver::new(token, |received: Received| async move {
///     println!("{} bytes", received.body.len());
/// })
/// .into_router()?;
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// let stopped = Server::new(listener, router)
///     .max_connections(256)
///     .grace_period(Duration::from_secs(10))
///     .run() // until SIGTERM or Ctrl-C
///     .await?;
/// eprintln!("stopped; {} connection(s) cut at the end of the grace period", stopped.cut);
/// # Ok(())
/// # }
/// ```
///
/// What it does, and what `axum::serve` does not:
///
/// - **Request heads have a deadline.** A connection must deliver a complete request line and
///   headers within [`header_read_timeout`](Server::header_read_timeout) of being accepted,
///   and, for a later request on a kept-alive connection, of the first byte of that request.
///   A client that sends half a head and waits (the "slowloris" attack) is closed at the
///   deadline, without an answer. A head is at most 64 KiB (answered 431 beyond it), which
///   bounds the memory such a client holds. The body is the receiver's to limit
///   ([`WebhookReceiver::body_timeout`](crate::WebhookReceiver::body_timeout)), and the
///   handler's time its own: a request being served has no deadline here.
/// - **Idle connections are closed.** After a response, a kept-alive connection may wait
///   [`idle_timeout`](Server::idle_timeout) for its next request.
/// - **Connections are capped.** At most [`max_connections`](Server::max_connections) are
///   open at once, so file descriptors do not run out. When all are in use, the server makes
///   room for the next one by closing the connection that has been idle the longest or, when
///   none is idle, the one that has been waiting the longest for a request head, if that has
///   lasted over a second; it never closes a connection whose request is being served. Until a
///   slot is free, new connections wait in the kernel's accept queue (the listener's backlog),
///   where the client's connect has already succeeded, rather than being refused: a webhook
///   that waits a moment is delivered, one that is refused comes back only when Green-API
///   tries again. So slow and idle clients lose their connections first, and a webhook that
///   arrives while they fill the cap is served within about a second.
/// - **It stops gracefully.** On SIGTERM or Ctrl-C (or the future given to
///   [`with_shutdown`](Server::with_shutdown)) it stops accepting and closes its listener, so
///   new connections are refused; closes idle connections; lets every request being served
///   finish and be answered (with `Connection: close`); and returns once all connections are
///   closed, or when the [`grace_period`](Server::grace_period) ends, cutting those that are
///   left. [`run`](Server::run) then says how many were cut.
///
/// Every request reaches the router with the peer's address as
/// [`ConnectInfo<SocketAddr>`](axum::extract::ConnectInfo), as
/// `into_make_service_with_connect_info::<SocketAddr>()` would add it, so
/// [`Received::remote_addr`](crate::Received::remote_addr) is set.
///
/// It speaks HTTP/1.1 only, which webhook senders and reverse proxies speak to a backend (HTTP/2
/// without TLS is rare), and no TLS: for `https://`, put a TLS-terminating proxy in front of it.
pub struct Server {
    listener: TcpListener,
    router: Router,
    header_read_timeout: Duration,
    idle_timeout: Duration,
    max_connections: usize,
    grace_period: Duration,
    shutdown: Option<ShutdownFuture>,
    counts: Arc<Counts>,
}

impl Server {
    /// How long a client may take to send a request head unless
    /// [`Server::header_read_timeout`] sets another time: 10 seconds. Green-API, or a proxy in
    /// front of the server, sends a head in one piece right after connecting, within a round
    /// trip; ten seconds leave room for a slow network and retransmissions, and free a
    /// slot held by a slow client quickly.
    pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

    /// How long a kept-alive connection may wait for its next request unless
    /// [`Server::idle_timeout`] sets another time: 75 seconds. Proxies and load balancers keep
    /// idle connections to a backend for 60 seconds by default (nginx's upstream `keepalive`,
    /// AWS's load balancers); waiting longer than they do lets them close first, so a request
    /// is never sent on a connection the server is closing at that moment. Idle connections
    /// are also the first closed when the connection cap is reached.
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(75);

    /// How many connections may be open at once unless [`Server::max_connections`] sets
    /// another number: 512, half the usual limit of 1,024 open files per process, leaving the
    /// rest to the application (its files, its database, its own HTTP clients). Webhooks of a
    /// few instances need a handful at a time.
    pub const DEFAULT_MAX_CONNECTIONS: usize = 512;

    /// How long a shutdown waits for requests being served unless [`Server::grace_period`]
    /// sets another time: 20 seconds, time for a body at the default body timeout (10 s) and
    /// a handler of several seconds, within the 30 seconds Kubernetes waits before killing a
    /// pod. Set it below the wait of the platform that stops the process (`docker stop` waits
    /// 10 s, systemd 90 s).
    pub const DEFAULT_GRACE_PERIOD: Duration = Duration::from_secs(20);

    /// A server of `router` on `listener`, with the defaults, stopping on SIGTERM or Ctrl-C.
    /// Nothing happens until [`Server::run`].
    ///
    /// A router with state is served after [`Router::with_state`]. The listener's backlog (1,024
    /// with `TcpListener::bind`) is how many connections wait while the cap is reached; a
    /// `tokio::net::TcpSocket` sets another.
    pub fn new(listener: TcpListener, router: Router) -> Server {
        Server {
            listener,
            router,
            header_read_timeout: Self::DEFAULT_HEADER_READ_TIMEOUT,
            idle_timeout: Self::DEFAULT_IDLE_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            grace_period: Self::DEFAULT_GRACE_PERIOD,
            shutdown: None,
            counts: Arc::default(),
        }
    }

    /// How long a client may take to send a complete request head (request line and headers):
    /// counted from the accept for a connection's first request, and from the first byte for a
    /// later one. A connection that misses it is closed without an answer. Default:
    /// [`Server::DEFAULT_HEADER_READ_TIMEOUT`]; anything over a day is taken as a day, and zero
    /// is refused by [`Server::run`].
    pub fn header_read_timeout(mut self, timeout: Duration) -> Server {
        self.header_read_timeout = timeout.min(MAX_DURATION);
        self
    }

    /// How long a kept-alive connection may wait, after its last response, for the first byte
    /// of its next request before it is closed. Default: [`Server::DEFAULT_IDLE_TIMEOUT`];
    /// anything over a day is taken as a day. Zero closes each connection after its first
    /// response.
    pub fn idle_timeout(mut self, timeout: Duration) -> Server {
        self.idle_timeout = timeout.min(MAX_DURATION);
        self
    }

    /// How many connections may be open at once; the next ones wait in the listener's backlog
    /// until a slot is free, and the server frees one by closing an idle or stalled connection
    /// (see [`Server`]). Default: [`Server::DEFAULT_MAX_CONNECTIONS`]. Zero is refused by
    /// [`Server::run`]; keep it below the process's limit of open files (`ulimit -n`), less
    /// what the application opens itself.
    pub fn max_connections(mut self, max: usize) -> Server {
        // acquire_many counts in u32, and a semaphore holds at most MAX_PERMITS.
        self.max_connections = max.min(Semaphore::MAX_PERMITS).min(u32::MAX as usize);
        self
    }

    /// How long a shutdown waits for the requests being served to be answered before it cuts
    /// their connections. Default: [`Server::DEFAULT_GRACE_PERIOD`]; anything over a day is
    /// taken as a day. Zero cuts every connection that is not idle at once.
    pub fn grace_period(mut self, grace_period: Duration) -> Server {
        self.grace_period = grace_period.min(MAX_DURATION);
        self
    }

    /// Shuts down when `signal` completes, instead of on SIGTERM or Ctrl-C. To have both,
    /// await [`shutdown_signal`] in it too:
    ///
    /// ```no_run
    /// # async fn run(server: green_api_webhooks_axum::Server) -> Result<(), Box<dyn std::error::Error>> {
    /// let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    /// let signal = green_api_webhooks_axum::shutdown_signal()?;
    /// server
    ///     .with_shutdown(async move {
    ///         tokio::select! {
    ///             () = signal => {}
    ///             _ = stopped => {}
    ///         }
    ///     })
    ///     .run()
    ///     .await?;
    /// # drop(stop);
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_shutdown<F>(mut self, signal: F) -> Server
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.shutdown = Some(Box::pin(signal));
        self
    }

    /// The server's connection counts, to read while it runs (for a metric, a log line or a
    /// test).
    pub fn connections(&self) -> Connections {
        Connections {
            counts: Arc::clone(&self.counts),
        }
    }

    /// The address the listener is bound to.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the shutdown signal, then shuts down gracefully (see [`Server`]) and
    /// returns how it went. Fails at once, before accepting anything, if the settings cannot
    /// work or the signal handlers cannot be installed.
    ///
    /// Dropping the future stops the server too, without grace: every connection is closed.
    pub async fn run(self) -> Result<Stopped, ServeError> {
        if self.max_connections == 0 {
            return Err(ServeError::NoConnections);
        }
        if self.header_read_timeout.is_zero() {
            return Err(ServeError::ZeroHeaderReadTimeout);
        }
        let mut shutdown = match self.shutdown {
            Some(signal) => signal,
            None => Box::pin(shutdown_signal().map_err(ServeError::Signals)?),
        };
        let shared = Arc::new(Shared {
            timeouts: Timeouts {
                header_read: self.header_read_timeout,
                idle: self.idle_timeout,
            },
            router: self.router,
            counts: self.counts,
            registry: Mutex::default(),
        });
        let slots = Arc::new(Semaphore::new(self.max_connections));
        let (stage, _) = watch::channel(Stage::Serving);

        accept(&self.listener, &shared, &slots, &stage, &mut shutdown).await;

        let started = Instant::now();
        // New connections are refused from here on, and those in the backlog reset.
        drop(self.listener);
        stage.send_replace(Stage::Draining);
        // Every slot back means every connection closed. The semaphore is never closed, so
        // acquiring can only wait.
        let all = u32::try_from(self.max_connections).unwrap_or(u32::MAX);
        let cut = match timeout(self.grace_period, slots.acquire_many(all)).await {
            Ok(_) => 0,
            Err(_elapsed) => {
                let cut = shared.counts.open.load(Ordering::Relaxed);
                stage.send_replace(Stage::Cut);
                // Each connection closes as soon as its task sees the stage.
                let _all_closed = slots.acquire_many(all).await;
                cut
            }
        };
        Ok(Stopped {
            cut,
            draining: started.elapsed(),
        })
    }
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server")
            .field("local_addr", &self.listener.local_addr().ok())
            .field("header_read_timeout", &self.header_read_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .field("max_connections", &self.max_connections)
            .field("grace_period", &self.grace_period)
            .field("custom_shutdown", &self.shutdown.is_some())
            .finish_non_exhaustive()
    }
}

/// A future that completes on SIGTERM or SIGINT (Ctrl-C) on Unix, on Ctrl-C on Windows, and
/// never elsewhere: the signal [`Server`] shuts down on by default. The handlers are installed
/// when it is made, so an error comes at once; once installed, these signals no longer end the
/// process by themselves.
pub fn shutdown_signal() -> io::Result<impl Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
        })
    }
    #[cfg(windows)]
    {
        let mut ctrl_c = tokio::signal::windows::ctrl_c()?;
        Ok(async move {
            ctrl_c.recv().await;
        })
    }
    #[cfg(not(any(unix, windows)))]
    {
        Ok(std::future::pending::<()>())
    }
}

/// How a [`Server`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stopped {
    /// Connections still open at the end of the grace period, closed without waiting further:
    /// their requests were not answered, so Green-API delivers them again. Zero when every
    /// request was answered in time.
    pub cut: usize,
    /// From the shutdown signal to the last connection closed.
    pub draining: Duration,
}

/// Why [`Server::run`] did not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// `max_connections` is zero: no connection could ever be served.
    #[error("max_connections is 0: no connection could be served")]
    NoConnections,
    /// `header_read_timeout` is zero: every connection would be closed before its request.
    #[error("header_read_timeout is 0: every connection would be closed before its request")]
    ZeroHeaderReadTimeout,
    /// The SIGTERM or Ctrl-C handler could not be installed.
    #[error("cannot listen for the shutdown signals")]
    Signals(#[source] io::Error),
}

/// A [`Server`]'s connection counts, read while it runs. Cloning gives another view of the
/// same counts.
#[derive(Clone, Debug)]
pub struct Connections {
    counts: Arc<Counts>,
}

impl Connections {
    /// Connections open now; never more than `max_connections`.
    pub fn open(&self) -> usize {
        self.counts.open.load(Ordering::Relaxed)
    }

    /// The most connections that were open at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::Relaxed)
    }

    /// Connections accepted since the server started.
    pub fn accepted(&self) -> u64 {
        self.counts.accepted.load(Ordering::Relaxed)
    }

    /// Connections closed because a request head did not arrive in time.
    pub fn header_timeouts(&self) -> u64 {
        self.counts.header_timeouts.load(Ordering::Relaxed)
    }

    /// Kept-alive connections closed at the idle timeout.
    pub fn idle_timeouts(&self) -> u64 {
        self.counts.idle_timeouts.load(Ordering::Relaxed)
    }

    /// Idle or stalled connections closed to make room at the connection cap. Many of them
    /// say the cap is too low for the traffic, or that clients hold connections they do not
    /// use.
    pub fn shed(&self) -> u64 {
        self.counts.shed.load(Ordering::Relaxed)
    }

    /// Errors accepting a connection, such as running out of file descriptors.
    pub fn accept_errors(&self) -> u64 {
        self.counts.accept_errors.load(Ordering::Relaxed)
    }
}

#[derive(Debug, Default)]
struct Counts {
    open: AtomicUsize,
    peak: AtomicUsize,
    accepted: AtomicU64,
    header_timeouts: AtomicU64,
    idle_timeouts: AtomicU64,
    shed: AtomicU64,
    accept_errors: AtomicU64,
}

impl Counts {
    fn add(count: &AtomicU64) {
        count.fetch_add(1, Ordering::Relaxed);
    }
}

/// What the connections are told of the server's shutdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Serving,
    /// Finish what is being served, then close.
    Draining,
    /// Close now.
    Cut,
}

/// What the accept loop and every connection share.
struct Shared {
    router: Router,
    timeouts: Timeouts,
    counts: Arc<Counts>,
    registry: Mutex<Registry>,
}

/// The open connections, for the accept loop to choose one to close when the cap is reached.
#[derive(Default)]
struct Registry {
    next_id: u64,
    connections: HashMap<u64, Arc<Tracker>>,
}

impl Shared {
    /// The registry, locked. No code panics while holding the lock, so a poisoned lock still
    /// holds a consistent registry and is used as it is.
    fn registry(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn register(&self, tracker: &Arc<Tracker>) -> u64 {
        let mut registry = self.registry();
        let id = registry.next_id;
        registry.next_id += 1;
        registry.connections.insert(id, Arc::clone(tracker));
        drop(registry);
        let open = self.counts.open.fetch_add(1, Ordering::Relaxed) + 1;
        self.counts.peak.fetch_max(open, Ordering::Relaxed);
        Counts::add(&self.counts.accepted);
        id
    }

    fn unregister(&self, id: u64) {
        self.counts.open.fetch_sub(1, Ordering::Relaxed);
        self.registry().connections.remove(&id);
    }

    /// Asks one connection to close to make room: the one idle the longest, else the one
    /// waiting the longest for a stale request head. Asks none while one asked before is still
    /// open, so that a burst of new connections does not close more than it needs.
    fn shed_one(&self) {
        let now = Instant::now();
        let registry = self.registry();
        let mut idle = None;
        let mut stalled = None;
        for tracker in registry.connections.values() {
            let state = tracker.state();
            if state.shed {
                return;
            }
            if !connection::sheddable(state.phase, now) {
                continue;
            }
            let (slot, since) = match state.phase {
                connection::Phase::Idle { since, .. } => (&mut idle, since),
                connection::Phase::Head { since, .. } => (&mut stalled, since),
                connection::Phase::Busy { .. } => continue,
            };
            if slot.is_none_or(|(oldest, _)| since < oldest) {
                *slot = Some((since, tracker));
            }
        }
        if let Some((_, tracker)) = idle.or(stalled) {
            // It may have become busy since it was looked at; then none is shed this time.
            tracker.shed(now);
        }
    }
}

/// Removes a connection from the registry when its task ends, however it ends.
struct Registration {
    shared: Arc<Shared>,
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.shared.unregister(self.id);
    }
}

/// Accepts and spawns connections until the shutdown signal.
async fn accept(
    listener: &TcpListener,
    shared: &Arc<Shared>,
    slots: &Arc<Semaphore>,
    stage: &watch::Sender<Stage>,
    shutdown: &mut ShutdownFuture,
) {
    loop {
        let Some(slot) = free_slot(shared, slots, shutdown).await else {
            return;
        };
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut *shutdown => return,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    Counts::add(&shared.counts.accept_errors);
                    if !is_connection_error(&error) {
                        tokio::select! {
                            biased;
                            () = &mut *shutdown => return,
                            () = sleep(ACCEPT_ERROR_PAUSE) => {}
                        }
                    }
                    continue;
                }
            },
        };
        // Without Nagle's algorithm, a response written in pieces is not held back waiting
        // for an acknowledgement. Failing to set it changes nothing else.
        let _ = stream.set_nodelay(true);
        let tracker = Arc::new(Tracker::new(shared.timeouts));
        let registration = Registration {
            id: shared.register(&tracker),
            shared: Arc::clone(shared),
        };
        let stage = stage.subscribe();
        let router = shared.router.clone();
        tokio::spawn(async move {
            let shared = &registration.shared;
            connection::serve(stream, peer, router, tracker, stage, &shared.counts).await;
            // The registration goes before the slot, so that `open` never exceeds the cap.
            drop(registration);
            drop(slot);
        });
    }
}

/// A slot for the next connection, waiting for one while the cap is reached and making room
/// meanwhile; `None` on the shutdown signal.
async fn free_slot(
    shared: &Shared,
    slots: &Arc<Semaphore>,
    shutdown: &mut ShutdownFuture,
) -> Option<OwnedSemaphorePermit> {
    if let Ok(slot) = Arc::clone(slots).try_acquire_owned() {
        return Some(slot);
    }
    loop {
        shared.shed_one();
        tokio::select! {
            biased;
            () = &mut *shutdown => return None,
            // The semaphore is never closed, so this only waits.
            slot = Arc::clone(slots).acquire_owned() => {
                if let Ok(slot) = slot {
                    return Some(slot);
                }
            }
            () = sleep(SHED_RETRY) => {}
        }
    }
}

/// Errors about one connection, which was gone before it was accepted: the next accept
/// may succeed at once.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}
