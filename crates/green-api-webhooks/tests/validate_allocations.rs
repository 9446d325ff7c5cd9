//! Validating a valid body allocates nothing: paths become strings only when an issue is
//! reported. Checked with a counting allocator over every fixture that validates cleanly.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use green_api_webhooks::Webhook;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `layout` is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, which is the system allocator's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn validating_a_clean_body_allocates_nothing() {
    let mut checked = 0;
    for (name, body) in green_api_webhooks_fixtures::bodies() {
        let Ok(webhook) = Webhook::from_slice(&body) else {
            continue;
        };
        if !webhook.validate().is_clean() {
            continue;
        }
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        let report = webhook.validate();
        let after = ALLOCATIONS.load(Ordering::Relaxed);
        assert!(report.is_clean());
        assert_eq!(
            after - before,
            0,
            "{name}: validate() allocated {} times",
            after - before
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} clean fixtures");

    // The counter does count: parsing a body allocates its strings.
    let body = green_api_webhooks_fixtures::payload_text(
        "outgoing-message__InteractiveButtonsReply__1.json",
    );
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let webhook = Webhook::from_str(&body).expect("documented body parses");
    assert!(ALLOCATIONS.load(Ordering::Relaxed) > before);
    drop(webhook);
}
