use serde_json::{Value, json};

use crate::{
    request::{Params, p_json, p_str},
    server::ApiError,
};

const MAX_CAPTION_CHARS: usize = 1024;

/// Parse modes are not emulated (the bot sends plain text): a request that asks for one is
/// refused, so that a bot starting to use one fails here instead of passing unchecked.
pub(crate) fn refuse_parse_mode(p: &Params) -> Result<(), ApiError> {
    match p_str(p, "parse_mode").filter(|mode| !mode.is_empty()) {
        Some(mode) => Err(ApiError::bad(&format!(
            "the fake Bot API does not support parse modes (parse_mode {mode:?}); \
             send plain text, with explicit entities if needed"
        ))),
        None => Ok(()),
    }
}

/// A text or caption as Telegram stores it: trimmed, explicit entities moved accordingly.
pub(crate) struct Formatted {
    pub(crate) text: String,
    pub(crate) entities: Vec<Value>,
}

fn format_param(p: &Params, text_key: &str, entities_key: &str) -> Formatted {
    let raw = p_str(p, text_key).unwrap_or_default();
    let (text, entities) = trim_formatted(raw, explicit_entities(p, entities_key));
    Formatted {
        text,
        entities: entities.iter().map(Entity::to_json).collect(),
    }
}

/// `text` of sendMessage and editMessageText: non-empty before and after trimming.
pub(crate) fn message_text_param(p: &Params) -> Result<Formatted, ApiError> {
    if p_str(p, "text").unwrap_or_default().is_empty() {
        return Err(ApiError::bad("message text is empty"));
    }
    let formatted = format_param(p, "text", "entities");
    if formatted.text.is_empty() {
        return Err(ApiError::bad("message text is empty"));
    }
    Ok(formatted)
}

/// `caption` of the file methods and copyMessage: may be empty, at most 1024 characters.
pub(crate) fn caption_param(p: &Params) -> Result<Formatted, ApiError> {
    let formatted = format_param(p, "caption", "caption_entities");
    if formatted.text.chars().count() > MAX_CAPTION_CHARS {
        return Err(ApiError::bad("message caption is too long"));
    }
    Ok(formatted)
}

/// A message entity; offsets and lengths in UTF-16 units.
#[derive(Clone, Debug, PartialEq)]
struct Entity {
    kind: &'static str,
    offset: i32,
    length: i32,
    arg: Option<String>,
}

impl Entity {
    fn to_json(&self) -> Value {
        let mut entity = json!({"type": self.kind, "offset": self.offset, "length": self.length});
        if let Some(arg) = &self.arg {
            let key = match self.kind {
                "text_link" => "url",
                "pre" => "language",
                "custom_emoji" => "custom_emoji_id",
                _ => return entity,
            };
            entity[key] = json!(arg);
        }
        entity
    }
}

/// The request's `entities` / `caption_entities` of known kinds; others are dropped.
fn explicit_entities(p: &Params, key: &str) -> Vec<Entity> {
    let Some(Value::Array(items)) = p_json(p, key) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|e| {
            Some(Entity {
                kind: known_entity_kind(e.get("type")?.as_str()?)?,
                offset: e.get("offset")?.as_i64()? as i32,
                length: e.get("length")?.as_i64()? as i32,
                arg: e
                    .get("url")
                    .or_else(|| e.get("language"))
                    .or_else(|| e.get("custom_emoji_id"))
                    .and_then(Value::as_str)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned),
            })
        })
        .collect()
}

fn known_entity_kind(kind: &str) -> Option<&'static str> {
    [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "text_link",
        "custom_emoji",
        "blockquote",
        "expandable_blockquote",
    ]
    .into_iter()
    .find(|k| *k == kind)
}

/// Trims the text like Telegram and moves entities accordingly.
fn trim_formatted(text: String, entities: Vec<Entity>) -> (String, Vec<Entity>) {
    let trimmed_start = text.trim_start();
    let leading = utf16_len(&text[..text.len() - trimmed_start.len()]);
    let trimmed = trimmed_start.trim_end().to_owned();
    let total = utf16_len(&trimmed);
    let mut kept: Vec<Entity> = entities
        .into_iter()
        .filter_map(|mut e| {
            let start = (e.offset - leading).max(0);
            let end = (e.offset + e.length - leading).min(total);
            (end > start).then(|| {
                e.offset = start;
                e.length = end - start;
                e
            })
        })
        .collect();
    kept.sort_by(|a, b| a.offset.cmp(&b.offset).then(b.length.cmp(&a.length)));
    (trimmed, kept)
}

/// Length in UTF-16 units, the unit of entity offsets.
pub(crate) fn utf16_len(s: &str) -> i32 {
    s.encode_utf16().count() as i32
}
