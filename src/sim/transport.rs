//! Prints rendered replies to a terminal and remembers the buttons on screen.

use std::{
    io::Write,
    sync::{
        Mutex,
        atomic::{AtomicI32, Ordering},
    },
};

use crate::engine::Event;
use crate::sender::{
    Delivered, DeliveryError, Outgoing, RenderedButton, RenderedKeyboard, Transport,
};

/// The buttons the user can press now: inline ones numbered from 1, a "share my number"
/// keyboard as 0.
#[derive(Clone, Debug, Default)]
pub struct Screen {
    message_id: i32,
    buttons: Vec<RenderedButton>,
    share_contact: bool,
}

impl Screen {
    /// The event a press of button `n` makes, if there is such a button.
    pub fn press(&self, n: usize, phone: &str, user_id: i64) -> Option<Event> {
        if self.share_contact && n == 0 {
            return Some(Event::Contact {
                phone: phone.to_owned(),
                user_id: Some(user_id),
            });
        }
        match self.buttons.get(n.checked_sub(1)?)? {
            RenderedButton::Callback { data, .. } => Some(Event::Button {
                query_id: format!("sim-{}-{n}", self.message_id),
                message_id: Some(self.message_id),
                data: data.clone(),
            }),
            RenderedButton::Url { .. } => None,
        }
    }
}

pub struct SimTransport<W> {
    out: Mutex<W>,
    files: super::files::Files,
    screen: Mutex<Screen>,
    next_message_id: AtomicI32,
}

impl<W: Write + Send + 'static> SimTransport<W> {
    pub fn new(out: W) -> Self {
        SimTransport {
            out: Mutex::new(out),
            files: super::files::Files::default(),
            screen: Mutex::new(Screen::default()),
            next_message_id: AtomicI32::new(1),
        }
    }

    pub fn screen(&self) -> Screen {
        self.screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn print(&self, text: &str) {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        // A terminal that went away is not worth failing a delivery for.
        let _ = writeln!(out, "{text}");
    }

    fn show(&self, message_id: i32, heading: &str, text: &str, keyboard: &RenderedKeyboard) {
        let mut printed = format!("{heading}{text}");
        let mut screen = Screen {
            message_id,
            ..Screen::default()
        };
        match keyboard {
            RenderedKeyboard::Inline(rows) => {
                for row in rows {
                    printed.push_str("\n  ");
                    for button in row {
                        screen.buttons.push(button.clone());
                        let n = screen.buttons.len();
                        match button {
                            RenderedButton::Callback { label, .. } => {
                                printed.push_str(&format!("[{n}] {label}   "))
                            }
                            RenderedButton::Url { label, url } => {
                                printed.push_str(&format!("[{label}: {url}]   "))
                            }
                        }
                    }
                }
            }
            RenderedKeyboard::ShareContact { label } => {
                printed.push_str(&format!("\n  [0] {label}"))
            }
            RenderedKeyboard::None | RenderedKeyboard::Remove => {}
        }
        self.print(printed.trim_end());
        let mut current = self.screen.lock().unwrap_or_else(|e| e.into_inner());
        // As in Telegram: a keyboard in place of the user's own stays until taken away, and a
        // message without buttons leaves the previous buttons usable.
        screen.share_contact = match keyboard {
            RenderedKeyboard::ShareContact { .. } => true,
            RenderedKeyboard::Remove => false,
            _ => current.share_contact,
        };
        if !screen.buttons.is_empty() || !matches!(keyboard, RenderedKeyboard::None) {
            *current = screen;
        }
    }
}

impl<W: Write + Send + 'static> Transport for SimTransport<W> {
    async fn deliver(&self, message: &Outgoing) -> Result<Delivered, DeliveryError> {
        match message {
            Outgoing::Message { text, keyboard, .. } => {
                let id = self.next_message_id.fetch_add(1, Ordering::Relaxed);
                self.show(id, "\n🤖 ", text, keyboard);
                Ok(Delivered {
                    message_id: Some(id),
                    photo_file_id: None,
                })
            }
            Outgoing::Edit {
                message_id,
                text,
                keyboard,
                ..
            } => {
                self.show(*message_id, "\n🤖 ", text, keyboard);
                Ok(Delivered {
                    message_id: Some(*message_id),
                    photo_file_id: None,
                })
            }
            Outgoing::PhotoUpload {
                png,
                caption,
                keyboard,
                ..
            } => {
                let id = self.next_message_id.fetch_add(1, Ordering::Relaxed);
                let path = self
                    .files
                    .write(&format!("chart-{id}.png"), png)
                    .map_err(|e| DeliveryError::Transient(e.to_string()))?;
                self.show(id, &format!("\n🖼 {}\n", path.display()), caption, keyboard);
                Ok(Delivered {
                    message_id: Some(id),
                    photo_file_id: None,
                })
            }
            Outgoing::Photo {
                caption, keyboard, ..
            } => {
                let id = self.next_message_id.fetch_add(1, Ordering::Relaxed);
                self.show(id, "\n🤖 🖼 ", caption, keyboard);
                Ok(Delivered {
                    message_id: Some(id),
                    photo_file_id: None,
                })
            }
            Outgoing::CallbackAnswer { text, .. } => {
                if let Some(text) = text {
                    self.print(&format!("  » {text}"));
                }
                Ok(Delivered::default())
            }
            Outgoing::Document {
                file_name,
                content,
                caption,
                ..
            } => {
                let content = content
                    .bytes()
                    .map_err(|e| DeliveryError::Transient(e.to_string()))?;
                let path = self
                    .files
                    .write(file_name, &content)
                    .map_err(|e| DeliveryError::Transient(e.to_string()))?;
                self.print(&format!(
                    "\n📎 {} ({} bytes)\n{caption}",
                    path.display(),
                    content.len()
                ));
                let id = self.next_message_id.fetch_add(1, Ordering::Relaxed);
                Ok(Delivered {
                    message_id: Some(id),
                    photo_file_id: None,
                })
            }
            Outgoing::Copy {
                from_chat_id,
                message_id,
                ..
            } => {
                self.print(&format!(
                    "\n📎 (a copy of message {message_id} from chat {from_chat_id})"
                ));
                let id = self.next_message_id.fetch_add(1, Ordering::Relaxed);
                Ok(Delivered {
                    message_id: Some(id),
                    photo_file_id: None,
                })
            }
            Outgoing::Delete { message_id, .. } => {
                self.print(&format!("\n🗑 (message {message_id} deleted)"));
                Ok(Delivered::default())
            }
            Outgoing::CommandMenu { language, .. } => {
                self.print(&format!("  (command menu now in {})", language.code()));
                Ok(Delivered::default())
            }
        }
    }
}
