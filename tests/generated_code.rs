//! The generated declarations, rendered from `spec/`: a spec change shows here as a diff.

#[test]
fn generated_code_matches_snapshots() {
    let root = green_api_webhooks_tests::root();
    let spec =
        green_api_webhooks_spec::load_dir(&root.join("spec")).unwrap_or_else(|e| panic!("{e}"));
    let files = green_api_webhooks_codegen::generate(&spec).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    for file in files {
        let name = file.path.trim_end_matches(".rs").replace('/', "__");
        insta::assert_snapshot!(name, file.contents);
    }
}
