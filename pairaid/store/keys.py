"""Signing bundles and trusting colleagues' keys (pairaid.store.signing does the cryptography)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pairaid.store import rows
from pairaid.store.connection import StoreBase
from pairaid.store.errors import StoreError

if TYPE_CHECKING:
    from pairaid.store.bundle import Bundle


@dataclass(frozen=True, kw_only=True)
class Sender:
    """Who sealed a bundle, as far as this computer can tell. Only a verified sender's reviews can sign off."""

    verified: bool
    name: str | None  # the name given when the key was trusted ("this computer" for our own key)
    fingerprint: str | None  # of the key that signed it; None when the bundle is not signed
    why: str  # in words, for the user

    def __str__(self) -> str:
        return self.why


@dataclass(frozen=True, kw_only=True)
class TrustedKey:
    fingerprint: str
    name: str
    public_key: str
    added_at: str


# Trusting or removing a key concerns no record: its audit events are filed under this empty record id.
NO_RECORD = ""


def _token(fingerprint: str) -> str:
    """A fingerprint as the audit trail holds it (no spaces: "3F2A-91C0-7B4E-0D12-AA5C")."""
    return fingerprint.replace(" ", "-")


class KeysPart(StoreBase):
    _private_key: Any = None

    def _key(self) -> Any:
        from pairaid.store.signing import load_or_create_key

        if self._private_key is None:
            self._private_key = load_or_create_key(self.path.parent)
        return self._private_key

    def own_public_key(self) -> str:
        """This installation's public key (base64), to give to colleagues once."""
        from pairaid.store.signing import public_key_text

        return public_key_text(self._key())

    def own_fingerprint(self) -> str:
        """This installation's key fingerprint, to read aloud to a colleague who is trusting it."""
        from pairaid.store.signing import fingerprint

        return fingerprint(self.own_public_key())

    def trust_key(self, public_key: str, *, name: str, fingerprint_said: str) -> TrustedKey:
        """Trust a colleague's public key, named `name`, once `fingerprint_said` (what the colleague read aloud
        from their own screen) matches it; StoreError otherwise. Bundles signed by it then count as verified."""
        from pairaid.store.signing import fingerprint, same_fingerprint

        public_key = public_key.strip()
        shown = fingerprint(public_key)
        if not name.strip():
            raise StoreError("give the colleague's name, as you will want to see it on their bundles")
        if not same_fingerprint(fingerprint_said, public_key):
            raise StoreError(f"the fingerprint you were given ({fingerprint_said.strip()}) is not this key's "
                             f"({shown}); the key was not trusted. Check with your colleague by phone or in person")
        if public_key == self.own_public_key():
            raise StoreError("that is this computer's own key: its bundles already count as verified here, so "
                             "there is nothing to trust. Ask your colleague for the key of their computer")
        now = rows.now()
        with self._write() as conn:
            conn.execute("INSERT INTO trusted_keys (fingerprint, public_key, name, added_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name",
                         (shown, public_key, name.strip(), now))
            self._event(NO_RECORD, "key_trusted", {"fingerprint": _token(shown)})
        return TrustedKey(fingerprint=shown, name=name.strip(), public_key=public_key, added_at=now)

    def trusted_keys(self) -> list[TrustedKey]:
        return [TrustedKey(fingerprint=row["fingerprint"], name=row["name"], public_key=row["public_key"],
                           added_at=row["added_at"])
                for row in self._conn.execute("SELECT * FROM trusted_keys ORDER BY name, fingerprint")]

    def remove_trusted_key(self, fingerprint: str) -> TrustedKey:
        """Stop trusting a colleague's key (a lost or rebuilt computer, a colleague who left): bundles it signs
        are unverified from now on. Reviews already brought in keep the standing they had when imported.
        StoreError when no trusted key has that fingerprint."""
        from pairaid.store.signing import squeeze_fingerprint

        wanted = squeeze_fingerprint(fingerprint)
        for key in self.trusted_keys():
            if squeeze_fingerprint(key.fingerprint) == wanted:
                with self._write() as conn:
                    conn.execute("DELETE FROM trusted_keys WHERE fingerprint = ?", (key.fingerprint,))
                    self._event(NO_RECORD, "key_removed", {"fingerprint": _token(key.fingerprint)})
                return key
        raise StoreError(f"no trusted colleague has the key {fingerprint.strip()} (it may have been removed already)")

    def save_public_key(self, path: Path) -> Path:
        """Write this computer's public key to `path` (suffix .pairaid-key added when missing), to give to a
        colleague; StoreError naming the folder when it cannot be written."""
        from pairaid.atomic import write_text_atomically
        from pairaid.store.signing import KEY_FILE_SUFFIX, public_key_file_text

        path = Path(path)
        if not path.name.endswith(KEY_FILE_SUFFIX):
            path = path.with_name(path.name + KEY_FILE_SUFFIX)
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: no such folder; choose a folder that exists (nothing was written)")
        try:
            return write_text_atomically(path, public_key_file_text(self.own_public_key()))
        except OSError as exc:
            raise StoreError(f"{path}: the key could not be written ({exc.strerror or type(exc).__name__}); "
                             "choose another place") from None

    def _signed(self, bundle: dict[str, Any]) -> dict[str, Any]:
        """The bundle with this installation's signature of its seal."""
        from pairaid.store.signing import sign

        return {**bundle, "signature": {"public_key": self.own_public_key(),
                                        "ed25519": sign(self._key(), bundle["sha256"])}}

    def sender_of(self, bundle: Bundle) -> Sender:
        """Who sealed `bundle`: verified only when its signature is good and made by this installation's key or
        a trusted colleague's."""
        from pairaid.store.signing import SigningKeyError, fingerprint, verify

        signature = bundle.signature
        if signature is None:
            return Sender(verified=False, name=None, fingerprint=None,
                          why="unverified sender: the bundle is not signed (made by an older pairaid?)")
        try:
            shown = fingerprint(signature.public_key)
        except SigningKeyError:
            return Sender(verified=False, name=None, fingerprint=None,
                          why="unverified sender: the bundle's key is not a pairaid key")
        if not verify(signature.public_key, bundle.sha256, signature.ed25519):
            return Sender(verified=False, name=None, fingerprint=shown,
                          why=f"unverified sender: the signature does not match the bundle (key {shown})")
        if signature.public_key == self.own_public_key():
            return Sender(verified=True, name="this computer", fingerprint=shown,
                          why=f"signed by this computer (key {shown})")
        row = self._conn.execute("SELECT name, public_key FROM trusted_keys WHERE fingerprint = ?",
                                 (shown,)).fetchone()
        if row is None or row["public_key"] != signature.public_key:
            return Sender(verified=False, name=None, fingerprint=shown,
                          why=f"unverified sender: key {shown} is not one you have trusted")
        return Sender(verified=True, name=row["name"], fingerprint=shown,
                      why=f"signed by {row['name']} (key {shown}, trusted)")

    def bundle_sender(self, path: Path) -> Sender:
        """Who sealed the bundle at `path` (read and checked, not imported)."""
        from pairaid.store.bundle import read_bundle

        return self.sender_of(read_bundle(path))

    def bundle_public_key(self, path: Path) -> str:
        """The public key that signed the bundle at `path` (to trust it after comparing fingerprints aloud)."""
        from pairaid.store.bundle import read_bundle

        bundle = read_bundle(path)
        if bundle.signature is None:
            raise StoreError(f"{path}: the bundle is not signed, so it holds no key to trust")
        return bundle.signature.public_key


