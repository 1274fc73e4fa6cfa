"""The details of one service as simple HTML for a read-only text pane (every value escaped)."""

from __future__ import annotations

from html import escape

from pairaid.core.framework import Framework
from pairaid.core.pathway import Pathway, Service
from pairaid.ui.places.common import level_name, long_date

CHECK_BEFORE_REFERRING = "Check before referring"


def _months(n: int) -> str:
    return "1 month" if n == 1 else f"{n} months"


def ages_text(service: Service) -> str:
    ages = service.ages
    if not ages.after_birth:
        return "Pregnancy only (not after birth)"
    if ages.max_months is None:
        months = f"from {_months(ages.min_months)}" if ages.min_months else "any age"
    else:
        months = f"{ages.min_months}–{_months(ages.max_months)}"
    return f"Pregnancy, and babies {months}" if ages.antenatal else f"Babies {months} (not in pregnancy)"


def ages_short(service: Service) -> str:
    """For the list: "Pregnancy to 24 months", "12–30 months", "From birth"."""
    ages = service.ages
    if not ages.after_birth:
        return "Pregnancy only"
    start = "Pregnancy" if ages.antenatal else ("Birth" if ages.min_months == 0 else f"{ages.min_months}")
    if ages.max_months is None:
        return f"{start} onwards" if ages.antenatal or ages.min_months else "From birth"
    if not ages.antenatal and ages.min_months:
        return f"{ages.min_months}–{_months(ages.max_months)}"
    return f"{start} to {_months(ages.max_months)}"


def contact_short(service: Service) -> str:
    if not service.is_verified:
        return CHECK_BEFORE_REFERRING
    return f"Checked {long_date(service.verified.checked)}" if service.verified.checked else "Verified"


def referral_text(service: Service) -> str:
    routes = []
    if service.referral.self:
        routes.append("families can refer themselves")
    if service.referral.professional:
        routes.append("professionals can refer")
    if not routes:
        return "No way to refer is recorded: check with the service."
    text = "; ".join(routes)
    return text[0].upper() + text[1:] + "."


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{value}</td></tr>"


def service_html(service: Service, pathway: Pathway, framework: Framework) -> str:
    needs = ", ".join(framework.label("service_needs", need) for need in service.needs)
    areas = ", ".join(service.areas) if service.areas else f"All of {pathway.pathway.area.name}"
    parts = [f"<h2>{escape(service.name)}</h2>"]
    if service.provider:
        parts.append(f"<p>{escape(service.provider)}</p>")
    if service.status != "active":
        parts.append("<p><b>This service is marked inactive: do not refer.</b></p>")
    if service.review is not None:
        parts.append(f"<p><b>Needs review, since the refresh from the council's feed on "
                     f"{escape(long_date(service.review.since))}:</b></p><ul>")
        parts += [f"<li>{escape(change)}</li>" for change in service.review.changes]
        parts.append("</ul>")
    if service.description:
        parts.append(f"<p>{escape(service.description)}</p>")

    parts.append("<h3>Who it is for</h3><table cellpadding='3'>")
    parts.append(_row("Level", escape(level_name(pathway, service.level))))
    parts.append(_row("Needs", escape(needs)))
    parts.append(_row("Ages", escape(ages_text(service))))
    parts.append(_row("Area", escape(areas)))
    parts.append(_row("Cost", escape(service.cost or "Not recorded")))
    parts.append(_row("Languages", escape(", ".join(service.languages) or "Not recorded")))
    parts.append("</table>")

    parts.append("<h3>How to refer</h3>")
    parts.append(f"<p>{escape(referral_text(service))}</p>")
    if service.referral.how:
        parts.append(f"<p>{escape(service.referral.how)}</p>")

    parts.append("<h3>Contact</h3>")
    if not service.is_verified:
        parts.append(
            f"<p><b>{CHECK_BEFORE_REFERRING}:</b> these details have not been confirmed "
            f"({escape(service.verified.status.replace('_', ' '))}).</p>"
        )
    contact = service.contact
    rows = [
        ("Phone", contact.phone),
        *((phone.label or "Phone", phone.number) for phone in contact.phones),
        ("Website", contact.url),
        ("Email", contact.email),
        ("Hours", contact.hours),
    ]
    shown = [(label, value) for label, value in rows if value]
    if shown:
        parts.append("<table cellpadding='3'>")
        parts += [_row(label, escape(value)) for label, value in shown]
        parts.append("</table>")
    else:
        parts.append("<p>No contact details are recorded.</p>")

    parts.append("<h3>Source</h3>")
    verified = service.verified
    source = escape(verified.source) if verified.source else "No source recorded"
    checked = "date checked not recorded"
    if verified.checked:
        checked = f"checked {escape(long_date(verified.checked))}"
    parts.append(f"<p>{source}; {checked}.</p>")
    if verified.note:
        parts.append(f"<p>{escape(verified.note)}</p>")
    return "".join(parts)
