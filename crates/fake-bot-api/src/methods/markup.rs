use serde_json::{Value, json};

use crate::{request::Params, server::ApiError, types::Button};

const MAX_CALLBACK_DATA_BYTES: usize = 64;
const MAX_INLINE_BUTTONS: usize = 100;

/// Validates `reply_markup`; returns it as sent (any keyboard kind).
pub(crate) fn reply_markup_param(p: &Params) -> Result<Option<Value>, ApiError> {
    let Some(raw) = p.get("reply_markup") else {
        return Ok(None);
    };
    let markup = match raw {
        Value::Null => return Ok(None),
        Value::String(s) => serde_json::from_str::<Value>(s)
            .map_err(|_| ApiError::bad("can't parse reply keyboard markup JSON object"))?,
        other => other.clone(),
    };
    let Some(object) = markup.as_object() else {
        return Err(ApiError::bad("object expected as reply markup"));
    };
    if let Some(keyboard) = object.get("inline_keyboard") {
        validate_inline_keyboard(keyboard)?;
    } else if let Some(keyboard) = object.get("keyboard") {
        validate_reply_keyboard(keyboard)?;
    } else if !object.contains_key("remove_keyboard") && !object.contains_key("force_reply") {
        return Err(ApiError::bad("object expected as reply markup"));
    }
    Ok(Some(markup))
}

fn validate_inline_keyboard(keyboard: &Value) -> Result<(), ApiError> {
    let rows_error = || {
        ApiError::bad(
            "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays",
        )
    };
    let rows = keyboard.as_array().ok_or_else(rows_error)?;
    let mut count = 0;
    for row in rows {
        for button in row.as_array().ok_or_else(rows_error)? {
            count += 1;
            validate_inline_button(button)?;
        }
    }
    if count > MAX_INLINE_BUTTONS {
        return Err(ApiError::bad("reply markup is too long"));
    }
    Ok(())
}

fn validate_inline_button(button: &Value) -> Result<(), ApiError> {
    let Some(object) = button.as_object() else {
        return Err(ApiError::bad(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object",
        ));
    };
    if !object.get("text").is_some_and(Value::is_string) {
        return Err(ApiError::bad(
            "can't parse inline keyboard button: Field \"text\" must be of type String",
        ));
    }
    if let Some(data) = object.get("callback_data") {
        let len = data.as_str().map_or(0, str::len);
        if len == 0 || len > MAX_CALLBACK_DATA_BYTES {
            return Err(ApiError::bad("BUTTON_DATA_INVALID"));
        }
        return Ok(());
    }
    let actions = [
        "url",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "callback_game",
        "pay",
        "web_app",
        "copy_text",
    ];
    if actions.iter().any(|a| object.contains_key(*a)) {
        if object
            .get("url")
            .is_some_and(|u| u.as_str().is_none_or(str::is_empty))
        {
            return Err(ApiError::bad("BUTTON_URL_INVALID"));
        }
        return Ok(());
    }
    Err(ApiError::bad(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    ))
}

fn validate_reply_keyboard(keyboard: &Value) -> Result<(), ApiError> {
    let rows_error = || {
        ApiError::bad("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays")
    };
    for row in keyboard.as_array().ok_or_else(rows_error)? {
        for button in row.as_array().ok_or_else(rows_error)? {
            let ok = button.is_string() || button.get("text").is_some_and(Value::is_string);
            if !ok {
                return Err(ApiError::bad(
                    "can't parse keyboard button: KeyboardButton must be a String or an Object",
                ));
            }
        }
    }
    Ok(())
}

pub(crate) fn inline_part(markup: &Option<Value>) -> Option<Value> {
    markup
        .as_ref()
        .and_then(|m| m.get("inline_keyboard"))
        .map(|keyboard| json!({ "inline_keyboard": keyboard }))
}

pub(crate) fn inline_buttons(markup: &Value) -> Vec<Button> {
    let Some(rows) = markup.get("inline_keyboard").and_then(Value::as_array) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(Value::as_array)
        .flatten()
        .map(|b| Button {
            text: b
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            callback_data: b
                .get("callback_data")
                .and_then(Value::as_str)
                .map(str::to_owned),
            url: b.get("url").and_then(Value::as_str).map(str::to_owned),
        })
        .collect()
}
