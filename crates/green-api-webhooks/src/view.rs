//! [`Checked`]: a view of a parsed value in which the mandatory fields are plain values,
//! borrowed from it; [`Items`]: the view of an array.
//!
//! The derive implements [`Checked`] for every generated type and writes its view type next to
//! the declaration (`TextMessageData` -> `TextMessageDataView<'a>`); the impls here cover the
//! field types that are not generated: strings, integers, booleans, numbers, any JSON, the
//! string-or-integer fields and arrays.

use std::fmt;
use std::iter::FusedIterator;

use serde_json::{Number, Value};

use crate::wire::StringOrInteger;

/// A parsed value that can be read through a checked view: the same fields, with every
/// mandatory one a plain value (`&'a str`, `i64`, `bool`, the view of a nested object, a
/// borrowed enum) instead of an `Option`, and every alternative spelling merged into its
/// documented field.
///
/// [`Checked::view`] is `None` when a mandatory field, here or in a nested object or array
/// item, is missing or has a value that did not fit its type, or when a `typeWebhook` /
/// `typeMessage` is missing or not a string: the cases `validate()` reports as a missing field,
/// or as a wrong type or out-of-range value at a mandatory field. A body whose report has no
/// errors (warnings allowed) always has a view. The view borrows from the value; building it
/// allocates nothing and copies no string.
///
/// The view does not replace `validate()`: the other errors (a string outside its documented
/// values, a value of the wrong type under an optional field, which then reads `None` as it
/// does in the parsed struct) still leave a view.
///
/// ```
/// use green_api_webhooks::{Checked, InstanceData};
///
/// let instance: InstanceData = serde_json::from_str(
///     r#"{"idInstance": 1101, "wid": "79001234567@c.us", "typeInstance": "whatsapp"}"#,
/// )?;
/// let view = instance.view().expect("every mandatory field is present");
/// let chat_id: Option<&str> = view.wid; // mandatory in some products only
/// assert_eq!(chat_id, Some("79001234567@c.us"));
/// assert_eq!(view.id_instance.as_i64(), Some(1101));
///
/// let partial: InstanceData = serde_json::from_str(r#"{"idInstance": 1101}"#)?;
/// assert!(partial.view().is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait Checked {
    /// The view: `TextMessageDataView<'a>` for `TextMessageData`, `&'a str` for `String`,
    /// [`Items<'a, T>`] for `Vec<T>`.
    type View<'a>
    where
        Self: 'a;

    /// The view, or `None` when a mandatory field is missing or did not fit.
    fn view(&self) -> Option<Self::View<'_>>;
}

impl Checked for String {
    type View<'a> = &'a str;

    #[inline]
    fn view(&self) -> Option<&str> {
        Some(self)
    }
}

/// Values that are their own view: copied, since they are no larger than a reference.
macro_rules! copied {
    ($($ty:ty),*) => {$(
        impl Checked for $ty {
            type View<'a> = $ty;

            #[inline]
            fn view(&self) -> Option<$ty> {
                Some(*self)
            }
        }
    )*};
}

copied!(i64, bool);

/// Values that are their own view, borrowed.
macro_rules! borrowed {
    ($($ty:ty),*) => {$(
        impl Checked for $ty {
            type View<'a> = &'a $ty;

            #[inline]
            fn view(&self) -> Option<&$ty> {
                Some(self)
            }
        }
    )*};
}

borrowed!(Number, Value, StringOrInteger);

/// An array is viewable when every item is; its view checks them all once, up front, and then
/// builds each item's view as it is read.
impl<T: Checked> Checked for Vec<T> {
    type View<'a>
        = Items<'a, T>
    where
        T: 'a;

    // A loop rather than `?` or `all`, which would add instances per item type to compile.
    #[allow(clippy::question_mark)]
    fn view(&self) -> Option<Items<'_, T>> {
        for item in self {
            if item.view().is_none() {
                return None;
            }
        }
        Some(Items { items: self })
    }
}

/// The view of an array field: the parsed items, each read through its view.
///
/// It holds only the borrowed slice, so building it allocates nothing: the items were checked
/// when the enclosing view was built, and [`Items::get`] and the iterator build each item's
/// view (a few references, no copy) as it is read. [`Items::as_slice`] gives the parsed items
/// themselves.
///
/// ```
/// use green_api_webhooks::{Checked, InteractiveButtonsData};
///
/// let data: InteractiveButtonsData = serde_json::from_str(
///     r#"{"titleText": "Pick", "contentText": "One of these", "buttons": [
///         {"type": "reply", "buttonId": "1", "buttonText": "Yes"},
///         {"type": "reply", "buttonId": "2", "buttonText": "No"}]}"#,
/// )?;
/// let view = data.view().expect("a complete message");
/// assert_eq!(view.buttons.len(), 2);
/// assert_eq!(view.buttons.get(1).map(|b| b.button_id), Some("2"));
/// let texts: Vec<&str> = view.buttons.iter().map(|b| b.button_text).collect();
/// assert_eq!(texts, ["Yes", "No"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct Items<'a, T> {
    items: &'a [T],
}

impl<'a, T: Checked> Items<'a, T> {
    /// How many items the array has.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the array is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The view of the item at `index`, or `None` past the end.
    pub fn get(&self, index: usize) -> Option<T::View<'a>> {
        self.items.get(index).and_then(T::view)
    }

    /// The views of the items, in order.
    pub fn iter(&self) -> ItemsIter<'a, T> {
        ItemsIter {
            items: self.items.iter(),
        }
    }

    /// The parsed items, as they are in the value the view was built from.
    pub fn as_slice(&self) -> &'a [T] {
        self.items
    }
}

impl<T> Clone for Items<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Items<'_, T> {}

impl<'a, T: Checked> fmt::Debug for Items<'a, T>
where
    T::View<'a>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: Checked> IntoIterator for Items<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = ItemsIter<'a, T>;

    fn into_iter(self) -> ItemsIter<'a, T> {
        self.iter()
    }
}

impl<'a, T: Checked> IntoIterator for &Items<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = ItemsIter<'a, T>;

    fn into_iter(self) -> ItemsIter<'a, T> {
        self.iter()
    }
}

/// The iterator of [`Items`]: each item's view, built as it is read.
pub struct ItemsIter<'a, T> {
    items: std::slice::Iter<'a, T>,
}

// Every item was checked when the `Items` was built, so `T::view` is `Some` for each of them,
// and the iterator yields exactly one view per item.
impl<'a, T: Checked> Iterator for ItemsIter<'a, T> {
    type Item = T::View<'a>;

    fn next(&mut self) -> Option<T::View<'a>> {
        self.items.next().and_then(T::view)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<'a, T: Checked> DoubleEndedIterator for ItemsIter<'a, T> {
    fn next_back(&mut self) -> Option<T::View<'a>> {
        self.items.next_back().and_then(T::view)
    }
}

impl<T: Checked> ExactSizeIterator for ItemsIter<'_, T> {}

impl<T: Checked> FusedIterator for ItemsIter<'_, T> {}

impl<T> Clone for ItemsIter<'_, T> {
    fn clone(&self) -> Self {
        ItemsIter {
            items: self.items.clone(),
        }
    }
}

impl<T> fmt::Debug for ItemsIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemsIter")
            .field("remaining", &self.items.len())
            .finish()
    }
}
