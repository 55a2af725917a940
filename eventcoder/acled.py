"""The ACLED layer: ``Coder.code(text, schema="acled")`` gives ACLED-style records.

It runs after the CAMEO stages on the same analysis of the text. Event and sub-event types
come from cue phrases (``acled`` entries of the dictionaries, see ``dictionaries/acled.dict``)
decided in the precedence ACLED's codebook gives; actors and their types from the actor
mentions; fatalities, dates and places from the shared stages. One record per incident and day:
``eventcoder.incidents`` splits a document that tells of several incidents, merges mentions of
the same one and gives a range of days with fighting each day one record per day; each
incident is decided as below on its own sentences.

The decision, in order (each step only when the earlier ones did not decide):

1. **Explosions/Remote violence** when an explosive weapon is named: suicide bomb, chemical
   weapon, air/drone strike, shelling/artillery/missile, remote explosive/IED, grenade — unless
   it was part of a ground battle between armed actors (then **Battles**), as ACLED codes an
   airstrike during a ground battle as one battle; shelling with an airstrike is an air strike.
2. **Demonstrations**: demonstrators who use violence are **Riots – Violent demonstration**;
   lethal force against peaceful demonstrators is **Excessive force against protesters**;
   dispersal or arrests **Protest with intervention**; otherwise **Peaceful protest**.
3. **Battles – Armed clash** (or territory changes) between armed, organised actors.
4. **Riots – Mob violence**: violence by crowds, mobs, party supporters, villagers.
5. **Violence against civilians**: sexual violence, abduction, or attack.
6. **Strategic developments**: arrests, looting/property destruction, disrupted weapons use,
   agreements, changes to a group, bases, non-violent transfers, or other.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Sequence

import attrs

from . import fatalities as _fatalities
from . import incidents as _incidents
from . import places as _places
from .actors import Mention
from .events import SentenceResult
from .lexicon import Lexicon

SUB_EVENTS = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
ACTOR_TYPES = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
               5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}
ACLED_KEYS = ("doc_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
              "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
              "interaction_label", "civilian_targeting", "country", "admin1", "location", "latitude",
              "longitude", "geo_precision", "fatalities", "notes", "rule", "spans")

_EXPLOSIONS = (("suicide", "Suicide bomb"), ("chemical", "Chemical weapon"), ("air", "Air/drone strike"),
               ("shelling", "Shelling/artillery/missile attack"), ("explosive", "Remote explosive/landmine/IED"),
               ("grenade", "Grenade"), ("crude", "Remote explosive/landmine/IED"))
_PASSIVE = frozenset({"was", "were", "been", "is", "are"})
_BACKGROUND = frozenset({"amid", "following", "after", "ongoing", "against", "over", "since"})
# Words that deny the act after them ("no clashes were reported", "without violence").
_NEGATION = frozenset({"no", "without", "not", "never", "nor"})
# Words that open what a demonstration is against or for: violence named after them in the
# same sentence is its cause, not its conduct.
_PURPOSE = frozenset({"against", "demanding", "denouncing", "condemning", "condemn", "denounce", "justice",
                      "commemorating", "commemorate", "anniversary", "over", "about", "solidarity"})
# Labels of violence a denial before the cue takes back.
_DENIABLE = frozenset({"riot", "clash", "mob", "mutual", "gunfight", "attack", "excessive", "lynch", "looting",
                       "crude"})
_CLAUSE_OPENERS = frozenset({"when", "after", "as", "while", "because", "since", "before"})
_REPRISAL = frozenset({"reprisal", "revenge", "retaliation", "avenge", "investigating", "investigate",
                       "for"})
_CLAUSE_BREAK = frozenset({",", ";", ".", "-", ":"})
_STATE_ROLES = {"MIL", "COP", "GOV", "SPY", "JUD"}
_REBEL_ROLES = {"REB", "INS", "SEP"}
_MILITIA_ROLES = {"UAF", "CRM"}
# Armed groups CAMEO codes as rebels that ACLED codes as the state forces of the de facto
# government they run: the Houthis are "Military Forces of Yemen (2016-) Supreme Political
# Council" in ACLED, so a Houthi-government battle is 11, not 12.
_DE_FACTO_STATE = ("YEMREBHTH",)
_PROTEST_ROLES = {"OPP", "LAB", "EDU"}


@attrs.frozen
class AcledRecord:
    """One ACLED-style event record (column names as in ACLED's exports)."""

    doc_id: str | None
    event_date: _dt.date | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    interaction: int | None
    civilian_targeting: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    notes: str
    rule: str
    spans: tuple[tuple[int, int, str], ...] = ()

    @property
    def interaction_label(self) -> str | None:
        """The 2023+ text label: "State forces-Protesters", "Protesters only", ..."""
        if self.inter1 is None:
            return None
        if not self.inter2:
            return f"{ACTOR_TYPES[self.inter1]} only"
        a, b = sorted((self.inter1, self.inter2))
        return f"{ACTOR_TYPES[a]}-{ACTOR_TYPES[b]}"

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in ACLED_KEYS}
        d["event_date"] = self.event_date.isoformat() if self.event_date else None
        d["spans"] = [list(s) for s in self.spans]
        return d


