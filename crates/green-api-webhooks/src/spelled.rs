//! One meaning under several tags: Green-API sends some messages under two `typeMessage`
//! spellings. The spec gives such a variant its other spellings (`also_tagged`); the variant
//! holds a [`Spelled`] value, which reads like the struct inside and remembers the spelling
//! that arrived, so the body serializes back exactly.

use std::ops::{Deref, DerefMut};

/// A value of a variant with several tag spellings, and the spelling it arrived under.
#[derive(Clone, Debug, PartialEq)]
pub struct Spelled<T> {
    spelling: &'static str,
    value: T,
}

impl<T> Spelled<T> {
    /// `value` under the tag `spelling`.
    pub fn new(spelling: &'static str, value: T) -> Spelled<T> {
        Spelled { spelling, value }
    }

    /// An empty value that arrived under `spelling`, to be filled by the parser.
    #[doc(hidden)]
    pub fn arrived(spelling: &'static str) -> Spelled<T>
    where
        T: Default,
    {
        Spelled::new(spelling, T::default())
    }

    /// The tag value the body had, one of the variant's spellings.
    pub fn spelling(&self) -> &'static str {
        self.spelling
    }

    /// The value, without its spelling.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for Spelled<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Spelled<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: crate::Checked> crate::Checked for Spelled<T> {
    type View<'a>
        = T::View<'a>
    where
        T: 'a;

    fn view(&self) -> Option<Self::View<'_>> {
        self.value.view()
    }
}
