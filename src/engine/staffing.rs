//! Who is on the programme's staff, kept in memory as a set of user ids so that an update from
//! anyone else costs no query: loaded once from the database, and again after a change.

use std::{
    collections::HashSet,
    sync::{Arc, RwLock},
};

use crate::store::{self, Tx, staff::Member};

#[derive(Clone, Default)]
pub struct Staffing {
    ids: Arc<RwLock<Option<Arc<HashSet<i64>>>>>,
}

impl Staffing {
    /// The staff member `user_id` is, if any (their row read only if they are one).
    pub async fn member(&self, tx: &mut Tx, user_id: i64) -> store::Result<Option<Member>> {
        let known = self.ids.read().unwrap_or_else(|e| e.into_inner()).clone();
        let ids = match known {
            Some(ids) => ids,
            None => {
                let ids = Arc::new(store::staff::ids(tx).await?);
                *self.ids.write().unwrap_or_else(|e| e.into_inner()) = Some(ids.clone());
                ids
            }
        };
        if !ids.contains(&user_id) {
            return Ok(None);
        }
        store::staff::find(tx, user_id).await
    }

    /// Whether `user_id` is staff, if the ids are loaded (`None`: not known without a read).
    pub fn known(&self, user_id: i64) -> Option<bool> {
        let known = self.ids.read().unwrap_or_else(|e| e.into_inner()).clone();
        known.map(|ids| ids.contains(&user_id))
    }

    /// The staff changed (or a unit of work that may have read a change failed): read again.
    pub fn changed(&self) {
        *self.ids.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
