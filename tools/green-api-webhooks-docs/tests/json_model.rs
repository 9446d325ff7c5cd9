//! The page model serialises to exactly the documented JSON shape and field order.

use green_api_webhooks_docs::{Rendering, parse_page, rendering};

const PAGE: &str = "\
Bell ring#
To get incoming webhooks of this type, two conditions must be true:
typeWebhook = bellRang
Webhook parameters#
Parameter | Type | Mandatory | Description |
---|---|---|---|
typeWebhook | string | Yes | Webhook type |
tone | string | No | Tone. Takes values: ding, dong |
Webhook body example#
{\"typeWebhook\": \"bellRang\", \"tone\": \"ding\"}
Broken example#
{\"tone\": }";

#[test]
fn serialises_in_the_documented_shape() {
    let page = parse_page("bell.txt", PAGE);
    let json = serde_json::to_string(&page).unwrap_or_else(|error| panic!("{error}"));
    let expected = concat!(
        r#"{"page":"bell.txt","title":"Bell ring","#,
        r#""conditions":{"typeWebhook":["bellRang"],"typeMessage":null,"source":"block"},"#,
        r#""tables":[{"object":"webhook","columns":["Parameter","Type","Mandatory","Description"],"rows":["#,
        r#"{"name":"typeWebhook","type":"string","mandatory":true,"description":"Webhook type","values":[]},"#,
        r#"{"name":"tone","type":"string","mandatory":false,"description":"Tone. Takes values: ding, dong","values":["ding","dong"]}]}],"#,
        r#""examples":[{"tone":"ding","typeWebhook":"bellRang"}],"#,
        r#""problems":[{"line":12,"message":"example is not valid JSON: expected value at page line 12, column 10"}]}"#,
    );
    assert_eq!(json, expected);
}

#[test]
fn tells_the_rendering_of_the_first_table() {
    assert_eq!(rendering(PAGE), Some(Rendering::Pipe));
    assert_eq!(
        rendering("Parameter Type Description\nx string y"),
        Some(Rendering::Plain)
    );
    assert_eq!(
        rendering("| Parameter | Type |\n|---|---|"),
        Some(Rendering::Markdown)
    );
    assert_eq!(rendering("no tables here"), None);
}
