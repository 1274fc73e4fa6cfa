"""The front door, in words: the one place that writes who to call about a child's safety, where the family lives
in relation to the pathway's area, and the national numbers (pathway.md ✱ Outside the area).

The safeguarding banner, the summaries, the map of services, the command line and the outcome's warnings all
take their words from here, so they can never disagree about where a practitioner should turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from pairaid.core.pathway import AreaPlace, FrontDoor, Pathway, postcode_district


@dataclass(frozen=True)
class FamilyPlace:
    """Where the family's postcode lies in relation to the pathway's area."""

    place: AreaPlace
    district: str | None
    postcode: str | None

    @property
    def not_a_postcode(self) -> bool:
        return bool(self.postcode) and self.district is None


def family_place(pathway: Pathway, postcode: str | None) -> FamilyPlace:
    """Inside, shared (split with a neighbour), outside, or unknown (no postcode, not a postcode, or an area that
    lists no districts)."""
    district = postcode_district(postcode)
    return FamilyPlace(pathway.pathway.area.place(district), district, (postcode or "").strip() or None)


def out_of_area_line(pathway: Pathway) -> str:
    """The contract's sentence for a family outside the area; it goes before the pathway's own front door."""
    return (f"This family lives outside {pathway.pathway.area.name}: contact the children's services front door "
            "of the family's own local authority")


def shared_district_line(pathway: Pathway, district: str) -> str:
    return (f"The family's postcode district {district} is split between {pathway.pathway.area.name} and a "
            "neighbouring area: check which local authority the family lives in before you contact a front door "
            "or refer")


def area_line(pathway: Pathway, postcode: str | None) -> str | None:
    """The line that goes before the front door's details on the banner and summaries, or None when the family
    lives inside the area (or nothing is known of where they live)."""
    where = family_place(pathway, postcode)
    if where.place == "outside":
        return out_of_area_line(pathway) + "."
    if where.place == "shared" and where.district:
        return shared_district_line(pathway, where.district) + "."
    return None


def area_warnings(pathway: Pathway, postcode: str | None) -> list[str]:
    """The outcome's warnings about where the family lives: outside the area, in a shared district, or a
    postcode that is not one. Every summary prints the outcome's warnings."""
    where = family_place(pathway, postcode)
    name = pathway.pathway.area.name
    if where.not_a_postcode:
        return [f"The postcode '{where.postcode}' is not a UK postcode, so only services for the whole of {name} "
                "are suggested and the front door shown is this pathway's own: check the postcode."]
    if where.place == "outside":
        return [f"{out_of_area_line(pathway)}. The services suggested here may not take them (postcode district "
                f"{where.district}): check with each service, or use the pathway of the family's own area."]
    if where.place == "shared" and where.district:
        return [shared_district_line(pathway, where.district) + "."]
    return []


def front_door_lines(door: FrontDoor) -> list[str]:
    """Who to call and what to do next, one line each: name and phone, out of hours, emergency, follow-up."""
    lines = [f"{door.name}: {door.phone}"]
    if door.out_of_hours:
        lines.append(f"Out of hours: {door.out_of_hours}")
    lines.append(f"Emergency (a child in immediate danger): {door.emergency}")
    if door.follow_up:
        lines.append(door.follow_up)
    return lines


@dataclass(frozen=True)
class FrontDoorNotice:
    """The safeguarding notice: a heading, the area line (outside or shared; None inside) and the front door's
    lines. Banner, summaries, map and command line print these, in this order."""

    heading: str
    area: str | None
    lines: list[str]

    def all_lines(self) -> list[str]:
        return ([self.area] if self.area else []) + self.lines

    def sentence(self) -> str:
        """The lines as one paragraph (the banner's body)."""
        return " ".join(line if line.endswith((".", "!", "?")) else line + "." for line in self.all_lines())


def front_door_notice(pathway: Pathway, postcode: str | None = None) -> FrontDoorNotice:
    """What to do about a child's safety now, for this family: outside the area, the family's own local
    authority first; the pathway's front door always."""
    door = pathway.front_door
    where = family_place(pathway, postcode)
    heading = ("Safeguarding: contact the front door now" if where.place in ("outside", "shared")
               else f"Safeguarding: contact {door.name} now")
    return FrontDoorNotice(heading=heading, area=area_line(pathway, postcode), lines=front_door_lines(door))


def national_lines(pathway: Pathway) -> list[tuple[str, str]]:
    """Help for every family at any hour, in the pathway's own words (never written in code): (label, text)."""
    national = pathway.national
    return [
        ("If you feel you cannot cope, or have thoughts of harming yourself, at any hour",
         national.urgent_mental_health),
        ("In an emergency", national.emergency),
    ]
