//! Which spec items a page documents, and which spec holder each of its tables describes.

use green_api_webhooks_spec::{Message, Webhook};

use super::page_tables::{MESSAGE_DATA_TABLE, PageTable, PageTags, WEBHOOK_TABLE};
use super::spec_index::{Holder, SpecIndex};

/// A spec variant a page documents.
#[derive(Clone, Copy)]
pub enum Link<'s> {
    Message(&'s Message),
    Webhook(&'s Webhook),
}

impl<'s> Link<'s> {
    /// The Rust name.
    pub fn name(self) -> &'s str {
        match self {
            Link::Message(m) => &m.name,
            Link::Webhook(w) => &w.name,
        }
    }

    /// The `typeMessage` or `typeWebhook` value.
    pub fn tag(self) -> &'s str {
        match self {
            Link::Message(m) => &m.type_message,
            Link::Webhook(w) => &w.type_webhook,
        }
    }

    pub fn tag_name(self) -> &'static str {
        match self {
            Link::Message(_) => "typeMessage",
            Link::Webhook(_) => "typeWebhook",
        }
    }

    fn page(self) -> &'s str {
        match self {
            Link::Message(m) => &m.page,
            Link::Webhook(w) => &w.page,
        }
    }

    /// The holder of the fields beside the tag: the message, or the webhook's body object.
    fn root(self, index: &SpecIndex<'s>) -> Option<Holder<'s>> {
        match self {
            Link::Message(m) => Some(Holder::Message(m)),
            Link::Webhook(w) => Some(Holder::Object(index.spec.object(w.body))),
        }
    }
}

/// How a page was tied to the spec.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// By the page's conditions block: its `typeMessage`, else its `typeWebhook`.
    Conditions,
    /// By a spec item whose `page` URL is this page.
    PageUrl,
    /// By the value the page's `typeMessage`/`typeWebhook` row names.
    TableValue,
}

pub struct PageLinks<'s> {
    pub links: Vec<Link<'s>>,
    pub route: Option<Route>,
    /// The page's own tag values: exceptions on them explain anything on the page.
    pub variants: Vec<String>,
}

/// Ties a page to the spec: by its conditions' `typeMessage` (every value, when the page covers
/// several), else its conditions' `typeWebhook`; when the spec has none of those, by the spec
/// items whose `page` URL is this page; for a page without conditions, else by the values its
/// tag rows name.
pub fn link_page<'s>(stem: &str, tags: &PageTags, index: &SpecIndex<'s>) -> PageLinks<'s> {
    let messages = |values: &[String]| -> Vec<Link<'s>> {
        values
            .iter()
            .filter_map(|v| index.message(v).map(Link::Message))
            .collect()
    };
    let webhooks = |values: &[String]| -> Vec<Link<'s>> {
        values
            .iter()
            .filter_map(|v| index.webhook(v).map(Link::Webhook))
            .collect()
    };
    let conditions = if tags.condition_messages.is_empty() {
        &tags.condition_webhooks
    } else {
        &tags.condition_messages
    };
    let by_conditions = if tags.condition_messages.is_empty() {
        webhooks(conditions)
    } else {
        messages(conditions)
    };
    if !by_conditions.is_empty() {
        return PageLinks {
            links: by_conditions,
            route: Some(Route::Conditions),
            variants: conditions.clone(),
        };
    }
    let by_url = items_with_page(stem, index);
    if !by_url.is_empty() {
        // Conditions the spec has no variant for still name the page.
        let variants = conditions
            .iter()
            .cloned()
            .chain(by_url.iter().map(|l| l.tag().to_owned()))
            .collect();
        return PageLinks {
            links: by_url,
            route: Some(Route::PageUrl),
            variants,
        };
    }
    if !conditions.is_empty() {
        return PageLinks {
            links: Vec::new(),
            route: None,
            variants: conditions.clone(),
        };
    }
    let mut links = messages(&tags.table_messages);
    links.extend(webhooks(&tags.table_webhooks));
    let variants = tags
        .table_messages
        .iter()
        .chain(&tags.table_webhooks)
        .cloned()
        .collect();
    PageLinks {
        route: (!links.is_empty()).then_some(Route::TableValue),
        links,
        variants,
    }
}

