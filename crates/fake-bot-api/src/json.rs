use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// Telegram does not nest replies: `reply_to_message` has no `reply_to_message` itself.
pub(crate) fn without_reply(mut message: Value) -> Value {
    remove_key(&mut message, "reply_to_message");
    message
}

pub(crate) fn remove_key(value: &mut Value, key: &str) {
    if let Some(object) = value.as_object_mut() {
        object.remove(key);
    }
}

pub(crate) fn insert_opt(value: &mut Value, key: &str, field: &Option<String>) {
    if let Some(field) = field {
        value[key] = json!(field);
    }
}

/// Seconds since the Unix epoch, for `date` fields.
pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
