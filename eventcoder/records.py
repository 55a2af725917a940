"""The values eventcoder returns: frozen, typed attrs classes with validators."""
from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs
from attrs import validators as v

# Codes come from the dictionaries, which are the authority on them: eventcoder's own use CAMEO
# actor codes (three-character chunks, "---" for a missing country), but PETRARCH/TABARI
# dictionaries carry compound codes ("ELR/GAL"), lower-case codes and new-actor names, and event
# codes with a suffix letter ("174K"). The validators check the shape every one of them has.
_code = v.optional(v.and_(v.instance_of(str), v.matches_re(r"\S(?:.*\S)?")))
_cameo = v.optional(v.and_(v.instance_of(str), v.matches_re(r"\d{2,4}[A-Za-z]?")))

EVENT_KEYS = ("doc_id", "sentence_index", "text", "source", "source_text", "target", "target_text",
              "cameo", "quad_class", "goldstein", "event_type", "sub_event_type", "fatalities", "date",
              "time_precision", "rule")


@attrs.frozen(slots=True)
class Span:
    """Characters ``start``..``end`` of the document, and the text there."""

    start: int = attrs.field(validator=v.ge(0))
    end: int = attrs.field(validator=v.ge(0))
    text: str = attrs.field(validator=v.instance_of(str))


@attrs.frozen(slots=True)
class Actor:
    """A coded actor: its CAMEO-style code, where it was found and which dictionary entries made it."""

    code: str | None = attrs.field(validator=_code)
    span: Span
    rules: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.span.text


@attrs.frozen(slots=True)
class Event:
    """One coded event: who did what to whom, how many died and when, and why it was coded.

    ``source``/``target`` are None when the text does not name them. ``rule`` names the verb or
    noun pattern (file:line:column) that fired; ``trigger`` is where it matched; ``notes`` records
    what the engine decided along the way (passive voice, reported speech, linked fatalities...).
    """

    doc_id: str | None
    sentence_index: int = attrs.field(validator=v.ge(0))
    text: str = attrs.field(validator=v.instance_of(str))
    source: Actor | None
    target: Actor | None
    cameo: str = attrs.field(validator=_cameo)
    quad_class: int | None = attrs.field(validator=v.optional(v.in_((1, 2, 3, 4))))
    goldstein: float | None
    event_type: str | None
    sub_event_type: str | None
    fatalities: int | None = attrs.field(validator=v.optional(v.ge(0)))
    date: _dt.date | None
    time_precision: int | None = attrs.field(validator=v.optional(v.in_((1, 2, 3))))
    rule: str
    trigger: Span
    plover: str | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A flat dict with the stable keys of :data:`EVENT_KEYS` (missing values are None)."""
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "source": self.source.code if self.source else None,
            "source_text": self.source.text if self.source else None,
            "target": self.target.code if self.target else None,
            "target_text": self.target.text if self.target else None,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "fatalities": self.fatalities,
            "date": self.date.isoformat() if self.date else None,
            "time_precision": self.time_precision,
            "rule": self.rule,
        }
