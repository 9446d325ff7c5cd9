//! The products' documentation trees. Page files are named after their URL path below their
//! product's tree (`incoming-message__TextMessage.txt` for WhatsApp's); another product's pages
//! carry its prefix first (`telegram__incoming-message__TextMessage.txt`).

/// One product's documentation tree.
pub(crate) struct Tree {
    /// The product, by the spec's name for it.
    pub product: &'static str,
    /// Where its notification-format pages live.
    pub base: &'static str,
}

const WHATSAPP: Tree = Tree {
    product: "WhatsApp",
    base: "https://green-api.com/en/docs/api/receiving/notifications-format/",
};

/// The other products' trees, by the prefix of their pages' file names.
const OTHERS: [(&str, Tree); 4] = [
    (
        "telegram__",
        Tree {
            product: "Telegram",
            base: "https://green-api.com/en/telegram/docs/api/receiving/notifications-format/",
        },
    ),
    (
        "max__",
        Tree {
            product: "Max",
            base: "https://green-api.com/v3/docs/api/receiving/notifications-format/",
        },
    ),
    (
        "waba__",
        Tree {
            product: "Waba",
            base: "https://green-api.com/en/waba/api/receiving/notifications-format/",
        },
    ),
    (
        "instagram__",
        Tree {
            product: "Instagram",
            base: "https://green-api.com/instagram/docs/api/receiving/notifications-format/",
        },
    ),
];

/// The tree a page file belongs to, and the file's name below that tree.
pub(crate) fn tree_of(file_name: &str) -> (&'static Tree, &str) {
    OTHERS
        .iter()
        .find_map(|(prefix, tree)| Some((tree, file_name.strip_prefix(prefix)?)))
        .unwrap_or((&WHATSAPP, file_name))
}

/// The product whose documentation tree a page file comes from, by the spec's product names.
pub fn product_of_page(file_name: &str) -> &'static str {
    tree_of(file_name).0.product
}
