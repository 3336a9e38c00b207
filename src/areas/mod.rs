//! Indonesia's villages: the list shipped in the binary ([`release`]), and the search people
//! pick their village with ([`gazetteer`]), kept in memory and rebuilt when the list or the
//! programme's villages change ([`Places`]).

pub mod gazetteer;
pub mod release;

use std::sync::{Arc, RwLock};

pub use gazetteer::{Found, Gazetteer, Hit};

use crate::store::{self, Tx, areas::Listed};

/// The village search as the engine shares it: built once from the database on first use (or
/// at start), and again after a change.
#[derive(Clone, Default)]
pub struct Places {
    current: Arc<RwLock<Option<Arc<Gazetteer>>>>,
}

impl Places {
    /// The search, built from what `tx` sees if it is not built yet.
    pub async fn get(&self, tx: &mut Tx) -> store::Result<Arc<Gazetteer>> {
        if let Some(built) = self.built() {
            return Ok(built);
        }
        let listed = store::areas::listed(tx).await?;
        let built = Arc::new(build(listed));
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(built.clone());
        Ok(built)
    }

    pub fn built(&self) -> Option<Arc<Gazetteer>> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The list or the programme's villages changed: the next search rebuilds.
    pub fn changed(&self) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

fn build(listed: Listed) -> Gazetteer {
    Gazetteer::new(
        listed.provinces,
        listed.regencies,
        listed.districts,
        listed.villages,
    )
}
