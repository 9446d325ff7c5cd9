//! Resolution: every type a field or webhook names becomes a reference to the item it names, so
//! no tool past loading looks a type up by its name.

use std::collections::HashMap;

use crate::error::{ErrorKind, SpecError};
use crate::model::{EnumId, MESSAGE_DATA, Module, ObjectId, Type, TypeExpr};

/// Where each object and enum sits, by id.
pub(crate) struct Tables {
    pub object_at: Vec<(usize, usize)>,
    pub enum_at: Vec<(usize, usize)>,
}

/// Sets every field's `ty` and every webhook's `body` from what the files wrote. `written` and
/// `bodies` hold, per module, the loader's side lists in the loader's order.
pub(crate) fn resolve(
    modules: &mut [Module],
    written: Vec<Vec<TypeExpr>>,
    bodies: Vec<Vec<String>>,
    errors: &mut Vec<SpecError>,
) -> Tables {
    let mut tables = Tables {
        object_at: Vec::new(),
        enum_at: Vec::new(),
    };
    let mut objects: HashMap<String, ObjectId> = HashMap::new();
    let mut enums: HashMap<String, EnumId> = HashMap::new();
    for (m, module) in modules.iter().enumerate() {
        for (i, object) in module.objects.iter().enumerate() {
            let id = ObjectId(tables.object_at.len() as u32);
            tables.object_at.push((m, i));
            // A name defined twice is reported by the checks; the first definition wins.
            objects.entry(object.name.clone()).or_insert(id);
        }
        for (i, e) in module.enums.iter().enumerate() {
            let id = EnumId(tables.enum_at.len() as u32);
            tables.enum_at.push((m, i));
            enums.entry(e.name.clone()).or_insert(id);
        }
    }
    let resolver = Resolver { objects, enums };
    // Each object's wire names, for rules that name a field of an object in another file.
    let all: Vec<Vec<Vec<String>>> = modules
        .iter()
        .map(|m| {
            m.objects
                .iter()
                .map(|o| o.fields.iter().map(|f| f.wire.clone()).collect())
                .collect()
        })
        .collect();
    for ((module, written), bodies) in modules.iter_mut().zip(written).zip(bodies) {
        let fields = module
            .messages
            .iter_mut()
            .flat_map(|m| &mut m.fields)
            .chain(module.objects.iter_mut().flat_map(|o| &mut o.fields));
        for (field, expr) in fields.zip(written) {
            match resolver.resolve(&expr) {
                Ok(ty) => field.ty = ty,
                Err(name) => errors.push(SpecError {
                    loc: field.loc.clone(),
                    kind: ErrorKind::Undefined { name },
                }),
            }
        }
        for rule in &mut module.rules {
            let (object, field) = match rule.at.split_once('.') {
                Some((object, field)) => (object, Some(field)),
                None => (rule.at.as_str(), None),
            };
            let Some(id) = resolver.objects.get(object) else {
                errors.push(SpecError {
                    loc: rule.loc.clone(),
                    kind: ErrorKind::Undefined {
                        name: object.to_string(),
                    },
                });
                continue;
            };
            rule.object = *id;
            let Some(field) = field else { continue };
            let (m, i) = tables.object_at[id.0 as usize];
            let fields = match all.get(m) {
                Some(objects) => &objects[i],
                None => continue,
            };
            match fields.iter().position(|wire| wire == field) {
                Some(position) => rule.field = Some(position),
                None => errors.push(SpecError {
                    loc: rule.loc.clone(),
                    kind: ErrorKind::BadRule(format!("`{object}` has no field `{field}`")),
                }),
            }
        }
        for (webhook, body) in module.webhooks.iter_mut().zip(bodies) {
            match resolver.objects.get(&body) {
                Some(id) => webhook.body = *id,
                None => errors.push(SpecError {
                    loc: webhook.loc.clone(),
                    kind: ErrorKind::Undefined { name: body },
                }),
            }
        }
    }
    tables
}

struct Resolver {
    objects: HashMap<String, ObjectId>,
    enums: HashMap<String, EnumId>,
}

impl Resolver {
    /// The resolved type, or the name that resolves to nothing.
    fn resolve(&self, expr: &TypeExpr) -> Result<Type, String> {
        Ok(match expr {
            TypeExpr::String => Type::String,
            TypeExpr::Integer => Type::Integer,
            TypeExpr::Number => Type::Number,
            TypeExpr::Boolean => Type::Boolean,
            TypeExpr::Any => Type::Any,
            TypeExpr::StringOrInteger => Type::StringOrInteger,
            TypeExpr::Array(item) => Type::Array(Box::new(self.resolve(item)?)),
            TypeExpr::Named(name) if name == MESSAGE_DATA => Type::MessageData,
            TypeExpr::Named(name) => match (self.objects.get(name), self.enums.get(name)) {
                (Some(id), _) => Type::Object(*id),
                (None, Some(id)) => Type::Enum(*id),
                (None, None) => return Err(name.clone()),
            },
        })
    }
}
