//! Reading a request body within a size limit and a deadline.

use std::future::poll_fn;
use std::pin::Pin;

use axum::body::{Body, Bytes, HttpBody};
use tokio::time::{Instant, timeout_at};

/// Why a body could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BodyFailure {
    /// The body is, or announced to be, larger than the limit.
    TooLarge,
    /// The body was not complete by the deadline.
    TimedOut,
    /// The connection failed or the framing was broken before the body ended.
    Broken,
}

/// Memory reserved up front, at most. A client may announce a large body and send it slowly;
/// reserving all of it at once would let idle connections claim `limit` bytes each.
const MAX_PREALLOCATION: usize = 64 * 1024;

/// Reads the whole body, holding at most `limit` bytes of it. A `Content-Length` over the limit
/// fails before anything is read; a body without one fails as soon as it crosses the limit.
pub(crate) async fn read_limited(
    mut body: Body,
    limit: usize,
    deadline: Instant,
) -> Result<Bytes, BodyFailure> {
    let announced = body.size_hint().lower();
    if announced > u64::try_from(limit).unwrap_or(u64::MAX) {
        return Err(BodyFailure::TooLarge);
    }
    // `announced <= limit`, a usize, here; the fallback only satisfies the type.
    let reserve = usize::try_from(announced).unwrap_or(limit);
    let mut collected = Vec::with_capacity(reserve.min(MAX_PREALLOCATION));
    loop {
        let next = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx));
        let frame = match timeout_at(deadline, next).await {
            Err(_elapsed) => return Err(BodyFailure::TimedOut),
            Ok(None) => break,
            Ok(Some(Err(_))) => return Err(BodyFailure::Broken),
            Ok(Some(Ok(frame))) => frame,
        };
        // Trailers carry nothing a webhook needs.
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if data.len() > limit - collected.len() {
            return Err(BodyFailure::TooLarge);
        }
        if collected.is_empty() && body.is_end_stream() {
            // The common case, one frame holding the whole body: hand it over without copying.
            return Ok(data);
        }
        collected.extend_from_slice(&data);
    }
    Ok(Bytes::from(collected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    #[tokio::test]
    async fn reads_a_body_within_the_limit() {
        let body = Body::from("{\"a\": 1}");
        assert_eq!(
            read_limited(body, 8, soon()).await,
            Ok(Bytes::from("{\"a\": 1}"))
        );
        assert_eq!(
            read_limited(Body::empty(), 0, soon()).await,
            Ok(Bytes::new())
        );
    }

    #[tokio::test]
    async fn refuses_a_body_over_the_limit() {
        let body = Body::from("{\"a\": 12}");
        assert_eq!(
            read_limited(body, 8, soon()).await,
            Err(BodyFailure::TooLarge)
        );
    }
}
