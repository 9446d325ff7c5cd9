//! Checks a declaration as a whole and turns it into what `emit` needs. Every problem is
//! collected; none stops the check.

use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Fields, GenericArgument, Ident, LitStr, PathArguments, Type,
    Visibility,
};

use crate::attrs::{Errors, Place, WireAttrs};

pub enum Declaration {
    Object(Object),
    Tagged(Box<Tagged>),
    Open(Open),
}

pub struct Object {
    pub ident: Ident,
    pub vis: Visibility,
    pub fields: Vec<Field>,
    pub extra: Ident,
    /// The extra field's rustdoc, for the view.
    pub extra_docs: Vec<Attribute>,
    /// Whether the validator also runs the spec's rules for the type (`#[wire(rules)]`).
    pub rules: bool,
}

pub struct Field {
    pub ident: Ident,
    pub wire: LitStr,
    /// The `T` of the field's `Option<T>`.
    pub ty: Type,
    pub mandatory: bool,
    /// The wire name of the documented field this one is another spelling of.
    pub alias_of: Option<LitStr>,
    /// The field's rustdoc, for the view.
    pub docs: Vec<Attribute>,
}

pub struct Tagged {
    pub ident: Ident,
    pub vis: Visibility,
    pub tag: LitStr,
    pub variants: Vec<Variant>,
    pub unknown: Variant,
}

/// A variant of a tagged enum: its tag value (none for the catch-all) and the type it holds.
pub struct Variant {
    pub ident: Ident,
    pub value: Option<LitStr>,
    /// Other tag values of the same variant; such a variant holds a `Spelled<T>`, which
    /// remembers the spelling that arrived.
    pub also: Vec<LitStr>,
    pub ty: Type,
    /// The variant's rustdoc, for the view.
    pub docs: Vec<Attribute>,
}

pub struct Open {
    pub ident: Ident,
    pub vis: Visibility,
    pub values: Vec<(Ident, LitStr)>,
    pub other: Ident,
}

impl Declaration {
    pub fn from_input(input: &DeriveInput) -> Result<Declaration, syn::Error> {
        let mut errors = Errors::default();
        if !input.generics.params.is_empty() {
            errors.push(input.generics.span(), "wire types cannot be generic");
        }
        let container = WireAttrs::parse(&input.attrs, Place::Container, &mut errors);
        let ident = input.ident.clone();
        let vis = input.vis.clone();
        let declaration = match &input.data {
            Data::Struct(data) => {
                if let Some(tag) = &container.tag {
                    errors.push(
                        tag.span(),
                        "`tag` is for enums chosen by a key such as typeMessage",
                    );
                }
                object(ident, vis, &data.fields, &mut errors).map(|mut object| {
                    object.rules = container.rules.is_some();
                    Declaration::Object(object)
                })
            }
            Data::Enum(data) => {
                if let Some(span) = container.rules {
                    errors.push(
                        span,
                        "`rules` is for structs: the spec's rules are about objects",
                    );
                }
                let variants: Vec<_> = data.variants.iter().collect();
                match container.tag {
                    Some(tag) => tagged(ident, vis, tag, &variants, &mut errors)
                        .map(|tagged| Declaration::Tagged(Box::new(tagged))),
                    None => open(ident, vis, &variants, &mut errors).map(Declaration::Open),
                }
            }
            Data::Union(data) => {
                errors.push(
                    data.union_token.span(),
                    "expected a struct or an enum, found a union",
                );
                None
            }
        };
        errors.finish()?;
        // `finish` fails whenever a builder returned `None`, so this is the error-free case.
        declaration.ok_or_else(|| syn::Error::new(input.ident.span(), "invalid wire declaration"))
    }
}

fn object(ident: Ident, vis: Visibility, fields: &Fields, errors: &mut Errors) -> Option<Object> {
    let Fields::Named(named) = fields else {
        errors.push(ident.span(), "a wire object needs named fields");
        return None;
    };
    let mut out = Vec::new();
    let mut seen_wires: Vec<LitStr> = Vec::new();
    let mut extra: Option<(Ident, Vec<Attribute>)> = None;
    for field in &named.named {
        let attrs = WireAttrs::parse(&field.attrs, Place::Field, errors);
        // Named fields always have an ident.
        let Some(field_ident) = field.ident.clone() else {
            continue;
        };
        if let Some(span) = attrs.extra {
            if attrs.rename.is_some() || attrs.mandatory.is_some() || attrs.alias_of.is_some() {
                errors.push(span, "the extra field holds unknown keys: it has no wire name and is never mandatory");
            }
            if extra.is_some() {
                errors.push(span, "only one field can be #[wire(extra)]");
            }
            extra = Some((field_ident, docs(&field.attrs)));
            continue;
        }
        let Some(wire) = attrs.rename else {
            errors.push(
                field_ident.span(),
                "a wire field needs #[wire(rename = \"wireName\")]",
            );
            continue;
        };
        check_wire_name(&wire, seen_wires.iter(), errors);
        seen_wires.push(wire.clone());
        let Some(ty) = option_inner(&field.ty) else {
            errors.push(
                field.ty.span(),
                "a wire field must be an Option<T>: Green-API may leave any field out",
            );
            continue;
        };
        if let (Some(_), Some(span)) = (&attrs.alias_of, attrs.mandatory) {
            errors.push(
                span,
                "an alias is never mandatory: the field it spells differently carries the flag",
            );
        }
        out.push(Field {
            ident: field_ident,
            wire,
            ty: ty.clone(),
            mandatory: attrs.mandatory.is_some(),
            alias_of: attrs.alias_of,
            docs: docs(&field.attrs),
        });
    }
    for field in &out {
        if let Some(alias_of) = &field.alias_of {
            let target = out.iter().find(|f| f.wire.value() == alias_of.value());
            match target {
                Some(t) if t.alias_of.is_none() && t.ident != field.ident => {
                    // The view reads the alias into the documented field, so both have one type.
                    if !same_type(&t.ty, &field.ty) {
                        errors.push(
                            field.ty.span(),
                            format_args!(
                                "an alias has the same type as the field it spells differently: `{}`",
                                t.ty.to_token_stream()
                            ),
                        );
                    }
                }
                _ => errors.push(
                    alias_of.span(),
                    "`alias_of` names the wire name of another, non-alias field",
                ),
            }
        }
    }
    let Some((extra, extra_docs)) = extra else {
        errors.push(
            ident.span(),
            "a wire object needs one #[wire(extra)] field of type Extra, to keep unknown keys",
        );
        return None;
    };
    Some(Object {
        ident,
        vis,
        fields: out,
        extra,
        extra_docs,
        rules: false,
    })
}