def _interaction(a: int | None, b: int | None) -> int | None:
    if a is None:
        return None
    if not b:
        return a * 10
    x, y = sorted((a, b))
    return x * 10 + y


class _Doc:
    """What the ACLED decision needs from the analysed sentences."""

    def __init__(self, results: Sequence[SentenceResult], lex: Lexicon):
        self.results = results
        self.cues: dict[str, list[tuple[int, int, str]]] = {}
        cues = lex.acled_cues
        for res in results:
            words, raw = res.tokens.words, res.tokens.raw
            if cues is None or not cues.any_first_word(words):
                continue
            i = 0
            while i < len(words):
                if words[i] in cues:
                    hits = cues.all_at(raw, words, i)
                    # every cue that starts here, of every label; a cue of one label inside a
                    # longer one of another still counts ("police arrested": intervention, arrest)
                    denied = any(w.lower() in _NEGATION for w in words[max(0, i - 3):i])
                    crowd_control = i > 0 and words[i - 1].lower() in ("rubber", "plastic")
                    flash = i > 0 and words[i - 1].lower() == "flash"
                    for _length, (label, rule) in hits:
                        if denied and label in _DENIABLE:
                            continue    # "no clashes were reported", "without violence"
                        if crowd_control and label in ("weapon", "armed"):
                            continue    # rubber bullets disperse a crowd; they arm nobody
                        if flash and label in ("mob", "lynch", "crowd", "mutual"):
                            continue    # a "flash mob" is a form of demonstration, not a mob
                        self.cues.setdefault(label, []).append((res.index, i, rule))
                i += 1
        self.mentions = [(res, m) for res in results for m in res.mentions]
        self.results_by_index = {res.index: res for res in results}
        self.parties: dict | None = None

    def has(self, label: str) -> bool:
        return label in self.cues

    def identity_side(self) -> bool:
        """An identity cue that names a side, not only the victims of the act before it:
        "gunmen killed a Fulani herder" and "killed four pastoralists" name victims; "Pokot
        raiders killed two", "killed by Turkana raiders" and "a rivalry between two
        communities" name (or point to) an identity militia."""
        return self.side_cue("identity")

    def side_cue(self, label: str, before: int = 4, after: int = 4) -> bool:
        """A cue of ``label`` that is not only the victim of an act of violence: its object
        right before it (within ``before`` words, no "by" between) or the subject of a passive one
        right after it ("two people were killed")."""
        violent = ("attack", "abduct", "sexual")
        for si, i, _rule in self.cues.get(label, ()):
            words = self.results_by_index[si].tokens.words
            # "Scores injured when supporters clashed": a new clause ("when", "after") between
            # the act and the cue makes the cue its subject, not its victim
            victim = any(sj == si and ((i - before <= j < i and "by" not in words[j:i]
                                        and _CLAUSE_OPENERS.isdisjoint(words[j:i]))
                                       or (i < j <= i + after and _PASSIVE & set(words[i + 1:j])))
                         for lab in violent for (sj, j, _r) in self.cues.get(lab, ()))
            if not victim:
                return True
        return False

    def has_main(self, label: str, window: int = 4) -> bool:
        """A cue that tells of the event itself, not of its background ("amid protests",
        "following demonstrations", "after a rally"): no background word in the ``window``
        words before it."""
        for si, i, _rule in self.cues.get(label, ()):
            words = self.results_by_index[si].tokens.words
            if not any(w in _BACKGROUND for w in words[max(0, i - window):i]):
                return True
        return False

    def clash_told(self) -> bool:
        """A fight the text tells of, not one an act was a reprisal for or someone was
        investigating ("attacked the village in reprisal for the clashes of 25 April")."""
        for si, i, _rule in self.cues.get("clash", ()):
            words = self.results_by_index[si].tokens.words
            if _REPRISAL.isdisjoint(w.lower() for w in words[max(0, i - 5):i]):
                return True
        return False

    def done(self, label: str) -> bool:
        """A cue of violence told as something the demonstrators did: not its background
        (``has_main``), not denied ("no clashes were reported", "without violence") and not
        a noun in what the demonstration was against or for ("protested against the
        vandalism of a party office", "demanding justice for the attack on ..."); a past-tense
        verb there ("protesting against fees, they pelted police") is still an act."""
        for si, i, _rule in self.cues.get(label, ()):
            words = self.results_by_index[si].tokens.words
            low = [w.lower() for w in words[:i + 1]]
            if any(w in _BACKGROUND for w in low[max(0, i - 4):i]):
                continue
            # the clause the cue is in: a comma ends it unless a list goes on ("..., and vandalism")
            clause = low[max([0] + [k + 1 for k in range(i) if low[k] in _CLAUSE_BREAK
                                    and low[k + 1] not in ("and", "or")]):i]
            if not low[i].endswith("ed") and any(w in _PURPOSE for w in clause):
                continue
            return True
        return False



