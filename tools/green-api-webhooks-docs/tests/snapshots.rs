//! The page model of each invented page in `tests/pages/`, as a YAML snapshot named after
//! the page.

use std::path::Path;

use green_api_webhooks_docs::parse_page;

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn page_model() {
    insta::glob!("pages/*", |path| {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        insta::assert_yaml_snapshot!(parse_page(&file_name(path), &text));
    });
}
