//! The answers the receiver gives on its own, without calling the handler.

use axum::http::header::{CONNECTION, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::auth::AuthFailure;
use crate::body::BodyFailure;

/// A request the receiver answers itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// 401: the bearer token is missing or wrong. The body is not read.
    Unauthorized(AuthFailure),
    /// 413, 408 or 400: the body could not be read within the limits.
    Body(BodyFailure),
    /// 500: the handler panicked or was cancelled.
    HandlerFailed,
}

impl From<AuthFailure> for Rejection {
    fn from(failure: AuthFailure) -> Self {
        Rejection::Unauthorized(failure)
    }
}

impl From<BodyFailure> for Rejection {
    fn from(failure: BodyFailure) -> Self {
        Rejection::Body(failure)
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Rejection::Unauthorized(failure) => {
                // RFC 6750, section 3: a request without credentials gets the bare challenge,
                // one with bad credentials gets `invalid_token`.
                let challenge = match failure {
                    AuthFailure::Missing | AuthFailure::NotBearer => "Bearer",
                    AuthFailure::Repeated | AuthFailure::WrongToken => {
                        "Bearer error=\"invalid_token\""
                    }
                };
                let mut response =
                    (StatusCode::UNAUTHORIZED, "missing or wrong bearer token\n").into_response();
                response
                    .headers_mut()
                    .insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
                response
            }
            Rejection::Body(failure) => {
                let (status, message) = match failure {
                    BodyFailure::TooLarge => (
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "body is over the size limit\n",
                    ),
                    BodyFailure::TimedOut => {
                        (StatusCode::REQUEST_TIMEOUT, "body did not arrive in time\n")
                    }
                    BodyFailure::Broken => (StatusCode::BAD_REQUEST, "body was cut off\n"),
                };
                let mut response = (status, message).into_response();
                // The rest of the body is still on its way, or lost: the connection cannot carry
                // another request.
                response
                    .headers_mut()
                    .insert(CONNECTION, HeaderValue::from_static("close"));
                response
            }
            Rejection::HandlerFailed => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "webhook handler failed\n",
            )
                .into_response(),
        }
    }
}
