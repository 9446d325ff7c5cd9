//! Each folder in `tests/cases/` holds a small spec before and after one kind of change; the
//! report of the change is a snapshot.

use std::path::Path;

use green_api_webhooks_spec_diff::{diff, load_folder};

#[test]
fn every_case_reports_its_change() {
    insta::glob!("cases/*", |case| {
        let before = load_folder(&case.join("before")).expect("the case's `before` spec loads");
        let after = load_folder(&case.join("after")).expect("the case's `after` spec loads");
        insta::assert_snapshot!(diff(&before, &after).to_string());
    });
}

#[test]
fn reports_are_stable_and_swapping_sides_keeps_the_count() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/field-type-changed");
    let before = load_folder(&case.join("before")).expect("before loads");
    let after = load_folder(&case.join("after")).expect("after loads");
    let forward = diff(&before, &after);
    assert_eq!(forward, diff(&before, &after));
    assert_eq!(
        forward.changes().count(),
        diff(&after, &before).changes().count()
    );
}
