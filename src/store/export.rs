//! CSV files for officers: UTF-8 with a byte-order mark, so spreadsheet programs open them
//! with the right characters. Made when they are sent, from the database as it is then, so
//! no copy of people's data waits in the outbox; the file lives on disk only until Telegram
//! has it (`Files`).
//!
//! Headers and values are in the officer's language (`Words`). Every cell is safe to open in
//! a spreadsheet: what a person typed can never run as a formula (`cell`), and phone numbers
//! stay text with their leading 0 (`phone_cell`).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Reader, Result, StoreError, Tx};
use crate::domain::{Destination, Interest, Relation, Sector, staff::Scope};

/// The words of a file in its reader's language: a Fluent message by id.
pub trait Words {
    fn word(&self, id: &str) -> String;

    /// The reader's language, for texts kept in both (trainings' titles).
    fn language(&self) -> crate::domain::Language;

    /// A column's header: `export-column-<name>`.
    fn column(&self, name: &str) -> String {
        self.word(&format!("export-column-{name}"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Registrations,
    Trainings,
    SignUps,
    /// One training's participants (from the training's own screen, not the /export menu).
    Participants(i64),
}

impl Table {
    /// The files on the /export menu.
    pub const ALL: [Table; 3] = [Table::Registrations, Table::Trainings, Table::SignUps];

    pub fn code(self) -> &'static str {
        match self {
            Table::Registrations => "registrations",
            Table::Trainings => "trainings",
            Table::SignUps => "signups",
            Table::Participants(_) => "participants",
        }
    }

    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A moment as a spreadsheet reads it, in the configured time zone (as officers type a
/// training's start).
pub fn local(unix: i64, tz: Tz) -> String {
    crate::domain::training::format_start(unix, tz)
}

/// A text cell that a spreadsheet shows as it is and never runs: a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be read as a formula (which can fetch a web
/// address with other cells' contents), so it gets a leading `'`, as OWASP's "CSV Injection"
/// advises. Control characters and invisible formatting go (see `domain::text`).
pub fn cell(text: &str) -> String {
    let text = crate::domain::text::tidy(text);
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.into_owned(),
    }
}

/// A phone number as a spreadsheet keeps it: Indonesian numbers as people dial them, with
/// spaces (`0812 3456 7890`), which Excel and LibreOffice read as text, keeping the 0;
/// foreign ones in international form behind the `'` of `cell` (`'+60123456789`).
pub fn phone_cell(e164: &str) -> String {
    match e164.strip_prefix("+62") {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
            crate::domain::phone::dialled(e164)
        }
        _ => cell(e164),
    }
}

fn csv_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("csv: {e}"))
}

/// A choice's name in the reader's words, or the stored code if this version does not know it.
fn named<T>(
    words: &(dyn Words + Sync),
    code: &str,
    parse: fn(&str) -> Option<T>,
    id: fn(T) -> String,
) -> String {
    match parse(code) {
        Some(choice) => words.word(&id(choice)),
        None => cell(code),
    }
}