# Words for perpetrators that say nothing of weapons or organisation: an "assailant" who beats
# someone with fists is not an armed group. They count as armed only when the text names a weapon.
_UNARMED_WORDS = frozenset({
    "assailant", "assailants", "unknown assailants", "unidentified assailants", "attacker", "attackers",
    "unidentified attackers", "unknown attackers", "perpetrators", "unidentified men", "unknown men",
    "hooded men", "vigilante", "vigilantes", "vigilante group", "vigilante groups"})
# People named as suspects or petty criminals are not an organised armed side.
_NOT_ARMED_WORDS = frozenset({"suspect", "suspects", "thief", "thieves", "robbers", "criminal", "criminals",
                              "smuggler", "smugglers", "poachers", "drug traffickers", "drug trafficker",
                              "traffickers", "human traffickers", "people smugglers"})


def _armed_type(m: Mention, text: str = "", weapon: bool = True) -> int | None:
    """1 state forces, 2 rebels, 3 militias for armed actors; None for anyone else. ``text`` is the
    mention's words: a bare "assailants" is armed only when the document names a ``weapon``."""
    code = m.code or ""
    roles = set(m.roles) | {code[k:k + 3] for k in range(3, len(code), 3)}
    if code.startswith(_DE_FACTO_STATE):
        return 1
    if code[:3] == "IMG" or roles & _REBEL_ROLES:
        return 2
    if roles & {"MIL", "COP", "SPY"}:
        return 1
    if roles & _MILITIA_ROLES:
        if len(code) > 6:
            # a named group ("Red Command traffickers", "Mungiki members") is organised whatever
            # word the text uses for its members
            return 3
        low = text.lower()
        for w in _NOT_ARMED_WORDS:
            if low.endswith(w):
                return None
        if not weapon and any(low.endswith(w) for w in _UNARMED_WORDS):
            return None
        return 3
    return None


_AFTER_PASSIVE = frozenset({".", ",", ";", "while", "in", "during", "by", "after", "near", "when", "following",
                            "overnight", "yesterday", "today"})
_PARTICIPLES = frozenset({"killed", "injured", "wounded", "ambushed", "attacked"})


# Words for the people of an armed group ("a Taliban member was killed"); any other noun after
# the group's name is its victim ("an al-Shabaab critic was shot").
_MEMBERS = frozenset({")", "member", "members", "fighter", "fighters", "militant", "militants", "commander",
                      "commanders", "forces", "rebels", "insurgents"})


def state_victims(doc: _Doc, kinds: tuple[int, ...] = (1,)) -> bool:
    """State forces that were attacked, in the passive: "two police officers were killed",
    "Four security officers killed." (a headline), "soldiers shot at and injured". An active
    "police killed three" is not: the attack word there has an object after it."""
    attacks = doc.cues.get("attack", ())
    for res, m in doc.mentions:
        if m.is_place or _armed_type(m) not in kinds:
            continue
        words = res.tokens.words
        if _fired_on(words, m.end):
            return True
        for si, j, _r in attacks:
            if si != res.index or not m.end <= j <= m.end + 3:
                continue
            between = words[m.end:j]
            if kinds != (1,) and not set(between) <= _PASSIVE | _MEMBERS:
                continue    # "an al-Shabaab critic was shot": the victim is the noun after the group
            if _PASSIVE & set(between) or (not between and words[j] in _PARTICIPLES and (
                    j + 1 >= len(words) or words[j + 1] in _AFTER_PASSIVE)):
                return True
    return False


def _fired_on(words: Sequence[str], k: int) -> bool:
    """Do the words from ``k`` (right after a mention) say it was fired on: "came under fire",
    "were fired upon", "shot at and injured during a patrol" (with no object after it: "police
    shot at and injured two robbers" is their own act)?"""
    low = [w.lower() for w in words[k:k + 6]]
    passive = bool(low) and low[0] in _PASSIVE
    if passive:
        low = low[1:]
    if len(low) >= 3 and low[0] in ("came", "come", "comes", "coming") and low[1] == "under" \
            and low[2] in ("fire", "gunfire", "attack", "attacks"):
        return True
    if passive and low[:2] in (["fired", "upon"], ["fired", "on"], ["shot", "at"]):
        return True
    if low[:2] == ["shot", "at"]:
        rest = low[2:]
        if rest[:1] == ["and"] and len(rest) > 1 and rest[1] in _PARTICIPLES:
            rest = rest[2:]
        return not rest or rest[0] in _AFTER_PASSIVE
    return False


def _deaths(doc: _Doc) -> bool:
    """Does the text report anyone killed? An abduction that ends in a killing (or a missing
    person found dead) is an attack in ACLED's precedence."""
    return (_fatalities.combine([f for res in doc.results for f in res.fatality_mentions]) or 0) > 0


