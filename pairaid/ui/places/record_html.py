"""A finalised record as read-only HTML for the supervisor: the level and why, what was seen, the parent's
words, the services, any override, and earlier reviews. Works on the stored dicts (a de-identified bundle
lacks names), so every field is optional; every value is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from pairaid.core import vocab
from pairaid.core.framework import Framework
from pairaid.core.pathway import Pathway
from pairaid.store.models import Record, Review, dig
from pairaid.ui.places.common import level_name, long_date


def _label(framework: Framework, kind: str, value: Any) -> str:
    try:
        return framework.label(kind, str(value))
    except KeyError:
        return str(value)


def _level(pathway: Pathway, level: Any) -> str:
    return level_name(pathway, level) if level in vocab.LEVELS else "not recorded"


def _short_level(pathway: Pathway, level: Any) -> str:
    return pathway.levels.get(level).label if level in vocab.LEVELS else "not recorded"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def review_line(review: Review, pathway: Pathway) -> str:
    verdict = "Agreed with the level" if review.verdict == "agree" else "Challenged the level"
    if review.verdict == "challenge" and review.suggested_level:
        verdict += f" (suggests {_level(pathway, review.suggested_level)})"
    signed = ", signed off" if review.signed_off else ""
    when = long_date(review.at.date())
    return f"{review.reviewer}, {when}: {verdict}{signed}." + (f" “{review.comment}”" if review.comment else "")


def record_html(record: Record, pathway: Pathway, framework: Framework) -> str:
    data, outcome = record.data, record.outcome or {}
    parts: list[str] = []
    who = dig(data, "family", "baby", "name") or "Baby (name not included)"
    parts.append(f"<h2>{escape(str(who))}</h2>")
    contact = dig(data, "contact") or {}
    visit = [long_date(contact.get("date"))]
    if contact.get("type"):
        visit.append(_label(framework, "contact_types", contact["type"]))
    practitioner = dig(contact, "practitioner", "name")
    if practitioner:
        role = dig(contact, "practitioner", "role")
        visit.append(f"by {practitioner}" + (f" ({_label(framework, 'roles', role)})" if role else ""))
    parts.append(_para("Visit: " + ", ".join(v for v in visit if v)))

    # The level, and why.
    parts.append("<h3>Level of need</h3>")
    suggested, final = outcome.get("level", record.suggested_level), outcome.get("final_level", record.final_level)
    parts.append(f"<p>Suggested level: <b>{escape(_level(pathway, suggested))}</b><br>"
                 f"Final level: <b>{escape(_level(pathway, final))}</b></p>")
    flags = []
    if outcome.get("safeguarding") or record.safeguarding:
        flags.append("A safeguarding indicator was recorded.")
    if outcome.get("urgent") or record.urgent:
        flags.append("Urgent action was needed.")
    if outcome.get("provisional"):
        flags.append("The level was provisional: few observations were recorded.")
    parts += [f"<p><b>{escape(flag)}</b></p>" for flag in flags]
    override = outcome.get("override") or {}
    decision = dig(data, "decision") or {}
    if override or decision.get("override_level"):
        to_level = override.get("to_level") or decision.get("override_level")
        reason = override.get("reason") or decision.get("override_reason") or "no reason given"
        by = override.get("by") or decision.get("override_by")
        text = f"The practitioner changed the level to {_level(pathway, to_level)}: {reason}"
        parts.append(_para(text + (f" ({by})" if by else "")))
    reasons = outcome.get("reasons") or []
    if reasons:
        parts.append("<p>Reasons:</p><ul>")
        for reason in reasons:
            parts.append(f"<li>{escape(str(reason.get('text', '')))} "
                         f"<i>({escape(_short_level(pathway, reason.get('level')))})</i></li>")
        parts.append("</ul>")

    # What was seen and heard.
    parts.append("<h3>Observations</h3>")
    observations = dig(data, "observations") or {}
    seen = [(d, observations[d]) for d in vocab.DOMAINS if isinstance(observations.get(d), dict)]
    if seen:
        parts.append("<table cellpadding='3'>")
        for domain, entry in seen:
            rating = framework.rating_label(domain, entry.get("rating", "not_observed"))
            note = f" — {escape(entry['note'])}" if entry.get("note") else ""
            parts.append(f"<tr><th align='left' valign='top'>{escape(framework.domain_title(domain))}</th>"
                         f"<td>{escape(rating)}{note}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(_para("No observations were recorded."))

    parts.append("<h3>The parent's words</h3>")
    voice = dig(data, "parent_voice") or {}
    if voice.get("words"):
        parts.append(f"<blockquote>“{escape(voice['words'])}”</blockquote>")
    elif voice.get("asked") is False:
        parts.append(_para("The parent was not asked about their relationship with the baby."))
    else:
        parts.append(_para("No words recorded."))
    if voice.get("wants_help") and voice["wants_help"] != "not_asked":
        parts.append(_para("Wants help: " + _label(framework, "wants_help", voice["wants_help"])))
    if voice.get("barriers"):
        parts.append(_para("What stops them asking: " +
                           ", ".join(_label(framework, "barriers", b) for b in voice["barriers"])))

    strengths = dig(data, "strengths") or []
    if strengths:
        parts.append("<h3>Strengths</h3>")
        parts.append(_para(", ".join(_label(framework, "strengths", s) for s in strengths)))
    needs = dig(data, "needs") or {}
    current = [n for n in vocab.NEEDS if dig(needs, n, "status") == "current"]
    if current:
        parts.append("<h3>Other pressures on the family</h3><ul>")
        for need in current:
            note = dig(needs, need, "note")
            parts.append(f"<li>{escape(_label(framework, 'needs', need))}"
                         + (f" — {escape(note)}" if note else "") + "</li>")
        parts.append("</ul>")
    indicators = dig(data, "safeguarding", "indicators") or []
    if indicators:
        parts.append("<h3>Safeguarding</h3><ul>")
        parts += [f"<li>{escape(_label(framework, 'safeguarding_indicators', i))}</li>" for i in indicators]
        parts.append("</ul>")

    # Services.
    parts.append("<h3>Services</h3>")
    selected = set(decision.get("selected_services") or [])
    suggested_services = outcome.get("services") or []
    ids = [s.get("id") for s in suggested_services] + sorted(selected - {s.get("id") for s in suggested_services})
    if ids:
        parts.append("<ul>")
        for service_id in ids:
            service = pathway.service(str(service_id))
            name = service.name if service else str(service_id)
            mark = " <b>(chosen)</b>" if service_id in selected else ""
            parts.append(f"<li>{escape(name)}{mark}</li>")
        parts.append("</ul>")
    else:
        parts.append(_para("No services were suggested or chosen."))
    if decision.get("next_steps"):
        parts.append(_para("Next steps: " + decision["next_steps"]))
    if decision.get("review_date"):
        parts.append(_para("Review by " + long_date(decision["review_date"])))

    if record.reviews:
        parts.append("<h3>Reviews</h3><ul>")
        parts += [f"<li>{escape(review_line(r, pathway))}</li>" for r in record.reviews]
        parts.append("</ul>")
    return "".join(parts)
