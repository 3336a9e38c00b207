use serde_json::{Value, json};

use crate::{
    request::{Params, p_json, p_str, value_as_i64},
    server::ApiError,
    state::FakeState,
};

const MAX_COMMANDS: usize = 100;

fn scope_key(st: &FakeState, p: &Params) -> Result<String, ApiError> {
    let Some(scope) = p_json(p, "scope") else {
        return Ok("default".to_owned());
    };
    let kind = scope
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let chat = |st: &FakeState| -> Result<i64, ApiError> {
        let id = scope
            .get("chat_id")
            .and_then(value_as_i64)
            .ok_or_else(|| ApiError::bad("chat not found"))?;
        st.known_chat(id)?;
        Ok(id)
    };
    match kind {
        "default" | "all_private_chats" | "all_group_chats" | "all_chat_administrators" => {
            Ok(kind.to_owned())
        }
        "chat" | "chat_administrators" => Ok(format!("{kind}:{}", chat(st)?)),
        "chat_member" => {
            let user = scope
                .get("user_id")
                .and_then(value_as_i64)
                .ok_or_else(|| ApiError::bad("user not found"))?;
            Ok(format!("chat_member:{}:{user}", chat(st)?))
        }
        _ => Err(ApiError::bad("unsupported bot command scope type")),
    }
}

fn language_param(p: &Params) -> Result<String, ApiError> {
    let code = p_str(p, "language_code").unwrap_or_default();
    let valid =
        code.is_empty() || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()));
    if valid {
        Ok(code)
    } else {
        Err(ApiError::bad("invalid language code specified"))
    }
}

pub(crate) fn set_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let Some(Value::Array(items)) = p_json(p, "commands") else {
        return Err(ApiError::bad("parameter \"commands\" is required"));
    };
    let scope = scope_key(st, p)?;
    let language = language_param(p)?;
    let mut commands = Vec::with_capacity(items.len());
    for item in &items {
        commands.push(clean_command(item)?);
    }
    if commands.len() > MAX_COMMANDS {
        return Err(ApiError::bad("BOT_COMMANDS_TOO_MUCH"));
    }
    let valid_name = |c: &str| {
        c.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    if commands.iter().any(|(name, _)| !valid_name(name)) {
        return Err(ApiError::bad("BOT_COMMAND_INVALID"));
    }
    if commands.is_empty() {
        st.commands.remove(&(scope, language));
    } else {
        st.commands.insert((scope, language), commands);
    }
    Ok(json!(true))
}

/// tdlib's local checks: trim, strip one leading '/', lengths in characters.
fn clean_command(item: &Value) -> Result<(String, String), ApiError> {
    let command = item
        .get("command")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim();
    let command = command.strip_prefix('/').unwrap_or(command);
    if command.is_empty() {
        return Err(ApiError::bad("command must be non-empty"));
    }
    if command.chars().count() > 32 {
        return Err(ApiError::bad("command length must not exceed 32"));
    }
    let description = item
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim();
    if description.is_empty() {
        return Err(ApiError::bad("command description must be non-empty"));
    }
    if description.chars().count() > 256 {
        return Err(ApiError::bad(
            "command description length must not exceed 256",
        ));
    }
    Ok((command.to_owned(), description.to_owned()))
}

pub(crate) fn get_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let key = (scope_key(st, p)?, language_param(p)?);
    let commands = st.commands.get(&key).cloned().unwrap_or_default();
    Ok(Value::Array(
        commands
            .into_iter()
            .map(|(command, description)| json!({"command": command, "description": description}))
            .collect(),
    ))
}

pub(crate) fn delete_my_commands(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let key = (scope_key(st, p)?, language_param(p)?);
    st.commands.remove(&key);
    Ok(json!(true))
}