def armed_parties(doc: _Doc) -> dict[tuple[int, str | None], int]:
    """The distinct armed sides a document names: (armed type, country) -> armed type. An armed
    actor with no country joins a side of the same type ("soldiers" and "Israeli forces").
    Worked out once per document."""
    if doc.parties is not None:
        return doc.parties
    out: dict[tuple[int, str | None], int] = {}
    weapon = doc.has("weapon")
    for res, m in doc.mentions:
        if m.is_place:
            continue
        t = _armed_type(m, res.tokens.span_text(m.start, m.end), weapon)
        if t is None:
            continue
        side = m.code if (m.code and len(m.code) > 6 and (t != 1 or m.code.startswith(_DE_FACTO_STATE))) \
            else (m.country or (m.code or "")[:3] or None)
        out.setdefault((t, side), t)
    for (t, side) in [k for k in out if k[1] is None]:
        if any(k[0] == t and k[1] is not None for k in out):
            del out[(t, side)]
    doc.parties = out
    return out


def _force(doc: _Doc) -> tuple[bool | None, bool | None]:
    """(is the perpetrator armed, is the victim armed) in the first coded act of force (CAMEO
    18-20) that names either; None where the text names no one. An attack on soldiers or police
    by an armed group is a battle; an attack on anyone else is violence against civilians; a
    perpetrator who is neither armed nor organised makes mob violence."""
    weapon = doc.has("weapon")
    for res, s, t in _acts_of_force(doc):
        if s is None and t is None:
            continue
        return tuple(None if m is None else
                     _armed_type(m, res.tokens.span_text(m.start, m.end), weapon) is not None
                     for m in (s, t))  # type: ignore[return-value]
    return None, None


def _acts_of_force(doc: _Doc):
    """(sentence, source, target) of each coded act of force (CAMEO 18-20) in order; source and
    target are the first mention on each side that is not a place, or None."""
    for res in doc.results:
        for d in res.drafts:
            if d.suppressed or d.code[:2] not in ("18", "19", "20"):
                continue
            yield (res, next((x for x in d.sources if x is not None and not x.is_place), None),
                   next((x for x in d.targets if x is not None and not x.is_place), None))


def _perpetrator_type(doc: _Doc, country: str | None) -> int | None:
    """The armed type of the one who used force in the first coded act of force, when armed:
    1 (8 for another country's forces), 2 or 3."""
    weapon = doc.has("weapon")
    for res, m, _target in _acts_of_force(doc):
        if m is None:
            continue
        t = _armed_type(m, res.tokens.span_text(m.start, m.end), weapon)
        if t == 1 and country and m.country and m.country != country:
            t = 8
        return t
    return None


# ACLED's notes of strategic developments often open with the sub-event's own label
# ("Looting: On 3 May ...", "Property destruction: ..."); with nobody killed it decides.
_LEADS = {("looting",): "Looting/property destruction", ("property", "destruction"): "Looting/property destruction",
          ("land", "seizure"): "Looting/property destruction",
          ("movement", "of", "forces"): "Change to group/activity", ("security", "measures"): "Change to group/activity",
          ("recruitment",): "Change to group/activity", ("change", "to", "armed", "group"): "Change to group/activity",
          ("arrests",): "Arrests", ("defusal",): "Disrupted weapons use", ("interception",): "Disrupted weapons use",
          ("weapons", "seizure"): "Disrupted weapons use", ("agreement",): "Agreement",
          ("displacement",): "Other", ("training",): "Other", ("other",): "Other"}


def _lead(doc: _Doc) -> str | None:
    if not doc.results:
        return None
    words = [w.lower() for w in doc.results[0].tokens.words[:5]]
    if ":" not in words:
        return None
    return _LEADS.get(tuple(words[:words.index(":")]))


