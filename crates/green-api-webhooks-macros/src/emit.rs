//! The impls for a checked declaration. They sit in an anonymous `const` that imports
//! `::green_api_webhooks::__private`, so the expansion needs nothing in scope and adds no name to
//! the caller's module.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use crate::model::{Declaration, Object, Open, Tagged};
use crate::view;

pub fn impls(declaration: &Declaration) -> TokenStream {
    let (impls, view) = match declaration {
        Declaration::Object(object) => (object_impls(object), view::object(object)),
        Declaration::Tagged(tagged) => (tagged_impls(tagged), view::tagged(tagged)),
        Declaration::Open(open) => (open_impls(open), view::open(open)),
    };
    let mut tokens = in_private_scope(impls);
    tokens.extend(view);
    tokens
}

/// Impls inside an anonymous `const`, where `__private` names the crate's hidden module: the
/// expansion spells its many paths to it short, and adds no name to the caller's module.
fn in_private_scope(impls: TokenStream) -> TokenStream {
    quote! {
        const _: () = {
            use ::green_api_webhooks::__private;
            #impls
        };
    }
}

/// Serialize and Deserialize through the tolerant `Wire` impl: a value that does not fit at the
/// top is the one error left.
fn serde_deserialize(ident: &syn::Ident) -> TokenStream {
    quote! {
        impl<'de> __private::serde::Deserialize<'de> for #ident {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: __private::serde::Deserializer<'de>,
            {
                __private::fits_or_error(
                    <Self as __private::Wire>::deserialize_wire(deserializer)?,
                )
            }
        }
    }
}

fn object_impls(object: &Object) -> TokenStream {
    let Object {
        ident,
        fields,
        extra,
        rules,
        ..
    } = object;
    let rules = rules.then(|| {
        quote! { <Self as __private::Rules>::check_rules(self, path, report); }
    });
    let names: Vec<_> = fields.iter().map(|f| &f.ident).collect();
    let wires: Vec<_> = fields.iter().map(|f| &f.wire).collect();
    let types: Vec<_> = fields.iter().map(|f| &f.ty).collect();
    // Values with nothing inside to validate get no call.
    let (checked_names, checked_wires): (Vec<_>, Vec<_>) = fields
        .iter()
        .filter(|f| !holds_only_json_values(&f.ty))
        .map(|f| (&f.ident, &f.wire))
        .unzip();
    let mandatory = fields.iter().filter(|f| f.mandatory).map(|f| {
        let (name, wire) = (&f.ident, &f.wire);
        let aliases = fields.iter().filter(|a| {
            a.alias_of
                .as_ref()
                .is_some_and(|of| of.value() == wire.value())
        });
        let (alias_names, alias_wires): (Vec<_>, Vec<_>) =
            aliases.map(|a| (&a.ident, &a.wire)).unzip();
        quote! {
            if self.#name.is_none() && !self.#extra.contains_key(#wire)
                #(&& self.#alias_names.is_none() && !self.#extra.contains_key(#alias_wires))*
            {
                __private::report_missing(&path.key(#wire), report);
            }
        }
    });
    let aliases = fields.iter().filter_map(|f| {
        let (name, wire, documented) = (&f.ident, &f.wire, f.alias_of.as_ref()?);
        Some(quote! {
            if self.#name.is_some() || self.#extra.contains_key(#wire) {
                __private::report_alias(&path.key(#wire), #documented, report);
            }
        })
    });
    let deserialize = serde_deserialize(ident);
    quote! {
        impl __private::WireObject for #ident {
            fn validate_fields(
                &self,
                path: &::green_api_webhooks::Path<'_>,
                report: &mut ::green_api_webhooks::Report,
            ) {
                #(
                    if let ::core::option::Option::Some(value) = &self.#checked_names {
                        __private::Wire::validate_wire(value, &path.key(#checked_wires), report);
                    }
                )*
                #(#mandatory)*
                #(#aliases)*
                __private::validate_extra(
                    &self.#extra,
                    &[#((#wires, <#types as __private::Wire>::KIND)),*],
                    path,
                    report,
                );
                #rules
            }

            fn serialize_fields<M>(&self, map: &mut M) -> ::core::result::Result<(), M::Error>
            where
                M: __private::serde::ser::SerializeMap,
            {
                #(
                    if let ::core::option::Option::Some(value) = &self.#names {
                        map.serialize_entry(#wires, value)?;
                    }
                )*
                for (key, value) in &self.#extra {
                    map.serialize_entry(key, value)?;
                }
                ::core::result::Result::Ok(())
            }

            fn read_field(
                &mut self,
                key: &str,
                value: &mut dyn __private::Source<'_>,
            ) -> ::core::result::Result<(), __private::Failed> {
                match key {
                    #(
                        #wires => <#types as __private::Wire>::read_into(
                            &mut self.#names,
                            &mut self.#extra,
                            key,
                            value,
                        )?,
                    )*
                    _ => __private::store_extra(&mut self.#extra, key, value)?,
                }
                ::core::result::Result::Ok(())
            }
        }

        impl __private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: __private::serde::Serializer,
            {
                __private::serialize_object(self, serializer)
            }
        }

        #deserialize
    }
}

