"""`pairaid pathway …`, `pairaid need` and `pairaid assess --pathway`: exit codes, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pairaid.cli import main
from pairaid.resources import default_pathway_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pathways"
BIRMINGHAM = str(default_pathway_path())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_birmingham_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pathway", "check", BIRMINGHAM)
    assert code == 0 and "usable: 22 services" in out and "no errors" in out


def test_check_errors_exit_1_with_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pathway", "check", str(FIXTURES / "malformed" / "many_problems.yaml"))
    assert code == 1 and out.count(": error: ") == 4 and "4 error(s)" in err


def test_check_warnings_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pathway", "check", str(FIXTURES / "malformed" / "unverified.yaml"))
    assert code == 0 and ": warning: " in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pathway", "check", "--json", str(FIXTURES / "malformed" / "bad_url.yaml"))
    report = json.loads(out)
    assert code == 1 and report["errors"] == 1 and report["problems"][0]["field"] == "contact.url"
    assert report["problems"][0]["line"] == 28 and report["problems"][0]["service"] == "first"


@pytest.mark.parametrize("bad", ["/no/such/file.yaml", str(FIXTURES / "malformed" / "yaml_syntax.yaml"), "/"])
def test_check_bad_input_exit_1(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, out, _ = run(capsys, "pathway", "check", bad)
    assert code == 1 and ": error: " in out


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pathway", "schema")
    assert code == 0 and json.loads(out)["$schema"].startswith("https://json-schema.org/")


def test_services_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pathway", "services", "--level", "specialist", "--need",
                       "parent_infant_relationship", "--json")
    assert code == 0
    assert [s["id"] for s in json.loads(out)["services"]] == ["bsmhft-perinatal", "ftb-under-5s"]
    code, out, _ = run(capsys, "pathway", "services", "--stage", "antenatal", "--need", "maternity")
    assert code == 0 and "Birmingham Women's Hospital maternity" in out and "[check before referring]" in out
    code, out, _ = run(capsys, "pathway", "services", "--age-months", "13", "--need", "maternity")
    assert code == 0 and "No service in this pathway matches." in out


def test_services_postcode_outside_and_areas(capsys: pytest.CaptureFixture[str]) -> None:
    riverside = str(FIXTURES / "riverside.yaml")
    code, out, _ = run(capsys, "pathway", "services", "--pathway", riverside, "--postcode", "b3 1aa", "--json")
    assert code == 0 and "baby-clinic-b2" not in [s["id"] for s in json.loads(out)["services"]]
    code, out, _ = run(capsys, "pathway", "services", "--pathway", riverside, "--postcode", "M1 1AE")
    assert code == 0 and "Note: This family lives outside Riverside: contact the children's services front door" in out


def test_services_bad_need_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "pathway", "services", "--need", "housin")
    assert code == 1 and "'housin' is not a need tag" in err


def test_need_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "need", "--under-twos", "30672")
    assert code == 0
    for figure in ("15,336", "6,134", "3,987", "2,454", "613", "2,147", "2,760", "340", "2,420"):
        assert figure in out
    assert "rounded half up" in out
    assert "children under two, about two years of births" in out
    assert '("a year" in the needs assessment*): 2,760' in out and "* The needs assessment calls this" in out
    code, out, _ = run(capsys, "need", "--under-twos", "30672", "--json")
    data = json.loads(out)
    assert data["specialist_pair"] == 2760 and data["after_perinatal"] == 2420
    assert "rounded half up" in data["rounding"]


def test_need_bad_input_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "need", "--under-twos", "-3")[0] == 1
    code, _, err = run(capsys, "need", "--pathway", str(FIXTURES / "malformed" / "unverified.yaml"))
    assert code == 1 and "no prevalence section" in err


def test_import_and_export_round_trip_on_the_command_line(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    out_json = tmp_path / "services.json"
    assert run(capsys, "pathway", "export-hsds", str(FIXTURES / "riverside.yaml"), "-o", str(out_json))[0] == 0
    out_yaml = tmp_path / "imported.yaml"
    code, out, _ = run(capsys, "pathway", "import-oruk", str(out_json), "-o", str(out_yaml))
    assert code == 0 and "7 service(s) imported from 1 file(s) (8 read); 0 need review; 1 skipped" in out
    assert "Closed Group): status: the feed marks it inactive" in out
    assert run(capsys, "pathway", "check", str(out_yaml))[0] == 0


def test_import_bad_input_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    not_json = tmp_path / "x.json"
    not_json.write_text("{oops", encoding="utf-8")
    code, _, err = run(capsys, "pathway", "import-oruk", str(not_json), "-o", str(tmp_path / "o.yaml"))
    assert code == 1 and "not valid JSON" in err
    not_oruk = tmp_path / "y.json"
    not_oruk.write_text('{"a": 1}', encoding="utf-8")
    code, _, err = run(capsys, "pathway", "import-oruk", str(not_oruk), "-o", str(tmp_path / "o.yaml"))
    assert code == 1 and "not an Open Referral UK file" in err
    code, _, err = run(capsys, "pathway", "export-hsds", BIRMINGHAM, "-o", str(tmp_path / "no" / "dir.json"))
    assert code == 1 and "cannot write" in err


def _visit(tmp_path: Path, **extra: object) -> str:
    data = {"format": "pairaid.assessment/1", "contact": {"date": "2026-11-20", "type": "new_birth"},
            "family": {"baby": {"date_of_birth": "2026-10-01"}, "postcode": "B15 2TT"}, **extra}
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    return str(file)


def test_assess_lists_services_with_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    visit = _visit(tmp_path, observations={"warmth": {"rating": "significant_concern"}})
    code, out, _ = run(capsys, "assess", visit, "--json")
    services = json.loads(out)["services"]
    assert code == 0 and services[0]["id"] == "bsmhft-perinatal" and services[0]["why"]
    assert any("no dedicated specialist parent-infant relationship team" in w for w in json.loads(out)["warnings"])
    code, out, _ = run(capsys, "assess", visit)
    assert code == 0 and "Suggested services:" in out and "[check before referring]" in out
    assert "refer: " in out and "contact: https://forwardthinkingbirmingham.nhs.uk/" in out


def test_assess_with_a_broken_pathway_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "assess", _visit(tmp_path), "--pathway",
                       str(FIXTURES / "malformed" / "bad_phone.yaml"))
    assert code == 1 and "contact.phone" in err and "Traceback" not in err


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"format: [\n\xff")
    done = subprocess.run([sys.executable, "-m", "pairaid", "pathway", "check", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
