//! The checked view of a declaration: a type named `{Name}View<'a>` beside it, with the same
//! fields, every mandatory one a plain value and every alternative spelling merged into its
//! documented field, and the `Checked` impl that builds it. Each field is one call to a shared
//! generic function in `green_api_webhooks::__private` (`view_mandatory`, `view_optional`,
//! `view_spelled`), and one `match` over them all builds the view, so the expansion stays thin.
//!
//! A field's view type is spelled from its declared type: `String` is `&'a str`; `i64` and
//! `bool` stay; `Number`, `Value` and `StringOrInteger` are borrowed; `Vec<T>` is
//! `Items<'a, T>`; any other type `X` is `XView<'a>` (a single-segment path as `crate::XView`,
//! where every generated type is re-exported). Every open enum has a `XView<'a> = &'a X`
//! alias, so the rule holds for all of them. The `Checked` impl's body checks the spelling: its
//! values have the types `Checked` gives, so a wrong guess does not compile.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, Ident, PathArguments, Type};

use crate::model::{Object, Open, Tagged};

/// The view struct of an object and its `Checked` impl.
pub fn object(object: &Object) -> TokenStream {
    let Object {
        ident,
        vis,
        fields,
        extra,
        extra_docs,
        ..
    } = object;
    let view = format_ident!("{}View", ident);
    let doc = format!(
        " The checked view of [`{ident}`]: its mandatory fields as values, the optional ones as \
         `Option`, every alternative spelling read into its documented field, all borrowed from \
         it.\n\n [`Checked::view`](green_api_webhooks::Checked::view) builds it, and is `None` \
         when a mandatory field is missing or did not fit."
    );
    // Alternative spellings are not fields of the view: they fill their documented field.
    let documented: Vec<_> = fields.iter().filter(|f| f.alias_of.is_none()).collect();
    let names: Vec<_> = documented.iter().map(|f| &f.ident).collect();
    let mut field_docs = Vec::new();
    let mut types = Vec::new();
    let mut values = Vec::new();
    for field in &documented {
        let name = &field.ident;
        let aliases: Vec<_> = fields
            .iter()
            .filter(|a| {
                a.alias_of
                    .as_ref()
                    .is_some_and(|of| of.value() == field.wire.value())
            })
            .collect();
        let mut docs = field.docs.iter().map(|d| quote!(#d)).collect::<Vec<_>>();
        for alias in &aliases {
            let line = format!(
                " Read from `{}` when the body has no `{}`.",
                alias.wire.value(),
                field.wire.value()
            );
            if !docs.is_empty() {
                docs.push(quote!(#[doc = ""]));
            }
            docs.push(quote!(#[doc = #line]));
        }
        field_docs.push(docs);
        let ty = view_type(&field.ty);
        let value = if aliases.is_empty() {
            quote!(&self.#name)
        } else {
            let wire = &field.wire;
            let (alias_names, alias_wires): (Vec<_>, Vec<_>) =
                aliases.iter().map(|a| (&a.ident, &a.wire)).unzip();
            quote! {
                ::green_api_webhooks::__private::view_spelled(
                    &self.#extra,
                    (&self.#name, #wire),
                    &[#((&self.#alias_names, #alias_wires)),*],
                )
            }
        };
        if field.mandatory {
            types.push(ty);
            values.push(quote!(::green_api_webhooks::__private::view_mandatory(#value)));
        } else {
            types.push(quote!(::core::option::Option<#ty>));
            values.push(quote!(::green_api_webhooks::__private::view_optional(#value)));
        }
    }
    let copy = copy_impls(&view);
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug)]
        #[non_exhaustive]
        #vis struct #view<'a> {
            #(
                #(#field_docs)*
                #vis #names: #types,
            )*
            #(#extra_docs)*
            #vis #extra: &'a ::green_api_webhooks::Extra,
        }

        #copy

        impl ::green_api_webhooks::Checked for #ident {
            type View<'a> = #view<'a>;

            fn view(&self) -> ::core::option::Option<#view<'_>> {
                // One match over every field's view rather than `?` on each, which would
                // compile a `Try` instance per view type.
                match (#(#values,)*) {
                    (#(::core::option::Option::Some(#names),)*) => {
                        ::core::option::Option::Some(#view {
                            #(#names,)*
                            #extra: &self.#extra,
                        })
                    }
                    #[allow(unreachable_patterns)]
                    _ => ::core::option::Option::None,
                }
            }
        }
    }
}

/// The view enum of a tagged enum, whose variants hold their structs' views, and its `Checked`
/// impl.
pub fn tagged(tagged: &Tagged) -> TokenStream {
    let Tagged {
        ident,
        vis,
        tag,
        variants,
        unknown,
    } = tagged;
    let view = format_ident!("{}View", ident);
    let doc = format!(
        " The checked view of [`{ident}`]: each variant holds the view of its body, and \
         `{unknown}` the object it keeps.\n\n \
         [`Checked::view`](green_api_webhooks::Checked::view) builds it, and is `None` when a \
         mandatory field is missing or did not fit, or `{tag}` is missing or not a string.",
        unknown = unknown.ident,
        tag = tag.value(),
    );
    let names: Vec<&Ident> = variants.iter().map(|v| &v.ident).collect();
    let docs: Vec<_> = variants.iter().map(|v| &v.docs).collect();
    let types: Vec<_> = variants.iter().map(|v| view_type(&v.ty)).collect();
    let (unknown_name, unknown_ty, unknown_docs) = (&unknown.ident, &unknown.ty, &unknown.docs);
    let copy = copy_impls(&view);
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug)]
        #[non_exhaustive]
        #vis enum #view<'a> {
            #(
                #(#docs)*
                #names(#types),
            )*
            #(#unknown_docs)*
            #unknown_name(&'a #unknown_ty),
        }

        #copy

        impl ::green_api_webhooks::Checked for #ident {
            type View<'a> = #view<'a>;

            fn view(&self) -> ::core::option::Option<#view<'_>> {
                match self {
                    #(
                        Self::#names(inner) => match ::green_api_webhooks::Checked::view(inner) {
                            ::core::option::Option::Some(view) => ::core::option::Option::Some(#view::#names(view)),
                            ::core::option::Option::None => ::core::option::Option::None,
                        },
                    )*
                    Self::#unknown_name(unknown) => {
                        match ::green_api_webhooks::__private::view_unknown(unknown, #tag) {
                            ::core::option::Option::Some(unknown) => ::core::option::Option::Some(#view::#unknown_name(unknown)),
                            ::core::option::Option::None => ::core::option::Option::None,
                        }
                    }
                }
            }
        }
    }
}

/// `Clone` and `Copy` of a view, which holds only references and copies: `clone` is `*self`,
/// without the per-field assertions `#[derive(Clone)]` writes.
fn copy_impls(view: &Ident) -> TokenStream {
    quote! {
        impl<'a> ::core::clone::Clone for #view<'a> {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<'a> ::core::marker::Copy for #view<'a> {}
    }
}

/// An open enum is its own view, borrowed: every value fits (an undocumented one is `Other`).
/// The alias gives it the `XView` name every other field type's view has.
pub fn open(open: &Open) -> TokenStream {
    let Open { ident, vis, .. } = open;
    let view = format_ident!("{}View", ident);
    let doc = format!(
        " [`{ident}`] in a checked view: borrowed as it is, since every value fits (one the docs \
         do not list is `Other`)."
    );
    quote! {
        #[doc = #doc]
        #vis type #view<'a> = &'a #ident;

        impl ::green_api_webhooks::Checked for #ident {
            type View<'a> = &'a Self;

            fn view(&self) -> ::core::option::Option<&Self> {
                ::core::option::Option::Some(self)
            }
        }
    }
}

/// The type of a field of declared type `ty` in a view with lifetime `'a`.
fn view_type(ty: &Type) -> TokenStream {
    let span = ty.span();
    let Type::Path(path) = ty else {
        return quote_spanned!(span=> <#ty as ::green_api_webhooks::Checked>::View<'a>);
    };
    let Some(last) = path.path.segments.last() else {
        return quote_spanned!(span=> <#ty as ::green_api_webhooks::Checked>::View<'a>);
    };
    if path.qself.is_some() {
        return quote_spanned!(span=> <#ty as ::green_api_webhooks::Checked>::View<'a>);
    }
    match (last.ident.to_string().as_str(), &last.arguments) {
        ("String", PathArguments::None) => quote_spanned!(span=> &'a str),
        ("i64" | "bool", PathArguments::None) => quote!(#ty),
        ("Number" | "Value" | "StringOrInteger", PathArguments::None) => {
            quote_spanned!(span=> &'a #ty)
        }
        ("Vec", PathArguments::AngleBracketed(args)) if args.args.len() == 1 => {
            match &args.args[0] {
                GenericArgument::Type(item) => {
                    quote_spanned!(span=> ::green_api_webhooks::Items<'a, #item>)
                }
                _ => quote_spanned!(span=> <#ty as ::green_api_webhooks::Checked>::View<'a>),
            }
        }
        (_, PathArguments::None) => {
            let mut view = path.path.clone();
            if let Some(last) = view.segments.last_mut() {
                last.ident = format_ident!("{}View", last.ident, span = last.ident.span());
            }
            if view.segments.len() == 1 && view.leading_colon.is_none() {
                quote_spanned!(span=> crate::#view<'a>)
            } else {
                quote_spanned!(span=> #view<'a>)
            }
        }
        _ => quote_spanned!(span=> <#ty as ::green_api_webhooks::Checked>::View<'a>),
    }
}
