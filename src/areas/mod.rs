//! Indonesia's villages: the list shipped in the binary ([`release`]), and the search people
//! pick their village with ([`gazetteer`]), kept in memory and rebuilt when the list or the
//! programme's villages change ([`Places`]).

pub mod gazetteer;
pub mod release;

use std::sync::Arc;

use crate::built::Built;

pub use gazetteer::{Found, Gazetteer, Hit};

use crate::store::{self, Tx, areas::Listed};

/// The village search as the engine shares it: built once from the database on first use (or
/// at start), and again after a change.
#[derive(Clone, Default)]
pub struct Places(Built<Gazetteer>);

impl Places {
    /// The search, built from what `tx` sees if it is not built yet.
    pub async fn get(&self, tx: &mut Tx) -> store::Result<Arc<Gazetteer>> {
        self.0
            .get_or_build(tx, async |tx| Ok(build(store::areas::listed(tx).await?)))
            .await
    }

    pub fn built(&self) -> Option<Arc<Gazetteer>> {
        self.0.built()
    }

    /// The list or the programme's villages changed: the next search rebuilds.
    pub fn changed(&self) {
        self.0.changed();
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
