"""Field-level encryption of the sensitive texts (AVG art. 9) and the keys behind it.

One random 256-bit *data key* per shop encrypts every sensitive text with AES-GCM. The data
key itself is never stored in clear: it is *wrapped* (AES-GCM again) with a key derived by
argon2id from a begeleider's or beheerder's password, once per such user, and once with the
recovery key that is shown at set-up. Logging in unwraps it into memory; an invoer has no
wrapped copy, so an invoer's session never holds it. See docs/security.md for what this
protects and what it does not.

Blob layout: version byte, 12-byte nonce, ciphertext with its 16-byte tag. The associated
data binds a ciphertext to its purpose (``workers.support_need``), so a text cannot be
moved unnoticed into another kind of field.
"""

from __future__ import annotations

import base64
import os
import secrets

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
FORMAT_V1 = b"\x01"
# argon2id for key derivation: 64 MiB, 3 passes (about 0.1 s on an office PC).
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 2
RECOVERY_KEY_BYTES = 20  # 160 bits, 32 base32 characters


class CryptoError(Exception):
    """A key or a ciphertext does not match: wrong password, wrong key, or altered data."""


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(secret: str, salt: bytes) -> bytes:
    """A key-encryption key from a password or recovery key (argon2id)."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=KDF_TIME_COST,
        memory_cost=KDF_MEMORY_KIB,
        parallelism=KDF_PARALLELISM,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _seal(key: bytes, plaintext: bytes, context: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_V1 + nonce + AESGCM(key).encrypt(nonce, plaintext, context.encode("utf-8"))


def _open(key: bytes, blob: bytes, context: str) -> bytes:
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_V1:
        raise CryptoError("unknown ciphertext format")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, context.encode("utf-8"))
    except InvalidTag as exc:
        raise CryptoError("key does not fit or data was altered") from exc


def wrap_key(key_encryption_key: bytes, data_key: bytes) -> bytes:
    return _seal(key_encryption_key, data_key, "kringloopdesk.data_key")


def unwrap_key(key_encryption_key: bytes, wrapped: bytes) -> bytes:
    return _open(key_encryption_key, wrapped, "kringloopdesk.data_key")


def encrypt_text(data_key: bytes, text: str | None, context: str) -> bytes | None:
    """Ciphertext for a sensitive text; an empty text is stored as nothing (NULL)."""
    if text is None or not text.strip():
        return None
    return _seal(data_key, text.encode("utf-8"), context)


def decrypt_text(data_key: bytes, blob: bytes | None, context: str) -> str | None:
    if blob is None:
        return None
    return _open(data_key, bytes(blob), context).decode("utf-8")


def new_recovery_key() -> str:
    """A recovery key to write down: 32 characters in groups of four (A–Z, 2–7)."""
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_KEY_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str) -> str:
    """Accept the key as typed: any case, with or without dashes and spaces; 0/1/8 read as
    the letters O/I/B they are easily mistaken for."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans({"0": "O", "1": "I", "8": "B"}))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))
