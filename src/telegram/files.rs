//! Files the engine needs the content of, fetched before it sees the update (the engine does
//! no I/O): an officer's trainings CSV.

use teloxide::{Bot, net::Download, prelude::Requester, types::FileId};

use crate::domain::training_csv;
use crate::engine::{Engine, Event, Input};

/// A CSV a staff member sends (trainings, the programme's villages) is fetched (at most `training_csv::MAX_BYTES`). If the
/// download fails the engine gets the file without content and tells the officer to try again.
pub async fn fetch_officers_csv(bot: &Bot, engine: &Engine, mut input: Input) -> Input {
    let sender = input.sender.as_ref().map(|s| s.id);
    let private = input.chat.private;
    if let Event::Document {
        file_id,
        file_name,
        mime_type,
        size,
        content,
    } = &mut input.event
    {
        let wanted = *size <= training_csv::MAX_BYTES
            && training_csv::looks_like_csv(file_name.as_deref(), mime_type.as_deref())
            && private
            && match sender {
                Some(id) => engine.is_staff(id).await,
                None => false,
            };
        if wanted {
            match download(bot, file_id).await {
                Ok(bytes) => *content = Some(bytes),
                // teloxide hides the token in these errors.
                Err(error) => tracing::warn!(%error, "could not download an officer's CSV"),
            }
        }
    }
    input
}

async fn download(bot: &Bot, file_id: &str) -> anyhow::Result<Vec<u8>> {
    let file = bot.get_file(FileId(file_id.to_owned())).await?;
    anyhow::ensure!(
        u64::from(file.meta.size) <= training_csv::MAX_BYTES,
        "file larger than 1 MiB"
    );
    let mut bytes = Vec::new();
    bot.download_file(&file.path, &mut bytes).await?;
    Ok(bytes)
}
