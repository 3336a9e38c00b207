// Included (`include!`) by harness.rs and bot_process.rs.

/// Puts at `path` (unless a database is there already) a database with the schema and the
/// village list, as `store::open` leaves a new one: a copy of a template made once (loading 83,762 villages takes most of a second in
/// a debug build, too long to pay in every test). The template is keyed by the migrations and
/// the shipped list, so a change to either makes a new one.
pub fn prepared_database(path: &std::path::Path) {
    use std::hash::{Hash, Hasher};
    if path.exists() {
        return;
    }
    static TEMPLATE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let mut key = std::collections::hash_map::DefaultHasher::new();
        for migration in desmigratif::store::MIGRATOR.iter() {
            migration.checksum.hash(&mut key);
        }
        desmigratif::areas::release::SHIPPED_NAME.hash(&mut key);
        let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let file = dir.join(format!("template-{:016x}.db", key.finish()));
        if !file.exists() {
            let making = dir.join(format!("template-{}.db.making", std::process::id()));
            let copy = dir.join(format!("template-{}.db.copy", std::process::id()));
            let _ = std::fs::remove_file(&copy);
            let url = format!("sqlite://{}", making.display());
            let into = copy.display().to_string();
            // A runtime of its own: the caller may be inside one.
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap()
                    .block_on(async {
                        let db = desmigratif::store::open(&url).await.unwrap();
                        // A copy in one file, whatever is still in the open database's log.
                        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
                        sqlx::query("VACUUM INTO ?")
                            .bind(&into)
                            .execute(&pool)
                            .await
                            .unwrap();
                        pool.close().await;
                        db.close().await;
                    })
            })
            .join()
            .unwrap();
            for leftover in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{leftover}", making.display()));
            }
            std::fs::rename(&copy, &file).unwrap();
        }
        file
    });
    std::fs::copy(template, path).unwrap();
}
