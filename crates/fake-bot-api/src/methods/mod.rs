use std::time::Instant;

use serde_json::{Value, json};

use crate::{
    BOT_FIRST_NAME, BOT_ID, BOT_USERNAME,
    request::{Params, Upload, p_bool, p_i64, p_json, p_str},
    server::ApiError,
    state::{FakeState, WebhookConfig},
};

/// setMyCommands, getMyCommands, deleteMyCommands.
pub(crate) mod commands;
/// sendDocument, sendPhoto and getFile; the file records behind them.
pub(crate) mod files;
/// `reply_markup`: validation of keyboards, the inline buttons of a markup.
pub(crate) mod markup;
/// Sending, editing, deleting, copying and forwarding messages; callback answers, chat actions.
mod messages;
/// Texts and captions: trimming, length limits, explicit entities, the refusal of parse modes.
pub(crate) mod text;

use commands::{delete_my_commands, get_my_commands, set_my_commands};
use files::{FileKind, get_file, send_file};
use messages::{
    answer_callback_query, copy_message, delete_message, edit_message_reply_markup,
    edit_message_text, forward_message, send_chat_action, send_message,
};
use text::refuse_parse_mode;

/// Runs a known method (`lower` is its lowercased name, `method` the canonical one).
pub(crate) fn dispatch(
    st: &mut FakeState,
    lower: &str,
    method: &str,
    p: &Params,
    uploads: Vec<Upload>,
    at: Instant,
) -> Result<Value, ApiError> {
    refuse_parse_mode(p)?;
    match lower {
        "getme" => Ok(get_me()),
        "getwebhookinfo" => Ok(get_webhook_info(st)),
        "setwebhook" => set_webhook(st, p),
        "deletewebhook" => delete_webhook(st, p),
        "sendmessage" => send_message(st, method, p, at),
        "editmessagetext" => edit_message_text(st, method, p, at),
        "editmessagereplymarkup" => edit_message_reply_markup(st, method, p, at),
        "deletemessage" => delete_message(st, p),
        "answercallbackquery" => answer_callback_query(st, p),
        "setmycommands" => set_my_commands(st, p),
        "getmycommands" => get_my_commands(st, p),
        "deletemycommands" => delete_my_commands(st, p),
        "senddocument" => send_file(st, method, p, &uploads, at, FileKind::Document),
        "sendphoto" => send_file(st, method, p, &uploads, at, FileKind::Photo),
        "sendchataction" => send_chat_action(st, p),
        "getfile" => get_file(st, p),
        "copymessage" => copy_message(st, method, p, at),
        "forwardmessage" => forward_message(st, method, p, at),
        "getchatmember" => get_chat_member(st, p),
        "getchatmembercount" => get_chat_member_count(st, p),
        _ => Err(ApiError::new(404, "Not Found: method not found")),
    }
}

/// The members of a group, as `getChatMember` and `getChatMemberCount` see them.
fn group_members(
    st: &FakeState,
    p: &Params,
) -> Result<(i64, std::collections::BTreeSet<i64>), ApiError> {
    let chat_id = crate::request::chat_id_param(p, "chat_id")?;
    match st.chats.get(&chat_id) {
        Some(crate::state::ChatInfo::Group { members, .. }) => Ok((chat_id, members.clone())),
        Some(crate::state::ChatInfo::Private(_)) => Err(ApiError::bad("chat member not found")),
        None => Err(ApiError::bad("chat not found")),
    }
}

/// `getChatMember`: `member` for a member, `left` for anyone else, as the real server answers
/// for a user who is not in the group.
fn get_chat_member(st: &FakeState, p: &Params) -> Result<Value, ApiError> {
    let (_, members) = group_members(st, p)?;
    let user_id =
        crate::request::p_i64(p, "user_id").ok_or_else(|| ApiError::bad("user_id is empty"))?;
    let user = if user_id == BOT_ID {
        bot_user_json()
    } else {
        st.user_json(user_id).unwrap_or_else(
            || json!({"id": user_id, "is_bot": false, "first_name": format!("User {user_id}")}),
        )
    };
    let status = if user_id == BOT_ID || members.contains(&user_id) {
        "member"
    } else {
        "left"
    };
    Ok(json!({"status": status, "user": user}))
}

/// `getChatMemberCount`: the members and the bot.
fn get_chat_member_count(st: &FakeState, p: &Params) -> Result<Value, ApiError> {
    let (_, members) = group_members(st, p)?;
    Ok(json!(members.len() + 1))
}

pub(crate) fn bot_user_json() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": BOT_FIRST_NAME, "username": BOT_USERNAME})
}

fn get_me() -> Value {
    let mut me = bot_user_json();
    for (key, value) in [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", false),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ] {
        me[key] = json!(value);
    }
    me
}

fn get_webhook_info(st: &FakeState) -> Value {
    let mut info = json!({
        "url": st.webhook.as_ref().map(|w| w.url.clone()).unwrap_or_default(),
        "has_custom_certificate": false,
        "pending_update_count": st.updates.len(),
    });
    if let Some(webhook) = &st.webhook {
        info["max_connections"] = json!(webhook.max_connections);
    }
    if let Some(allowed) = &st.allowed_updates {
        info["allowed_updates"] = json!(allowed);
    }
    info
}

fn set_webhook(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let url = p_str(p, "url").unwrap_or_default();
    if url.is_empty() {
        return delete_webhook(st, p);
    }
    if !url.to_ascii_lowercase().starts_with("https://") {
        return Err(ApiError::bad(
            "bad webhook: An HTTPS URL must be provided for webhook",
        ));
    }
    if p_bool(p, "drop_pending_updates") {
        st.updates.clear();
    }
    if let Some(allowed) = allowed_updates_param(p) {
        st.allowed_updates = allowed;
    }
    let max_connections = p_i64(p, "max_connections").unwrap_or(40).clamp(1, 100) as u32;
    st.webhook = Some(WebhookConfig {
        url,
        secret_token: p_str(p, "secret_token"),
        max_connections,
    });
    st.poll_generation += 1; // a webhook ends long polling
    Ok(json!(true))
}

fn delete_webhook(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    if p_bool(p, "drop_pending_updates") {
        st.updates.clear();
    }
    st.webhook = None;
    Ok(json!(true))
}

/// `Some(None)` resets to the default subscription (empty list), `None` = parameter absent.
pub(crate) fn allowed_updates_param(p: &Params) -> Option<Option<Vec<String>>> {
    let list = p_json(p, "allowed_updates")?;
    let kinds: Vec<String> = list
        .as_array()?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    Some(if kinds.is_empty() { None } else { Some(kinds) })
}
