//! How an announcement's audience is named on its buttons and in its preview.

pub use crate::domain::Audience;
use crate::engine::Msg;

/// The Fluent message naming the audience.
pub fn describe(audience: &Audience) -> Msg {
    match audience {
        Audience::Everyone => Msg::new("broadcast-audience-everyone"),
        Audience::Role(r) => Msg::new(format!("broadcast-audience-{}", r.code())),
        Audience::Village(v) => {
            Msg::new("broadcast-audience-village-named").arg("village", v.as_str())
        }
        Audience::Language(l) => Msg::new(format!("broadcast-audience-lang-{}", l.code())),
        Audience::Training(id) => Msg::new("broadcast-audience-training-named").arg("number", *id),
        // Named with its places by `broadcast::describe`; here only what needs no look-up.
        Audience::Filter(_) => Msg::new("broadcast-filter-everyone"),
    }
}
