//! Snapshots of what the derive expands to, for each of the three shapes, so that a change to
//! the expansion shows as a diff in review.

use quote::quote;

fn expanded(input: proc_macro2::TokenStream) -> String {
    let input: syn::DeriveInput = syn::parse2(input).expect("test input is a valid item");
    let file: syn::File = syn::parse2(crate::expand(&input)).expect("expansion is valid Rust");
    prettyplease::unparse(&file)
}

#[test]
fn object_expansion() {
    insta::assert_snapshot!(expanded(quote! {
        pub struct Button {
            #[wire(rename = "type", mandatory)]
            pub kind: Option<ButtonType>,
            #[wire(rename = "buttonText")]
            pub button_text: Option<String>,
            #[wire(extra)]
            pub extra: Extra,
        }
    }));
}

/// The view of every kind of field: plain and borrowed scalars, a nested object, an array, a
/// string-or-integer, and a mandatory and an optional field with alternative spellings.
#[test]
fn view_expansion() {
    insta::assert_snapshot!(expanded(quote! {
        /// A press.
        pub struct Press {
            /// Id of the message.
            #[wire(rename = "stanzaId", mandatory)]
            pub stanza_id: Option<String>,
            #[wire(rename = "selectedIndex")]
            pub selected_index: Option<i64>,
            #[wire(rename = "selectedId", mandatory)]
            pub selected_id: Option<crate::StringOrInteger>,
            #[wire(rename = "selectedButtonId", alias_of = "selectedId")]
            pub selected_button_id: Option<crate::StringOrInteger>,
            #[wire(rename = "selectedText")]
            pub selected_text: Option<String>,
            #[wire(rename = "buttonText", alias_of = "selectedText")]
            pub button_text: Option<String>,
            #[wire(rename = "quote")]
            pub quote: Option<Quote>,
            #[wire(rename = "message", mandatory)]
            pub message: Option<crate::MessageData>,
            #[wire(rename = "buttons", mandatory)]
            pub buttons: Option<Vec<Button>>,
            #[wire(rename = "score")]
            pub score: Option<serde_json::Number>,
            /// Unknown keys.
            #[wire(extra)]
            pub extra: Extra,
        }
    }));
}

#[test]
fn tagged_enum_expansion() {
    insta::assert_snapshot!(expanded(quote! {
        #[wire(tag = "typeMessage")]
        pub enum MessageData {
            #[wire(rename = "interactiveButtonsReply")]
            InteractiveButtonsReply(crate::InteractiveButtonsReply),
            #[wire(unknown)]
            Unknown(UnknownObject),
        }
    }));
}

#[test]
fn open_enum_expansion() {
    insta::assert_snapshot!(expanded(quote! {
        pub enum ButtonType {
            #[wire(rename = "reply")]
            Reply,
            #[wire(other)]
            Other(String),
        }
    }));
}

#[test]
fn every_error_is_reported_at_once() {
    let input: syn::DeriveInput = syn::parse2(quote! {
        pub struct Broken {
            #[wire(rename = "a")]
            pub a: String,
            pub b: Option<String>,
            #[wire(rename = "a", colour = "red")]
            pub c: Option<String>,
        }
    })
    .expect("test input is a valid item");
    let errors = match crate::model::Declaration::from_input(&input) {
        Ok(_) => panic!("the declaration has errors"),
        Err(errors) => errors
            .into_iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>(),
    };
    insta::assert_snapshot!(errors.join("\n"));
}
