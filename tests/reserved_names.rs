//! A spec type may not take a name the generated crate exports itself (a glob re-export of the
//! generated types silently loses to a named item). The list lives in the spec crate; this checks
//! it against every name `crates/green-api-webhooks/src/lib.rs` makes public at the crate root.

use std::collections::BTreeSet;

use green_api_webhooks_spec::RESERVED_NAMES;
use syn::{Item, UseTree, Visibility};

/// The names a `use` tree brings in, except globs.
fn use_names(tree: &UseTree, out: &mut BTreeSet<String>) {
    match tree {
        UseTree::Path(path) => use_names(&path.tree, out),
        UseTree::Name(name) => {
            out.insert(name.ident.to_string());
        }
        UseTree::Rename(rename) => {
            out.insert(rename.rename.to_string());
        }
        UseTree::Group(group) => group.items.iter().for_each(|t| use_names(t, out)),
        UseTree::Glob(_) => {}
    }
}

#[test]
fn every_name_the_crate_exports_is_reserved() {
    let path = green_api_webhooks_tests::root().join("crates/green-api-webhooks/src/lib.rs");
    let text = std::fs::read_to_string(&path).expect("the crate root is readable");
    let file = syn::parse_file(&text).expect("the crate root parses");
    let mut exported = BTreeSet::new();
    for item in &file.items {
        let (vis, name) = match item {
            Item::Use(item) => {
                if matches!(item.vis, Visibility::Public(_)) {
                    use_names(&item.tree, &mut exported);
                }
                continue;
            }
            Item::Struct(item) => (&item.vis, item.ident.to_string()),
            Item::Enum(item) => (&item.vis, item.ident.to_string()),
            Item::Trait(item) => (&item.vis, item.ident.to_string()),
            Item::Type(item) => (&item.vis, item.ident.to_string()),
            Item::Fn(item) => (&item.vis, item.sig.ident.to_string()),
            Item::Mod(item) => (&item.vis, item.ident.to_string()),
            _ => continue,
        };
        if matches!(vis, Visibility::Public(_)) {
            exported.insert(name);
        }
    }
    // Modules and functions are lower case; spec type names are CamelCase and cannot clash.
    let types: BTreeSet<&str> = exported
        .iter()
        .map(String::as_str)
        .filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect();
    assert!(types.contains("Report"), "found {types:?}");
    let missing: Vec<&&str> = types
        .iter()
        .filter(|name| !RESERVED_NAMES.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "exported but not in RESERVED_NAMES: {missing:?}"
    );
}
