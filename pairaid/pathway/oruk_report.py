"""The reports of `import-oruk` and `refresh`: every decision as JSON, and a short text a pathway owner reads."""

from __future__ import annotations

from typing import Any

from pairaid.pathway.oruk_feed import Feed, FeedFile
from pairaid.pathway.oruk_import import Imported
from pairaid.pathway.oruk_refresh import Refreshed

IMPORT_FORMAT = "pairaid.oruk-import-report/1"
REFRESH_FORMAT = "pairaid.oruk-refresh-report/1"


def _file(f: FeedFile) -> dict[str, Any]:
    out: dict[str, Any] = {"file": f.file, "kind": f.kind, "services": len(f.items)}
    for key in ("page", "total_pages", "first", "last", "total_items"):
        if getattr(f, key) is not None:
            out[key] = getattr(f, key)
    return out


def import_report(feed: Feed, imported: Imported, *, output: str) -> dict[str, Any]:
    counts = {kind: sum(1 for d in imported.decisions if d.decision == kind)
              for kind in ("imported", "skipped", "fault")}
    review = sum(1 for s in imported.services if s.get("verified", {}).get("status") == "needs_review")
    return {
        "format": IMPORT_FORMAT,
        "output": output,
        "files": [_file(f) for f in feed.files],
        "feed_complete": feed.complete,
        "summary": {"read": feed.read, **counts, "need_review": review, "warnings": len(feed.warnings)},
        "warnings": list(feed.warnings),
        "services": [d.as_dict() for d in imported.decisions],
    }


def import_lines(report: dict[str, Any]) -> list[str]:
    s = report["summary"]
    lines = [f"{report['output']}: {s['imported']} service(s) imported from {len(report['files'])} file(s) "
             f"({s['read']} read); {s['need_review']} need review; {s['skipped']} skipped as retired by the feed; "
             f"{s['fault']} skipped for a fault."]
    lines += [f"warning: {w}" for w in report["warnings"]]
    for entry in report["services"]:
        if entry["decision"] == "imported":
            continue
        who = f"service {entry['service_id']}" if entry.get("service_id") else entry["position"]
        named = f" ({entry['name']})" if entry.get("name") else ""
        value = f" [value: {entry['value']!r}]" if "value" in entry and entry["decision"] == "fault" else ""
        lines.append(f"{entry['decision']}: {entry['file']}: {who}{named}: {entry.get('field', '')}: "
                     f"{entry.get('reason', '')}{value}")
    return lines


_HEADINGS = {
    "updated": "CHANGED in the feed (applied; each marked `review`, check and delete the block)",
    "retired": "RETIRED by the feed (made inactive; marked `review`)",
    "gone": "GONE from the feed (flagged with `review`; nothing else changed)",
    "added": "NEW in the feed (added inactive, marked `review`: set level, needs and ages, then make active)",
    "not_added": "NEW in the feed but NOT ADDED",
    "not_compared": "NOT COMPARED",
}


def refresh_report(feed: Feed, imported: Imported, refreshed: Refreshed, *, pathway: str,
                   output: str) -> dict[str, Any]:
    kinds = ("updated", "retired", "gone", "added", "not_added", "not_compared", "unchanged", "not_in_feed")
    return {
        "format": REFRESH_FORMAT,
        "pathway": pathway,
        "output": output,
        "files": [_file(f) for f in feed.files],
        "feed_complete": feed.complete,
        "summary": {k: sum(1 for e in refreshed.entries if e.kind == k) for k in kinds},
        "warnings": [*feed.warnings, *refreshed.warnings],
        "services": [e.as_dict() for e in refreshed.entries],
        "feed_decisions": [d.as_dict() for d in imported.decisions if d.decision != "imported"],
    }


def refresh_lines(report: dict[str, Any]) -> list[str]:
    """The refresh as a diff: what changed, service by service, old → new; what was only reported."""
    s = report["summary"]
    lines = [f"Refresh of {report['pathway']} from {len(report['files'])} feed file(s), written to "
             f"{report['output']}:"]
    for kind, heading in _HEADINGS.items():
        entries = [e for e in report["services"] if e["kind"] == kind]
        if not entries:
            continue
        lines.append(f"{heading}:")
        for entry in entries:
            matched = " [matched by name and provider]" if entry.get("match") == "name_and_provider" else ""
            lines.append(f"  {entry['service_id']}: {entry['name']}{matched}")
            for change in entry.get("changes", []):
                lines.append(f"    {_change_line(change)}")
            if entry.get("message") and not entry.get("changes"):
                lines.append(f"    {entry['message']}")
    lines.append(f"Unchanged: {s['unchanged']}. Not from the feed (left as they are): {s['not_in_feed']}.")
    lines += [f"warning: {w}" for w in report["warnings"]]
    for entry in report["feed_decisions"]:
        if entry["decision"] == "fault":
            who = entry.get("service_id") or entry["position"]
            lines.append(f"feed fault: {entry['file']}: service {who}: {entry.get('field')}: {entry.get('reason')}")
    lines.append("Levels, needs, ages and eligibility are never changed by a refresh. Compare the two files, "
                 "then approve each `review` block.")
    return lines


def _change_line(change: dict[str, Any]) -> str:
    def say(value: Any) -> str:
        if value in (None, [], ""):
            return "(none)"
        return "; ".join(map(str, value)) if isinstance(value, list) else str(value)

    if change["applied"]:
        text = f"{change['field']}: {say(change['before'])} → {say(change['after'])}"
    else:
        text = f"{change['field']}: NOT APPLIED: the feed says {say(change['after'])}; kept {say(change['before'])}"
    return f"{text} ({change['note']})" if change.get("note") else text
