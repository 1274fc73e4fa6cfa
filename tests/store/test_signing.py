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
from pairaid.store.signing import KEY_FILE
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
    assert "Nothing was trusted yet" in capsys.readouterr().out
    assert main(["records", "trust", str(back), "--name", "Ann Hall", "--fingerprint", said,
                 "--data-dir", str(data_dir)]) == 0
    assert "Trusted Ann Hall's key" in capsys.readouterr().out
    assert main(["records", "import", str(back), "--data-dir", str(data_dir)]) == 0
    assert "Sender: signed by Ann Hall" in capsys.readouterr().out
    with Store.open(data_dir) as reopened:  # the review held unverified now counts: same review, trusted sender
        assert reopened.search(status="final")[0].signed_off
