//! Time limits on connections, for clients that are slow on purpose. A request has a
//! deadline once its headers are read (`guard`), but a client that trickles its headers, or
//! opens connections and sends nothing, never gets that far: the HTTP stack waits for it
//! as long as it likes. Here every connection is cut when it sends nothing for a while
//! ([`IDLE`] unless `--client-timeout` says otherwise) as the server waits to read, and in
//! any case after [`LIFETIME`] (a browser opens another). The idle time is longer than a
//! request's deadline, so no answer being prepared is cut off. This module only times; it
//! never looks at the bytes.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep};

/// How long a connection may send nothing while the server waits to read from it: longer
/// than a request's deadline (`guard`), which answers first.
pub const IDLE: Duration = Duration::from_secs(40);

/// How long a connection may live, however busy.
pub const LIFETIME: Duration = Duration::from_mins(5);

/// A listener whose connections are [`Timed`], idle for at most `idle`.
pub struct TimedListener {
    pub listener: TcpListener,
    pub idle: Duration,
}

/// The address a connection came from (what handlers limit requests by).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

impl Listener for TimedListener {
    type Io = Timed;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = Listener::accept(&mut self.listener).await;
        (Timed::new(stream, self.idle), addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.listener.local_addr()
    }
}

impl Connected<IncomingStream<'_, TimedListener>> for Peer {
    fn connect_info(stream: IncomingStream<'_, TimedListener>) -> Self {
        Peer(*stream.remote_addr())
    }
}

/// A TCP connection that fails its reads once it has been idle, or alive, too long.
pub struct Timed {
    stream: TcpStream,
    limit: Duration,
    idle: Pin<Box<Sleep>>,
    end: Pin<Box<Sleep>>,
}

impl Timed {
    fn new(stream: TcpStream, limit: Duration) -> Self {
        let now = Instant::now();
        Self {
            stream,
            limit,
            idle: Box::pin(tokio::time::sleep_until(now + limit)),
            end: Box::pin(tokio::time::sleep_until(now + LIFETIME.max(limit))),
        }
    }
}

impl AsyncRead for Timed {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    this.idle.as_mut().reset(Instant::now() + this.limit);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            // Nothing to read yet: it is the clocks' turn (each wakes this task when due).
            Poll::Pending => {
                let idle = this.idle.as_mut().poll(cx).is_ready();
                let over = this.end.as_mut().poll(cx).is_ready();
                if idle || over {
                    Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client was too slow",
                    )))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

impl AsyncWrite for Timed {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, data)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
