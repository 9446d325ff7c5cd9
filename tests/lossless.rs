//! Lossless by property: for every body that parses, serializing the typed value gives back the
//! body as a JSON value, and parsing that output again gives the same typed value and report.

use green_api_webhooks_fuzz::{BodyGenerator, Rng, check, mutate_json, tags_first};
use proptest::prelude::*;

#[test]
fn every_fixture_is_lossless() {
    let fixtures = green_api_webhooks_tests::fixtures();
    assert!(fixtures.len() > 60, "{} fixtures", fixtures.len());
    for (name, body) in fixtures {
        if let Err(failure) = check(&body) {
            panic!("{name}: {failure}");
        }
    }
}

proptest! {
    // Failures are reported with their seed; the generator is deterministic, so the seed is
    // the whole reproduction and no regression file is needed.
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random valid variants of every webhook and message in the spec, with unknown fields,
    /// unknown tags and undocumented values mixed in, written with tags first or last.
    #[test]
    fn bodies_generated_from_the_spec_are_lossless(seed in any::<u64>(), tags_last in any::<bool>(), mutate in any::<bool>()) {
        let generator = BodyGenerator::new(&green_api_webhooks_tests::spec());
        let mut rng = Rng::new(seed);
        let mut body = generator.body(&mut rng);
        if mutate {
            body = mutate_json(&body, &mut rng);
        }
        let text = if tags_last { body.to_string() } else { tags_first(&body) };
        // Generated bodies stay within the default limits; a mutation may nest deeper.
        if !mutate {
            prop_assert!(green_api_webhooks::Webhook::from_str(&text).is_ok(), "an object always parses: {text}");
        }
        if let Err(failure) = check(text.as_bytes()) {
            prop_assert!(false, "{failure}: {text}");
        }
    }
}
