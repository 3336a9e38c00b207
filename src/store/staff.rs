//! The programme's staff (migration `0010`): who serves which areas, their invitations, and
//! the contact card people see.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};
use crate::domain::staff::{Area, StaffRole};

/// What people see of a staff member under "My village officer": set by the member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub address: Option<String>,
}

impl Card {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.phone.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub user_id: i64,
    pub role: StaffRole,
    pub areas: Vec<Area>,
    pub invited_by: i64,
    pub since: i64,
    pub card: Card,
}

const MEMBER: &str = "SELECT s.user_id, s.role, s.invited_by, s.since, s.card_name, s.card_phone,
                             s.card_hours, s.card_address, group_concat(a.area) AS areas
                      FROM staff s LEFT JOIN staff_areas a ON a.user_id = s.user_id";

fn member(row: &sqlx::sqlite::SqliteRow) -> Result<Option<Member>> {
    let Some(role) = StaffRole::parse(row.try_get("role")?) else {
        return Ok(None);
    };
    let areas: Option<String> = row.try_get("areas")?;
    let mut areas: Vec<Area> = areas
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| Area::from_db(role, n.parse().ok()?))
        .collect();
    areas.sort();
    Ok(Some(Member {
        user_id: row.try_get("user_id")?,
        role,
        areas,
        invited_by: row.try_get("invited_by")?,
        since: row.try_get("since")?,
        card: Card {
            name: row.try_get("card_name")?,
            phone: row.try_get("card_phone")?,
            hours: row.try_get("card_hours")?,
            address: row.try_get("card_address")?,
        },
    }))
}

/// The rows `read` understands (a row with a role or area this version does not know is
/// left out).
fn read_all<T>(
    rows: Vec<sqlx::sqlite::SqliteRow>,
    read: fn(&sqlx::sqlite::SqliteRow) -> Result<Option<T>>,
) -> Result<Vec<T>> {
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        list.extend(read(row)?);
    }
    Ok(list)
}

fn read_one<T>(
    row: Option<sqlx::sqlite::SqliteRow>,
    read: fn(&sqlx::sqlite::SqliteRow) -> Result<Option<T>>,
) -> Result<Option<T>> {
    match row {
        Some(row) => read(&row),
        None => Ok(None),
    }
}

/// Everyone, by user id.
pub async fn all(tx: &mut Tx) -> Result<Vec<Member>> {
    let rows = sqlx::query(&format!("{MEMBER} GROUP BY s.user_id ORDER BY s.user_id"))
        .fetch_all(tx.conn().await?)
        .await?;
    read_all(rows, member)
}

pub async fn find(tx: &mut Tx, user_id: i64) -> Result<Option<Member>> {
    let row = sqlx::query(&format!("{MEMBER} WHERE s.user_id = ? GROUP BY s.user_id"))
        .bind(user_id)
        .fetch_optional(tx.conn().await?)
        .await?;
    read_one(row, member)
}

/// The staff serving exactly this area (a village's officers, a regency's coordinators).
pub async fn serving(tx: &mut Tx, area: Area) -> Result<Vec<Member>> {
    let rows = sqlx::query(&format!(
        "{MEMBER} WHERE s.user_id IN (SELECT user_id FROM staff_areas WHERE area = ?)
         GROUP BY s.user_id ORDER BY s.since"
    ))
    .bind(area.to_db())
    .fetch_all(tx.conn().await?)
    .await?;
    let mut members = read_all(rows, member)?;
    members.retain(|m| m.role == area.role());
    Ok(members)
}

