# The Desmigratif bot in a small image (see README, "Running it for real" → "With Docker").
#   docker build -t desmigratif .
#   docker run -d --name desmigratif --restart unless-stopped \
#       --env-file desmigratif.env -v desmigratif-data:/data desmigratif
# The database lives in the volume at /data; the bot runs as an unprivileged user.

FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
    && cp target/release/desmigratif /usr/local/bin/desmigratif

FROM debian:bookworm-slim
# TLS roots and time zones are built into the binary: nothing to install.
RUN useradd --system --user-group --uid 10001 --home-dir /data --shell /usr/sbin/nologin desmigratif \
    && mkdir /data \
    && chown desmigratif:desmigratif /data \
    && chmod 700 /data
COPY --from=build /usr/local/bin/desmigratif /usr/local/bin/desmigratif
USER desmigratif
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/desmigratif.db
# Inside the container 127.0.0.1 is out of the port mapping's reach; publish the port on the
# host's 127.0.0.1 (`-p 127.0.0.1:8443:8443`) for the proxy in front.
ENV WEBHOOK_LISTEN=0.0.0.0
# The same for the web console (`-p 127.0.0.1:8080:8080`); CONSOLE_URL is its public address.
ENV CONSOLE_LISTEN=0.0.0.0:8080
VOLUME /data
# Webhook mode only (`docker run ... desmigratif webhook`).
EXPOSE 8443
# The officers' web console.
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/desmigratif"]
