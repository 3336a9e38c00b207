//! A search built from the database and shared by every turn (the village list, the licensed
//! placement companies): built on first use, and again after a change. A turn that changes
//! what it is built from says so, and the engine drops the built copy after the commit (and
//! after a failure, so that nothing a rolled-back turn saw stays).

use std::sync::{Arc, RwLock};

use crate::store::{self, Tx};

pub struct Built<T> {
    current: Arc<RwLock<Option<Arc<T>>>>,
}

impl<T> Clone for Built<T> {
    fn clone(&self) -> Built<T> {
        Built {
            current: self.current.clone(),
        }
    }
}

impl<T> Default for Built<T> {
    fn default() -> Built<T> {
        Built {
            current: Arc::new(RwLock::new(None)),
        }
    }
}

impl<T> Built<T> {
    /// The built copy, built by `build` from what `tx` sees if there is none.
    pub async fn get_or_build(
        &self,
        tx: &mut Tx,
        build: impl AsyncFnOnce(&mut Tx) -> store::Result<T>,
    ) -> store::Result<Arc<T>> {
        if let Some(built) = self.built() {
            return Ok(built);
        }
        let built = Arc::new(build(tx).await?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(built.clone());
        Ok(built)
    }

    pub fn built(&self) -> Option<Arc<T>> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// What it is built from changed: the next use builds it again.
    pub fn changed(&self) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
