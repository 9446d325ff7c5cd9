//! `#[derive(Wire)]`: turns a declared webhook type into tolerant, lossless serde impls and a
//! validator. It works in four steps: [`attrs`] reads the `#[wire(...)]` attributes, [`model`]
//! checks the declaration as a whole and collects every error, and [`emit`] writes the impls,
//! [`view`] the checked view.
//! When the declaration has errors, all of them are reported at their spans together with stub
//! impls, so one mistake does not cascade into errors wherever the type is used.
//!
//! Three shapes are accepted:
//! - a struct with named `Option<T>` fields, each `#[wire(rename = "wireName")]` (and
//!   `mandatory` where the spec says so), plus one `#[wire(extra)] extra: Extra` field;
//! - an enum `#[wire(tag = "typeMessage")]` of newtype variants, each
//!   `#[wire(rename = "tagValue")]`, plus one `#[wire(unknown)] Unknown(UnknownObject)`;
//! - an open enum of unit variants, each `#[wire(rename = "value")]`, plus one
//!   `#[wire(other)] Other(String)` that keeps undocumented values.
//!
//! Every declaration also gets its checked view ([`view`]): a type `{Name}View<'a>` beside it
//! (a struct of the same fields for an object, an enum of the variants' views for a tagged enum,
//! `&'a Name` for an open enum) and the public `Checked` impl that builds it.
//!
//! The expansion is trait impls and those view types, never an inherent `impl`: the types' own
//! methods are written by hand in `green-api-webhooks` and call these traits (the hidden
//! `Tagged` for tagged enums, the public `OpenEnum` for open ones, `Checked` for views).

mod attrs;
mod emit;
mod model;
mod view;

use proc_macro::TokenStream;

#[proc_macro_derive(Wire, attributes(wire))]
pub fn derive_wire(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand(&input).into()
}

/// The whole expansion, as tokens: the impls, or every error plus stub impls.
fn expand(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    match model::Declaration::from_input(input) {
        Ok(declaration) => emit::impls(&declaration),
        Err(errors) => {
            let mut tokens = errors.to_compile_error();
            tokens.extend(emit::fallback(input));
            tokens
        }
    }
}

#[cfg(test)]
mod tests;
