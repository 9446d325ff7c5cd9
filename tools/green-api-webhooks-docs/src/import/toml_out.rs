//! Writes a [`Draft`] as spec TOML, laid out like the hand-written files in `spec/`.

use std::fmt::Write;

use green_api_webhooks_spec::DRAFT_PLACEHOLDER as TODO;

use super::draft::{Draft, DraftEnum, DraftField, DraftObject, SaveAs, Variant};

pub fn render(draft: &Draft) -> String {
    let mut out = String::new();
    header(&mut out, draft);
    // `write!` into a `String` cannot fail, so its results are ignored throughout.
    let _ = writeln!(out, "summary = {}", quote(TODO));
    let page = draft.page_url.as_deref().unwrap_or(TODO);
    let _ = writeln!(out, "page = {}", quote(page));
    out.push('\n');
    match &draft.variant {
        Variant::Message {
            name,
            type_message,
            webhooks,
        } => {
            let _ = writeln!(out, "[message.{name}]");
            let _ = writeln!(out, "type_message = {}", quote(type_message));
            docs_line(&mut out, "", &draft.title);
            let _ = writeln!(out, "summary = {}", quote(TODO));
            if !webhooks.is_empty() {
                let list: Vec<String> = webhooks.iter().map(|w| quote(w)).collect();
                let _ = writeln!(out, "webhooks = [{}]", list.join(", "));
            }
            fields(&mut out, &draft.main);
        }
        Variant::Webhook { name, type_webhook } => {
            let _ = writeln!(out, "[webhook.{name}]");
            let _ = writeln!(out, "type_webhook = {}", quote(type_webhook));
            docs_line(&mut out, "", &draft.title);
            let _ = writeln!(out, "summary = {}", quote(TODO));
            let _ = writeln!(out, "body = {}", quote(&draft.main.name));
            out.push('\n');
            object(&mut out, &draft.main);
        }
    }
    for drafted in &draft.objects {
        out.push('\n');
        object(&mut out, drafted);
    }
    for drafted in &draft.enums {
        out.push('\n');
        enumeration(&mut out, drafted);
    }
    out
}

fn header(out: &mut String, draft: &Draft) {
    let title = if draft.title.is_empty() {
        String::new()
    } else {
        format!(" ({})", draft.title)
    };
    comment(
        out,
        "",
        &format!("Draft spec entry from {}{title}.", draft.source),
    );
    let steps = match &draft.save_as {
        SaveAs::New(path) => [
            "To finish it: write each summary in your own words (the `# docs:` lines quote the page),"
                .to_owned(),
            "settle each `example disagrees` note (change the field, or add an [[exception]] saying"
                .to_owned(),
            "what the docs say and why the spec differs), delete these comments, save the file as"
                .to_owned(),
            format!("{path} and run `cargo xtask codegen`."),
        ],
        SaveAs::Existing(file) => [
            format!("The spec already has this variant in {file}: compare the draft with it"),
            "and carry over what changed (with an [[exception]] where the spec keeps departing"
                .to_owned(),
            "from the page), then run `cargo xtask codegen`. Do not save the draft as a file of"
                .to_owned(),
            "its own.".to_owned(),
        ],
    };
    for line in &steps {
        comment(out, "", line);
    }
    if !draft.problems.is_empty() {
        comment(out, "", "");
        comment(out, "", "Page problems:");
        for problem in &draft.problems {
            comment(
                out,
                "",
                &format!("  line {}: {}", problem.line, problem.message),
            );
        }
    }
    if !draft.notes.is_empty() {
        comment(out, "", "");
        comment(out, "", "Notes:");
        for note in &draft.notes {
            comment(out, "", &format!("  {note}"));
        }
    }
    out.push('\n');
}

fn object(out: &mut String, object: &DraftObject) {
    let _ = writeln!(out, "[object.{}]", object.name);
    if let Some(docs) = &object.docs {
        docs_line(out, "", docs);
    }
    let _ = writeln!(out, "summary = {}", quote(TODO));
    fields(out, object);
}

fn fields(out: &mut String, object: &DraftObject) {
    if object.fields.is_empty() && object.unlisted.is_empty() {
        let _ = writeln!(out, "fields = []");
        return;
    }
    let _ = writeln!(out, "fields = [");
    for field in &object.fields {
        docs_line(out, "  ", &field.docs);
        for note in &field.notes {
            comment(out, "  ", note);
        }
        let _ = writeln!(out, "  {},", field_entry(field));
    }
    for note in &object.unlisted {
        comment(out, "  ", note);
    }
    let _ = writeln!(out, "]");
}

fn field_entry(field: &DraftField) -> String {
    let mut entry = format!("{{ wire = {}", quote(&field.wire));
    if let Some(rust) = &field.rust {
        let _ = write!(entry, ", rust = {}", quote(rust));
    }
    let _ = write!(entry, ", type = {}", quote(&field.ty.to_string()));
    if field.mandatory {
        entry.push_str(", mandatory = true");
    }
    let _ = write!(entry, ", summary = {} }}", quote(TODO));
    entry
}

fn enumeration(out: &mut String, drafted: &DraftEnum) {
    let _ = writeln!(out, "[enum.{}]", drafted.name);
    docs_line(out, "", &drafted.docs);
    let _ = writeln!(out, "summary = {}", quote(TODO));
    let _ = writeln!(out, "values = [");
    for value in &drafted.values {
        if let Some(note) = &value.note {
            comment(out, "  ", note);
        }
        let rust = value
            .rust
            .as_ref()
            .map(|rust| format!(", rust = {}", quote(rust)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {{ wire = {}{rust}, summary = {} }},",
            quote(&value.wire),
            quote(TODO)
        );
    }
    let _ = writeln!(out, "]");
}

fn docs_line(out: &mut String, indent: &str, docs: &str) {
    let docs = if docs.trim().is_empty() {
        "(no description)"
    } else {
        docs
    };
    comment(out, indent, &format!("docs: {docs}"));
}

/// One comment line. TOML comments end at a newline and may not hold control characters.
fn comment(out: &mut String, indent: &str, text: &str) {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect();
    let text = text.trim_end();
    if text.is_empty() {
        let _ = writeln!(out, "{indent}#");
    } else {
        let _ = writeln!(out, "{indent}# {text}");
    }
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_toml_requires() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(quote("line\nbreak\u{7f}"), "\"line\\nbreak\\u007F\"");
    }
}