def decide(doc: _Doc) -> tuple[str, str, str]:
    """(event_type, sub_event_type, why) for a document."""
    lead = _lead(doc)
    if lead and not _deaths(doc) and not doc.has("sexual"):
        return "Strategic developments", lead, "the note's own label"
    parties = armed_parties(doc)
    n_armed = len(parties)
    types = set(parties.values())
    identity = doc.identity_side()
    weapon = doc.has("weapon")
    attack, clash, abduct = doc.has("attack"), doc.clash_told(), doc.has("abduct")
    # a crowd word counts for the perpetrator, not when it is the victim ("opened fire at a
    # group of people")
    crowd_words = doc.side_cue("crowd", 6) or doc.has("mob") or doc.has("riot")
    if doc.has("gunfight"):
        # "an armed clash between ...", "exchanged fire": a fight with firearms is not a brawl,
        # whatever else the text says about the crowd
        crowd_words = doc.side_cue("crowd", 6) and not doc.has("weapon")
    protest = doc.has("protest")
    # a crowd the text calls armed ("armed youths"), or "a group of" people who fired guns and
    # are not a party's crowd, is an armed group in ACLED's codebook, not a mob
    armed_crowd = not doc.has("mob") and (doc.has("armedcrowd") or (
        weapon and doc.side_cue("group", 6) and not doc.has("partisan")))
    by_armed, on_armed = _force(doc)
    # an organised, armed perpetrator: a state force, rebels, a militia, a communal group, or
    # people carrying firearms who are not named as a crowd (party supporters with guns are
    # still rioters)
    if by_armed is not None:
        organised = by_armed or identity
    else:
        # the only armed side named being the one attacked ("supporters assaulted police")
        # says nothing of the attackers
        victims_only = on_armed and len(parties) == 1 and crowd_words
        # police named beside a crowd with no firearm ("handed him over to the police") are
        # responders, not the perpetrators
        responders = types == {1} and crowd_words and not weapon
        organised = (bool(parties) and not victims_only and not responders) or identity or (
            weapon and not crowd_words)
    organised = organised or armed_crowd
    if doc.has("unidentified") and _deaths(doc) and not doc.has("mob"):
        # a killing by perpetrators the text calls unidentified or unknown is ACLED's
        # Unidentified Armed Group (37), not a crowd
        organised = True
    # two armed sides fighting, or an armed side fighting an armed group it did not name
    battle = (clash and (n_armed >= 2 or (identity and not protest)
                         or (n_armed == 1 and not (types == {1} and crowd_words))
                         or (not parties and weapon and not crowd_words)))
    off_duty = doc.has("offduty")
    # "gunmen linked to al-Shabaab" names one side twice; "a member of al-Shabaab was shot
    # dead by gunmen" names the victim's group: a second armed side
    linked = doc.side_cue("affiliation", 4, 6)
    if attack and not battle and on_armed and by_armed is not False and not off_duty and not (
            crowd_words and not by_armed) and (n_armed >= 2 or 1 in types):
        # an attack on soldiers or police by an armed (or unnamed) side is a battle
        battle = True
    if (attack or doc.has("underfire")) and not battle and state_victims(doc) and not off_duty \
            and not crowd_words:
        # "Four police officers killed", "soldiers were ambushed": state forces on the receiving
        # end of armed violence fought an armed group, named or not
        battle = True
    if attack and not battle and state_victims(doc, (2,)) and not crowd_words and not doc.has("civilians") \
            and not doc.has("offduty"):
        # "two militants were killed in an operation": rebels on the receiving end fought someone
        battle = True
    if attack and not battle and len(types) >= 2 and not crowd_words and not doc.has("civilians") \
            and not off_duty and not (linked and 1 not in types):
        # two kinds of armed actor and nobody else harmed: state forces and an armed group,
        # rebels and a militia, fought each other whoever the text says struck first
        battle = True
    if attack and not battle and doc.has("guards") and organised and not crowd_words:
        # guards and private security are armed: an armed attack on them is a battle (38)
        battle = True
    demonstration = (doc.has("size") and not (doc.has("mob") and not protest)) or (protest and not battle)
    explosion = next(((lab, sub) for lab, sub in _EXPLOSIONS if doc.has(lab)), None)
    if explosion and explosion[0] == "explosive" and doc.has("crude"):
        # "exploded cocktail bombs": the bomb named is a home-made one, whoever threw it decides
        explosion = ("crude", "Remote explosive/landmine/IED")
    if explosion and not (demonstration and explosion[0] != "air") \
            and not (explosion[0] == "crude" and not organised):
        lab, sub = explosion
        if battle and doc.has("clash") and lab in ("shelling", "grenade", "explosive", "crude"):
            return "Battles", "Armed clash", "an explosive weapon used in a ground battle"
        if battle and lab == "air" and doc.has_main("clash") and doc.has("weapon"):
            # air support in a ground fight the text tells of (gunfire, an exchange of fire)
            return "Battles", "Armed clash", "an airstrike during a ground battle"
        return "Explosions/Remote violence", sub, f"explosive weapon cue: {lab}"
    if demonstration:
        main = doc.has_main("protest")
        rough = doc.has("riot") or doc.has("crude") or doc.has("mob") or clash or attack
        if (rough and not main) or (doc.has_main("mob") and (not main or doc.has("lynch"))):
            # no demonstration but its background, or a crowd turning on people (a mob or
            # clash the demonstration is about, "over the clash between supporters", is not)
            return "Riots", "Mob violence", "violence by a crowd or group"
        if (doc.done("riot") or doc.done("crude") or doc.done("clash") or doc.done("mob")) and not (
                doc.has("peaceful") and not doc.has("turned")):
            # demonstrators who fought the police or another crowd ("staged a demonstration and
            # clashed with members of the ruling party") rioted
            return "Riots", "Violent demonstration", "demonstrators used violence"
        if doc.has("excessive"):
            return "Protests", "Excessive force against protesters", "lethal force against demonstrators"
        if doc.has("intervention"):
            return "Protests", "Protest with intervention", "authorities intervened"
        return "Protests", "Peaceful protest", "a demonstration"
    crowd_violence = doc.has("mob") or ((attack or clash or doc.has("looting") or doc.has("crude"))
                                        and crowd_words and not organised) or (doc.has("crude") and not organised)
    if doc.done("rioting") and not crowd_violence and (not battle or 1 in types):
        # the text names the event a riot ("election riots", "rioters burnt a police post"):
        # people shot by the police during it are part of the riot, not a separate attack
        return "Riots", "Violent demonstration", "the text calls it rioting"
    if battle:
        if doc.has("regain") and 1 in types:
            return "Battles", "Government regains territory", "state forces retook an area"
        if doc.has("overtake") and any(t != 1 for t in types):
            return "Battles", "Non-state actor overtakes territory", "an armed group took an area"
        return "Battles", "Armed clash", "armed actors fought"
    if doc.has("sexual"):
        return "Violence against civilians", "Sexual violence", "sexual violence"
    if abduct and (organised or not doc.has("mob")) and not _deaths(doc):
        return "Violence against civilians", "Abduction/forced disappearance", "an abduction"
    if crowd_violence:
        # home-made bombs set off by people neither armed nor organised ("unidentified men
        # exploded crude bombs near a party office") are a riot weapon, whoever is named
        # violence by people who are neither armed nor organised: villagers, a crowd, party
        # supporters, unidentified assailants without firearms
        if doc.has("riot") and not doc.has("mob") and not attack and not clash and not doc.has("looting"):
            return "Riots", "Violent demonstration", "rioting"
        return "Riots", "Mob violence", "violence by a crowd or group without weapons"
    if attack or abduct:
        return "Violence against civilians", "Attack", "an attack on people by an armed actor"
    for lab, sub in (("arrest", "Arrests"), ("looting", "Looting/property destruction"),
                     ("weapons", "Disrupted weapons use"), ("agreement", "Agreement"),
                     ("change", "Change to group/activity"), ("base", "Headquarters or base established"),
                     ("transfer", "Non-violent transfer of territory")):
        if doc.has(lab):
            return "Strategic developments", sub, f"cue: {lab}"
    if doc.has("riot"):
        return "Riots", "Violent demonstration", "rioters damaged property or fought police"
    return "Strategic developments", "Other", "no cue of a more specific type"


