"""The shop's certificate signing key: Ed25519, made at set-up, private part wrapped.

The private key is stored only wrapped with the shop's data key (AES-GCM, see
services/crypto), exactly like the sensitive texts: a database file or backup on its own cannot
sign a certificate. Signing therefore needs a login that holds the data key (a begeleider or a
beheerder). The public key is stored raw (32 bytes) and can be exported as PEM, so that others
can check a certificate offline (docs/certificates.md).
"""

from __future__ import annotations

import base64

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kringloopdesk.db.models import ShopSecret
from kringloopdesk.errors import UserError
from kringloopdesk.i18n import _
from kringloopdesk.services import crypto

SIGNING_PURPOSE = "certificate_signing"
SIGNATURE_BYTES = 64


class SigningKeyError(UserError):
    """The signing key is missing, cannot be unwrapped, or a public key file is not one."""


def _raw_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _secret(session: Session) -> ShopSecret | None:
    return session.scalar(select(ShopSecret).where(ShopSecret.purpose == SIGNING_PURPOSE))


def install_signing_key(session: Session, data_key: bytes) -> bytes:
    """A new signing key for the shop, its private part wrapped with ``data_key``.

    Returns the raw public key. Refuses when the shop already has one (a new key would make
    every certificate issued so far unverifiable)."""
    if _secret(session) is not None:
        raise SigningKeyError(_("Deze winkel heeft al een sleutel om certificaten te "
                                "ondertekenen."))
    key = Ed25519PrivateKey.generate()
    public = _raw_public(key.public_key())
    session.add(ShopSecret(purpose=SIGNING_PURPOSE, public_part=public,
                           wrapped_secret=crypto.wrap_key(data_key, _raw_private(key))))
    session.flush()
    return public


def ensure_signing_key(session: Session, data_key: bytes) -> None:
    """Make the key for a shop set up before certificates were signed (on first issue).

    Two PCs issuing their first certificate at once: one insert wins (``purpose`` is unique),
    the other's savepoint is rolled back and it uses the winner's key."""
    if _secret(session) is not None:
        return
    try:
        with session.begin_nested():
            install_signing_key(session, data_key)
    except IntegrityError:
        if _secret(session) is None:
            raise


def has_signing_key(session: Session) -> bool:
    return _secret(session) is not None


def load_private_key(session: Session, data_key: bytes) -> Ed25519PrivateKey:
    secret = _secret(session)
    if secret is None or secret.wrapped_secret is None:
        raise SigningKeyError(_("Deze winkel heeft nog geen sleutel om certificaten te "
                                "ondertekenen."))
    try:
        raw = crypto.unwrap_key(data_key, bytes(secret.wrapped_secret))
    except crypto.CryptoError as exc:
        raise SigningKeyError(_("De sleutel om certificaten te ondertekenen past niet bij de "
                                "sleutel van deze winkel.")) from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key(session: Session) -> Ed25519PublicKey | None:
    secret = _secret(session)
    if secret is None or secret.public_part is None:
        return None
    return Ed25519PublicKey.from_public_bytes(bytes(secret.public_part))


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    """SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"), as OpenSSL writes it."""
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_key_pem(data: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(_("Dit bestand is geen openbare sleutel (PEM).")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(_("Deze openbare sleutel is geen Ed25519-sleutel."))
    return key


def sign(key: Ed25519PrivateKey, message: bytes) -> bytes:
    return key.sign(message)


def verify(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    if len(signature) != SIGNATURE_BYTES:
        return False
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def b64url(data: bytes) -> str:
    """Base64url without padding (the form the certificate's payload uses)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    padded = text + "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded.encode("ascii"))
