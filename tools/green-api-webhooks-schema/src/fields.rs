//! Fields and their types: `properties`, `required`, and the alternatives that documented
//! alternative spellings (`alias_of`) add to `required`.

use std::collections::HashSet;

use green_api_webhooks_spec::{Field, MESSAGE_DATA, Spec, Type};

use crate::SchemaError;
use crate::describe::reference;
use crate::json::{Json, Obj};

/// The names a `Type::Named` may refer to.
pub(crate) struct Definitions {
    objects: HashSet<String>,
    enums: HashSet<String>,
}

impl Definitions {
    pub(crate) fn new(spec: &Spec) -> Definitions {
        Definitions {
            objects: spec.objects().map(|o| o.name.clone()).collect(),
            enums: spec.enums().map(|e| e.name.clone()).collect(),
        }
    }

    pub(crate) fn is_object(&self, name: &str) -> bool {
        self.objects.contains(name)
    }

    fn exists(&self, name: &str) -> bool {
        name == MESSAGE_DATA || self.objects.contains(name) || self.enums.contains(name)
    }
}

/// The schema keywords for a list of fields, built up in spec order.
#[derive(Default)]
pub(crate) struct Described {
    properties: Obj,
    required: Vec<String>,
    /// One `anyOf` of `required` lists per mandatory field that has alternative spellings.
    either: Vec<Json>,
}

impl Described {
    /// Starts with a tag property fixed to one value, and required.
    pub(crate) fn tagged(tag: &str, value: &str) -> Described {
        Described {
            properties: Obj::new().with(tag, Obj::new().with("const", value)),
            required: vec![tag.to_owned()],
            either: Vec::new(),
        }
    }

    pub(crate) fn add_fields(
        &mut self,
        fields: &[Field],
        definitions: &Definitions,
        errors: &mut Vec<SchemaError>,
    ) {
        for field in fields {
            let property = Obj::new().with("description", field.summary.as_str());
            let property = type_schema(property, &field.ty, definitions, errors, field);
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

    /// Adds `properties`, `required` and the spelling alternatives to `def`.
    pub(crate) fn into_object(self, def: Obj) -> Obj {
        let mut def = def;
        if !self.properties.is_empty() {
            def.push("properties", self.properties);
        }
        if !self.required.is_empty() {
            def.push("required", self.required);
        }
        let mut either = self.either;
        match either.len() {
            0 => {}
            1 => def.push("anyOf", either.remove(0)),
            _ => {
                let all: Vec<Obj> = either
                    .into_iter()
                    .map(|alternatives| Obj::new().with("anyOf", alternatives))
                    .collect();
                def.push("allOf", all);
            }
        }
        def
    }
}

/// The fields of an object; problems with their types go to `errors`.
pub(crate) fn describe_fields(
    fields: &[Field],
    definitions: &Definitions,
    errors: &mut Vec<SchemaError>,
) -> Described {
    let mut described = Described::default();
    described.add_fields(fields, definitions, errors);
    described
}

/// Adds the keywords for `ty` to `schema`. Integers are bounded to 64 bits, as the library
/// reads them; `minimum`/`maximum` constrain only numbers, so they also fit `string|integer`.
fn type_schema(
    schema: Obj,
    ty: &Type,
    definitions: &Definitions,
    errors: &mut Vec<SchemaError>,
    field: &Field,
) -> Obj {
    let int64 = |schema: Obj| schema.with("minimum", i64::MIN).with("maximum", i64::MAX);
    match ty {
        Type::String => schema.with("type", "string"),
        Type::Integer => int64(schema.with("type", "integer")),
        Type::Number => schema.with("type", "number"),
        Type::Boolean => schema.with("type", "boolean"),
        Type::Any => schema,
        Type::StringOrInteger => int64(schema.with("type", vec!["string", "integer"])),
        Type::Array(item) => {
            let items = type_schema(Obj::new(), item, definitions, errors, field);
            schema.with("type", "array").with("items", items)
        }
        Type::Named(name) => {
            if !definitions.exists(name) {
                errors.push(SchemaError::UnknownType {
                    name: name.clone(),
                    loc: field.loc.clone(),
                });
            }
            schema.with("$ref", reference(name))
        }
    }
}