def _actor_type(m: Mention, event_country: str | None, etype: str) -> int:
    roles = set(m.roles)
    code = m.code or ""
    for k in range(3, len(code), 3):
        roles.add(code[k:k + 3])
    if code[:3] == "IMG":
        return 2
    if roles & _STATE_ROLES:
        country = m.country or code[:3]
        return 8 if event_country and country and country != event_country and country != "---" else 1
    if roles & _REBEL_ROLES:
        return 2
    if roles & _MILITIA_ROLES:
        return 3
    if roles & _PROTEST_ROLES:
        return 5 if etype == "Riots" else 6
    return 7


_GENERIC_NAMES = {1: "Military Forces of {c}", 2: "Rebel Group ({c})", 3: "Unidentified Armed Group ({c})",
                  4: "Identity Militia ({c})", 5: "Rioters ({c})", 6: "Protesters ({c})", 7: "Civilians ({c})",
                  8: "Military Forces of {c}"}


def _representative(doc: "_Doc", kind: int, country: str | None,
                    avoid: tuple[Mention, str] | None = None) -> tuple[Mention, str] | None:
    """The mention that stands for actor type ``kind``: a named group first, else the first one.
    ``avoid`` is actor 1's mention when both actors have the same type: actor 2 is then another
    group ("Red Command ... fought Pure Third Command") where the text names one."""
    found = []
    for res, m in doc.mentions:
        if m.is_place:
            continue
        text = res.tokens.span_text(m.start, m.end)
        t = _armed_type(m, text, doc.has("weapon"))
        if t == 1 and country and m.country and m.country != country:
            t = 8
        if t == kind or (kind == 4 and t == 3):
            found.append((m, text))
    named = [f for f in found if f[0].code and len(f[0].code) > 6 and kind in (2, 3, 4)]
    if avoid is not None:
        other = [f for f in named if f[0].code != avoid[0].code]
        named = other or ([] if named and named[0][0].code == avoid[0].code else named)
    return (named or found or [None])[0]


def _name(rep: tuple[Mention, str] | None, kind: int, country_name: str | None,
          country_names: dict[str, str]) -> str | None:
    """ACLED's style: "Military Forces of Iraq", "Protesters (Kenya)", a named group as written."""
    m, text = rep if rep else (None, "")
    own = country_names.get(m.country or "", None) if m is not None else None
    c = (own if kind in (1, 8) else None) or country_name or "Unknown"
    if m is not None and m.code and len(m.code) > 6 and kind in (2, 3, 4):
        return text
    if m is not None and kind in (1, 8) and ("COP" in m.roles or "COP" in (m.code or "")[3:]):
        return f"Police Forces of {c}"
    return _GENERIC_NAMES[kind].format(c=c)