/// Whether `ty` is a JSON value whose `Wire` impl validates nothing: a primitive, `Value`,
/// `StringOrInteger`, or a `Vec` of them. Any other type may hold open enums or objects.
fn holds_only_json_values(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    match &last.arguments {
        syn::PathArguments::None => matches!(
            last.ident.to_string().as_str(),
            "String" | "i64" | "bool" | "Number" | "Value" | "StringOrInteger"
        ),
        syn::PathArguments::AngleBracketed(args) if last.ident == "Vec" => {
            matches!(args.args.first(), Some(syn::GenericArgument::Type(item)) if args.args.len() == 1 && holds_only_json_values(item))
        }
        _ => false,
    }
}

fn tagged_impls(tagged: &Tagged) -> TokenStream {
    let Tagged {
        ident,
        tag,
        variants,
        unknown,
        ..
    } = tagged;
    let unknown = &unknown.ident;
    let known_tags = variants.iter().flat_map(|v| v.value.iter().chain(&v.also));
    // A variant with other spellings holds a `Spelled<T>` that remembers which one arrived.
    let mut for_tag = Vec::new();
    let mut tag_of = Vec::new();
    let mut serialize_arms = Vec::new();
    let mut accept_arms = Vec::new();
    let mut validate_arms = Vec::new();
    for variant in variants {
        let (name, value) = (&variant.ident, &variant.value);
        if variant.also.is_empty() {
            for_tag.push(quote! { #value => ::core::option::Option::Some(Self::#name(::core::default::Default::default())), });
            tag_of.push(quote! { Self::#name(_) => #value, });
            serialize_arms.push(quote! { Self::#name(inner) => __private::WireObject::serialize_fields(inner, &mut map)?, });
            accept_arms.push(quote! { Self::#name(inner) => __private::AcceptField::accept_field(inner, key, value), });
            validate_arms.push(quote! { Self::#name(inner) => __private::Wire::validate_wire(inner, path, report), });
        } else {
            for spelling in value.iter().chain(&variant.also) {
                for_tag.push(quote! { #spelling => ::core::option::Option::Some(Self::#name(::green_api_webhooks::Spelled::arrived(#spelling))), });
            }
            tag_of.push(quote! { Self::#name(inner) => inner.spelling(), });
            serialize_arms.push(quote! { Self::#name(inner) => __private::WireObject::serialize_fields(&**inner, &mut map)?, });
            accept_arms.push(quote! { Self::#name(inner) => __private::AcceptField::accept_field(&mut **inner, key, value), });
            validate_arms.push(quote! { Self::#name(inner) => __private::Wire::validate_wire(&**inner, path, report), });
        }
    }
    let deserialize = serde_deserialize(ident);
    quote! {
        impl __private::Tagged for #ident {
            const TAG: &'static str = #tag;

            const KNOWN_TAGS: &'static [&'static str] = &[#(#known_tags),*];

            fn for_tag(tag: &str) -> ::core::option::Option<Self> {
                match tag {
                    #(#for_tag)*
                    _ => ::core::option::Option::None,
                }
            }

            fn unknown(raw: __private::serde_json::Map<::std::string::String, __private::serde_json::Value>) -> Self {
                Self::#unknown(::green_api_webhooks::UnknownObject { raw })
            }

            fn tag(&self) -> ::core::option::Option<&str> {
                ::core::option::Option::Some(match self {
                    #(#tag_of)*
                    Self::#unknown(unknown) => return unknown.string(#tag),
                })
            }

            fn is_known(&self) -> bool {
                !::core::matches!(self, Self::#unknown(_))
            }
        }

        impl __private::AcceptField for #ident {
            fn accept_field(
                &mut self,
                key: &str,
                value: &mut dyn __private::Source<'_>,
            ) -> ::core::result::Result<(), __private::Failed> {
                match self {
                    #(#accept_arms)*
                    Self::#unknown(unknown) => __private::store_extra(&mut unknown.raw, key, value),
                }
            }
        }

        impl __private::Wire for #ident {
            const KIND: __private::Kind = __private::Kind::Object;

            fn read_wire(
                source: &mut dyn __private::Source<'_>,
            ) -> ::core::result::Result<__private::Fit<Self>, __private::Failed> {
                __private::read_tagged(source)
            }

            fn read_into(
                slot: &mut ::core::option::Option<Self>,
                extra: &mut __private::Extra,
                key: &str,
                source: &mut dyn __private::Source<'_>,
            ) -> ::core::result::Result<(), __private::Failed> {
                __private::read_tagged_into(slot, extra, key, source)
            }

            fn validate_wire(
                &self,
                path: &::green_api_webhooks::Path<'_>,
                report: &mut ::green_api_webhooks::Report,
            ) {
                match self {
                    #(#validate_arms)*
                    Self::#unknown(unknown) => __private::validate_unknown(&unknown.raw, #tag, path, report),
                }
            }
        }

        impl __private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: __private::serde::Serializer,
            {
                // The tag first, then the variant's fields, as Green-API writes them; one map
                // for every variant rather than a generic helper per variant type. A known variant
                // always has its tag, so the default is never used.
                let tag = match self {
                    Self::#unknown(unknown) => return __private::serde::Serialize::serialize(unknown, serializer),
                    known => __private::Tagged::tag(known).unwrap_or_default(),
                };
                let mut map = __private::serde::Serializer::serialize_map(serializer, ::core::option::Option::None)?;
                __private::serde::ser::SerializeMap::serialize_entry(&mut map, #tag, tag)?;
                match self {
                    #(#serialize_arms)*
                    Self::#unknown(_) => {}
                }
                __private::serde::ser::SerializeMap::end(map)
            }
        }

        #deserialize
    }
}

fn open_impls(open: &Open) -> TokenStream {
    let Open {
        ident,
        values,
        other,
        ..
    } = open;
    let names: Vec<_> = values.iter().map(|(name, _)| name).collect();
    let wires: Vec<_> = values.iter().map(|(_, value)| value).collect();
    let deserialize = serde_deserialize(ident);
    quote! {
        impl ::green_api_webhooks::OpenEnum for #ident {
            const VALUES: &'static [&'static str] = &[#(#wires),*];

            fn as_str(&self) -> &str {
                match self {
                    #(Self::#names => #wires,)*
                    Self::#other(value) => value,
                }
            }

            fn is_documented(&self) -> bool {
                !::core::matches!(self, Self::#other(_))
            }
        }

        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                ::green_api_webhooks::OpenEnum::as_str(self)
            }
        }

        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(::green_api_webhooks::OpenEnum::as_str(self))
            }
        }

        impl __private::FromScalar for #ident {
            fn from_scalar(scalar: __private::Scalar<'_>) -> ::core::option::Option<Self> {
                match scalar {
                    #(__private::Scalar::Str(#wires) => ::core::option::Option::Some(Self::#names),)*
                    __private::Scalar::Str(value) => ::core::option::Option::Some(Self::#other(value.into())),
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl __private::Wire for #ident {
            const KIND: __private::Kind = __private::Kind::String;

            fn read_wire(
                source: &mut dyn __private::Source<'_>,
            ) -> ::core::result::Result<__private::Fit<Self>, __private::Failed> {
                __private::read_scalar(source)
            }

            fn validate_wire(
                &self,
                path: &::green_api_webhooks::Path<'_>,
                report: &mut ::green_api_webhooks::Report,
            ) {
                if let Self::#other(value) = self {
                    __private::report_not_allowed(
                        value,
                        <Self as ::green_api_webhooks::OpenEnum>::VALUES,
                        path,
                        report,
                    );
                }
            }
        }

        impl __private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: __private::serde::Serializer,
            {
                serializer.serialize_str(::green_api_webhooks::OpenEnum::as_str(self))
            }
        }

        #deserialize
    }
}

/// Stub impls for a declaration with errors, so that only the real errors are reported.
pub fn fallback(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let vis = &input.vis;
    let view = format_ident!("{}View", ident);
    // An object's `Wire` and `AcceptField` come from its `WireObject` impl; an enum has its own.
    let reading = if matches!(input.data, syn::Data::Struct(_)) {
        quote! {
            impl __private::WireObject for #ident {
                fn read_field(
                    &mut self,
                    _: &str,
                    _: &mut dyn __private::Source<'_>,
                ) -> ::core::result::Result<(), __private::Failed> {
                    ::core::unimplemented!("the declaration has errors")
                }
                fn serialize_fields<M>(&self, _: &mut M) -> ::core::result::Result<(), M::Error>
                where
                    M: __private::serde::ser::SerializeMap,
                {
                    ::core::unimplemented!("the declaration has errors")
                }
                fn validate_fields(
                    &self,
                    _: &::green_api_webhooks::Path<'_>,
                    _: &mut ::green_api_webhooks::Report,
                ) {
                    ::core::unimplemented!("the declaration has errors")
                }
            }
        }
    } else {
        quote! {
            impl __private::Wire for #ident {
                const KIND: __private::Kind = __private::Kind::Any;
                fn read_wire(
                    _: &mut dyn __private::Source<'_>,
                ) -> ::core::result::Result<__private::Fit<Self>, __private::Failed> {
                    ::core::unimplemented!("the declaration has errors")
                }
            }
            impl __private::AcceptField for #ident {
                fn accept_field(
                    &mut self,
                    _: &str,
                    _: &mut dyn __private::Source<'_>,
                ) -> ::core::result::Result<(), __private::Failed> {
                    ::core::unimplemented!("the declaration has errors")
                }
            }
        }
    };
    let impls = quote! {
        #reading
        impl __private::serde::Serialize for #ident {
            fn serialize<S>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: __private::serde::Serializer,
            {
                ::core::unimplemented!("the declaration has errors")
            }
        }
    };
    let impls = in_private_scope(impls);
    quote! {
        #impls
        #vis struct #view<'a>(::core::marker::PhantomData<&'a #ident>);
        impl ::green_api_webhooks::Checked for #ident {
            type View<'a> = #view<'a>;
            fn view(&self) -> ::core::option::Option<#view<'_>> {
                ::core::unimplemented!("the declaration has errors")
            }
        }
    }
}