/// Gives `user_id` the role for `area`: added to their areas if they already have that role,
/// else their role and areas are replaced.
pub async fn appoint(
    tx: &mut Tx,
    user_id: i64,
    area: Area,
    invited_by: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let role = area.role();
    let changed_role = sqlx::query(
        "INSERT INTO staff (user_id, role, invited_by, since) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by,
             since = excluded.since
         WHERE staff.role <> excluded.role",
    )
    .bind(user_id)
    .bind(role.code())
    .bind(invited_by)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?
    .rows_affected();
    if changed_role > 0 {
        sqlx::query("DELETE FROM staff_areas WHERE user_id = ?")
            .bind(user_id)
            .execute(tx.conn().await?)
            .await?;
    }
    sqlx::query("INSERT INTO staff_areas (user_id, area) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(user_id)
        .bind(area.to_db())
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// Ends a staff member's rights, and with them their console sessions; true if they had any.
pub async fn remove(tx: &mut Tx, user_id: i64) -> Result<bool> {
    let removed = sqlx::query("DELETE FROM staff WHERE user_id = ?")
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?
        .rows_affected()
        > 0;
    super::console::end_all(tx, user_id).await?;
    Ok(removed)
}

/// Takes one area from a staff member; with none left, they are no longer staff.
pub async fn remove_area(tx: &mut Tx, user_id: i64, area: Area) -> Result<()> {
    sqlx::query("DELETE FROM staff_areas WHERE user_id = ? AND area = ?")
        .bind(user_id)
        .bind(area.to_db())
        .execute(tx.conn().await?)
        .await?;
    let gone = sqlx::query(
        "DELETE FROM staff WHERE user_id = ?
         AND NOT EXISTS (SELECT 1 FROM staff_areas WHERE user_id = ?)",
    )
    .bind(user_id)
    .bind(user_id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected();
    if gone > 0 {
        super::console::end_all(tx, user_id).await?;
    }
    Ok(())
}

/// One field of a member's own card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardField {
    Name,
    Phone,
    Hours,
    Address,
}

impl CardField {
    pub const ALL: [CardField; 4] = [
        CardField::Name,
        CardField::Phone,
        CardField::Hours,
        CardField::Address,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CardField::Name => "name",
            CardField::Phone => "phone",
            CardField::Hours => "hours",
            CardField::Address => "address",
        }
    }

    pub fn parse(code: &str) -> Option<CardField> {
        CardField::ALL.into_iter().find(|f| f.code() == code)
    }
}

pub async fn set_card(
    tx: &mut Tx,
    user_id: i64,
    field: CardField,
    value: Option<&str>,
) -> Result<()> {
    let column = match field {
        CardField::Name => "card_name",
        CardField::Phone => "card_phone",
        CardField::Hours => "card_hours",
        CardField::Address => "card_address",
    };
    sqlx::query(&format!("UPDATE staff SET {column} = ? WHERE user_id = ?"))
        .bind(value)
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// An invitation to a role in an area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub area: Area,
    pub created_by: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_by: Option<i64>,
    pub revoked: bool,
}

impl Invitation {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.accepted_by.is_none() && !self.revoked && self.expires_at > unix(now)
    }
}

const INVITATION: &str = "SELECT id, role, area, created_by, created_at, expires_at, accepted_by,
                                 revoked_at IS NOT NULL AS revoked
                          FROM staff_invitations";

fn invitation(row: &sqlx::sqlite::SqliteRow) -> Result<Option<Invitation>> {
    let Some(role) = StaffRole::parse(row.try_get("role")?) else {
        return Ok(None);
    };
    let Some(area) = Area::from_db(role, row.try_get("area")?) else {
        return Ok(None);
    };
    Ok(Some(Invitation {
        id: row.try_get("id")?,
        area,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        accepted_by: row.try_get("accepted_by")?,
        revoked: row.try_get("revoked")?,
    }))
}

pub async fn invite(
    tx: &mut Tx,
    token_hash: &str,
    area: Area,
    created_by: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO staff_invitations (token_hash, role, area, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(token_hash)
    .bind(area.role().code())
    .bind(area.to_db())
    .bind(created_by)
    .bind(unix(now))
    .bind(unix(expires_at))
    .fetch_one(tx.conn().await?)
    .await?)
}

pub async fn invitation_by_token(tx: &mut Tx, token_hash: &str) -> Result<Option<Invitation>> {
    let row = sqlx::query(&format!("{INVITATION} WHERE token_hash = ?"))
        .bind(token_hash)
        .fetch_optional(tx.conn().await?)
        .await?;
    read_one(row, invitation)
}

pub async fn invitation_by_id(tx: &mut Tx, id: i64) -> Result<Option<Invitation>> {
    let row = sqlx::query(&format!("{INVITATION} WHERE id = ?"))
        .bind(id)
        .fetch_optional(tx.conn().await?)
        .await?;
    read_one(row, invitation)
}

/// Invitations neither used, revoked nor expired, newest first.
pub async fn open_invitations(tx: &mut Tx, now: DateTime<Utc>) -> Result<Vec<Invitation>> {
    let rows = sqlx::query(&format!(
        "{INVITATION} WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
         ORDER BY id DESC"
    ))
    .bind(unix(now))
    .fetch_all(tx.conn().await?)
    .await?;
    read_all(rows, invitation)
}

/// Uses the invitation for `user_id`, if it is still open; true if it was.
pub async fn accept(tx: &mut Tx, id: i64, user_id: i64, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE staff_invitations SET accepted_by = ?1, accepted_at = ?2
         WHERE id = ?3 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?2",
    )
    .bind(user_id)
    .bind(unix(now))
    .bind(id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1)
}

pub async fn revoke_invitation(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE staff_invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL
         AND revoked_at IS NULL",
    )
    .bind(unix(now))
    .bind(id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1)
}

/// Every staff member's user id.
pub async fn ids(tx: &mut Tx) -> Result<std::collections::HashSet<i64>> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT user_id FROM staff")
        .fetch_all(tx.conn().await?)
        .await?;
    Ok(ids.into_iter().collect())
}