/// The file, with the people of `scope` only (every training is listed: they are public).
pub async fn csv(
    tx: &mut Tx,
    table: Table,
    scope: &Scope,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<Vec<u8>> {
    write_csv(tx, table, scope, tz, words, Vec::new()).await
}

/// The file written to `out`, row by row (a million people are never all in memory).
pub async fn write_csv<W: Write + Send>(
    tx: &mut Tx,
    table: Table,
    scope: &Scope,
    tz: Tz,
    words: &(dyn Words + Sync),
    mut out: W,
) -> Result<W> {
    out.write_all(BOM).map_err(csv_error)?;
    let mut writer = csv::Writer::from_writer(out);
    match table {
        Table::Registrations => registrations(tx, &mut writer, scope, tz, words).await?,
        Table::Trainings => trainings(tx, &mut writer, tz, words).await?,
        Table::SignUps => sign_ups(tx, &mut writer, scope, tz, None, words).await?,
        Table::Participants(training_id) => {
            sign_ups(tx, &mut writer, scope, tz, Some(training_id), words).await?
        }
    }
    writer.into_inner().map_err(csv_error)
}

fn header<W: Write>(
    writer: &mut csv::Writer<W>,
    words: &(dyn Words + Sync),
    columns: &[&str],
) -> Result<()> {
    writer
        .write_record(columns.iter().map(|name| cell(&words.column(name))))
        .map_err(csv_error)
}

async fn registrations<W: Write + Send>(
    tx: &mut Tx,
    writer: &mut csv::Writer<W>,
    scope: &Scope,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<()> {
    header(
        writer,
        words,
        &[
            "user_id",
            "role",
            "full_name",
            "phone",
            "village",
            "district",
            "country",
            "years_abroad",
            "sector",
            "relation",
            "worker_abroad",
            "interests",
            "language",
            "status",
            "registered_at",
        ],
    )?;
    let (area, params) = super::within(scope, "p.village_code");
    let sql = format!(
        "SELECT p.user_id, p.role, p.full_name, p.phone, p.village, p.district, p.country, p.years_abroad,
                p.sector, p.relation, p.worker_abroad, p.interests, u.language, u.status, p.registered_at
         FROM profiles p JOIN users u ON u.id = p.user_id WHERE {area}
         ORDER BY p.registered_at, p.user_id"
    );
    let mut rows = params
        .iter()
        .fold(sqlx::query(&sql), |q, p| q.bind(*p))
        .fetch(tx.conn().await?);
    while let Some(row) = rows.try_next().await? {
        let text = |name: &str| {
            row.try_get::<Option<String>, _>(name)
                .ok()
                .flatten()
                .unwrap_or_default()
        };
        let number = |name: &str| {
            row.try_get::<Option<i64>, _>(name)
                .ok()
                .flatten()
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        let optional = |code: String, name: &dyn Fn(&str) -> String| {
            if code.is_empty() { code } else { name(&code) }
        };
        let country = text("country");
        let country = match country.strip_prefix("other:") {
            Some(typed) => cell(typed),
            None => optional(country, &|c| {
                named(words, c, Destination::parse, Destination::message_id)
            }),
        };
        let interests = text("interests")
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| named(words, c, Interest::parse, Interest::message_id))
            .collect::<Vec<_>>()
            .join("; ");
        writer
            .write_record([
                number("user_id"),
                optional(text("role"), &|c| words.word(&format!("export-role-{c}"))),
                cell(&text("full_name")),
                optional(text("phone"), &|p| phone_cell(p)),
                cell(&text("village")),
                cell(&text("district")),
                country,
                number("years_abroad"),
                optional(text("sector"), &|c| {
                    named(words, c, Sector::parse, Sector::message_id)
                }),
                optional(text("relation"), &|c| {
                    named(words, c, Relation::parse, Relation::message_id)
                }),
                match row
                    .try_get::<Option<bool>, _>("worker_abroad")
                    .ok()
                    .flatten()
                {
                    Some(true) => words.word("worker-abroad"),
                    Some(false) => words.word("worker-home"),
                    None => String::new(),
                },
                interests,
                optional(text("language"), &|c| {
                    words.word(&format!("language-name-{c}"))
                }),
                optional(text("status"), &|c| {
                    words.word(&format!("export-status-{c}"))
                }),
                local(row.try_get::<i64, _>("registered_at")?, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

/// Every training: its id and status, the columns of the trainings import, and the numbers.
/// The import's columns keep their codes and header names, so that an edited export can be
/// imported again; only the status is in words.
async fn trainings<W: Write + Send>(
    tx: &mut Tx,
    writer: &mut csv::Writer<W>,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<()> {
    let header = [words.column("id"), words.column("status")]
        .into_iter()
        .chain(
            crate::domain::training_csv::COLUMNS
                .iter()
                .map(|c| (*c).to_owned()),
        )
        .chain([words.column("booked"), words.column("waiting")]);
    writer
        .write_record(header.map(|h| cell(&h)))
        .map_err(csv_error)?;
    for t in crate::store::trainings::all(tx).await? {
        let d = &t.details;
        writer
            .write_record([
                t.id.to_string(),
                words.word(&t.status.message_id()),
                cell(d.title_id.as_str()),
                cell(d.title_en.as_str()),
                d.category.code().to_owned(),
                local(d.starts_at, tz),
                cell(d.location.as_str()),
                d.capacity.get().to_string(),
                cell(d.description_id.as_str()),
                cell(d.description_en.as_str()),
                t.booked.to_string(),
                t.waiting.to_string(),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

/// Everyone signed up, for one training or all: seats first, then the waitlist in its order.
async fn sign_ups<W: Write + Send>(
    tx: &mut Tx,
    writer: &mut csv::Writer<W>,
    scope: &Scope,
    tz: Tz,
    training_id: Option<i64>,
    words: &(dyn Words + Sync),
) -> Result<()> {
    header(
        writer,
        words,
        &[
            "training_id",
            "training",
            "starts_at",
            "signup_status",
            "position",
            "full_name",
            "phone",
            "village",
            "district",
            "role",
            "signed_up_at",
        ],
    )?;
    for p in crate::store::signups::participants(tx, training_id, scope).await? {
        writer
            .write_record([
                p.training_id.to_string(),
                cell(match words.language() {
                    crate::domain::Language::Id => &p.training_title.0,
                    crate::domain::Language::En => &p.training_title.1,
                }),
                local(p.starts_at, tz),
                words.word(&p.status.message_id()),
                p.position.map(|n| n.to_string()).unwrap_or_default(),
                cell(p.name.as_deref().unwrap_or_default()),
                p.phone.as_deref().map(phone_cell).unwrap_or_default(),
                cell(p.village.as_deref().unwrap_or_default()),
                cell(p.district.as_deref().unwrap_or_default()),
                p.role
                    .as_deref()
                    .map(|c| words.word(&format!("export-role-{c}")))
                    .unwrap_or_default(),
                local(p.signed_up_at, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

/// Telegram takes files of up to 50 MB from a bot; a bigger file goes zipped (a CSV shrinks
/// about six times), and one still too big is refused with a word to the officer.
const UPLOAD_LIMIT: u64 = 49_000_000;

/// What a file needs besides the database: which, whose, and how to name and word it.
pub struct Request {
    pub table: Table,
    pub scope: Scope,
    pub tz: Tz,
    pub file_name: String,
}

/// A file ready to send, deleted from the disk when this is dropped.
#[derive(Debug)]
pub enum Made {
    File {
        /// The name the officer sees (`….zip` when zipped).
        name: String,
        path: tempfile::TempPath,
        zipped: bool,
    },
    /// Over Telegram's limit even zipped: the officer is asked for a smaller area.
    TooBig,
}

/// Where and how files are made. A file over a million people takes a few seconds of work,
/// so it is made on a thread of its own, as idle work (`cpu::run_as_background`), on a
/// read-only connection opened from that thread (its SQLite thread is idle work too): the
/// bot's replies never wait for it. An in-memory database (the simulator, tests) can only be
/// read through its one pool, so there the file is made in place.
#[derive(Clone)]
pub struct Files {
    database: Option<PathBuf>,
    in_place: Reader,
    dir: PathBuf,
    /// Bigger files go zipped: `UPLOAD_LIMIT`, less in tests.
    limit: u64,
}

impl Files {
    /// Files of `database` (`None`: in memory) made in `dir`, which is emptied first: what is
    /// there was left by a bot that was stopped before it could send it.
    pub(super) fn new(database: Option<&Path>, in_place: Reader) -> Result<Files> {
        let dir = match database {
            Some(file) => {
                let mut dir = file.as_os_str().to_owned();
                dir.push("-exports");
                let dir = PathBuf::from(dir);
                create_private_dir(&dir)?;
                for left in std::fs::read_dir(&dir)?.flatten() {
                    let _ = std::fs::remove_file(left.path());
                }
                dir
            }
            None => std::env::temp_dir(),
        };
        Ok(Files {
            database: database.map(Path::to_path_buf),
            in_place,
            dir,
            limit: UPLOAD_LIMIT,
        })
    }

    /// Makes the file for `request` in the words of `words`.
    pub async fn make(
        &self,
        request: Request,
        words: std::sync::Arc<dyn Words + Send + Sync>,
    ) -> Result<Made> {
        let limit = self.limit;
        let Some(database) = self.database.clone() else {
            return self
                .in_place
                .read(async |tx| made_in(tx, &request, &*words, &self.dir, limit).await)
                .await;
        };
        let dir = self.dir.clone();
        let (done, made) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                crate::cpu::run_this_thread_as_background();
                let made = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime.block_on(async {
                        let pool = sqlx::sqlite::SqlitePoolOptions::new()
                            .max_connections(1)
                            .connect_with(
                                sqlx::sqlite::SqliteConnectOptions::new()
                                    .filename(&database)
                                    .read_only(true)
                                    .busy_timeout(std::time::Duration::from_secs(10)),
                            )
                            .await?;
                        let made = Reader::new(&pool)
                            .read(async |tx| made_in(tx, &request, &*words, &dir, limit).await)
                            .await;
                        pool.close().await;
                        made
                    }),
                    Err(error) => Err(StoreError::Io(error)),
                };
                let _ = done.send(made);
            })?;
        made.await
            .unwrap_or_else(|_| Err(StoreError::Corrupt("the export's thread ended".into())))
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The file as CSV in `dir`, zipped if it is over `limit`.
async fn made_in(
    tx: &mut Tx,
    request: &Request,
    words: &(dyn Words + Sync),
    dir: &Path,
    limit: u64,
) -> Result<Made> {
    let file = tempfile::NamedTempFile::new_in(dir)?;
    let (file, path) = file.into_parts();
    let file = write_csv(tx, request.table, &request.scope, request.tz, words, file).await?;
    let size = file.metadata()?.len();
    drop(file);
    if size <= limit {
        return Ok(Made::File {
            name: request.file_name.clone(),
            path,
            zipped: false,
        });
    }
    let zipped = zip_file(&path, &request.file_name, request.tz, dir)?;
    drop(path);
    if std::fs::metadata(&zipped)?.len() > limit {
        return Ok(Made::TooBig);
    }
    let stem = request.file_name.trim_end_matches(".csv");
    Ok(Made::File {
        name: format!("{stem}.zip"),
        path: zipped,
        zipped: true,
    })
}

/// A ZIP holding the file at `path` as `name`, dated now in `tz`.
fn zip_file(path: &Path, name: &str, tz: Tz, dir: &Path) -> Result<tempfile::TempPath> {
    use chrono::{Datelike, Timelike};
    let (file, zipped) = tempfile::NamedTempFile::new_in(dir)?.into_parts();
    let now = chrono::Utc::now().with_timezone(&tz);
    let when = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        u8::try_from(now.month()).unwrap_or(1),
        u8::try_from(now.day()).unwrap_or(1),
        u8::try_from(now.hour()).unwrap_or(0),
        u8::try_from(now.minute()).unwrap_or(0),
        u8::try_from(now.second()).unwrap_or(0),
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when)
        .large_file(std::fs::metadata(path)?.len() >= u64::from(u32::MAX));
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    zip.start_file(name, options).map_err(csv_error)?;
    std::io::copy(&mut std::fs::File::open(path)?, &mut zip)?;
    zip.finish()
        .map_err(csv_error)?
        .into_inner()
        .map_err(|e| StoreError::Io(e.into_error()))?
        .sync_all()?;
    Ok(zipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_be_a_formula_is_kept_as_text() {
        for hostile in [
            "=1+1",
            "-WEBSERVICE(CONCAT(F3,CHAR(58),G3,D2))",
            "+SUM(A1)",
            "@SUM(A1)",
        ] {
            assert_eq!(cell(hostile), format!("'{hostile}"));
        }
        // Tabs and carriage returns at the start are tidied away before they count.
        assert_eq!(cell("\t=1+1"), "'=1+1");
        assert_eq!(cell("\r\n-2"), "'-2");
        assert_eq!(cell(" =1"), "'=1");
        assert_eq!(cell("Kenanga"), "Kenanga");
        assert_eq!(cell("Desa - Kenanga"), "Desa - Kenanga");
        assert_eq!(cell(""), "");
    }

    struct Codes;

    impl Words for Codes {
        fn word(&self, id: &str) -> String {
            id.to_owned()
        }

        fn language(&self) -> crate::domain::Language {
            crate::domain::Language::Id
        }
    }

    /// Files of a database with `people` registered in Kenanga, made on their own thread.
    async fn files_of(people: i64) -> (tempfile::TempDir, crate::store::Database, Files) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = crate::store::open(&url).await.unwrap();
        db.writer()
            .write(async |tx| {
                for id in 1..=people {
                    sqlx::query(
                        "INSERT INTO users (id, language, first_seen, last_seen) VALUES (?1, 'id', 0, 0);
                         INSERT INTO profiles (user_id, role, full_name, phone, village, district,
                                               interests, registered_at, updated_at, village_code)
                         VALUES (?1, 'returnee', 'Siti ' || ?1, '+6281234567890', 'Kenanga',
                                 'Sindang', '', ?1, ?1, 3212162004)",
                    )
                    .bind(id)
                    .execute(tx.conn().await?)
                    .await?;
                }
                Ok::<_, StoreError>(())
            })
            .await
            .unwrap();
        let files = db.files();
        (dir, db, files)
    }

    fn registrations() -> Request {
        Request {
            table: Table::Registrations,
            scope: Scope::default(),
            tz: chrono_tz::Asia::Jakarta,
            file_name: "desmigratif-registrations-2026-12-07.csv".to_owned(),
        }
    }

    #[tokio::test]
    async fn a_file_is_made_beside_the_database_and_deleted_when_dropped() {
        let (dir, _db, files) = files_of(3).await;
        let made = files
            .make(registrations(), std::sync::Arc::new(Codes))
            .await
            .unwrap();
        let Made::File { name, path, zipped } = made else {
            panic!("a file");
        };
        assert_eq!(name, "desmigratif-registrations-2026-12-07.csv");
        assert!(!zipped);
        assert_eq!(
            path.parent(),
            Some(dir.path().join("t.db-exports").as_path())
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 4, "the header and three people");
        assert!(text.contains("Siti 3"));
        let kept = path.to_path_buf();
        drop(path);
        assert!(!kept.exists(), "no copy of people's data stays");
    }

    #[tokio::test]
    async fn a_file_over_the_limit_goes_zipped_and_one_still_too_big_is_refused() {
        let (_dir, _db, mut files) = files_of(200).await;
        files.limit = 4_000;
        let made = files
            .make(registrations(), std::sync::Arc::new(Codes))
            .await
            .unwrap();
        let Made::File { name, path, zipped } = made else {
            panic!("a zipped file");
        };
        assert!(zipped);
        assert_eq!(name, "desmigratif-registrations-2026-12-07.zip");
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(archive.len(), 1);
        let mut inside = archive.by_index(0).unwrap();
        assert_eq!(
            inside.name().unwrap(),
            "desmigratif-registrations-2026-12-07.csv"
        );
        let mut text = String::new();
        std::io::Read::read_to_string(&mut inside, &mut text).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(text.lines().count(), 201, "the header and everyone");

        files.limit = 100;
        let made = files
            .make(registrations(), std::sync::Arc::new(Codes))
            .await
            .unwrap();
        assert!(matches!(made, Made::TooBig));
        assert_eq!(
            std::fs::read_dir(&files.dir).unwrap().count(),
            1,
            "only the zipped file still held above"
        );
    }

    #[test]
    fn indonesian_phones_stay_text_with_their_zero() {
        assert_eq!(phone_cell("+6281234567890"), "0812 3456 7890");
        assert_eq!(phone_cell("+62812345678"), "0812 3456 78");
        assert_eq!(phone_cell("+60123456789"), "'+60123456789");
    }
}
