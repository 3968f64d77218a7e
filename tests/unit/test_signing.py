"""The shop's Ed25519 signing key: made at set-up, private part only wrapped, PEM export."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import ShopSecret
from kringloopdesk.services import crypto, signing
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.certificates import public_key_pem


def _secret(db: Database) -> ShopSecret:
    with db.read_session() as session:
        return session.scalar(select(ShopSecret).where(
            ShopSecret.purpose == signing.SIGNING_PURPOSE))


def test_set_up_makes_a_key_whose_private_part_is_only_stored_wrapped(
        shop_db: Database, beheerder: Actor) -> None:
    secret = _secret(shop_db)
    assert secret is not None and len(secret.public_part) == 32
    assert len(secret.wrapped_secret) == 1 + 12 + 32 + 16  # version, nonce, key, tag
    with shop_db.read_session() as session:
        private = signing.load_private_key(session, beheerder.data_key)
        public = signing.public_key(session)
    raw = private.private_bytes_raw()
    assert raw not in bytes(secret.wrapped_secret)
    assert private.public_key().public_bytes_raw() == bytes(secret.public_part)
    signature = signing.sign(private, b"KLDC1|KAL-2026-0001|ABCD-EFGH|00")
    assert signing.verify(public, signature, b"KLDC1|KAL-2026-0001|ABCD-EFGH|00")
    assert not signing.verify(public, signature, b"KLDC1|KAL-2026-0001|ABCD-EFGH|01")
    assert not signing.verify(public, signature[:-1], b"KLDC1|KAL-2026-0001|ABCD-EFGH|00")


def test_a_wrong_data_key_cannot_unwrap_it(shop_db: Database) -> None:
    with shop_db.read_session() as session, pytest.raises(signing.SigningKeyError):
        signing.load_private_key(session, crypto.new_data_key())


def test_a_second_key_is_refused_and_ensure_keeps_the_first(
        shop_db: Database, beheerder: Actor) -> None:
    before = bytes(_secret(shop_db).public_part)
    with shop_db.session() as session:
        with pytest.raises(signing.SigningKeyError):
            signing.install_signing_key(session, beheerder.data_key)
        signing.ensure_signing_key(session, beheerder.data_key)
    assert bytes(_secret(shop_db).public_part) == before


def test_the_public_key_exports_as_pem_and_loads_back(shop_db: Database) -> None:
    with shop_db.read_session() as session:
        pem = public_key_pem(session)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----\n")
    key = signing.load_public_key_pem(pem)
    assert key.public_bytes_raw() == bytes(_secret(shop_db).public_part)
    with pytest.raises(signing.SigningKeyError):
        signing.load_public_key_pem(b"-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----\n")


def test_base64url_without_padding_round_trips() -> None:
    signature = Ed25519PrivateKey.generate().sign(b"x")
    text = signing.b64url(signature)
    assert "=" not in text and "+" not in text and "/" not in text and len(text) == 86
    assert signing.from_b64url(text) == signature
