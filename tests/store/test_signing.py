"""Bundles are signed with an Ed25519 key per installation. A review from a bundle counts as sign-off only when
the bundle's signature is good and its key is this computer's or one trusted after comparing fingerprints
aloud; anything else is an "unverified sender"."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from pairaid.cli import main
from pairaid.core.canonical import sha256_hex
from pairaid.store import Store, StoreError
from pairaid.store.signing import KEY_FILE, SigningKeyError, read_public_key_file
from tests.store.test_bundles import final_record


@pytest.fixture
def supervisor(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "supervisor")
    yield s
    s.close()


def trust(truster: Store, trusted: Store, name: str) -> None:
    truster.trust_key(trusted.own_public_key(), name=name, fingerprint_said=trusted.own_fingerprint())


def reviewed_and_sent_back(store: Store, supervisor: Store, tmp_path: Path) -> Path:
    record_id = final_record(store)
    copy = supervisor.import_bundle(store.export_bundle(record_id, tmp_path / "out", supervision=True))
    supervisor.add_review(copy.id, reviewer="Ann Hall", verdict="agree", comment="", signed_off=True)
    return supervisor.export_bundle(copy.id, tmp_path / "back")


def test_one_private_key_per_installation_readable_by_its_owner_only(store: Store, data_dir: Path) -> None:
    fingerprint = store.own_fingerprint()
    assert len(fingerprint.split()) == 5 and all(len(group) == 4 for group in fingerprint.split())
    key_file = data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with Store.open(data_dir) as again:
        assert again.own_fingerprint() == fingerprint


def test_a_trusted_supervisors_sign_off_counts(store: Store, supervisor: Store, tmp_path: Path) -> None:
    trust(store, supervisor, "Ann Hall")
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    sender = store.bundle_sender(back)
    assert sender.verified and sender.name == "Ann Hall"
    record = store.import_bundle(back)
    assert record.reviews[0].verified and record.signed_off


def test_an_unknown_key_is_an_unverified_sender_and_never_a_sign_off(store: Store, supervisor: Store,
                                                                     tmp_path: Path) -> None:
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    sender = store.bundle_sender(back)
    assert not sender.verified and "unverified sender" in str(sender) and "not one you have trusted" in str(sender)
    record = store.import_bundle(back)
    assert record.reviews and not record.reviews[0].verified and not record.signed_off


def test_a_changed_and_resealed_bundle_keeps_a_signature_that_no_longer_matches(store: Store, supervisor: Store,
                                                                                tmp_path: Path) -> None:
    trust(store, supervisor, "Ann Hall")
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    bundle = json.loads(back.read_text("utf-8"))
    bundle["reviews"][0]["reviewer"] = "Someone Else"
    bundle["sha256"] = sha256_hex({k: v for k, v in bundle.items() if k not in ("sha256", "signature")})
    back.write_text(json.dumps(bundle), "utf-8")
    sender = store.bundle_sender(back)
    assert not sender.verified and "signature does not match" in str(sender)
    assert not store.import_bundle(back).signed_off


def test_a_key_is_trusted_only_when_the_fingerprint_read_aloud_matches(store: Store, supervisor: Store) -> None:
    with pytest.raises(StoreError, match="not this key's"):
        store.trust_key(supervisor.own_public_key(), name="Ann Hall", fingerprint_said="0000 0000 0000 0000 0000")
    assert store.trusted_keys() == []
    said = supervisor.own_fingerprint().lower().replace(" ", "-")  # read aloud, typed any way
    store.trust_key(supervisor.own_public_key(), name="Ann Hall", fingerprint_said=said)
    assert [k.name for k in store.trusted_keys()] == ["Ann Hall"]


def test_key_and_trust_commands(store: Store, supervisor: Store, data_dir: Path, tmp_path: Path, capsys) -> None:
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    store.close()
    assert main(["records", "key", "--data-dir", str(tmp_path / "supervisor")]) == 0
    out = capsys.readouterr().out
    said = out.splitlines()[0].split(": ", 1)[1]
    assert said == supervisor.own_fingerprint()
    assert main(["records", "import", str(back), "--data-dir", str(data_dir)]) == 0
    assert "unverified sender" in capsys.readouterr().out
    assert main(["records", "trust", str(back), "--name", "Ann Hall", "--data-dir", str(data_dir)]) == 1
    asked = capsys.readouterr().out
    assert "Nothing was trusted yet" in asked
    assert said not in asked, "the key's own fingerprint is never shown to be copied: the colleague reads theirs"
    assert main(["records", "trust", str(back), "--name", "Ann Hall", "--fingerprint", said,
                 "--data-dir", str(data_dir)]) == 0
    assert "Trusted Ann Hall's key" in capsys.readouterr().out
    assert main(["records", "key", "--data-dir", str(data_dir)]) == 0
    assert f"  {said}  Ann Hall  (trusted since " in capsys.readouterr().out
    assert main(["records", "import", str(back), "--data-dir", str(data_dir)]) == 0
    assert "Sender: signed by Ann Hall" in capsys.readouterr().out
    with Store.open(data_dir) as reopened:  # the review held unverified now counts: same review, trusted sender
        assert reopened.search(status="final")[0].signed_off


def test_a_public_key_file_round_trip_and_removing_a_trusted_key(store: Store, supervisor: Store,
                                                                 tmp_path: Path) -> None:
    written = supervisor.save_public_key(tmp_path / "ann")
    assert written.name == "ann.pairaid-key"
    text = written.read_text("utf-8")
    assert supervisor.own_public_key() in text and supervisor.own_fingerprint() not in text, \
        "the fingerprint is read aloud from its owner's screen, never taken from the file"
    key = read_public_key_file(written)
    trusted = store.trust_key(key, name="Ann Hall", fingerprint_said=supervisor.own_fingerprint())
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    assert store.bundle_sender(back).verified

    removed = store.remove_trusted_key(trusted.fingerprint.lower())
    assert removed.name == "Ann Hall" and store.trusted_keys() == []
    assert not store.bundle_sender(back).verified, "a removed key's bundles are unverified from then on"
    assert [(e.kind, e.detail["fingerprint"]) for e in store.audit("")] == [
        ("key_trusted", trusted.fingerprint.replace(" ", "-")), ("key_removed", trusted.fingerprint.replace(" ", "-"))]
    with pytest.raises(StoreError, match="no trusted colleague has the key"):
        store.remove_trusted_key(trusted.fingerprint)


@pytest.mark.parametrize(("content", "said"), [
    (b"", "not a pairaid public key file"),
    (b"pairaid public key\nPublic key: not-a-key\n", "not a pairaid public key file"),
    (b"\xff\xfe\x00k", "UTF-16"),
    (b"x" * 70_000, "largest public key file pairaid accepts is 64 KB"),
])
def test_a_bad_public_key_file_is_named_and_nothing_is_trusted(tmp_path: Path, content: bytes, said: str) -> None:
    path = tmp_path / "colleague.pairaid-key"
    path.write_bytes(content)
    with pytest.raises(SigningKeyError, match=said):
        read_public_key_file(path)
    with pytest.raises(SigningKeyError, match="no such file"):
        read_public_key_file(tmp_path / "missing.pairaid-key")


def test_the_bare_key_text_is_read_too_and_this_computers_own_key_is_not_trusted(store: Store,
                                                                                tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text(store.own_public_key() + "\n", "utf-8")
    assert read_public_key_file(path) == store.own_public_key()
    with pytest.raises(StoreError, match="this computer's own key"):
        store.trust_key(store.own_public_key(), name="Me", fingerprint_said=store.own_fingerprint())


def test_trust_command_reads_a_key_file(store: Store, supervisor: Store, data_dir: Path, tmp_path: Path,
                                        capsys) -> None:
    key_file = supervisor.save_public_key(tmp_path / "ann")
    store.close()
    assert main(["records", "trust", str(key_file), "--name", "Ann Hall", "--fingerprint",
                 supervisor.own_fingerprint(), "--data-dir", str(data_dir)]) == 0
    assert "Trusted Ann Hall's key" in capsys.readouterr().out
    assert main(["records", "trust", str(tmp_path / "gone.pairaid-key"), "--name", "Ann Hall", "--fingerprint",
                 "0000", "--data-dir", str(data_dir)]) != 0
    assert "no such file" in capsys.readouterr().err


def test_untrust_command_stops_trusting_a_colleague(store: Store, supervisor: Store, data_dir: Path,
                                                    tmp_path: Path, capsys) -> None:
    back = reviewed_and_sent_back(store, supervisor, tmp_path)
    trusted = store.trust_key(supervisor.own_public_key(), name="Ann Hall",
                              fingerprint_said=supervisor.own_fingerprint())
    store.close()
    assert main(["records", "untrust", trusted.fingerprint.lower(), "--data-dir", str(data_dir)]) == 0
    assert "No longer trusted: Ann Hall's key" in capsys.readouterr().out
    assert main(["records", "key", "--data-dir", str(data_dir)]) == 0
    assert "No colleague's key is trusted here yet." in capsys.readouterr().out
    with Store.open(data_dir) as reopened:
        assert not reopened.bundle_sender(back).verified
    assert main(["records", "untrust", trusted.fingerprint, "--data-dir", str(data_dir)]) != 0
    assert "no trusted colleague has the key" in capsys.readouterr().err
