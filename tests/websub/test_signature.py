"""X-Hub-Signature: every method of the recommendation, nothing else."""

from __future__ import annotations

import pytest

from jarida.websub.signature import sign, signature_valid

BODY = b"<rss>pushed</rss>"


@pytest.mark.parametrize("method", ["sha1", "sha256", "sha384", "sha512"])
def test_each_method_is_checked(method: str) -> None:
    header = sign("s3cret", BODY, method)
    assert signature_valid("s3cret", BODY, header)
    assert signature_valid("s3cret", BODY, header.upper().replace(method.upper(), method))
    assert not signature_valid("other", BODY, header)
    assert not signature_valid("s3cret", BODY + b" ", header)


@pytest.mark.parametrize("header", [None, "", "sha256", "sha256=", "md5=abc", "=abc",
                                    "sha256=zz", "sha256=" + "0" * 64])
def test_missing_malformed_or_unknown(header: str | None) -> None:
    assert not signature_valid("s3cret", BODY, header)
