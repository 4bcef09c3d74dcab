"""End to end through the command line: a spike in stored mentions produces exactly one
webhook call and one e-mail, and running again (a restart) sends nothing more."""

from __future__ import annotations

import json
import re

import pytest

from jarida.alerts.signing import verify
from jarida.cli import main
from jarida.storage import Database
from tests.alerts.mailbox import Mailbox
from tests.alerts.receiver import Receiver
from tests.alerts.world import NOW, World


def test_a_spike_gives_one_webhook_call_and_one_email(
        db: Database, world: World, receiver: Receiver, mailbox: Mailbox,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    atlas = world.subject("atlas-energie", "Atlas Énergie")
    quiet = world.subject("sahara-bank", "Sahara Bank")
    world.daily(atlas, [2, 1, 3, 2, 2, 1, 2, 3, 2, 2, 1, 2, 2, 3, 16])
    world.daily(quiet, [2, 1, 3, 2, 2, 1, 2, 3, 2, 2, 1, 2, 2, 3, 3])
    for name, value in {
        "JARIDA_DATABASE_URL": db.engine.url.render_as_string(hide_password=False),
        "JARIDA_SMTP_URL": mailbox.url, "JARIDA_TIMEZONE": "UTC",
        "JARIDA_ALERTS_WEBHOOK_ALLOWLIST": "127.0.0.1",
        "JARIDA_ALERTS_EMAIL_FROM": "veille@jarida.test",
    }.items():
        monkeypatch.setenv(name, value)

    assert main(["watch", "alerts", "subscribe", receiver.url(), "--rules", "spike",
                 "--subject", "atlas-energie"]) == 0
    secret = re.search(r"shown once\): ([0-9a-f]{64})", capsys.readouterr().out)
    assert secret is not None
    assert main(["watch", "alerts", "subscribe", "presse@atlas.test", "--language", "ar"]) == 0
    assert main(["watch", "alerts", "subscribe", "nope", "--rules", "spike"]) == 2
    capsys.readouterr()

    at = NOW.isoformat()
    assert main(["watch", "alerts", "run", "--at", at, "--json"]) == 0
    tally = json.loads(capsys.readouterr().out)
    assert tally["created"] == 1 and tally["sent"] == 2 and tally["failed"] == 0
    assert main(["watch", "alerts", "run", "--at", at, "--json"]) == 0  # a restart
    assert json.loads(capsys.readouterr().out)["created"] == 0

    [call] = receiver.received
    assert verify(secret[1], call.body, call.headers["x-jarida-signature"])
    [alert] = json.loads(call.body)["alerts"]
    assert (alert["rule"], alert["subject"], alert["observed"]) == ("spike", "atlas-energie", 16)
    [mail] = mailbox.messages
    assert mail["X-Jarida-Idempotency-Key"] != call.headers["idempotency-key"]
    assert mail["Subject"] == "[Jarida] ذروة في الإشارات: Atlas Énergie"

    assert main(["watch", "alerts", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert sorted(d["state"] for d in listed["deliveries"]) == ["sent", "sent"]

    # A test alert reaches only the subscription it names.
    assert main(["watch", "alerts", "test", "1"]) == 0
    assert [json.loads(r.body)["alerts"][0]["rule"] for r in receiver.received] == [
        "spike", "test"]
    assert len(mailbox.messages) == 1
    assert main(["watch", "alerts", "test", "99"]) == 2
