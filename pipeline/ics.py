"""A text page that is a calendar exported as iCalendar (RFC 5545: a town agenda's ``.ics``,
the "international" calendar of its CMS saved as the page) read as a page of sections and
dated entries.

Why a module of its own: an ``.ics`` writes nothing as a reader writes it. Its lines are
folded at 75 octets (a line opening with a space goes on with the line above, maybe inside a
word), its text escapes commas, semicolons and line breaks (``\\,``, ``\\;``, ``\\n``), an
event's date is two machine dates (``DTSTART;VALUE=DATE:20040101``, ``DTEND`` the day after
its end: a year alone is padded to 1 January and ends on 1 January of the next), a repeated
action is one event and a rule (``RRULE:FREQ=YEARLY;UNTIL=…``, ``COUNT=…``, none: it goes on),
and the events are sorted by date across partners, each naming its partner only in its
``CATEGORIES``, the head of its ``SUMMARY`` ("Dianguirdé – Réalisation…") or its
``LOCATION``. The text reader would read every property as a line, ``DTSTAMP`` dates
among them. The grammar of its lines is a few rules (a name, parameters after ``;``, the
value after ``:``), written here rather than a library taken on for them.

What becomes of the calendar:

- the calendar's name (``X-WR-CALNAME``, ``NAME``) and description (``X-WR-CALDESC``,
  ``DESCRIPTION``): the page's title and its introduction, a line each of its lines;
- each event, journal or to-do is put with its partner: the category that heads some
  component's summary (the partner's short name), else the head of its own summary when
  others share it; the partners come in the order the calendar first names them, each a
  heading: a dateless component's summary that is not "partner – …" (the partner's
  presentation, its description read under the heading), else the short name and the
  country its events' location ends with; its dated components come first, then its
  dateless ones (a note a page writes after the entries);
- an event is an entry: its label the date its description gives first as a date field
  ("Date affichée : Printemps 2017", the page's own label, taken off the text), else the
  period its machine dates and rule say, in EDTF (``2004/2006``, ``2017-04/2017-05``,
  ``2008/..``); its text the description's paragraphs (the summary when it has none);
- the time zones, stamps, identifiers and every other property: set aside, never read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import parse_label
from .fields import DATE, key_kind
from .text_layout import PARTNER_LEVEL, Reading

MAX_LINE = 100_000  # characters of one unfolded property at most
_BEGIN = "BEGIN:VCALENDAR"
_PROPERTY = re.compile(r"^([A-Za-z0-9-]{1,80})((?:;[^:]{0,500})?):(.*)$", re.DOTALL)
_ENTRIES = ("VEVENT", "VJOURNAL", "VTODO")
_NAMES = ("X-WR-CALNAME", "NAME")
_DESCRIPTIONS = ("X-WR-CALDESC", "DESCRIPTION")
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$")
_ESCAPE = re.compile(r"\\([\\,;nN])")
_HEAD = re.compile(r"^(.{1,120}?)\s+[–—-]\s+\S")  # "Dianguirdé – Réalisation…": the summary's head
_FIELD = re.compile(r"^([^\W\d_][^\d:]{0,40}?)\s*:\s*(\S.{0,120})$")
ASIDE = "property of the page's iCalendar export (a stamp, an identifier, a time zone, a setting)"


@dataclass
class _Component:
    kind: str
    properties: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # name -> params, value, line

    def text(self, name: str) -> str:
        return _unescaped(self.properties[name][1]) if name in self.properties else ""

    def line(self, name: str, default: int) -> int:
        return self.properties[name][2] if name in self.properties else default

    def categories(self) -> list[str]:
        """Its categories: an export that escapes the commas between them too ("A\\,B", which
        the RFC reads as one category) parts them all the same (a category is a word or two)."""
        raw = _unescaped(self.properties.get("CATEGORIES", ("", "", 0))[1])
        return [c for c in (" ".join(p.split()) for p in raw.split(",")) if c]

    def head(self) -> str | None:
        head = _HEAD.match(" ".join(self.text("SUMMARY").split()))
        return head.group(1) if head else None


def _unescaped(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _unfolded(rows: list[str]) -> list[tuple[str, int]]:
    """The calendar's content lines, each with the page's line it starts on: a line that opens
    with a space or a tab goes on with the one above, that character taken off."""
    out: list[tuple[str, int]] = []
    for number, row in enumerate(rows, start=1):
        if row[:1] in (" ", "\t") and out:
            if len(out[-1][0]) < MAX_LINE:
                out[-1] = (out[-1][0] + row[1:], out[-1][1])
        elif row.strip():
            out.append((row, number))
    return out


def calendar_reading(rows: list[str]) -> Reading | None:
    """The calendar's partners and entries in reading order, or ``None`` when the page is no
    iCalendar export.

    >>> page = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTAMP:20240312T101500Z",
    ...         "DTSTART;VALUE=DATE:20070101", "DTEND;VALUE=DATE:20100101",
    ...         "SUMMARY:Kita – Forages…", "DESCRIPTION:forages d’eau\\\\, et remise en éta",
    ...         " t de puits.", "CATEGORIES:Coopération,Kita", "LOCATION:Kita\\\\, Mali",
    ...         "END:VEVENT", "END:VCALENDAR"]
    >>> reading = calendar_reading(page)
    >>> list(zip(reading.numbers, reading.rows))
    [(6, 'Kita (Mali)'), (7, '2007/2009 : forages d’eau, et remise en état de puits.')]
    """
    first = next((row.strip() for row in rows if row.strip()), "")
    if first.upper() != _BEGIN:
        return None
    out = Reading()
    calendar = _Component("VCALENDAR")
    components: list[_Component] = []
    stack: list[_Component] = []
    for line, number in _unfolded(rows):
        prop = _PROPERTY.match(line)
        if prop is None:
            out.aside.append((ASIDE, line[:200]))
            continue
        name, params, value = prop.group(1).upper(), prop.group(2), prop.group(3)
        if name == "BEGIN":
            stack.append(calendar if value.strip().upper() == "VCALENDAR" and not stack
                         else _Component(value.strip().upper()))
            if stack[-1].kind in _ENTRIES:
                components.append(stack[-1])
            continue
        if name == "END":
            if stack:
                stack.pop()
            continue
        owner = stack[-1] if stack else calendar
        if (owner is calendar and (name in _NAMES or name in _DESCRIPTIONS)) \
                or (owner.kind in _ENTRIES and name not in owner.properties):
            owner.properties[name] = (params, value, number)
        else:
            out.aside.append((ASIDE, line[:200]))
    _write_calendar(calendar, out)
    for heading, group in _groups(components):
        _write_group(heading, group, out)
    return out


def _write_calendar(calendar: _Component, out: Reading) -> None:
    for name in _NAMES:
        if name in calendar.properties:
            out.add(" ".join(calendar.text(name).split()), calendar.line(name, 1), level=1)
            break
    for name in _DESCRIPTIONS:
        if name in calendar.properties:
            _write_text(calendar.text(name), calendar.line(name, 1), out)
            break


def _write_text(text: str, number: int, out: Reading) -> None:
    for line in text.splitlines():
        if line.strip():
            out.add(" ".join(line.split()), number)


def _groups(components: list[_Component]) -> list[tuple[str | None, list[_Component]]]:
    """The components by partner, the partners in the order the calendar first names them."""
    heads = Counter(h for c in components if (h := c.head()) is not None)
    named = {h for h in heads if any(h in c.categories() for c in components)} or \
        {h for h, n in heads.items() if n > 1}
    groups: dict[str | None, list[_Component]] = {}
    for component in components:
        key = next((c for c in component.categories() if c in named), None)
        if key is None and component.head() in named:
            key = component.head()
        groups.setdefault(key, []).append(component)
    return list(groups.items())


def _write_group(key: str | None, group: list[_Component], out: Reading) -> None:
    presentation = next((c for c in group if "DTSTART" not in c.properties and c.head() != key
                         and c.text("SUMMARY").strip()), None)
    if presentation is not None:
        out.add(" ".join(presentation.text("SUMMARY").split()), presentation.line("SUMMARY", 1),
                level=PARTNER_LEVEL)
        _write_text(presentation.text("DESCRIPTION"), presentation.line("DESCRIPTION", 1), out)
    elif key is not None:
        places = Counter(parts[-1] for c in group
                         if len(parts := [p.strip() for p in c.text("LOCATION").split(",")]) > 1)
        country = places.most_common(1)[0][0] if places else ""
        first = min(c.line("SUMMARY", c.line("DTSTART", 1)) for c in group)
        out.add(f"{key} ({country})" if country and country not in key else key, first,
                level=PARTNER_LEVEL)
    # the dated components, then the dateless (a note, a further text): as a page puts them
    for component in sorted(group, key=lambda c: "DTSTART" not in c.properties):
        if component is not presentation:
            _write_entry(key, component, out)


def _write_entry(key: str | None, component: _Component, out: Reading) -> None:
    text = component.text("DESCRIPTION")
    number = component.line("DESCRIPTION", component.line("SUMMARY", 1))
    if not text.strip():
        summary = " ".join(component.text("SUMMARY").split())
        text = summary[len(key):].lstrip(" –—-") if key and summary.startswith(key) else summary
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    label = None
    if paragraphs and (shown := _FIELD.match(paragraphs[0])) and key_kind(shown.group(1)) == DATE \
            and parse_label(shown.group(2)) is not None:
        label = shown.group(2)
        paragraphs = paragraphs[1:]
    if label is None:
        label = _period(component)
    if not paragraphs:
        return
    out.add(f"{label} : {paragraphs[0]}" if label else paragraphs[0], number)
    for paragraph in paragraphs[1:]:
        out.add(paragraph, number)


def _day(value: str) -> date | None:
    found = _DATE.match(value.strip())
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _period(component: _Component) -> str | None:
    """The event's period in EDTF, as precise as its dates say: whole years (1 January to
    1 January) are years, whole months months, other spans days; ``DTEND`` is the day after
    the end; a yearly rule stretches the end to its last year, or leaves it open."""
    start = _day(component.properties.get("DTSTART", ("", "", 0))[1])
    if start is None:
        return None
    end = _day(component.properties.get("DTEND", ("", "", 0))[1])
    last = end - timedelta(days=1) if end is not None and end > start else start
    written = component.properties.get("RRULE", ("", "", 0))[1].upper()
    rule = dict(part.split("=", 1) for part in written.split(";") if "=" in part)
    years = rule.get("FREQ") == "YEARLY"
    open_end = years and "UNTIL" not in rule and "COUNT" not in rule
    last_year = last.year
    if years and (until := _day(rule.get("UNTIL", "")[:8])) is not None:
        last_year = max(last_year, until.year)
    elif years and rule.get("COUNT", "").isdigit():
        last_year += int(rule["COUNT"]) - 1
    if (start.month == start.day == 1 and (end is None or end.month == end.day == 1)) or open_end \
            or (years and last_year > start.year):  # whole years, or a stay each year: its years
        return _span(f"{start.year}", f"{last_year}", open_end)
    if start.day == 1 and (end is None or end.day == 1):  # whole months
        return _span(f"{start:%Y-%m}", f"{last:%Y-%m}", False)
    return _span(f"{start:%Y-%m-%d}", f"{last:%Y-%m-%d}", False)


def _span(first: str, last: str, open_end: bool) -> str:
    if open_end:
        return f"{first}/.."
    return first if first == last else f"{first}/{last}"
