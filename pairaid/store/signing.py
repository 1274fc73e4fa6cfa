"""Who sent a bundle: an Ed25519 key pair per installation, short fingerprints read aloud, signatures.

Each installation makes its key pair the first time it is needed: the private key in `signing-key.pem` in the
data folder (mode 0600, never leaves the computer), the public key travelling inside every bundle. Colleagues
trust each other's keys once, after reading the fingerprints aloud to each other (`pairaid records key`,
`pairaid records trust`). A bundle's signature proves that the holder of that private key sealed exactly this
content; it says nothing about whether the content is clinically right, nor who was at the keyboard.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path

from pairaid.store.errors import StoreError
from pairaid.store.paths import FILE_MODE

KEY_FILE = "signing-key.pem"
# Domain separation: a signature made here can never be mistaken for one over anything but a bundle's seal.
_CONTEXT = b"pairaid.bundle-signature/1\n"


class SigningKeyError(StoreError):
    """The signing key file cannot be read or made, or a public key given to trust is not one."""


def load_or_create_key(folder: Path) -> object:
    """This installation's private key (an Ed25519PrivateKey), made on first use (file 0600)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = Path(folder) / KEY_FILE
    try:
        if path.exists():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise SigningKeyError(f"{path}: is not a pairaid signing key")
            return key
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        return key
    except FileExistsError:  # another window made it at the same moment: use that one
        return load_or_create_key(folder)
    except (OSError, ValueError) as exc:
        raise SigningKeyError(f"{path}: the signing key cannot be read or made ({exc}); ask your IT service desk") \
            from None


def public_key_text(private_key: object) -> str:
    """The public half as base64 text (44 characters), as bundles and `records key` carry it."""
    from cryptography.hazmat.primitives import serialization

    raw = private_key.public_key().public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _raw_public(text: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SigningKeyError("that is not a pairaid public key (it is not base64 text)") from None
    if len(raw) != 32:
        raise SigningKeyError("that is not a pairaid public key (an Ed25519 key is 32 bytes)")
    return raw


KEY_FILE_SUFFIX = ".pairaid-key"
_KEY_FILE_HEADING = "pairaid public key"
_KEY_LINE = "Public key: "


def public_key_file_text(public_key: str) -> str:
    """What a public key file holds: a heading, the key, and a reminder of how it is trusted. The fingerprint is
    left out on purpose: it is compared by reading it aloud from the owner's screen, never from the file."""
    return (f"{_KEY_FILE_HEADING}\n{_KEY_LINE}{public_key}\n"
            "It holds no secret. Trust it only after its owner reads their fingerprint aloud to you.\n")


def read_public_key_file(path: Path) -> str:
    """The public key in a file made by `public_key_file_text` (or holding the bare key text, as
    `pairaid records key` prints it); SigningKeyError naming the file and what to do otherwise."""
    from pairaid.core.input_files import InputFileError, decode_text, read_bytes

    try:
        text = decode_text(read_bytes(path, kind="public_key"), str(path))
    except InputFileError as exc:
        raise SigningKeyError(f"{exc}; nothing was trusted") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    keys = [line.removeprefix(_KEY_LINE).strip() for line in lines if line.startswith(_KEY_LINE)]
    candidate = keys[0] if len(keys) == 1 else lines[0] if len(lines) == 1 else ""
    try:
        _raw_public(candidate)
    except SigningKeyError:
        raise SigningKeyError(f"{path}: is not a pairaid public key file; ask your colleague to save theirs again "
                              f"(in pairaid: Record → Keys and trusted colleagues → Save my public key); "
                              "nothing was trusted") from None
    return candidate


def fingerprint(public_key: str) -> str:
    """A short form of a public key to compare aloud: 20 hex digits in five groups (80 bits), e.g.
    "3F2A 91C0 7B4E 0D12 AA5C"."""
    digest = hashlib.sha256(_raw_public(public_key)).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def squeeze_fingerprint(text: str) -> str:
    """A fingerprint as compared: spaces, dashes and case ignored."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def same_fingerprint(said: str, public_key: str) -> bool:
    """Whether a fingerprint typed in (spaces, dashes and case ignored) is this key's."""
    return squeeze_fingerprint(said) == squeeze_fingerprint(fingerprint(public_key))


def sign(private_key: object, seal: str) -> str:
    """The base64 Ed25519 signature of a bundle's seal (its SHA-256)."""
    signature = private_key.sign(_CONTEXT + seal.encode("ascii"))  # type: ignore[attr-defined]
    return base64.b64encode(signature).decode("ascii")


def verify(public_key: str, seal: str, signature: str) -> bool:
    """Whether `signature` is the holder of `public_key` signing exactly `seal`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(_raw_public(public_key))
        key.verify(base64.b64decode(signature, validate=True), _CONTEXT + seal.encode("ascii"))
    except (InvalidSignature, SigningKeyError, binascii.Error, ValueError):
        return False
    return True
