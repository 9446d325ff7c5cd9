//! Fields and their types: `properties`, `required`, and the alternatives that documented
//! alternative spellings (`alias_of`) add to `required`.

use green_api_webhooks_spec::{Field, JsonType, Spec, Type};

use crate::describe::reference;
use crate::json::{Json, Obj};

/// The schema keywords for a list of fields, built up in spec order.
#[derive(Default)]
pub(crate) struct Described {
    properties: Obj,
    required: Vec<String>,
    /// One `anyOf` of `required` lists per mandatory field that has alternative spellings.
    either: Vec<Json>,
    /// Conditions beyond the fields' types: the spec's rules (`rules.rs`).
    conditions: Vec<Obj>,
}

impl Described {
    /// Starts with a tag property fixed to one value, and required.
    /// Starts with a tag property fixed to one of `values`, and required.
    pub(crate) fn tagged(tag: &str, values: &[&str]) -> Described {
        let fixed = match values {
            [one] => Obj::new().with("const", *one),
            several => Obj::new().with("enum", several.to_vec()),
        };
        Described {
            properties: Obj::new().with(tag, fixed),
            required: vec![tag.to_owned()],
            either: Vec::new(),
            conditions: Vec::new(),
        }
    }

    pub(crate) fn add_fields(&mut self, spec: &Spec, fields: &[Field]) {
        for field in fields {
            let property = Obj::new().with("description", field.summary.as_str());
            let property = type_schema(spec, property, &field.ty);
            self.properties.push(&field.wire, property);
            if !field.mandatory {
                continue;
            }
            let spellings: Vec<&str> = std::iter::once(field.wire.as_str())
                .chain(
                    fields
                        .iter()
                        .filter(|other| other.alias_of.as_deref() == Some(field.wire.as_str()))
                        .map(|other| other.wire.as_str()),
                )
                .collect();
            if spellings.len() == 1 {
                self.required.push(field.wire.clone());
            } else {
                let alternatives: Vec<Obj> = spellings
                    .into_iter()
                    .map(|name| Obj::new().with("required", vec![name]))
                    .collect();
                self.either.push(Json::from(alternatives));
            }
        }
    }

    /// Adds conditions the object must meet besides its fields' types.
    pub(crate) fn add_conditions(&mut self, conditions: Vec<Obj>) {
        self.conditions.extend(conditions);
    }

    /// Adds `properties`, `required`, the spelling alternatives and the conditions to `def`.
    pub(crate) fn into_object(self, def: Obj) -> Obj {
        let mut def = def;
        if !self.properties.is_empty() {
            def.push("properties", self.properties);
        }
        if !self.required.is_empty() {
            def.push("required", self.required);
        }
        let mut either = self.either;
        if either.len() == 1 && self.conditions.is_empty() {
            def.push("anyOf", either.remove(0));
            return def;
        }
        let all: Vec<Obj> = either
            .into_iter()
            .map(|alternatives| Obj::new().with("anyOf", alternatives))
            .chain(self.conditions)
            .collect();
        if !all.is_empty() {
            def.push("allOf", all);
        }
        def
    }
}

/// The fields of an object.
pub(crate) fn describe_fields(spec: &Spec, fields: &[Field]) -> Described {
    let mut described = Described::default();
    described.add_fields(spec, fields);
    described
}

/// Adds the keywords for `ty` to `schema`: the JSON types the spec says it accepts, 64-bit
/// bounds where the spec reads integers into 64 bits (`minimum`/`maximum` constrain only numbers,
/// so they also fit `string|integer`), array items, and references to definitions.
fn type_schema(spec: &Spec, schema: Obj, ty: &Type) -> Obj {
    let schema = match spec.type_name(ty) {
        // The definition says what JSON it is.
        Some(name) if !matches!(ty, Type::Array(_)) => return schema.with("$ref", reference(name)),
        _ => schema,
    };
    let accepted = ty.json_types();
    // JSON Schema's `number` includes the integers.
    let names: Vec<&str> = accepted
        .iter()
        .filter(|t| !(**t == JsonType::Integer && accepted.contains(&JsonType::Number)))
        .map(|t| t.name())
        .collect();
    let schema = match names.as_slice() {
        _ if accepted.len() == JsonType::ALL.len() => schema,
        [one] => schema.with("type", *one),
        _ => schema.with("type", names),
    };
    let schema = if ty.is_bounded_integer() {
        schema.with("minimum", i64::MIN).with("maximum", i64::MAX)
    } else {
        schema
    };
    match ty {
        Type::Array(item) => schema.with("items", type_schema(spec, Obj::new(), item)),
        _ => schema,
    }
}
