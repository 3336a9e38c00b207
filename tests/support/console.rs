//! The web console served in the test process over a harness's engine, and a plain HTTP
//! client that keeps its session cookie (the browser tests drive a real browser instead).

use std::sync::Arc;

use desmigratif::engine::{Arg, Engine, Reply, ReplyKind};
use desmigratif::i18n::Locales;
use tokio_util::sync::CancellationToken;

/// A console on a free port of 127.0.0.1, stopped when dropped.
pub struct ConsoleServer {
    pub base: String,
    stop: CancellationToken,
}

impl Drop for ConsoleServer {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

pub async fn start(engine: Engine) -> ConsoleServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let url = url::Url::parse(&base).unwrap();
    let locales = Arc::new(Locales::load(chrono_tz::Asia::Jakarta).unwrap());
    let stop = CancellationToken::new();
    tokio::spawn(desmigratif::console::serve(
        listener,
        url,
        engine,
        locales,
        stop.clone(),
    ));
    ConsoleServer { base, stop }
}

/// The log-in link's path (`/login/<token>`) in the bot's reply to /konsol.
pub fn link_path(replies: &[Reply]) -> String {
    for reply in replies {
        let (ReplyKind::Message { text, .. } | ReplyKind::Tagged { text, .. }) = &reply.kind else {
            continue;
        };
        for msg in text.iter().filter(|m| m.id == "console-link") {
            for (name, value) in &msg.args {
                if let (true, Arg::Text(link)) = (name == "link", value) {
                    let at = link.find("/login/").expect("a log-in path");
                    return link[at..].to_owned();
                }
            }
        }
    }
    panic!("no console link in {replies:?}");
}

/// What a page answered.
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    /// The CSRF token the page's forms carry.
    pub fn csrf(&self) -> String {
        let at = self
            .body
            .find("name=\"csrf\" value=\"")
            .unwrap_or_else(|| panic!("no form on {}", self.body));
        let rest = &self.body[at + "name=\"csrf\" value=\"".len()..];
        rest[..rest.find('"').unwrap()].to_owned()
    }
}

/// A browser without script: follows nothing by itself, keeps the session cookie.
pub struct Client {
    base: String,
    http: reqwest::Client,
    pub cookie: Option<String>,
}

impl Client {
    pub fn new(server: &ConsoleServer) -> Client {
        Client {
            base: server.base.clone(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookie: None,
        }
    }

    async fn page(&mut self, response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        if let Some(set) = headers.get("set-cookie").and_then(|v| v.to_str().ok()) {
            let pair = set.split(';').next().unwrap_or("");
            self.cookie = match pair.split_once('=') {
                Some((_, "")) | None => None,
                Some(_) => Some(pair.to_owned()),
            };
        }
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.unwrap();
        Page {
            status,
            location,
            headers,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.unwrap();
        self.page(response).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let mut request = self.http.post(format!("{}{path}", self.base)).form(form);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.unwrap();
        self.page(response).await
    }

    /// A form with a file, as a browser sends it (`multipart/form-data`).
    pub async fn upload(&mut self, path: &str, csrf: &str, file_name: &str, file: &[u8]) -> Page {
        self.post_multipart(path, &[("csrf", csrf)], &[("file", file_name, file)])
            .await
    }

    /// A form with fields and files, as a browser sends it (`multipart/form-data`).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Page {
        let boundary = "----desmigratif-test-boundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, file_name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let mut request = self
            .http
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.unwrap();
        self.page(response).await
    }

    /// The bytes and content type a path answers with.
    pub async fn get_bytes(&mut self, path: &str) -> (u16, Option<String>, Vec<u8>) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        (status, kind, response.bytes().await.unwrap().to_vec())
    }

    /// Presses «Masuk» for a link's token without opening the link first.
    pub async fn log_in_raw(&mut self, link_path: &str) -> Page {
        let token = link_path.trim_start_matches("/login/");
        self.post("/login", &[("token", token)]).await
    }

    /// Opens the link and presses «Masuk».
    pub async fn log_in(&mut self, link_path: &str) -> Page {
        let shown = self.get(link_path).await;
        assert_eq!(shown.status, 200, "{}", shown.body);
        let token = link_path.trim_start_matches("/login/");
        self.post("/login", &[("token", token)]).await
    }
}
