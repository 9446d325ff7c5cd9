//! The spec's products and rules as code: the `Product` enum (in the module of the spec file
//! that lists the products), and `rules.rs`, whose impls check what a body's types cannot say:
//! fields mandatory in some products only, formats, values allowed in one place, fields required
//! by another field's value, and which products send which webhooks and messages under which
//! `typeWebhook`.

use std::collections::BTreeMap;

use green_api_webhooks_rust_model::{Item, field_name};
use green_api_webhooks_spec::{
    ChatIds, Check, Field, Object, ObjectId, Product, Products, Rule, Severity, Spec, Type,
};
use proc_macro2::TokenStream;
use quote::quote;

use crate::GeneratedFile;
use crate::emit::{docs, growth, ident, render};

/// The `Product` enum and its impl, for the module of the file that defines the products.
pub(crate) fn product_enum(spec: &Spec, products: &[Product]) -> TokenStream {
    if products.is_empty() {
        return TokenStream::new();
    }
    let non_exhaustive = growth(Item::Product);
    let names: Vec<_> = products.iter().map(|p| ident(&p.name)).collect();
    let variants = products.iter().map(|product| {
        let type_instance = match &product.type_instance {
            Some(value) => format!("`typeInstance` = `{value}`."),
            None => "Bodies do not tell it apart: its rules apply on request.".to_string(),
        };
        let doc = docs(&format!(
            "{}\n\n{type_instance} Documentation: <{}>",
            product.summary, product.page
        ));
        let name = ident(&product.name);
        let default = product.default.then(|| quote! { #[default] });
        quote! { #doc #default #name, }
    });
    let from_type_instance = products.iter().filter_map(|product| {
        let (name, value) = (ident(&product.name), product.type_instance.as_ref()?);
        Some(quote! { #value => ::core::option::Option::Some(Product::#name), })
    });
    let type_instance = products.iter().map(|product| {
        let name = ident(&product.name);
        match &product.type_instance {
            Some(value) => quote! { Product::#name => ::core::option::Option::Some(#value), },
            None => quote! { Product::#name => ::core::option::Option::None, },
        }
    });
    let chat_ids = products.iter().map(|product| {
        let name = ident(&product.name);
        let scheme = match product.chat_ids {
            ChatIds::WhatsApp => quote! { WhatsApp },
            ChatIds::Numeric => quote! { Numeric },
            ChatIds::Unchecked => quote! { Unchecked },
        };
        quote! { Product::#name => crate::__private::ChatIdScheme::#scheme, }
    });
    let name_strings = products.iter().map(|p| &p.name);
    let default = spec
        .default_product()
        .map_or_else(String::new, |p| p.name.clone());
    let doc = docs(&format!(
        "A Green-API product: the messenger an instance serves. Validation applies the rules of \
         the body's product, told by `instanceData.typeInstance` ({default} when a body names \
         none)."
    ));
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        #non_exhaustive
        pub enum Product {
            #(#variants)*
        }

        impl Product {
            /// Every product, in spec order.
            pub const ALL: &'static [Product] = &[#(Product::#names),*];

            /// The product whose bodies carry this `typeInstance`.
            pub fn from_type_instance(value: &str) -> ::core::option::Option<Product> {
                match value {
                    #(#from_type_instance)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The `typeInstance` its bodies carry; `None` when they do not tell it apart.
            pub fn type_instance(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(#type_instance)*
                }
            }

            /// Its name, as the spec writes it.
            pub fn name(self) -> &'static str {
                match self {
                    #(Product::#names => #name_strings,)*
                }
            }

            pub(crate) fn chat_ids(self) -> crate::__private::ChatIdScheme {
                match self {
                    #(#chat_ids)*
                }
            }
        }

        impl ::core::fmt::Display for Product {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

/// Whether the object has rules, so that its declaration asks for them (`#[wire(rules)]`).
pub(crate) fn has_rules(spec: &Spec, object: &Object) -> bool {
    mandatory_in_some(&object.fields)
        || spec
            .rules()
            .any(|rule| std::ptr::eq(spec.object(rule.object), object))
}

/// Whether some of the fields are mandatory in some products only: a message's only rules, so
/// that its declaration asks for them (`#[wire(rules)]`).
pub(crate) fn mandatory_in_some(fields: &[Field]) -> bool {
    fields.iter().any(|f| !f.mandatory_for.is_empty())
}

/// The `Rules` impl of an object or message: its fields mandatory in some products, then
/// `rule_checks`; `None` when it has neither.
fn rules_impl(name: &str, fields: &[Field], rule_checks: Vec<TokenStream>) -> Option<TokenStream> {
    if rule_checks.is_empty() && !mandatory_in_some(fields) {
        return None;
    }
    let mandatory = fields
        .iter()
        .filter(|f| !f.mandatory_for.is_empty())
        .map(mandatory_for);
    let name = ident(name);
    Some(quote! {
        impl crate::__private::Rules for crate::#name {
            fn check_rules(&self, path: &crate::Path<'_>, report: &mut crate::Report) {
                #(#mandatory)*
                #(#rule_checks)*
            }
        }
    })
}

/// `rules.rs`: an impl of `Rules` for every object and message with rules, then the kinds'
/// products and the `typeWebhook`s each message arrives under.
pub(crate) fn rules_file(spec: &Spec) -> GeneratedFile {
    let mut by_object: BTreeMap<ObjectId, Vec<&Rule>> = BTreeMap::new();
    for rule in spec.rules() {
        by_object.entry(rule.object).or_default().push(rule);
    }
    let impls = spec.object_ids().filter_map(|(id, object)| {
        let rules = by_object.get(&id).map_or(&[][..], Vec::as_slice);
        let checks = rules.iter().map(|rule| rule_check(spec, object, rule));
        rules_impl(&object.name, &object.fields, checks.collect())
    });
    let message_impls = spec
        .messages()
        .filter_map(|message| rules_impl(&message.name, &message.fields, Vec::new()));
    let webhook_products = spec.webhooks().filter_map(|webhook| {
        let list = products(&webhook.products)?;
        let name = ident(&webhook.name);
        Some(quote! { Self::#name(_) => ::core::option::Option::Some(#list), })
    });
    let message_products = spec.messages().filter_map(|message| {
        let list = products(&message.products)?;
        let name = ident(&message.name);
        Some(quote! { Self::#name(_) => ::core::option::Option::Some(#list), })
    });
    let message_webhooks = spec.messages().filter(|m| !m.webhooks.is_empty()).map(|message| {
        let (name, webhooks) = (ident(&message.name), &message.webhooks);
        let severity = severity(message.webhooks_severity);
        quote! { Self::#name(_) => ::core::option::Option::Some((&[#(#webhooks),*], #severity)), }
    });
    let tokens = quote! {
        #![doc = " The spec's rules: what a body's types cannot say, checked by `validate()`."]

        #(#impls)*

        #(#message_impls)*

        impl crate::__private::KindRules for crate::Webhook {
            fn products(&self) -> ::core::option::Option<&'static [crate::Product]> {
                match self {
                    #(#webhook_products)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl crate::__private::MessageRules for crate::MessageData {
            fn products(&self) -> ::core::option::Option<&'static [crate::Product]> {
                match self {
                    #(#message_products)*
                    _ => ::core::option::Option::None,
                }
            }

            fn webhooks(&self) -> ::core::option::Option<(&'static [&'static str], crate::Severity)> {
                match self {
                    #(#message_webhooks)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    };
    render("rules.rs".into(), "spec/", tokens)
}

/// `&[Product::A, ...]`, or `None` for every product.
fn products(products: &Products) -> Option<TokenStream> {
    match products {
        Products::All => None,
        Products::Only(names) => {
            let names = names.iter().map(|n| ident(n));
            Some(quote! { &[#(crate::Product::#names),*] })
        }
    }
}

fn severity(severity: Severity) -> TokenStream {
    match severity {
        Severity::Error => quote! { crate::Severity::Error },
        Severity::Warning => quote! { crate::Severity::Warning },
    }
}

/// A field mandatory in some products only: missing is reported when the report's product is
/// one of them.
fn mandatory_for(field: &Field) -> TokenStream {
    let (name, wire) = (ident(&field_name(field)), &field.wire);
    let products = field.mandatory_for.iter().map(|p| ident(p));
    quote! {
        if [#(crate::Product::#products),*].contains(&report.product())
            && self.#name.is_none()
            && !self.extra.contains_key(#wire)
        {
            crate::__private::report_missing_in_product(&path.key(#wire), report);
        }
    }
}

fn rule_check(spec: &Spec, object: &Object, rule: &Rule) -> TokenStream {
    let severity = severity(rule.severity);
    let field = rule.field.map(|i| &object.fields[i]);
    match (&rule.check, field) {
        (Check::Format(format), Some(field)) => {
            let (name, wire) = (ident(&field_name(field)), &field.wire);
            let format = ident(&format!("{format:?}"));
            quote! {
                if let ::core::option::Option::Some(value) = &self.#name {
                    crate::__private::check_format(crate::Format::#format, value, &path.key(#wire), #severity, report);
                }
            }
        }
        (
            Check::Allow {
                field: inner,
                values,
            },
            Some(field),
        ) => {
            let (name, wire) = (ident(&field_name(field)), &field.wire);
            let Some(target) = field.ty.object().map(|id| spec.object(id)) else {
                return TokenStream::new();
            };
            let Some(inner_field) = target.fields.iter().find(|f| &f.wire == inner) else {
                return TokenStream::new();
            };
            let inner_name = ident(&field_name(inner_field));
            // An undocumented value of an enum is reported by the enum already.
            let documented = matches!(inner_field.ty, Type::Enum(_))
                .then(|| quote! { .filter(|value| crate::OpenEnum::is_documented(*value)) });
            let check = quote! {
                crate::__private::check_allowed(
                    item.#inner_name.as_ref()#documented.map(::core::convert::AsRef::<str>::as_ref),
                    &[#(#values),*],
                    &at.key(#inner),
                    #severity,
                    report,
                );
            };
            if matches!(field.ty, Type::Array(_)) {
                quote! {
                    if let ::core::option::Option::Some(items) = &self.#name {
                        let list = path.key(#wire);
                        for (index, item) in items.iter().enumerate() {
                            let at = list.index(index);
                            #check
                        }
                    }
                }
            } else {
                quote! {
                    if let ::core::option::Option::Some(item) = &self.#name {
                        let at = path.key(#wire);
                        #check
                    }
                }
            }
        }
        (
            Check::Require {
                when_field,
                when_value,
                fields,
            },
            None,
        ) => {
            let Some(when) = object.fields.iter().find(|f| &f.wire == when_field) else {
                return TokenStream::new();
            };
            let when_name = ident(&field_name(when));
            let required = fields.iter().filter_map(|wire| {
                let field = object.fields.iter().find(|f| &f.wire == wire)?;
                let name = ident(&field_name(field));
                Some(quote! {
                    if self.#when_name.as_ref().map(::core::convert::AsRef::<str>::as_ref) == ::core::option::Option::Some(#when_value)
                        && self.#name.is_none()
                        && !self.extra.contains_key(#wire)
                    {
                        crate::__private::report_required(&path.key(#wire), #when_field, #when_value, #severity, report);
                    }
                })
            });
            quote! { #(#required)* }
        }
        // The spec's checks reject every other shape.
        _ => TokenStream::new(),
    }
}
