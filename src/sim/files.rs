//! Where the simulator puts the files the bot sends (exports, /dataku, charts): a folder of
//! its own for each run, readable by this user only, made fresh under the system's temporary
//! folder. Nothing there is written through a link: another user who plants a symbolic link
//! (in a shared `/tmp`) can neither read the files nor have them overwrite anything.

use std::{
    fs::{DirBuilder, File, OpenOptions},
    io::{self, Write},
    os::unix::fs::{DirBuilderExt, OpenOptionsExt},
    path::{Path, PathBuf},
    sync::Mutex,
};

/// The run's folder, made when the first file arrives.
#[derive(Default)]
pub struct Files {
    folder: Mutex<Option<PathBuf>>,
    /// Where the run's folder goes: the system's temporary folder unless a test says.
    parent: Option<PathBuf>,
}

impl Files {
    /// Under `parent` rather than the system's temporary folder.
    #[cfg(test)]
    pub fn under(parent: &Path) -> Files {
        Files {
            folder: Mutex::new(None),
            parent: Some(parent.to_owned()),
        }
    }

    /// Writes `content` as a new file named after `name` (its last part only) and gives its
    /// path. A name already there gets a number: nothing is ever overwritten.
    pub fn write(&self, name: &str, content: &[u8]) -> io::Result<PathBuf> {
        let folder = self.folder()?;
        let name = safe_name(name);
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
            _ => (name.as_str(), String::new()),
        };
        for n in 1..=100 {
            let path = match n {
                1 => folder.join(&name),
                n => folder.join(format!("{stem}-{n}{extension}")),
            };
            match create_new(&path) {
                Ok(mut file) => {
                    file.write_all(content)?;
                    file.sync_all()?;
                    return Ok(path);
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("too many files named {name} in {}", folder.display()),
        ))
    }

    fn folder(&self) -> io::Result<PathBuf> {
        let mut folder = self.folder.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(folder) = &*folder {
            return Ok(folder.clone());
        }
        let parent = self.parent.clone().unwrap_or_else(std::env::temp_dir);
        let made = make_private_folder(&parent)?;
        *folder = Some(made.clone());
        Ok(made)
    }
}

/// A new folder with a random name, mode 0700. `mkdir` fails on anything already there, a
/// planted link included, so the folder is always this run's own.
fn make_private_folder(parent: &Path) -> io::Result<PathBuf> {
    for _ in 0..16 {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(io::Error::other)?;
        let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let path = parent.join(format!("desmigratif-chat-{suffix}"));
        match DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "cannot make a private folder for the files",
    ))
}

/// Creates a file that must not exist yet (`O_EXCL` also refuses a link in its place) and
/// is never reached through a link (`O_NOFOLLOW`), readable by this user only.
fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
}

/// The last part of a name, without anything that would lead out of the folder.
fn safe_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim_start_matches('.')
        .to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn each_run_gets_a_fresh_folder_only_its_user_can_open() {
        let parent = tempfile::tempdir().unwrap();
        let (one, two) = (Files::under(parent.path()), Files::under(parent.path()));
        let a = one.write("registrations.csv", b"a").unwrap();
        let b = two.write("registrations.csv", b"b").unwrap();
        assert_ne!(a.parent(), b.parent(), "two runs, two folders");
        let folder = std::fs::metadata(a.parent().unwrap()).unwrap();
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
        let file = std::fs::metadata(&a).unwrap();
        assert_eq!(file.permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&a).unwrap(), b"a");
    }

    #[test]
    fn a_planted_link_is_never_written_through() {
        let parent = tempfile::tempdir().unwrap();
        let files = Files::under(parent.path());
        let first = files.write("signups.csv", b"first").unwrap();
        let folder = first.parent().unwrap();
        // Someone who could write in the folder plants a link where the next file would go.
        let target = parent.path().join("victim.txt");
        std::fs::write(&target, b"precious").unwrap();
        std::os::unix::fs::symlink(&target, folder.join("signups-2.csv")).unwrap();
        let second = files.write("signups.csv", b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"precious");
        assert_eq!(second, folder.join("signups-3.csv"));
        assert_eq!(std::fs::read(&second).unwrap(), b"second");
        assert_eq!(std::fs::read(&first).unwrap(), b"first");
    }

    #[test]
    fn a_name_cannot_lead_out_of_the_folder() {
        let parent = tempfile::tempdir().unwrap();
        let files = Files::under(parent.path());
        for name in [
            "../../etc/passwd",
            "..",
            "/abs/x.csv",
            ".hidden",
            "a\u{0}b.csv",
        ] {
            let path = files.write(name, b"x").unwrap();
            assert_eq!(
                path.parent().unwrap().parent().unwrap(),
                parent.path(),
                "{name}"
            );
        }
        assert!(!parent.path().join("etc").exists());
    }
}
