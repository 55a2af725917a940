"""Why an event was coded, or why not: the dictionary writer's daily view.

``Coder.explain(text, date)`` returns an :class:`Explanation`; ``str()`` of it is a readable
report (the ``eventcoder explain`` command prints it) and ``to_dict()`` a JSON-ready one.
"""
from __future__ import annotations

from typing import Any, Sequence


class Explanation:
    """Tokens, actor mentions, triggers with the rule that fired, and every decision taken."""

    def __init__(self, results: Sequence[Any], events: Sequence[Any], lexicon: Any):
        self.results = list(results)
        self.events = list(events)
        self.lexicon = lexicon

    def to_dict(self) -> dict[str, Any]:
        sents = []
        for r in self.results:
            words = r.tokens.raw
            sents.append({
                "index": r.index,
                "text": r.text,
                "discarded": r.discarded or None,
                "tokens": list(words),
                "actors": [{"text": " ".join(words[m.start:m.end]), "code": m.code, "place": m.is_place,
                            "roles": list(m.roles), "rules": list(m.rules)} for m in r.mentions],
                "triggers": [{
                    "text": " ".join(words[d.trigger.start:d.trigger.end]),
                    "kind": "noun" if d.trigger.noun else "verb (" + d.trigger.form + ")",
                    "code": d.code, "rule": d.trigger.pattern.rule,
                    "source": [" ".join(words[m.start:m.end]) if m else None for m in d.sources],
                    "target": [" ".join(words[m.start:m.end]) if m else None for m in d.targets],
                    "notes": list(d.notes), "dropped": d.suppressed or None,
                } for d in r.drafts],
                "fatalities": [{"count": f.count, "kind": f.kind} for f in r.fatality_mentions],
                "date": None if not r.date else {"date": r.date[0].isoformat(), "precision": r.date[1]},
            })
        return {"sentences": sents, "events": [e.to_dict() for e in self.events]}

    def __str__(self) -> str:
        out: list[str] = []
        d = self.to_dict()
        for s in d["sentences"]:
            out.append(f"[{s['index']}] {s['text']}")
            if s["discarded"]:
                out.append(f"    discarded by {s['discarded']}")
                continue
            out.append("    tokens: " + " | ".join(s["tokens"]))
            for a in s["actors"]:
                what = "place" if a["place"] else "actor"
                out.append(f"    {what}: {a['text']!r} -> {a['code'] or '(no country) ' + ''.join(a['roles'])}"
                           f"   [{'; '.join(a['rules'])}]")
            if not s["triggers"]:
                out.append("    no verb or event noun of the dictionaries matched")
            for t in s["triggers"]:
                status = f"DROPPED: {t['dropped']}" if t["dropped"] else "coded"
                out.append(f"    trigger: {t['text']!r} {t['kind']} -> {t['code']}  ({status})")
                out.append(f"        rule: {t['rule']}")
                out.append(f"        source: {t['source']}  target: {t['target']}")
                for note in t["notes"]:
                    out.append(f"        note: {note}")
            for f in s["fatalities"]:
                out.append(f"    fatalities: {f['count']} ({f['kind']})")
            if s["date"]:
                out.append(f"    date: {s['date']['date']} (precision {s['date']['precision']})")
        out.append(f"events: {len(d['events'])}")
        for e in d["events"]:
            out.append(f"  s{e['sentence_index']}: {e['source']} -{e['cameo']}-> {e['target']}"
                       f"  fatalities={e['fatalities']} date={e['date']}  [{e['rule']}]")
        return "\n".join(out)