def build(results: Sequence[SentenceResult], events: Sequence[Any], doc_id: str | None, text: str,
          lex: Lexicon, country_names: dict[str, str]) -> list[AcledRecord]:
    """The records of a document: one per incident and day (see ``eventcoder.incidents``)."""
    if not results:
        return []

    def has_event(res: SentenceResult) -> bool:
        if any(not d.suppressed and d.code[:2] in ("14", "18", "19", "20") for d in res.drafts):
            return True
        return not _incidents.EVENT_LABELS.isdisjoint(_Doc([res], lex).cues)

    seen: dict[str, Any] = {}  # worked out on the first split only: most documents list no places

    def relocate(rec: AcledRecord, name: str) -> AcledRecord | None:
        """The record moved to the place ``name`` (one of several the text lists)."""
        if not seen:
            seen["hint"] = _event_country(results)
            seen["known"] = _places.known_places(results)
            seen["listed"] = {x.casefold() for items in _places.place_list(text) for x in items}
        place = _places.place_of(name, results, seen["hint"], country_names, seen["known"])
        if place is None:
            return None
        # the record's admin1 holds for every place unless it is itself one of the places listed
        listed = seen["listed"]
        admin1 = place.admin1 or (rec.admin1 if rec.admin1 and rec.admin1.casefold() not in listed else None)
        return attrs.evolve(rec, location=place.location, admin1=admin1,
                            country=_places.acled_country_name(place.country, country_names) or rec.country,
                            latitude=place.latitude, longitude=place.longitude,
                            geo_precision=place.geo_precision or rec.geo_precision)

    return _incidents.code(
        results, text, lambda rs, t: _build_record(rs, events, doc_id, t, lex, country_names), has_event,
        relocate)


def _build_record(results: Sequence[SentenceResult], events: Sequence[Any], doc_id: str | None, text: str,
                  lex: Lexicon, country_names: dict[str, str]) -> list[AcledRecord]:
    """At most one record for the sentences of one incident."""
    if not results:
        return []
    doc = _Doc(results, lex)
    if not doc.cues and not events:
        return []
    etype, sub, why = decide(doc)
    # actors: the first event's source and target, typed the ACLED way
    country = _event_country(results)
    place = _places.place_for(results, text, country, country_names)
    country = place.country or country
    fats = [f for res in results for f in res.fatality_mentions]
    fatalities = _fatalities.combine(fats) or 0
    date = next((r.date for r in results if r.date), None)
    a1, a2 = _actors(results, events, etype, sub, country)
    inter1, inter2 = a1[0], a2[0]
    parties = armed_parties(doc)
    types = sorted(set(parties.values()))
    foreign = _foreign_state(doc, country)
    state = 8 if foreign else 1      # state forces of another country are External/Other forces
    by_armed, on_armed = _force(doc)
    perpetrator = _perpetrator_type(doc, country)
    if etype == "Protests":
        inter1, inter2 = 6, (None if sub == "Peaceful protest" else state)
        if sub == "Protest with intervention" and 1 not in types and doc.has("attack"):
            inter2 = 5      # no state forces named: others (a rival party's members) attacked them
        if sub == "Peaceful protest" and doc.has("counter"):
            inter2 = 6      # a counter-demonstration: protesters against protesters (66)
    elif etype == "Riots" and sub == "Violent demonstration":
        inter1, inter2 = 5, (state if 1 in types else None)
        if inter2 is None and doc.has_main("mob") and doc.has_main("protest"):
            inter2 = 5      # demonstrators fought another crowd (55)
    elif etype == "Riots":
        # mob violence: against the forces it fought, another crowd it fought, or the people it attacked
        inter1 = 5
        if 1 in types and on_armed:
            inter2 = state
        elif doc.has("clash") or doc.has("mutual"):
            inter2 = 5
        elif doc.has("attack") or doc.has("abduct") or doc.has("sexual") or doc.has("lynch"):
            inter2 = 7
        else:
            # property burnt or vandalised, nobody harmed: rioters alone (50)
            inter2 = None
    elif etype == "Violence against civilians":
        # the one who used force; else an unidentified armed group, unless the text names
        # only one kind of armed actor and nothing says someone else did it
        lone_state = types == [1] and by_armed is False
        inter1, inter2 = perpetrator or (3 if not types or lone_state else types[0]), 7
        if inter1 == 3 and doc.side_cue("affiliation", 4, 6) and 2 in types and 1 not in types:
            inter1 = 2      # "gunmen linked to al-Shabaab": the named group is the perpetrator
        if perpetrator is None and by_armed is None and 1 in types and sub == "Attack":
            # nobody named as using force: police who found a body or an off-duty soldier
            # shot are not the perpetrators; a non-state armed side named is, else an
            # unidentified armed group
            inter1 = next((t for t in types if t != 1), 3)
        if foreign and inter1 == 1:
            inter1 = 8
    elif etype == "Battles":
        sides = sorted({8 if (t == 1 and side and country and side != country and len(side) == 3) else t
                        for (t, side) in parties})
        if len(sides) >= 2:
            inter1, inter2 = sides[0], sides[-1]
        elif sides and len(parties) >= 2:
            inter1, inter2 = sides[0], sides[0]
        elif sides and doc.has("guards") and sides[0] not in (1, 8):
            # an armed group against guards or private security (External/Other, 8)
            inter1, inter2 = sides[0], 8
        elif sides:
            # one side named: state forces fought an armed group they did not name
            inter1, inter2 = (sides[0], 3) if sides[0] in (1, 8) else (sides[0], sides[0])
        else:
            inter1, inter2 = (3, 8) if doc.has("guards") else (3, 3)
    elif etype == "Explosions/Remote violence":
        inter1 = types[0] if types else 3
        inter2 = types[-1] if len(types) > 1 else (7 if doc.has("civilians") else None)
        if types == [1] and sub in ("Remote explosive/landmine/IED", "Grenade", "Suicide bomb"):
            # a bomb, mine or grenade that hit state forces: planted or thrown by an armed
            # group the text does not name (13)
            inter1, inter2 = 1, 3
        if foreign:
            # a foreign state's strike: it is actor 1, the other armed side (if any) actor 2
            inter1 = 8
            inter2 = next((t for t in reversed(types) if t in (2, 3, 4)),
                          7 if doc.has("civilians") else None)
    elif etype == "Strategic developments":
        inter1 = types[0] if types else (5 if doc.has("crowd") else 1 if doc.has("arrest") else
                                         3 if doc.has("looting") else None)
        inter2 = 7 if doc.has("arrest") or doc.has("looting") else None
    if doc.identity_side() and etype in ("Violence against civilians", "Battles"):
        # an armed group named by ethnicity, clan or livelihood is an identity militia
        inter1 = 4 if inter1 == 3 else inter1
        inter2 = 4 if inter2 == 3 else inter2
        if inter1 and inter2 and inter2 < inter1:
            inter1, inter2 = inter2, inter1
    cname = _places.acled_country_name(country, country_names)
    rep1 = _representative(doc, inter1, country) if inter1 else None
    actor1 = _name(rep1, inter1, cname, country_names) if inter1 else None
    actor2 = _name(_representative(doc, inter2, country, rep1 if inter2 == inter1 else None), inter2, cname,
                   country_names) if inter2 else None
    if etype in ("Protests", "Riots") and inter2 == 1 and actor2 and _representative(doc, 1, country) is None:
        actor2 = actor2.replace("Military Forces of", "Police Forces of", 1)   # unnamed forces policing a crowd
    if inter2 == 8 and etype == "Battles" and doc.has("guards") and not foreign:
        actor2 = f"Private Security Forces ({cname or 'Unknown'})"
    rule = f"{etype} / {sub}: {why}"
    spans = tuple((res.tokens.starts[i], res.tokens.ends[i], res.tokens.raw[i])
                  for lab in doc.cues for (si, i, _r) in doc.cues[lab][:1] for res in results if res.index == si)
    return [AcledRecord(
        doc_id=doc_id, event_date=date[0] if date else None, time_precision=date[1] if date else None,
        disorder_type=DISORDER[etype], event_type=etype, sub_event_type=sub,
        actor1=actor1, assoc_actor_1=None, inter1=inter1, actor2=actor2, assoc_actor_2=None, inter2=inter2,
        interaction=_interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if inter2 == 7 and etype in (
            "Violence against civilians", "Explosions/Remote violence") else None,
        country=cname, admin1=place.admin1, location=place.location or _location(results, country_names),
        latitude=place.latitude, longitude=place.longitude, geo_precision=place.geo_precision or (
            1 if _location(results, country_names) else None), fatalities=fatalities, notes=text, rule=rule, spans=spans)]


