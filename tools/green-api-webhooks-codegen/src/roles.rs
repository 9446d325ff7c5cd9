//! The role accessors (`text()`, `chat_id()`, ...): for each role, a `match` over the variants
//! of `MessageData` or `Webhook` that reach a field playing it, reading that field (or, when it
//! is absent, a field that is another spelling of it).

use green_api_webhooks_rust_model::field_name;
use green_api_webhooks_spec::{Field, Role, RoleScope, RoleType, Spec, Type};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::GeneratedFile;
use crate::emit::{ident, render};

pub(crate) fn roles_file(spec: &Spec) -> GeneratedFile {
    let message_roles = Role::ALL
        .into_iter()
        .filter(|role| role.scope() == RoleScope::Message)
        .map(|role| {
            let arms = spec.messages().filter_map(|message| {
                let path = spec.role_path(&message.fields, role)?;
                let variant = ident(&message.name);
                let read = read(spec, role, &path, &message.fields);
                Some(quote! { Self::#variant(value) => #read, })
            });
            accessor(spec, role, arms.collect())
        });
    let webhook_roles = Role::ALL
        .into_iter()
        .filter(|role| role.scope() == RoleScope::Webhook)
        .map(|role| {
            let arms = spec.webhooks().filter_map(|webhook| {
                let fields = &spec.object(webhook.body).fields;
                let path = spec.role_path(fields, role)?;
                let variant = ident(&webhook.name);
                let read = read(spec, role, &path, fields);
                Some(quote! { Self::#variant(value) => #read, })
            });
            accessor(spec, role, arms.collect())
        });
    let tokens = quote! {
        #![doc = " The role accessors, from the fields the spec gives a `role`."]

        impl crate::__private::MessageRoles for crate::MessageData {
            #(#message_roles)*
        }

        impl crate::__private::WebhookRoles for crate::Webhook {
            #(#webhook_roles)*
        }
    };
    render("roles.rs".into(), "spec/", tokens)
}

/// One accessor: its signature, as the runtime's trait declares it, and its `match`.
fn accessor(spec: &Spec, role: Role, arms: Vec<TokenStream>) -> TokenStream {
    let name = ident(role.name());
    let output = output_type(spec, role);
    quote! {
        fn #name(&self) -> Option<#output> {
            match self {
                #(#arms)*
                _ => None,
            }
        }
    }
}

/// What an accessor returns, inside the `Option`.
fn output_type(spec: &Spec, role: Role) -> TokenStream {
    match role.role_type() {
        RoleType::String => quote! { &str },
        RoleType::Identifier => quote! { ::std::borrow::Cow<'_, str> },
        RoleType::Integer => quote! { i64 },
        RoleType::Object | RoleType::Enum => {
            // Every field of an object or enum role has the same type (checked when loading), and
            // every role has a field (checked by the Rust model before emitting).
            let name = spec
                .messages()
                .flat_map(|m| &m.fields)
                .chain(spec.objects().flat_map(|o| &o.fields))
                .find(|f| f.role == Some(role))
                .and_then(|f| spec.type_name(&f.ty))
                .map(ident);
            quote! { &crate::#name }
        }
    }
}

/// The expression that reads the field at the end of `path`, starting from `value`: through the
/// objects on the way (`?` when one is absent), then the field, or its other spelling.
fn read(spec: &Spec, role: Role, path: &[&Field], top: &[Field]) -> TokenStream {
    let (last, objects) = path.split_last().expect("a role path ends at the field");
    let mut place = quote! { value };
    let mut siblings = top;
    let steps: Vec<Ident> = objects.iter().map(|f| ident(&field_name(f))).collect();
    for step in &steps {
        place = quote! { #place.#step.as_ref()? };
    }
    if let Some(Type::Object(parent)) = objects.last().map(|f| &f.ty) {
        // The parent's fields hold any other spelling of the last field.
        siblings = &spec.object(*parent).fields;
    }
    let field = ident(&field_name(last));
    let aliases: Vec<Ident> = siblings
        .iter()
        .filter(|f| f.alias_of.as_deref() == Some(last.wire.as_str()))
        .map(|f| ident(&field_name(f)))
        .collect();
    // Strings are borrowed as `&str`; everything else as a reference to the field's value.
    let borrow = if role.role_type() == RoleType::String {
        quote! { as_deref }
    } else {
        quote! { as_ref }
    };
    let raw = quote! { #place.#field.#borrow()#(.or(#place.#aliases.#borrow()))* };
    match role.role_type() {
        RoleType::Identifier => {
            quote! { #raw.map(crate::__private::Identifier::identifier) }
        }
        RoleType::Integer => quote! { #raw.copied() },
        RoleType::String | RoleType::Object | RoleType::Enum => raw,
    }
}
