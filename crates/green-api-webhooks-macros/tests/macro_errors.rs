//! Malformed `#[derive(Wire)]` input: each case in `tests/ui/` must fail to compile with every
//! error at its span, as recorded in the case's `.stderr`.

#[test]
fn malformed_declarations_fail_with_spanned_errors() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
