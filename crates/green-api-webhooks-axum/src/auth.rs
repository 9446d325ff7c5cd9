//! The bearer-token check. Green-API sends the instance's `webhookUrlToken` as
//! `Authorization: Bearer <token>`.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The expected token, kept only as its SHA-256 digest. Both sides are hashed before comparing,
/// so the comparison always covers 32 bytes and its time tells nothing about the token's length
/// or about how many leading bytes a guess got right.
pub(crate) struct ExpectedToken {
    digest: [u8; 32],
}

/// Why a request was not authenticated. All of them are answered alike (401); the kind only
/// chooses the `WWW-Authenticate` details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AuthFailure {
    /// No `Authorization` header, or one without credentials.
    Missing,
    /// More than one `Authorization` header: which one counts would be a guess.
    Repeated,
    /// A scheme other than `Bearer`.
    NotBearer,
    /// A bearer token that is not the expected one.
    WrongToken,
}

impl ExpectedToken {
    pub(crate) fn new(token: &str) -> Self {
        ExpectedToken {
            digest: Sha256::digest(token.as_bytes()).into(),
        }
    }

    /// Checks the request's `Authorization` header; reads nothing else.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), AuthFailure> {
        let mut values = headers.get_all(AUTHORIZATION).iter();
        let value = values.next().ok_or(AuthFailure::Missing)?;
        if values.next().is_some() {
            return Err(AuthFailure::Repeated);
        }
        let presented = bearer_token(value.as_bytes())?;
        let digest: [u8; 32] = Sha256::digest(presented).into();
        if bool::from(digest.ct_eq(&self.digest)) {
            Ok(())
        } else {
            Err(AuthFailure::WrongToken)
        }
    }
}

/// The token of a `Bearer` credential. The scheme is case-insensitive (RFC 9110, section 11.1)
/// and separated from the token by one or more spaces.
fn bearer_token(value: &[u8]) -> Result<&[u8], AuthFailure> {
    let trimmed = value.trim_ascii();
    if trimmed.is_empty() {
        return Err(AuthFailure::Missing);
    }
    let (scheme, rest) = match trimmed.iter().position(|&byte| byte == b' ') {
        Some(space) => trimmed.split_at(space),
        None => (trimmed, &[][..]),
    };
    if !scheme.eq_ignore_ascii_case(b"bearer") {
        return Err(AuthFailure::NotBearer);
    }
    let token = rest.trim_ascii_start();
    if token.is_empty() {
        return Err(AuthFailure::Missing);
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn check(values: &[&str]) -> Result<(), AuthFailure> {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        }
        ExpectedToken::new("s3cret-token").check(&headers)
    }

    #[test]
    fn accepts_the_token_under_any_case_of_the_scheme() {
        assert_eq!(check(&["Bearer s3cret-token"]), Ok(()));
        assert_eq!(check(&["bearer s3cret-token"]), Ok(()));
        assert_eq!(check(&["BEARER   s3cret-token"]), Ok(()));
    }

    #[test]
    fn rejects_everything_else() {
        assert_eq!(check(&[]), Err(AuthFailure::Missing));
        assert_eq!(check(&[""]), Err(AuthFailure::Missing));
        assert_eq!(check(&["Bearer"]), Err(AuthFailure::Missing));
        assert_eq!(check(&["Bearer "]), Err(AuthFailure::Missing));
        assert_eq!(
            check(&["Basic czNjcmV0LXRva2Vu"]),
            Err(AuthFailure::NotBearer)
        );
        assert_eq!(check(&["s3cret-token"]), Err(AuthFailure::NotBearer));
        assert_eq!(check(&["Bearers3cret-token"]), Err(AuthFailure::NotBearer));
        assert_eq!(check(&["Bearer s3cret-toke"]), Err(AuthFailure::WrongToken));
        assert_eq!(
            check(&["Bearer s3cret-token2"]),
            Err(AuthFailure::WrongToken)
        );
        assert_eq!(
            check(&["Bearer S3CRET-TOKEN"]),
            Err(AuthFailure::WrongToken)
        );
        assert_eq!(
            check(&["Bearer s3cret-token", "Bearer s3cret-token"]),
            Err(AuthFailure::Repeated)
        );
    }
}
