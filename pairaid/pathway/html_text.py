"""HTML from a service directory as plain text: tags dropped, entities decoded, blocks kept apart.

Directories send descriptions as HTML ("<p>Drop in &amp; chat</p><ul><li>Tuesdays</li></ul>"); a pathway holds
plain text that the app escapes when it shows it, so markup would otherwise reach the screen as literal tags.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                     "section", "article", "header", "footer", "blockquote", "dd", "dt", "hr"})
_HIDDEN = frozenset({"script", "style", "head", "template"})
_TAG_LIKE = re.compile(r"<[A-Za-z!/]|&[#A-Za-z0-9]+;")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """Plain text of `value`: one line per paragraph or list item ("- " before items), spaces collapsed.
    Text with no markup comes back with only its whitespace tidied."""
    if _TAG_LIKE.search(value):
        parser = _Text()
        parser.feed(value)
        parser.close()
        raw = unescape("".join(parser.parts))
    else:
        raw = value
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line and line != "-")
