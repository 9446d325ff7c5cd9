//! Reading `#[wire(...)]` attributes. Every key is remembered with its span, so that the model
//! can say which keys are out of place.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

/// Collects every error instead of stopping at the first.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        let error = syn::Error::new(span, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn finish(self) -> Result<(), syn::Error> {
        self.0.map_or(Ok(()), Err)
    }
}

/// The keys of all `#[wire(...)]` attributes on one item.
#[derive(Default)]
pub struct WireAttrs {
    pub rename: Option<LitStr>,
    /// Other tag values of a tagged variant: the same thing under another spelling.
    pub also: Vec<LitStr>,
    pub alias_of: Option<LitStr>,
    pub tag: Option<LitStr>,
    pub mandatory: Option<Span>,
    pub extra: Option<Span>,
    pub unknown: Option<Span>,
    pub other: Option<Span>,
    /// On a struct: the spec has rules for it, which its validator runs.
    pub rules: Option<Span>,
}

/// Where an attribute stands, which decides the keys it may have.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Container,
    Field,
    Variant,
}

impl WireAttrs {
    pub fn parse(attrs: &[Attribute], place: Place, errors: &mut Errors) -> WireAttrs {
        let mut found = WireAttrs::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("wire")) {
            let result = attr.parse_nested_meta(|meta| {
                let key = meta
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let span = meta.path.span();
                let allowed = match place {
                    Place::Container => &["tag", "rules"][..],
                    Place::Field => &["rename", "mandatory", "alias_of", "extra"][..],
                    Place::Variant => &["rename", "also", "unknown", "other"][..],
                };
                if !allowed.contains(&key.as_str()) {
                    errors.push(
                        span,
                        format_args!("unknown wire attribute; expected {}", allowed.join(", ")),
                    );
                    // Skip a value, if any, so that the keys after it are still read.
                    if meta.input.peek(syn::Token![=]) {
                        meta.value()?.parse::<syn::Expr>()?;
                    }
                    return Ok(());
                }
                let duplicate = match key.as_str() {
                    "rename" => set(&mut found.rename, meta.value()?.parse()?),
                    "also" => {
                        found.also.push(meta.value()?.parse()?);
                        false
                    }
                    "alias_of" => set(&mut found.alias_of, meta.value()?.parse()?),
                    "tag" => set(&mut found.tag, meta.value()?.parse()?),
                    "mandatory" => set(&mut found.mandatory, span),
                    "extra" => set(&mut found.extra, span),
                    "unknown" => set(&mut found.unknown, span),
                    "rules" => set(&mut found.rules, span),
                    _ => set(&mut found.other, span),
                };
                if duplicate {
                    errors.push(span, format_args!("`{key}` is given twice"));
                }
                Ok(())
            });
            if let Err(error) = result {
                errors.push(error.span(), error);
            }
        }
        found
    }
}

/// Stores `value`, and says whether the slot was already taken.
fn set<T>(slot: &mut Option<T>, value: T) -> bool {
    slot.replace(value).is_some()
}
