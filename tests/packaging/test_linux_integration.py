"""The Linux menu entry (.desktop), AppStream metainfo and icon.

The pure-Python checks always run; desktop-file-validate and appstreamcli run when installed
(Debian: `apt-get install -y desktop-file-utils appstream`) and are skipped with that reason otherwise.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pairaid import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.pairaid.Pairaid"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "pairaid.svg"


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_entry_has_the_required_keys() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "pairaid"
    assert entry["Comment"].strip()
    assert entry["Exec"] == "pairaid"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert {"Office", "MedicalSoftware"} <= set(filter(None, categories.split(";")))
    assert entry["Keywords"].endswith(";") and "health visitor" in entry["Keywords"].split(";")


def test_metainfo_has_the_required_fields_and_this_release() -> None:
    root = metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("summary", "").strip()
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    releases = [(r.get("version"), r.get("date")) for r in root.findall("releases/release")]
    assert releases[0] == (__version__, "2026-11-26")


def test_metainfo_points_only_at_things_that_exist() -> None:
    root = metainfo()
    # No invented web addresses or screenshots: each one must be added with a real, checked location.
    for url in root.findall("url"):
        assert url.text and url.text.startswith("https://"), url.text
    for image in root.findall("screenshots/screenshot/image"):
        assert image.text and image.text.startswith("https://"), image.text


def test_icon_is_a_square_svg_the_desktop_entry_can_name() -> None:
    svg = ET.parse(ICON).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == height
    # Installed as <hicolor>/scalable/apps/org.pairaid.Pairaid.svg (packaging/README.md), so Icon= finds it.
    assert APP_ID in (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (Debian: apt-get install desktop-file-utils)")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (Debian: apt-get install appstream)")
def test_appstreamcli_validates_the_metainfo() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
