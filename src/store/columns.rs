//! How domain values meet their columns: one mechanism for all of them.
//!
//! A choice (a role, a status, a language…) is stored as its stable code and a validated text
//! (a name, a phone number, a training's title…) as its text; either is read back only
//! through its own `parse`, so a value SQLite holds that the domain would refuse (an edited
//! file, an old release's code) is an error where it is read, never a value in the program.
//! Queries bind the values themselves (`.bind(profile.role)`) and read them typed
//! (`row.try_get::<Role, _>("role")`).

use sqlx::{
    Decode, Encode, Sqlite, Type,
    encode::IsNull,
    error::BoxDynError,
    sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef},
};

use super::outbox::Priority;
use crate::domain::{
    Category, Language, MembershipStatus, PersonName, Phone, PlaceName, Relation, Role, Sector,
    TrainingStatus,
    staff::Level,
    training::{Description, Location, Title},
};

/// Stores `$ty` as text: `$text` gives it, `$parse` (text → `Option`) takes it back.
macro_rules! text_column {
    ($($ty:ty => $text:expr, $parse:expr;)+) => {$(
        impl ::sqlx::Type<::sqlx::Sqlite> for $ty {
            fn type_info() -> ::sqlx::sqlite::SqliteTypeInfo {
                <str as ::sqlx::Type<::sqlx::Sqlite>>::type_info()
            }

            fn compatible(ty: &::sqlx::sqlite::SqliteTypeInfo) -> bool {
                <str as ::sqlx::Type<::sqlx::Sqlite>>::compatible(ty)
            }
        }

        impl<'q> ::sqlx::Encode<'q, ::sqlx::Sqlite> for $ty {
            fn encode_by_ref(
                &self,
                args: &mut Vec<::sqlx::sqlite::SqliteArgumentValue<'q>>,
            ) -> Result<::sqlx::encode::IsNull, ::sqlx::error::BoxDynError> {
                let text: &str = $text(self);
                args.push(::sqlx::sqlite::SqliteArgumentValue::Text(
                    ::std::borrow::Cow::Owned(text.to_owned()),
                ));
                Ok(::sqlx::encode::IsNull::No)
            }
        }

        impl<'r> ::sqlx::Decode<'r, ::sqlx::Sqlite> for $ty {
            fn decode(
                value: ::sqlx::sqlite::SqliteValueRef<'r>,
            ) -> Result<Self, ::sqlx::error::BoxDynError> {
                let text = <&str as ::sqlx::Decode<::sqlx::Sqlite>>::decode(value)?;
                $parse(text).ok_or_else(|| {
                    format!("not a valid {}: {text:?}", stringify!($ty)).into()
                })
            }
        }
    )+};
}
pub(super) use text_column;

/// A choice: stored as its code.
macro_rules! code_column {
    ($($ty:ty),+ $(,)?) => {
        $crate::store::columns::text_column!($($ty => |v: &$ty| v.code(), <$ty>::parse;)+);
    };
}
pub(super) use code_column;

code_column!(
    Role,
    Relation,
    Sector,
    Language,
    MembershipStatus,
    Category,
    TrainingStatus,
    Level
);

text_column!(
    PersonName => PersonName::as_str, |t| PersonName::parse(t).ok();
    Phone => Phone::as_str, |t| Phone::parse(t).ok();
    // Stored names are whole: typed ones were checked, listed ones (`Soka"an`) come from the
    // official list.
    PlaceName => PlaceName::as_str, |t| Some(PlaceName::from_list(t));
    Title => Title::as_str, |t| Title::parse(t).ok();
    Location => Location::as_str, |t| Location::parse(t).ok();
    Description => Description::as_str, |t| Description::parse(t).ok();
);

/// Interactive before bulk: stored as 0 and 1, so that the queue sorts by it.
impl Type<Sqlite> for Priority {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for Priority {
    fn encode_by_ref(
        &self,
        args: &mut Vec<SqliteArgumentValue<'q>>,
    ) -> Result<IsNull, BoxDynError> {
        args.push(SqliteArgumentValue::Int64(*self as i64));
        Ok(IsNull::No)
    }
}

impl<'r> Decode<'r, Sqlite> for Priority {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        match <i64 as Decode<Sqlite>>::decode(value)? {
            0 => Ok(Priority::Interactive),
            1 => Ok(Priority::Bulk),
            other => Err(format!("not a valid priority: {other}").into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{StoreError, Tx};

    async fn round_trip<T>(tx: &mut Tx, value: T) -> Result<T, StoreError>
    where
        T: for<'q> Encode<'q, Sqlite> + for<'r> Decode<'r, Sqlite> + Type<Sqlite> + Send + Unpin,
    {
        Ok(sqlx::query_scalar("SELECT ?")
            .bind(value)
            .fetch_one(tx.conn().await?)
            .await?)
    }

    #[tokio::test]
    async fn values_go_in_as_their_text_and_only_valid_text_comes_back() {
        let db = crate::store::open("sqlite::memory:").await.unwrap();
        db.writer()
            .write(async |tx| {
                assert_eq!(round_trip(tx, Role::Family).await?, Role::Family);
                let phone = Phone::parse("0812-3456-7890").unwrap();
                assert_eq!(round_trip(tx, phone.clone()).await?, phone);
                let stored: String = sqlx::query_scalar("SELECT ?")
                    .bind(TrainingStatus::Cancelled)
                    .fetch_one(tx.conn().await?)
                    .await?;
                assert_eq!(stored, "cancelled");
                // What the domain refuses does not come back as a value.
                for (refused, sql) in [
                    ("role", "SELECT 'boss'"),
                    ("name", "SELECT '12345'"),
                    ("phone", "SELECT '12'"),
                ] {
                    let read = match refused {
                        "role" => sqlx::query_scalar::<_, Role>(sql)
                            .fetch_one(tx.conn().await?)
                            .await
                            .map(|_| ()),
                        "name" => sqlx::query_scalar::<_, PersonName>(sql)
                            .fetch_one(tx.conn().await?)
                            .await
                            .map(|_| ()),
                        _ => sqlx::query_scalar::<_, Phone>(sql)
                            .fetch_one(tx.conn().await?)
                            .await
                            .map(|_| ()),
                    };
                    assert!(read.is_err(), "{refused} read back from {sql}");
                }
                Ok::<_, StoreError>(())
            })
            .await
            .unwrap();
    }
}