def violent_to_people(doc: _Doc) -> bool:
    return doc.has("attack") or doc.has("abduct") or doc.has("civilians")


def _foreign_state(doc: _Doc, country: str | None) -> bool:
    """Do the state forces named belong to another country than the event's?"""
    for _res, m in doc.mentions:
        if not m.is_place and _armed_type(m) == 1 and country and m.country and m.country != country:
            return True
    return False


def _event_country(results: Sequence[SentenceResult]) -> str | None:
    for res in results:
        for m in res.mentions:
            if m.is_place and m.country:
                return m.country
    counts: dict[str, int] = {}
    for res in results:
        for m in res.mentions:
            if m.country:
                counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _location(results: Sequence[SentenceResult], country_names: dict[str, str]) -> str | None:
    """The most specific place named: a town or capital before a country."""
    names = {v.lower() for v in country_names.values()}
    places = [res.tokens.span_text(m.start, m.end) for res in results for m in res.mentions if m.is_place]
    return next((p for p in places if p.lower() not in names), places[0] if places else None)


def _actors(results, events, etype, sub, country):
    """((type, mention, text) of actor 1, same of actor 2) from the first event with actors."""
    def typed(m, res):
        if m is None:
            return (None, None, None)
        return (_actor_type(m, country, etype), m, res.tokens.span_text(m.start, m.end))
    for res in results:
        for d in res.drafts:
            if d.suppressed:
                continue
            s = next((x for x in d.sources if x is not None), None)
            t = next((x for x in d.targets if x is not None), None)
            if s is not None or t is not None:
                return typed(s, res), typed(t, res)
    for res in results:
        for m in res.mentions:
            if not m.is_place:
                return typed(m, res), (None, None, None)
    return (None, None, None), (None, None, None)