fn tagged(
    ident: Ident,
    vis: Visibility,
    tag: LitStr,
    variants: &[&syn::Variant],
    errors: &mut Errors,
) -> Option<Tagged> {
    let mut out: Vec<Variant> = Vec::new();
    let mut unknown = None;
    for variant in variants {
        let attrs = WireAttrs::parse(&variant.attrs, Place::Variant, errors);
        if let Some(span) = attrs.other {
            errors.push(
                span,
                "`other` is for open enums of strings; a tagged enum has `unknown`",
            );
        }
        let ty = match &variant.fields {
            Fields::Unnamed(f) if f.unnamed.len() == 1 => f.unnamed[0].ty.clone(),
            _ => {
                errors.push(
                    variant.span(),
                    "a tagged variant holds one type: `Variant(Type)`",
                );
                continue;
            }
        };
        if let (Some(first), true) = (attrs.also.first(), attrs.rename.is_none()) {
            errors.push(
                first.span(),
                "`also` gives other spellings of the variant's `rename`, which it needs",
            );
        }
        let held = Variant {
            ident: variant.ident.clone(),
            value: None,
            also: Vec::new(),
            ty,
            docs: docs(&variant.attrs),
        };
        if let Some(span) = attrs.unknown {
            if attrs.rename.is_some() {
                errors.push(
                    span,
                    "the unknown variant takes every tag the others do not; it has no rename",
                );
            }
            if unknown.is_some() {
                errors.push(span, "only one variant can be #[wire(unknown)]");
            }
            unknown = Some(held);
        } else if let Some(value) = attrs.rename {
            let taken = || out.iter().flat_map(|v| v.value.iter().chain(&v.also));
            check_wire_name(&value, taken(), errors);
            for (i, spelling) in attrs.also.iter().enumerate() {
                let earlier = std::iter::once(&value).chain(&attrs.also[..i]);
                check_wire_name(spelling, taken().chain(earlier), errors);
            }
            out.push(Variant {
                value: Some(value),
                also: attrs.also,
                ..held
            });
        } else {
            errors.push(
                variant.ident.span(),
                "a tagged variant needs #[wire(rename = \"tagValue\")]",
            );
        }
    }
    let Some(unknown) = unknown else {
        errors.push(
            ident.span(),
            "a tagged enum needs one #[wire(unknown)] variant holding UnknownObject",
        );
        return None;
    };
    Some(Tagged {
        ident,
        vis,
        tag,
        variants: out,
        unknown,
    })
}

fn open(
    ident: Ident,
    vis: Visibility,
    variants: &[&syn::Variant],
    errors: &mut Errors,
) -> Option<Open> {
    let mut values = Vec::new();
    let mut other = None;
    for variant in variants {
        let attrs = WireAttrs::parse(&variant.attrs, Place::Variant, errors);
        if let Some(span) = attrs.unknown {
            errors.push(
                span,
                "`unknown` is for tagged enums; an open enum has `other`",
            );
        }
        if let Some(span) = attrs.other {
            if !matches!(&variant.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) {
                errors.push(
                    variant.span(),
                    "the other variant keeps the value: `Other(String)`",
                );
            }
            if other.is_some() {
                errors.push(span, "only one variant can be #[wire(other)]");
            }
            other = Some(variant.ident.clone());
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(variant.span(), "a documented value is a unit variant");
            continue;
        }
        match attrs.rename {
            Some(value) => {
                check_wire_name(&value, values.iter().map(|(_, v)| v), errors);
                values.push((variant.ident.clone(), value));
            }
            None => errors.push(
                variant.ident.span(),
                "a value needs #[wire(rename = \"value\")]",
            ),
        }
    }
    let Some(other) = other else {
        errors.push(
            ident.span(),
            "an open enum needs one #[wire(other)] variant holding String, to keep undocumented values \
             (or #[wire(tag = \"...\")] for an enum chosen by a key)",
        );
        return None;
    };
    Some(Open {
        ident,
        vis,
        values,
        other,
    })
}

fn check_wire_name<'a>(
    name: &LitStr,
    before: impl Iterator<Item = &'a LitStr>,
    errors: &mut Errors,
) {
    let value = name.value();
    if value.is_empty() {
        errors.push(name.span(), "a wire name cannot be empty");
    }
    if before.into_iter().any(|seen| seen.value() == value) {
        errors.push(
            name.span(),
            format_args!("wire name `{value}` is used twice"),
        );
    }
}

/// `T` when `ty` is `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The `#[doc]` attributes among `attrs`.
fn docs(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .cloned()
        .collect()
}

/// Whether two types are written the same way.
fn same_type(a: &Type, b: &Type) -> bool {
    a.to_token_stream().to_string() == b.to_token_stream().to_string()
}