/// The spec messages and webhooks whose `page` URL is the page named `stem`.
pub fn items_with_page<'s>(stem: &str, index: &SpecIndex<'s>) -> Vec<Link<'s>> {
    index
        .spec
        .messages()
        .map(Link::Message)
        .chain(index.spec.webhooks().map(Link::Webhook))
        .filter(|link| page_stem_of_url(link.page()).as_deref() == Some(stem))
        .collect()
}

/// The file-name stem of the page a docs URL points to:
/// `…/notifications-format/FOLDER/Page/` -> `FOLDER__Page`, `…/notifications-format/Page/` ->
/// `root__Page`, and Green-API's apidog pages `https://….apidog.io/…/name-1a2b3c` -> `apidog__name`.
pub fn page_stem_of_url(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    if let Some((_, rest)) = url.split_once("/notifications-format/") {
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        return match segments.as_slice() {
            [page] => Some(format!("root__{page}")),
            [folder, page] => Some(format!("{folder}__{page}")),
            _ => None,
        };
    }
    if url.contains(".apidog.io/") {
        let last = url.rsplit('/').find(|s| !s.is_empty())?;
        // apidog appends a hex id to the page's slug.
        let slug = match last.rsplit_once('-') {
            Some((slug, id))
                if id.chars().all(|c| c.is_ascii_hexdigit())
                    && id.chars().any(|c| c.is_ascii_digit()) =>
            {
                slug
            }
            _ => last,
        };
        return Some(format!("apidog__{slug}"));
    }
    None
}

/// The spec holder a page's table describes, for one linked variant: the `messageData` table is
/// the message, the `webhook` table is the webhook's body, and a table named `X` is the object
/// that is the type of the nearest field with wire name `X` below them (through arrays).
pub fn holder_for_table<'s>(
    table: &PageTable<'_>,
    link: Link<'s>,
    index: &SpecIndex<'s>,
) -> Option<Holder<'s>> {
    match (table.object, link) {
        (MESSAGE_DATA_TABLE, Link::Message(m)) => return Some(Holder::Message(m)),
        (WEBHOOK_TABLE, Link::Webhook(_)) => return link.root(index),
        (MESSAGE_DATA_TABLE | WEBHOOK_TABLE, _) => return None,
        _ => {}
    }
    // Breadth first, so that the shallowest field of that name wins.
    let mut layer: Vec<Holder<'s>> = link.root(index).into_iter().collect();
    let mut visited: Vec<&str> = Vec::new();
    while !layer.is_empty() {
        let mut next = Vec::new();
        for holder in layer {
            for field in holder.fields() {
                let Some(object) = field.ty.object().map(|id| index.spec.object(id)) else {
                    continue;
                };
                if field.wire == table.object {
                    return Some(Holder::Object(object));
                }
                if !visited.contains(&object.name.as_str()) {
                    visited.push(&object.name);
                    next.push(Holder::Object(object));
                }
            }
        }
        layer = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::page_stem_of_url;

    #[test]
    fn urls_map_to_page_file_stems() {
        let base = "https://green-api.com/en/docs/api/receiving/notifications-format";
        let stem = |url: &str| page_stem_of_url(url);
        assert_eq!(
            stem(&format!("{base}/incoming-message/TextMessage/")).as_deref(),
            Some("incoming-message__TextMessage")
        );
        assert_eq!(
            stem(&format!("{base}/DeviceInfo")).as_deref(),
            Some("root__DeviceInfo")
        );
        assert_eq!(
            stem("https://green-api.org.il/en/docs/api/receiving/notifications-format/outgoing-message/DeletedMessage?x=1").as_deref(),
            Some("outgoing-message__DeletedMessage")
        );
        assert_eq!(
            stem("https://uovbvc3jgi.apidog.io/project-746016/exceeding-limitation-on-tariff-12124679e0").as_deref(),
            Some("apidog__exceeding-limitation-on-tariff")
        );
        assert_eq!(stem(&format!("{base}/")), None);
        assert_eq!(stem("https://green-api.com/en/docs/"), None);
    }
}
