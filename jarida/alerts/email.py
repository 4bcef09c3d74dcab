"""E-mail delivery through SMTP (`JARIDA_SMTP_URL`), one message per delivery.

The message is rendered from the frozen payload, so a re-send after a crash carries the
same Message-ID (built from the idempotency key), Date and text: a mail client or a
filter can see it is the same message.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import parse_qs, unquote, urlsplit

from jarida.alerts.outcome import SENT, Outcome, give_up, retry
from jarida.settings import Settings

SMTP_TIMEOUT = 30.0


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    implicit_tls: bool
    starttls: bool
    user: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(f"JARIDA_SMTP_URL must be smtp://host:port or smtps://...: {url!r}")
        tls = parts.scheme == "smtps"
        flags = parse_qs(parts.query)
        starttls = flags.get("starttls", ["0"])[0].lower() in ("1", "true", "yes")
        return cls(
            host=parts.hostname, port=parts.port or (465 if tls else 25), implicit_tls=tls,
            starttls=starttls and not tls,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


def message_id(key: str, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1] or "localhost"
    return f"<{key}@{domain}>"


def build_message(*, sender: str, to: str, subject: str, text: str, key: str,
                  created_at: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(created_at)
    message["Message-ID"] = message_id(key, sender)
    message["X-Jarida-Idempotency-Key"] = key
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    message.set_content(text)
    return message


def _send_blocking(server: SmtpServer, message: EmailMessage) -> None:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if server.implicit_tls:
        client = smtplib.SMTP_SSL(server.host, server.port, timeout=SMTP_TIMEOUT,
                                  context=context)
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=SMTP_TIMEOUT)
    with client:
        if server.starttls:
            client.starttls(context=context)
        if server.user is not None:
            client.login(server.user, server.password or "")
        client.send_message(message)


async def send_email(settings: Settings, message: EmailMessage) -> Outcome:
    if not settings.smtp_url:
        return retry("JARIDA_SMTP_URL is not set: the e-mail waits in the outbox")
    server = SmtpServer.from_url(settings.smtp_url)
    try:
        await asyncio.to_thread(_send_blocking, server, message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if all(500 <= code < 600 for code in codes):
            return give_up(f"recipient refused: {exc.recipients}")
        return retry(f"recipient refused for now: {exc.recipients}")
    except smtplib.SMTPResponseException as exc:
        error = f"SMTP {exc.smtp_code}: {exc.smtp_error!r}"
        return give_up(error) if 500 <= exc.smtp_code < 600 else retry(error)
    except (smtplib.SMTPException, OSError) as exc:
        return retry(f"{type(exc).__name__}: {exc}")
    return SENT
