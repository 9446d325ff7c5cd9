//! One connection: its phase (waiting for a request head, serving, idle) with the deadline of
//! that phase, and the task that drives hyper and closes the connection when a deadline passes,
//! when it is shed, or when the server shuts down.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::ConnectInfo;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::{Service as _, service_fn};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{Notify, watch};
use tokio::time::{Instant, sleep_until};

use super::{Counts, Stage};

/// The largest request head (request line and headers) a connection buffers: hyper answers 431
/// beyond it. It also bounds the memory a client that sends a head slowly can hold.
pub(crate) const MAX_HEAD_BYTES: usize = 64 * 1024;

/// How long a connection has been waiting for a request head before, at the connection cap, it
/// may be closed to make room. A client sends its head right after connecting, within a round
/// trip; a second is many round trips, and a retransmission or two.
pub(crate) const STALE_HEAD: Duration = Duration::from_secs(1);

/// The time limits a connection applies.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeouts {
    pub(crate) header_read: Duration,
    pub(crate) idle: Duration,
}

/// Where a connection is between requests.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Phase {
    /// A request head is awaited, and must be complete by `deadline`: from the accept for the
    /// first request, from its first byte for a later one. `since` is when the wait began.
    Head { since: Instant, deadline: Instant },
    /// The router has `in_flight` requests whose responses are not yet written; the time they
    /// take is the handler's and the body timeout's business.
    Busy { in_flight: usize },
    /// Every response is written and no byte of the next request has come since `since`; the
    /// connection is closed at `deadline`.
    Idle { since: Instant, deadline: Instant },
}

/// A connection's phase, and whether the accept loop asked it to make room.
#[derive(Clone, Copy, Debug)]
pub(crate) struct State {
    pub(crate) phase: Phase,
    pub(crate) shed: bool,
}

/// The state of one connection, shared by its task, its IO, its requests and the accept loop.
#[derive(Debug)]
pub(crate) struct Tracker {
    state: Mutex<State>,
    /// Wakes the connection's task when the phase or the shed flag changed.
    changed: Notify,
    timeouts: Timeouts,
}

impl Tracker {
    /// A connection accepted now, waiting for its first request head.
    pub(crate) fn new(timeouts: Timeouts) -> Tracker {
        let now = Instant::now();
        Tracker {
            state: Mutex::new(State {
                phase: Phase::Head {
                    since: now,
                    deadline: now + timeouts.header_read,
                },
                shed: false,
            }),
            changed: Notify::new(),
            timeouts,
        }
    }

    /// The state, locked. No code panics while holding the lock, so a poisoned lock still
    /// holds a consistent state and is used as it is.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn state(&self) -> State {
        *self.lock()
    }

    /// Bytes arrived: on an idle connection, they begin the next request head, whose deadline
    /// starts now. (Bytes that arrive while serving, a body or a pipelined request, change
    /// nothing: a pipelined head that stalls is closed at the idle timeout, and a header read
    /// timeout after it at the latest.)
    fn bytes_arrived(&self) {
        let mut state = self.lock();
        if let Phase::Idle { .. } = state.phase {
            let now = Instant::now();
            state.phase = Phase::Head {
                since: now,
                deadline: now + self.timeouts.header_read,
            };
            drop(state);
            self.changed.notify_one();
        }
    }

    /// A request head was read and handed to the router.
    fn request_started(&self) {
        let mut state = self.lock();
        state.phase = match state.phase {
            Phase::Busy { in_flight } => Phase::Busy {
                in_flight: in_flight + 1,
            },
            Phase::Head { .. } | Phase::Idle { .. } => Phase::Busy { in_flight: 1 },
        };
        // No wake-up: the task finds the deadline gone when it next looks.
    }

    /// A response was written whole, or given up; the last one makes the connection idle.
    fn request_finished(&self) {
        let mut state = self.lock();
        match state.phase {
            Phase::Busy { in_flight } if in_flight > 1 => {
                state.phase = Phase::Busy {
                    in_flight: in_flight - 1,
                };
            }
            Phase::Busy { .. } => {
                let now = Instant::now();
                state.phase = Phase::Idle {
                    since: now,
                    deadline: now + self.timeouts.idle,
                };
                drop(state);
                self.changed.notify_one();
            }
            Phase::Head { .. } | Phase::Idle { .. } => {}
        }
    }

    /// Asks the connection to close to make room, if it still can be closed without losing a
    /// request: idle, or waiting for a head for at least [`STALE_HEAD`]. Returns whether it was
    /// asked.
    pub(crate) fn shed(&self, now: Instant) -> bool {
        let mut state = self.lock();
        if !sheddable(state.phase, now) {
            return false;
        }
        state.shed = true;
        drop(state);
        self.changed.notify_one();
        true
    }

    fn clear_shed(&self) {
        self.lock().shed = false;
    }
}

