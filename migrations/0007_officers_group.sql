-- Whether every member of the officers' group (ADMIN_CHAT_ID) is an officer, as the bot last
-- checked with getChatMemberCount and getChatMember. Only a group found so gets personal
-- data; any change of its members distrusts it until the next check.
CREATE TABLE officers_group (
    chat_id INTEGER PRIMARY KEY,
    trusted INTEGER NOT NULL DEFAULT 0,
    -- The members the last check counted, the bot included.
    members INTEGER,
    -- When the last check began, in milliseconds since 1970.
    checked_at INTEGER NOT NULL,
    -- When a change of members was last seen (milliseconds): a check begun before it does
    -- not count.
    distrusted_at INTEGER NOT NULL DEFAULT 0
);