/// Whether a connection in `phase` can be closed at `now` without losing a request that is
/// being served or that a client is sending at a normal pace.
pub(crate) fn sheddable(phase: Phase, now: Instant) -> bool {
    match phase {
        Phase::Idle { .. } => true,
        Phase::Head { since, .. } => now.saturating_duration_since(since) >= STALE_HEAD,
        Phase::Busy { .. } => false,
    }
}

/// Marks a request in flight from its head until its response body is dropped, which hyper
/// does once the body is written whole or the connection is gone.
struct InFlight(Arc<Tracker>);

impl InFlight {
    fn start(tracker: &Arc<Tracker>) -> InFlight {
        tracker.request_started();
        InFlight(Arc::clone(tracker))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.request_finished();
    }
}

/// A response body that keeps its request in flight until hyper drops it.
struct TrackedBody {
    body: Body,
    _in_flight: InFlight,
}

impl HttpBody for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// The TCP stream, telling the tracker when bytes arrive.
struct Watched {
    stream: TcpStream,
    tracker: Arc<Tracker>,
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.tracker.bytes_arrived();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// Serves one connection until it closes, a deadline passes, it is shed, or the server cuts
/// it. Counts why it was closed, when the server closed it.
pub(crate) async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    tracker: Arc<Tracker>,
    mut stage: watch::Receiver<Stage>,
    counts: &Counts,
) {
    let router = TowerToHyperService::new(router);
    let service = {
        let tracker = Arc::clone(&tracker);
        service_fn(move |mut request: hyper::Request<Incoming>| {
            let in_flight = InFlight::start(&tracker);
            // What `into_make_service_with_connect_info::<SocketAddr>()` would add.
            request.extensions_mut().insert(ConnectInfo(peer));
            let response = router.call(request);
            async move {
                let response = response.await?;
                Ok::<_, Infallible>(response.map(|body| TrackedBody {
                    body,
                    _in_flight: in_flight,
                }))
            }
        })
    };
    let io = TokioIo::new(Watched {
        stream,
        tracker: Arc::clone(&tracker),
    });
    let mut builder = http1::Builder::new();
    builder
        // The tracker keeps the time limits: hyper's header read timeout would also run while
        // a kept-alive connection waits for its next request, capping the idle time at it.
        .header_read_timeout(None)
        .max_buf_size(MAX_HEAD_BYTES);
    let mut connection = pin!(builder.serve_connection(io, service));

    let header_read = tracker.timeouts.header_read;
    // Whether hyper was asked to close once the current exchange is done.
    let mut closing = false;
    // After an idle connection was asked to close: when it is closed however far it got.
    let mut close_by: Option<Instant> = None;
    loop {
        let now = Instant::now();
        let state = tracker.state();
        match state.phase {
            Phase::Head { deadline, .. } if now >= deadline => {
                Counts::add(&counts.header_timeouts);
                return;
            }
            Phase::Head { since, .. } if state.shed => {
                if now.saturating_duration_since(since) >= STALE_HEAD {
                    Counts::add(&counts.shed);
                    return;
                }
                // The head began since the accept loop looked: not stale after all.
                tracker.clear_shed();
            }
            Phase::Idle { deadline, .. } if !closing && (state.shed || now >= deadline) => {
                Counts::add(if state.shed {
                    &counts.shed
                } else {
                    &counts.idle_timeouts
                });
                // Closes at once if hyper is idle too, else after the response it is writing.
                connection.as_mut().graceful_shutdown();
                closing = true;
                close_by = Some(now + header_read);
            }
            Phase::Busy { .. } if state.shed => tracker.clear_shed(),
            _ => {}
        }
        if close_by.is_some_and(|close_by| now >= close_by) {
            return;
        }
        let phase_deadline = match state.phase {
            Phase::Head { deadline, .. } => Some(deadline),
            Phase::Idle { deadline, .. } if !closing => Some(deadline),
            Phase::Idle { .. } | Phase::Busy { .. } => None,
        };
        let wake_at = match (phase_deadline, close_by) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };

        tokio::select! {
            biased;
            _closed_or_failed = connection.as_mut() => return,
            () = tracker.changed.notified() => {}
            () = sleep_until(wake_at.unwrap_or(now)), if wake_at.is_some() => {}
            changed = stage.changed() => {
                // An error means the server is gone (its future was dropped): close.
                let Ok(()) = changed else { return };
                match *stage.borrow_and_update() {
                    Stage::Serving => {}
                    Stage::Draining => {
                        if !closing {
                            connection.as_mut().graceful_shutdown();
                            closing = true;
                        }
                    }
                    Stage::Cut => return,
                }
            }
        }
    }
}
