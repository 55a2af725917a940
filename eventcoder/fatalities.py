"""Fatalities: how many people a sentence says died, in the ACLED codebook's style.

``find_fatalities`` returns every statement about deaths in one sentence (or any token
sequence); ``combine`` turns the statements that belong to one event into one figure.

What a statement is
-------------------
* ``total``: a reported number of dead — "two people were killed", "killing 5", "12 dead",
  "left 3 dead", "the bodies of four men", "death toll rose to 12", "3 fatalities". Conjoined
  victims add up: "killing two civilians and a soldier" -> 3, "killing himself and 3 others" -> 4.
* ``individual``: one victim with no number — "killed a commander", "shot dead a man", "a
  soldier was killed", "he died" -> 1.
* ``zero``: a statement that nobody died — "no one was killed", "no casualties", "no
  fatalities", "were not killed" — and a sentence that reports only injuries ("injured",
  "wounded", "hurt") or "casualties" (which mixes the dead and the wounded; ACLED records no
  injuries, so they count 0).

Numbers come from ``eventcoder.numbers`` (digits, number words, and vague words with ACLED's
values: "dozens" 12, "several" 3 ...). "at least 5" gives 5, and of a range ("between 27 and 28
people", "1-3 fatalities") the lower figure: ACLED codes the most conservative estimate. A
plural victim with no number ("killed civilians", "militants were killed") is the several-rule
value, 3, flagged ``vague``. "killed and injured 12 people" does not say how many died: like
ACLED ("Unclear fatalities coded as 6 (half of 12)") it gives half, at least 1.

Not deaths of this event: "threatened/attempted/tried/plotted to kill", "death threats",
"sentenced to death", "death sentence/penalty", "nearly killed", "did not kill" (zero); the
death of someone a protest, an arrest or a trial is about ("protested against the killing of a
student", "arrested for the murder of ...", "charged with killing", "relatives of a man who was
killed", a protest "after two people were killed"); deaths told in a relative clause ("a leader
who was shot dead the previous day"), in a road accident, "4 years ago", "two days after" an
earlier attack, inside quotation marks, and those a note says were "coded separately".
A suicide bomber counts when the text says he died: "killing himself and 3 others" -> 4,
"blew himself up" -> 1 more; "including the attacker" is inside the figure already.

Victim phrases are read without a parser: the words before a passive or intransitive death word
("two members of the militia were killed", "Three people, including a child, were killed"),
after an active one ("killing two civilians and a soldier", "shot dead Mwenda Itaeba, a
politician" — an aside after a comma is not a second victim), or after "of" ("the bodies of four
men"). Numbers that are years, dates, ages ("45-year-old"), times or measures are not people.

ACLED's own notes carry coding statements, read as written: "Fatalities coded as 3", "Unknown
fatalities coded as 3", "1 fatality coded for this event", "Fatalities are split across 3
events (4)" (``final``: overrides the rest), "3 fatalities." (``summary``), and "Fatalities are
split across two events" / "(3 fatalities split among 6 events)" (``split``: the event gets its
share, rounded half up).

Combining (``combine``)
-----------------------
1. a ``final`` coding statement, if any (the last one);
   a ``split`` statement divides whatever the rest gives by its number of events;
2. else the lowest ``summary`` figure (death tolls, "N fatalities", "a total of N", and "no
   fatalities were reported" as 0; ACLED takes the lowest of conflicting reports);
3. else the victim counts: within one kind of victim ("soldiers", "militants") reports of the
   same victims conflict, so the lowest is taken; different kinds add up ("3 soldiers were
   killed ... 2 militants were killed" -> 5); a count of people in general ("5 people were
   killed") covers the specific ones when it is at least as large. Counts marked ``additive``
   ("another", "two more", "2 others", "also killed") are added: to the specific victims when
   they name a kind ("another member of the group"), on top of everything when they do not
   ("two others", "another person"). A definite single victim
   ("the driver", "he") counts only when nothing else does — it usually points back to a victim
   already counted. Vague counts are used only when no precise count is present;
4. else 0 when a ``zero`` statement was made, else None (the text says nothing about deaths).

Cost: one frozenset test on the words when no death, injury or casualty word is present.
"""
from __future__ import annotations

from typing import Sequence

import attrs

from .numbers import NumberMatch, find_numbers
from .tokens import Tokens

__all__ = ["FatalityMention", "find_fatalities", "combine", "SEVERAL"]

SEVERAL = 3   # a plural victim without a number (see eventcoder.numbers: the several-rule)


@attrs.frozen(slots=True)
class FatalityMention:
    """One statement about deaths: tokens ``start``..``end`` (exclusive) and what it says."""

    start: int
    end: int
    count: int
    kind: str                 # "total" | "individual" | "zero"
    text: str = ""
    victim: str = ""          # the victims' head noun, singular ("soldier", "person"); "" if none
    vague: bool = False       # the count comes from a vague word or a bare plural
    summary: bool = False     # a whole-event figure: death toll, "N fatalities", "no fatalities"
    additive: bool = False    # "another", "two more", "2 others", "also killed": adds to the rest
    definite: bool = False    # "the driver", "he": a single victim probably named before
    final: bool = False       # an explicit coding statement: "fatalities coded as N"
    split: int = 1            # "fatalities are split across 3 events": the event has this share


# ----------------------------------------------------------------------------- word lists

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# death verbs that take the victim as object (active) or subject (passive)
_KILL = _words("""killed murdered assassinated executed beheaded lynched massacred slaughtered butchered
slain martyred kills kill murders slew lynches executes beheads massacres slays assassinates killing
murdering massacring executing beheading lynching
assassinating slaughtering""")
_KILL_ING = _words("killing murdering massacring executing beheading lynching assassinating slaughtering")
_PASSIVE_ONLY = _words("slain martyred")
_DIE = _words("died dies perished succumbed")
_NOUNS = _words("deaths fatalities fatality toll bodies body corpses corpse lives life killings")
_INJURY = _words("""injured wounded hurt injuring wounding injuries injury wounds casualties casualty injures
unhurt""")
_ANCHORS = _KILL | _DIE | _NOUNS | {"dead", "death", "down", "coded", "himself", "herself"}
_TRIGGERS = _ANCHORS | _INJURY | {"nobody"}
_SCANNED = _ANCHORS | _INJURY | {".", ";", "!", "?"}  # the tokens find_fatalities acts on

# words stepped over between a victim phrase and its death word ("were reportedly shot and killed")
_AUX = _words("""was were been being be is are has have had got get gets reportedly allegedly also later
subsequently reported confirmed believed feared said instantly immediately eventually then apparently
possibly likely initially presumably all both each brutally fatally summarily mistakenly accidentally
shot found left declared pronounced presumed lying lay already recently now ultimately tragically thought
being""")
_PASSIVE_AUX = _words("was were been being be is are get got gets")
_SINGULAR_AUX = _words("was is has")
_RELATIVE = _words("who which that whose whom")
_NEGATION = _words("not n't never")
_MANNER = _words("""shot stabbed beaten burnt burned hacked abducted kidnapped tortured raped attacked
ambushed captured taken arrested robbed mutilated strangled stoned clubbed lynched beheaded injured wounded
shooting stabbing beating abducting kidnapping torturing attacking ambushing burning hacking raping
capturing robbing beat""")
_INJURY_VERBS = _words("injured wounded hurt injuring wounding maimed maiming injures wounds")
_NOT_TO_DEATH = _words("""sentenced condemned sentence sentencing threatened threatening scared bored
frightened worked starved""")
_TO_DEATH_VERBS = _MANNER | _words("""crushed trampled lynched battered kicked slashed macheted axed
bludgeoned choked tortured starved bled frozen put hanged burned burnt gassed""")
_NOT_DEATH_NEXT = _words("""threat threats sentence sentences penalty row squad squads warrant warrants list
lists march zone certificate certificates anniversary rate end ends heat wish knell""")
# before a death word: intent, modality, near misses, claims
_INTENT = _words("""to threatened threatening attempted attempting tried trying vowed plotted plotting planned
planning intended failed wanted would will could might may can should must shall cannot nearly almost
narrowly""")
# the death a protest or a trial is about
_ABOUT_VERBAL = _words("""justice condemn condemned condemning denounce denounced denouncing
mourn mourned mourning anniversary commemorate commemorated commemorating memory memorial funeral vigil
outrage demanding""")
_ABOUT_NOMINAL = _ABOUT_VERBAL | _words("""over against protest protests protested protesting reaction
response retaliation
revenge avenge avenging investigation investigations probe inquiry trial after following since sparked
triggered prevent preventing blamed behind""")
_PROTEST = _words("""protest protests protested protesting protesters protestors demonstration demonstrations
demonstrated demonstrating demonstrators rally rallies rallied march marched marching vigil sit-in chain
gathered gathering procession""")
_CAUSE = _words("""after following over against for demanding demand demanded justice regarding about
condemning condemn denouncing denounce because due since connection""")
_RELATIVES = _words("""relatives relative family families colleagues colleague friends friend parents
parent mother father widow widows son sons daughter daughters wife husband brother sister children
members kin""")
_ACCIDENT = _words("accident accidents collision collided crash crashed stampede electrocuted drowned")
_ACCUSE = _words("""charges charge accusing accusation accusations allegations accused suspected charged
convicted arrested detained blamed responsible guilty jailed
sentenced tried wanted indicted acquitted prosecuted investigated questioned held apprehended""")

_DET_INDEF = _words("a an another")
_DET_DEF = _words("the his her their its this that these those our my your whose")
_PRON_SING = _words("he she him himself herself")
_PRON_PLUR = _words("they them themselves")
_OTHER = _words("other others more additional further")

# words that end a noun phrase
_BOUNDARY = _words("""
, . ; : ! ? [ ] " “ ” ‘ ’ — – / in at on near during after before when while by from with into
for as since following against across over under through amid amidst outside inside around
within without toward towards upon onto via until till because although though whereas if
and or but nor so yet then than who whom which where why how what whose that there here plus
was were is are be been being has have had do does did will would can could may might shall should
must said says say told according reportedly allegedly also later not n't never no
killed killing kills kill died dies dead death deaths fatalities injured wounded hurt
this these those it its they them he she him her we us i you
""")
# -ed and -ing words that are adjectives inside a victim phrase
_ADJ_ED = _words("""
armed unarmed unidentified suspected alleged wounded injured retired masked hooded presumed
unnamed unknown so-called elected affiliated associated uniformed allied based
trained veiled disabled aged married unemployed talented gifted respected renowned
self-styled self-proclaimed hired licensed registered enlisted ordained appointed designated
missing dead deceased wanted displaced
""")
_ING_OK = _words("""
ruling opposing warring governing leading fighting rival neighbouring neighboring visiting
remaining following sitting serving striking protesting travelling traveling worshipping
demonstrating marching rioting looting raiding patrolling mining ranking
""")
# a number followed by one of these measures something else
_UNIT_AFTER = _words("""
year years yr yrs month months week weeks day days hour hours minute minutes second seconds km
kilometres kilometers kilometre kilometer miles mile metres meters metre meter am pm a.m. p.m. percent
per % o'clock times rounds shots bullets tons tonnes kg naira rmb dollars usd $ shillings euros rupees
taka birr pounds cfa hectares acres litres liters gallons feet foot inches lakh crore st nd rd th
""")
_NON_PERSON = _words("""
ox oxen cow cows cattle goat goats sheep camel camels donkey donkeys animal animals livestock dog dogs
horse horses chicken chickens pig pigs bull bulls calf calves fish elephant elephants lion lions vulture
vultures bird birds plan plans raid raids operation operations attack attacks order orders warrant warrants
bill bills deal deals project projects program programme strike strikes motion vote scheme house houses
vehicle vehicles car cars truck trucks building buildings village villages shop shops time hours days weeks
months years engine engines crop crops tree trees fire idea story report demonstration protest rally
clash clashes incident event events area areas road roads
""")
_GENERIC = _words("person individual other victim them whom those body corpse life fatality death dead "
                  "casualty human") | {""}
_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
              "police": "police", "lives": "life", "bodies": "body", "others": "other", "dead": "dead",
              "fatalities": "fatality", "casualties": "casualty", "staff": "staff", "personnel": "personnel",
              "crew": "crew", "troops": "troop", "youth": "youth", "militia": "militia"}
_PLURAL_NOUNS = _words("""people persons men women children police policemen troops personnel staff crew
youth militia others them those dead whom civilians gunmen militiamen tribesmen herdsmen fishermen
servicemen kinsmen clergymen""")
_COLLECTIVE = _words("group family number crowd gang convoy unit team band mob couple pair dozen handful "
                     "host series batch total")
_PERSONISH = _words("""
man woman child boy girl person people civilian soldier officer policeman policewoman police militant
fighter member leader commander driver farmer student teacher journalist worker resident villager
herder herdsman trader chief elder son daughter wife husband brother sister father mother relative
guard bodyguard official activist protester protestor demonstrator rioter suspect thief robber
gunman attacker assailant bomber insurgent rebel militiaman jihadist terrorist youth infant baby
passenger pilot doctor nurse priest imam pastor cleric monk nun judge lawyer politician candidate
councillor councilman councilwoman mayor governor minister deputy lawmaker senator chairman supporter
employee miner operator vendor shopkeeper businessman businesswoman motorist rider cyclist pedestrian
patient prisoner detainee inmate hostage victim migrant refugee worshipper pilgrim tribesman clansman
fisherman hunter colleague cousin uncle nephew niece grandson granddaughter grandfather grandmother
neighbour neighbor friend companion partner gendarme trooper sergeant captain major lieutenant colonel
general private corporal recruit cadet volunteer militia conscript guerrilla combatant troop personnel
crew staff agent spy informant collaborator other critic preacher assistant executive official scholar
aide secretary manager
director coordinator engineer contractor guard watchman herder shepherd pastoralist cattleman chief
headman sheikh emir commissioner inspector constable detective administrator envoy ambassador diplomat
opponent rival veteran teenager toddler pensioner landlord tenant owner merchant dealer smuggler
poacher bandit rustler raider kidnapper abductor criminal gangster hitman assassin sniper defector
deserter soldier servicemen serviceman marine sailor airman ranger warrior vigilante member partisan
loyalist separatist islamist
""")
_MONTHS = _words("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""")
_TIME_WORDS = _words("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
overnight earlier later last this early late morning evening night afternoon""") | _MONTHS
_SPLIT = _words("split spread divided distributed shared")
_QUOTES = _words('" “ ”')


# ----------------------------------------------------------------------------- helpers

class _Ctx:
    """Per-call state while matching one token sequence."""

    __slots__ = ("words", "raw", "n", "num_at", "num_end", "sfloor", "starts", "ends")

    def __init__(self, tokens: Tokens):
        self.starts = tokens.starts
        self.ends = tokens.ends
        self.words = tokens.words
        self.raw = tokens.raw
        self.n = len(tokens.words)
        self.num_at: dict[int, NumberMatch] = {}
        self.num_end: dict[int, NumberMatch] = {}
        self.sfloor = 0          # where the current sentence starts
        for m in find_numbers(self.words):
            if self._counts_people(m):
                self.num_at[m.start] = m
                self.num_end[m.end - 1] = m

    def _counts_people(self, m: NumberMatch) -> bool:
        """Can this number count people? Not a year, a date, a time, an age or a measure."""
        w = self.words
        if m.value != int(m.value):
            return False
        last = w[m.end - 1]
        nxt = w[m.end] if m.end < self.n else ""
        if m.end - m.start == 1 and last.isdigit() and len(last) == 4 and 1800 <= int(last) <= 2100 and not (
                _is_plural(nxt) and _personish(_singular(nxt))):
            return False     # a year, unless "1800 people"
        nxt = w[m.end] if m.end < self.n else ""
        nxt2 = w[m.end + 1] if m.end + 1 < self.n else ""
        prev = w[m.start - 1] if m.start > 0 else ""
        if nxt in _UNIT_AFTER or nxt in _MONTHS or prev in _MONTHS or nxt in (":", "/"):
            return False
        if (nxt == "-" and not nxt2[:1].isdigit() and nxt2 not in _RUN_NUMBER_WORDS
                and self.ends[m.end - 1] == self.starts[m.end]):
            return False     # "45-year-old", "3-day"
        if prev in ("aged", "age", "no", "#", "/", "$", "€", "£", "rs", "no.", "number"):
            return False
        return True


_RUN_NUMBER_WORDS = _words("""one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred""")


def _verbish(w: str) -> bool:
    """A word that ends a noun phrase: a boundary word or (likely) a verb form."""
    if w in _ADJ_ED or w in _ING_OK:
        return False
    return w in _BOUNDARY or (len(w) > 4 and (w.endswith("ed") or w.endswith("ing")))


def _singular(head: str) -> str:
    if head in _IRREGULAR:
        return _IRREGULAR[head]
    if head.endswith("men") and len(head) > 4:
        return head[:-3] + "man"
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def _is_plural(head: str) -> bool:
    return head in _PLURAL_NOUNS or (len(head) > 3 and head.endswith("s") and not head.endswith("ss")
                                     and head not in ("his", "this", "its", "bus", "gas", "boss", "police"))


class _NP:
    """A victim phrase and what it counts."""

    __slots__ = ("start", "end", "count", "kind", "victim", "vague", "definite", "additive", "numbered")

    def __init__(self, start: int, end: int, count: int, kind: str, victim: str, vague: bool = False,
                 definite: bool = False, additive: bool = False, numbered: bool = False):
        self.start, self.end, self.count, self.kind, self.victim = start, end, count, kind, victim
        self.vague, self.definite, self.additive, self.numbered = vague, definite, additive, numbered


_OF_QUANTITY = _words("""number numbers group groups dozens dozen hundreds thousands tens scores couple pair
handful one two three four five six seven eight nine ten some many several few all most total bodies body
lives life remains corpses corpse""")


def _head(c: _Ctx, s: int, e: int) -> tuple[str, int]:
    """The head word of words[s:e]: the word before "of" ("leader of an armed group"), unless
    that word is a quantity ("dozens of people", "the bodies of four men"); else the last word
    that is not a number or punctuation."""
    w = c.words
    for k in range(s + 1, e - 1):
        if w[k] == "of":
            t = w[k - 1]
            if (k - 1) not in c.num_end and t not in _OF_QUANTITY and t.isalpha() and t not in _DET_DEF:
                return t, k - 1
            break
    for k in range(e - 1, s - 1, -1):
        t = w[k]
        if t in ("'s", "'", "-", ")", "(", '"'):
            continue
        if k in c.num_end or t[:1].isdigit():
            return "", k
        return t, k
    return "", s


def _quantify(c: _Ctx, s: int, e: int) -> _NP | None:
    """What the victim phrase words[s:e] counts, or None if it counts no one."""
    if s >= e:
        return None
    w = c.words
    head, hk = _head(c, s, e)
    if head in _NON_PERSON or head in _INJURY or head in _INJURY_VERBS:
        return None
    victim = _singular(head)
    # "two others", "another", "five more": added to a figure given before; "the other two" is a
    # part of it
    additive = any(w[k] in _OTHER and not (k > s and w[k - 1] in _DET_DEF) for k in range(s, e))
    # "ten of those", "one of the soldiers", "two of them": a part of victims named before
    # ("ten of those killed", "two of whom"); "three of them" may be other people, and counts
    partitive = any(w[k] == "of" and k + 1 < e and (w[k + 1] in ("those",) or (
        w[k + 1] == "the" and k + 2 < c.n
        and w[k + 2] in ("dead", "victims", "deceased", "fatalities", "killed")))
                    and (k - 1) in c.num_end for k in range(s + 1, e))
    # a number in the phrase: the first ("one of the soldiers" -> 1, "between 27 and 28" -> 27)
    for k in range(s, e):
        m = c.num_at.get(k)
        if m is not None and m.end <= e:
            count = int(m.value)
            if count == 0:
                return _NP(s, e, 0, "zero", victim)
            return _NP(s, e, count, "total", victim, vague=m.vague, additive=additive, numbered=True,
                       definite=partitive and not additive)
    first = w[s]
    if first in ("no", "none", "nobody"):
        return _NP(s, e, 0, "zero", victim)
    if first in _PRON_SING and e - s == 1:
        return _NP(s, e, 1, "individual", first, definite=first not in ("himself", "herself"))
    if first in _PRON_PLUR or first in _RELATIVE and first != "that" or not head:
        return None
    if head in _DET_DEF or head in _DET_INDEF or head in _BOUNDARY:
        return None
    named = c.raw[hk][:1].isupper() and hk > c.sfloor
    if first in _DET_INDEF:
        if head in _COLLECTIVE or (e - s > 1 and w[s + 1] in _COLLECTIVE):
            return _NP(s, e, SEVERAL, "total", victim, vague=True, additive=additive)
        return _NP(s, e, 1, "individual", victim, additive=additive or first == "another")
    if _is_plural(head):
        return _NP(s, e, SEVERAL, "total", victim, vague=True, additive=additive)
    if first in _DET_DEF:
        if victim in _PERSONISH or named:
            return _NP(s, e, 1, "individual", victim, definite=True)
        return None
    if _personish(victim) or named or head in _PERSONISH:
        return _NP(s, e, 1, "individual", victim)
    return None


def _close_paren(c: _Ctx, k: int, floor: int) -> int:
    """Index of the "(" that opens the bracket closed at ``k``, or -1."""
    for j in range(k - 1, max(floor, k - 12) - 1, -1):
        if c.words[j] == "(":
            return j
        if c.words[j] in (".", ")"):
            return -1
    return -1


def _np_left(c: _Ctx, p: int, floor: int) -> tuple[int, int]:
    """The noun phrase chunk ending at token ``p`` (inclusive): (start, end)."""
    w = c.words
    if w[p] in ("whom", "them", "those") and p - 2 >= floor and w[p - 1] == "of" and (p - 2) in c.num_end:
        return c.num_end[p - 2].start, p + 1       # "1 of whom"
    if w[p] in _PRON_SING or w[p] in _PRON_PLUR:
        return p, p + 1
    k = p
    limit = max(floor, p - 9)
    while k >= limit:
        m = c.num_end.get(k)
        if m is not None:
            k = m.start - 1
            # a range "1 - 4", "27 to 28": go on to its first number
            if k - 1 >= limit and w[k] in ("-", "to", "or") and (k - 1) in c.num_end:
                k = c.num_end[k - 1].start - 1
            # a number starts its phrase, unless a determiner or "of" comes first ("the two men",
            # "members of 2 families")
            if k >= limit and (w[k] in _DET_DEF or w[k] in ("of", "all", "another")):
                continue
            break
        t = w[k]
        if t in ("'s", "-", "'", '"', "“", "”") or (t == "of" and k < p):
            k -= 1
            continue
        if t == ")":
            j = _close_paren(c, k, max(floor, p - 14))
            if j > floor:
                k = j - 1
                limit = max(floor, k - 8)
                continue
            break
        if t in _DET_DEF or t in _DET_INDEF or t == "no":
            k -= 1
            break      # a determiner starts the phrase
        if _verbish(t):
            # "2 mining company employees": an -ing/-ed word right after a number or determiner
            prev = w[k - 1] if k - 1 >= limit else ""
            if t[-1] in "dg" and t not in _BOUNDARY and (
                    (k < p and ((k - 1) in c.num_end or prev in _DET_DEF or prev in _DET_INDEF))
                    or (k == p and prev in ("those", "the"))):      # "those arrested"
                k -= 1
                continue
            break
        if t in ("and", "or"):
            break
        k -= 1
    return k + 1, p + 1


def _np_right(c: _Ctx, q: int, ceiling: int) -> tuple[int, int]:
    """The noun phrase starting at token ``q``: (start, end)."""
    w = c.words
    k = q
    limit = min(ceiling, q + 10)
    while k < limit:
        m = c.num_at.get(k)
        if m is not None:
            k = m.end
            # "27 to 28 people", "5-6 soldiers": skip the second number of a range
            if k + 1 < limit and w[k] in ("to", "-", "or", "and") and (k + 1) in c.num_at:
                k = c.num_at[k + 1].end
            continue
        t = w[k]
        if k == q and t in _PRON_SING:
            return q, q + 1
        if k > q and (t in _DET_DEF or t in _DET_INDEF) and w[k - 1] != "of":
            break
        if t in ("of", "'s", "-", "'", '"', "“", "”") or (k == q and (t in _DET_DEF or t in _DET_INDEF)):
            k += 1
            continue
        if k == q and t in ("at", "least", "than", "more", "over", "some", "up", "about", "around", "nearly",
                            "almost", "approximately", "roughly", "estimated", "between", "an"):
            k += 1
            continue
        if _verbish(t) or (k > q and t in _TIME_WORDS):
            prev = w[k - 1] if k > q else ""
            if (t[-1] in "dg" and t not in _BOUNDARY and k + 1 < limit and not _verbish(w[k + 1])
                    and ((k - 1) in c.num_end or prev in _DET_DEF or prev in _DET_INDEF)):
                k += 1
                continue
            break
        k += 1
    # "three men suspected of": the phrase ends before a dangling "of" or participle
    while k > q + 1 and (w[k - 1] in ("of", "-", "'s", "'", "to")
                         or (w[k - 1] in _ADJ_ED and w[k - 1] != "dead")):
        k -= 1
    return q, k


def _starts_np(c: _Ctx, q: int) -> bool:
    """Does a noun phrase (an object) start at ``q``?"""
    if q >= c.n:
        return False
    t = c.words[q]
    if t in _INJURY_VERBS or t in _MANNER:
        return False
    if q in c.num_at or t in _DET_INDEF or t in _PRON_SING or t in _PRON_PLUR:
        return True
    if t in _DET_DEF:
        return t not in ("that", "this") or (q + 1 < c.n and not _verbish(c.words[q + 1]))
    if t in ("at", "more", "over", "some", "up", "about", "around", "nearly", "almost", "approximately",
             "between", "no"):
        nxt = c.words[q + 1] if q + 1 < c.n else ""
        return (q + 1) in c.num_at or nxt in ("least", "than", "to", "one") or (t == "no" and nxt != "longer")
    if t[:1].isdigit():
        return True            # "beat to death 17-year-old Kennedy"
    if t in _TIME_WORDS or _verbish(t) or not t[:1].isalpha():
        return False
    return True


def _coordinated_right(c: _Ctx, np: _NP, ceiling: int) -> list[_NP]:
    """More victims after "and" / ",": "two civilians and a soldier", "himself and 3 others".
    A phrase after a bare comma counts only when an "and" closes the list ("X, Y and Z");
    otherwise it is an aside ("Mwenda Itaeba, a politician")."""
    out = [np]
    pending: list[_NP] = []
    w = c.words
    k = np.end
    while k < min(ceiling, c.n) and len(out) + len(pending) < 6:
        j = k
        comma = False
        if w[j] == ",":
            j += 1
            if j < c.n and w[j] == "and":
                j += 1
            else:
                comma = True
        elif w[j] == "and":
            j += 1
        elif w[j] == "along" and k + 1 < c.n and w[k + 1] == "with":
            j += 2
        else:
            break
        if j >= c.n or not _starts_np(c, j):
            break
        s2, e2 = _np_right(c, j, ceiling)
        nxt = _quantify(c, s2, e2)
        if nxt is None or nxt.kind == "zero" or (nxt.vague and not nxt.numbered):
            break
        if nxt.definite and w[j] not in ("his", "her", "their", "him"):
            break
        if nxt.kind == "individual" and nxt.victim not in _PERSONISH and w[j] not in _DET_INDEF and \
                w[j] not in ("himself", "herself", "him", "her", "his", "their"):
            break
        if comma:
            pending.append(nxt)
        else:
            out.extend(pending)
            pending.clear()
            out.append(nxt)
        k = e2
    return out


def _coordinated_left(c: _Ctx, np: _NP, floor: int) -> list[_NP]:
    """More victims before "and" / ",": "a civilian and his son were killed"."""
    out = [np]
    w = c.words
    k = np.start - 1
    while k >= floor and len(out) < 6:
        j = k
        if w[j] == "and":
            j -= 1
            if j >= floor and w[j] == ",":
                j -= 1
        elif w[j] == ",":
            j -= 1
        else:
            break
        if j < floor:
            break
        s2, e2 = _np_left(c, j, floor)
        prev = _quantify(c, s2, e2)
        if prev is None or prev.kind == "zero" or (prev.vague and not prev.numbered):
            break
        before = w[s2 - 1] if s2 - 1 >= floor else ""
        if before and before not in (",", "and", ".", ";", ":", "(", "while", "when", "as", "including") and (
                _verbish(before) or before in ("by", "with", "from", "against", "on", "at", "in", "to", "of",
                                               "for", "near", "between")):
            break
        if prev.kind == "individual" and (
                prev.definite or (prev.victim not in _PERSONISH and w[s2] not in _DET_INDEF)):
            break        # "Krasnohorivka and Mykhaylivka, three civilians": places, not victims
        out.insert(0, prev)
        k = s2 - 1
    return out


def _subject(c: _Ctx, p: int, floor: int) -> _NP | None:
    """The victim phrase that ends at ``p`` (the subject of a passive or intransitive death word),
    looking through prepositional phrases ("a soldier from the army", "four members of the group")
    and "including" ("Nine people including two officers and seven civilians")."""
    s, e = _np_left(c, p, floor)
    np = _quantify(c, s, e)
    w = c.words
    if np is None:
        # "Five suspects linked to the two attacks have been shot dead": a counted group of
        # people earlier in the clause
        for j in range(s - 1, max(floor, s - 10) - 1, -1):
            if w[j] in (",", ";", "(", ")", "and", "but", "while", "when", "after"):
                break
            m = c.num_end.get(j)
            if m is not None and j + 1 < c.n and _personish(_singular(w[j + 1])) and _is_plural(w[j + 1]):
                return _NP(m.start, e, int(m.value), "total" if m.value else "zero", _singular(w[j + 1]),
                           vague=m.vague, numbered=True)
    # "X of/from/with the Y": the victim is X
    j = s - 1
    if j - 1 >= floor and w[j] in ("of", "from", "with", "in", "at", "on", "near"):
        s2, e2 = _np_left(c, j - 1, floor)
        head = _quantify(c, s2, e2)
        if head is not None and head.kind != "zero" and (head.numbered or head.kind == "individual"
                                                         or np is None):
            head.end = e
            np = head
    return np


def _personish(victim: str) -> bool:
    """Is ``victim`` (singular) a word for a person? A list, and agent-noun endings."""
    return victim in _PERSONISH or (
        len(victim) > 4 and victim.endswith(("ist", "ian", "man", "woman", "eer")))


def _text(c: _Ctx, s: int, e: int) -> str:
    return " ".join(c.raw[s:e])


def _mention(c: _Ctx, s: int, e: int, nps: list[_NP], *, half: bool = False, summary: bool = False,
             additive: bool = False) -> FatalityMention | None:
    if not nps:
        return None
    count = sum(np.count for np in nps)
    first = nps[0]
    if len(nps) == 1 and first.kind == "zero":
        return FatalityMention(s, e, 0, "zero", _text(c, s, e), victim=first.victim)
    if half:
        count = max(1, count // 2)
    kind = "individual" if len(nps) == 1 and first.kind == "individual" and not half else "total"
    victims = {np.victim for np in nps}
    victim = first.victim if len(victims) == 1 else "person"
    return FatalityMention(s, e, count, kind, _text(c, s, e), victim=victim,
                           vague=all(np.vague for np in nps), summary=summary,
                           additive=additive or all(np.additive for np in nps),
                           definite=len(nps) == 1 and first.definite)


def _aux_back(c: _Ctx, k: int, floor: int) -> tuple[int, bool, bool, int, bool]:
    """Step back over auxiliaries and adverbs before token ``k``: (index of the phrase's last
    word, passive auxiliary seen, negation seen, relative pronoun seen (1 restrictive "who",
    2 ", who" or "which"), singular verb seen)."""
    w = c.words
    passive = negated = singular = False
    relative = 0
    j = k - 1
    while j >= floor:
        t = w[j]
        if t in _PASSIVE_AUX:
            passive = True
        if t in _SINGULAR_AUX:
            singular = True
        if t in _NEGATION:
            negated = True
            j -= 1
            continue
        if t in _AUX:
            j -= 1
            continue
        if t in _TIME_WORDS and t not in _MONTHS:
            # "were Friday afternoon shot dead": a time between the auxiliary and the verb
            i = j
            while i > floor and (w[i] in _TIME_WORDS or w[i] in ("in", "the", "on")):
                i -= 1
            if w[i] in _PASSIVE_AUX or w[i] in ("have", "has", "had"):
                j = i
                continue
            break
        if t == "and" and j - 1 >= floor and w[j - 1] in _MANNER:
            j -= 2
            continue
        if t in _RELATIVE and t != "whose":
            # "a man who was killed", "a man who had killed his father"; not ", who" nor "which"
            # when the clause tells the event itself ("an attack which killed 11", "vigilantes, who
            # killed one gang member")
            relative = 2 if (j - 1 >= floor and w[j - 1] == ",") or t == "which" else 1
            j -= 1
            if j >= floor and w[j] == ",":
                j -= 1
            break
        if t == "," and j + 1 < k and w[j + 1] in _PASSIVE_AUX:
            j -= 1          # "A teacher at the school, was shot dead"
            continue
        break
    return j, passive, negated, relative, singular


def _in_quote(c: _Ctx, k: int) -> bool:
    return sum(1 for j in range(c.sfloor, k) if c.words[j] in _QUOTES) % 2 == 1


def _intent(c: _Ctx, k: int) -> bool:
    """Is the death word at ``k`` only intended, feared, claimed or a near miss?"""
    w = c.words
    lo = max(c.sfloor, k - 3)
    for j in range(lo, k):
        t = w[j]
        if t in _INTENT:
            if t == "to" and j != k - 1 and not (j == k - 2 and w[k - 1] in ("have", "be")):
                continue
            return True
        if t == "having":
            return True
    # "accused of killing", "arrested for the murder of"
    j = k - 1
    if j >= c.sfloor and w[j] in ("the", "a"):
        j -= 1
    if j - 1 >= c.sfloor and w[j] in ("of", "for", "with", "over", "in") and w[j - 1] in _ACCUSE:
        return True
    return _in_quote(c, k)


def _background(c: _Ctx, s: int, nominal: bool = False) -> bool:
    """Is the death told at ``s`` the cause of something else (a protest, a trial), not an event?
    "protested against the killing of a student", "relatives of a man who was killed"."""
    w = c.words
    about = _ABOUT_NOMINAL if nominal else _ABOUT_VERBAL
    for j in range(max(c.sfloor, s - 6), s):
        if w[j] in about:
            return True
    if s - 1 >= c.sfloor and w[s - 1] == "among":
        return True         # "among those killed were ...": part of a figure given elsewhere
    for j in range(max(c.sfloor + 1, s - 8), s):
        if w[j] in ("after", "before") and w[j - 1] in ("days", "day", "weeks", "week", "months", "month",
                                                        "hours", "years", "year"):
            return True     # "two days after the militia executed 20 Kenyans": an earlier event
    for j in range(max(c.sfloor, s - 10), min(c.n, s + 12)):
        t = w[j]
        if t in (".", ";") and j >= s:
            break
        if t in _ACCIDENT or (t == "ago" and j > s):
            return True     # a road accident; "killed 4 years ago"
    if s - 2 >= c.sfloor and w[s - 1] == "of" and w[s - 2] in _RELATIVES:
        return True
    protest = -1
    for j in range(c.sfloor, s):
        t = w[j]
        if t in _PROTEST:
            protest = j
        elif protest >= 0 and t in _CAUSE:
            return True
    return False


# ----------------------------------------------------------------------------- anchors

def _left_victims(c: _Ctx, k: int, floor: int) -> tuple[list[_NP], bool, bool, bool, int]:
    """Victims before the death word at ``k``: (phrases, passive, negated, relative clause, start)."""
    j, passive, negated, relative, singular = _aux_back(c, k, floor)
    if j < floor:
        return [], passive, negated, relative, k
    w = c.words
    if w[j] == ",":
        # "At least 45 people, including women and children, died": the phrase before the aside
        for i in range(j - 1, max(floor, j - 14) - 1, -1):
            if w[i] in (".", ";"):
                break
            if w[i] in ("including", "mostly", "mainly", "among") and i - 2 >= floor and w[i - 1] == ",":
                j = i - 2
                singular = False
                break
    if w[j] in ("nobody", "none") or (w[j] in ("one", "body") and j - 1 >= floor and w[j - 1] == "no"):
        s = j - 1 if w[j] in ("one", "body") else j
        return [_NP(s, j + 1, 0, "zero", "")], passive, negated, relative, s
    np = _subject(c, j, floor)
    if np is None:
        return [], passive, negated, relative, k
    nps = [np] if singular else _coordinated_left(c, np, floor)
    # "Nine people including two officers and seven civilians were killed", "Three people,
    # including a child, were killed": the figure before "including"
    b = nps[0].start - 1
    if b - 1 >= floor and w[b] in ("including", "mostly", "mainly"):
        q = b - 2 if w[b - 1] == "," else b - 1
        whole = _subject(c, q, floor) if q >= floor else None
        if whole is not None and whole.numbered:
            whole.end = nps[-1].end
            nps = [whole]
    return nps, passive, negated, relative, nps[0].start


def _add(out: list[FatalityMention], m: FatalityMention | None) -> None:
    if m is not None:
        out.append(m)


def _passive(c: _Ctx, k: int, floor: int, out: list[FatalityMention], end: int, half: bool = False) -> int:
    """A death word at ``k`` whose victims come before it: "two people were killed", "12 dead",
    "he later died", "a man was beaten to death". Returns the end."""
    nps, passive, negated, relative, s = _left_victims(c, k, floor)
    if negated:
        out.append(FatalityMention(s, end, 0, "zero", _text(c, s, end)))
        return end
    if not nps or relative:
        return end      # "a man who was killed": said of someone, not told as the event
    if _background(c, nps[0].start):
        return end
    w = c.words
    additive = any(w[x] == "also" for x in range(nps[-1].end, k + 1))
    # "was killed along with his driver"
    if end + 1 < c.n and w[end] == "along" and w[end + 1] == "with" and _starts_np(c, end + 2):
        s2, e2 = _np_right(c, end + 2, c.n)
        more = _quantify(c, s2, e2)
        if more is not None and more.kind != "zero":
            nps = nps + [more]
            end = e2
    _add(out, _mention(c, s, end, nps, half=half, additive=additive,
                       summary=any(w[x] in ("total", "altogether") for x in range(max(floor, s - 3), end + 2)
                                   if x < c.n)))
    return end


def _active(c: _Ctx, k: int, q: int, out: list[FatalityMention], half: bool = False,
            person_only: bool = False) -> int:
    """A death verb at ``k`` whose victims follow from ``q``: "killing 5 people"."""
    s2, e2 = _np_right(c, q, c.n)
    np = _quantify(c, s2, e2)
    if np is None:
        return k + 1
    if person_only and not np.numbered and np.victim not in _PERSONISH and not c.raw[s2][:1].isupper():
        return k + 1
    nps = _coordinated_right(c, np, c.n)
    if _background(c, k):
        return nps[-1].end
    _add(out, _mention(c, k, nps[-1].end, nps, half=half))
    return nps[-1].end


def _kill_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "X were killed", "killing 5 people", "killed a man and his son", "gunned down" """
    w = c.words
    n = c.n
    t = w[k]
    if _intent(c, k):
        return k + 1
    nxt = w[k + 1] if k + 1 < n else ""
    if t in _KILL_ING and nxt == "of":
        return _of_phrase(c, k, floor, out)          # "the killing of two protesters"
    if t in _KILL_ING and k - 1 >= floor and (w[k - 1] in _DET_DEF or w[k - 1] in _DET_INDEF or w[k - 1] in (
            "honor", "honour", "revenge", "mob", "mass", "brutal", "recent", "latest", "serial", "custodial",
            "extrajudicial", "extra-judicial", "targeted", "retaliatory", "alleged", "reported")):
        return k + 1                                 # "a custodial killing victim": a noun
    if t == "killings":
        return k + 1
    # joint figures: "killed and injured 12", "killing and wounding dozens", "injured and killed"
    half = False
    q = k + 1
    if nxt in ("and", "or") and k + 2 < n and w[k + 2] in _INJURY_VERBS:
        half, q = True, k + 3
    elif k - 2 >= floor and w[k - 1] in ("and", "or") and w[k - 2] in _INJURY_VERBS:
        half = True
    elif nxt in ("and", ",") and k + 2 < n and (w[k + 2] in _KILL or w[k + 2] in (
            "beheaded", "burned", "burnt", "mutilated", "dismembered", "decapitated")):
        q = k + 3                                    # "killed and beheaded a man"
    vk = k - 1 if t == "down" else k                 # "was gunned down"
    j, passive, negated, relative, _ = _aux_back(c, vk, floor)
    if negated and not passive:                      # "the gunmen did not kill anyone"
        out.append(FatalityMention(k, k + 1, 0, "zero", _text(c, k, k + 1)))
        return k + 1
    if relative == 1 and not passive:
        return k + 1                                 # "a man who had killed his father"
    if t in _KILL_ING or (not passive and t not in _PASSIVE_ONLY and _starts_np(c, q)
                          and not (q < n and w[q] in _PRON_PLUR)):
        if not _starts_np(c, q):
            return k + 1
        return _active(c, k, q, out, half=half, person_only=t in ("executed", "executing"))
    return _passive(c, vk, floor, out, k + 1, half=half)


def _die_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "two people died", "he later succumbed to his injuries", "lost their lives" """
    w = c.words
    if w[k] == "died" and k + 1 < c.n and w[k + 1] in ("down", "out", "away"):
        return k + 1
    if _intent(c, k):
        return k + 1
    return _passive(c, k, floor, out, k + 1)


def _number_before(c: _Ctx, k: int, floor: int, reach: int = 3) -> NumberMatch | None:
    """A people-counting number ending within ``reach`` words before ``k`` (adjectives between)."""
    w = c.words
    for j in range(k - 1, max(floor, k - 1 - reach) - 1, -1):
        m = c.num_end.get(j)
        if m is not None:
            # a range "between 1 and 3 fatalities": its first number
            if (m.start - 2 >= floor and w[m.start - 1] in ("and", "to", "-", "or")
                    and (m.start - 2) in c.num_end):
                return c.num_end[m.start - 2]
            return m
        if (w[j] in _BOUNDARY and w[j] != "dead") or w[j] in _DET_DEF or w[j] in _DET_INDEF or w[j] in (
                ",", "(", ")"):
            return None
    return None


def _qualified(c: _Ctx, j: int) -> bool:
    """Is "no deaths" at ``j`` limited to some people ("among the soldiers", "on their side")?"""
    w = c.words
    for x in range(j, min(c.n, j + 4)):
        if w[x] in ("among", "on", "in", "from", "of", "for", "amongst", "to"):
            return True
        if w[x] in (".", ";", ",", "and"):
            return False
    return False


_TOLL_VERBS = _words("""rose risen rise rises climbed climbs jumped jumps increased reached reaches stood
stands
hit hits was is of at to now reportedly""")


def _toll_figure(c: _Ctx, k: int) -> NumberMatch | None:
    """The figure of the death toll at ``k``: "death toll rose to 12", "the toll in the attack on
    Sunday ... has risen to 11", "a death toll of 5"."""
    w = c.words
    for j in range(k + 1, min(c.n, k + 31)):
        if w[j] in (".", ";", "!", "?"):
            return None
        m = c.num_at.get(j)
        if m is not None and w[j - 1] in _TOLL_VERBS | {"least", "than", "over"} | _TOLL_VERBS:
            return m
        if m is not None and j == k + 1:
            return m
    return None


def _split(c: _Ctx, e: int) -> tuple[int, int]:
    """ACLED's "split across 3 events (and 2 days)" after a figure: (divisor, end)."""
    w = c.words
    j = e
    if j < c.n and w[j] in ("and", "are", "were"):
        j += 1
    if j < c.n and w[j] == ",":
        j += 1
    if j >= c.n or w[j] not in _SPLIT:
        return 1, e
    j += 1
    divisor, end = 1, e
    while j + 1 < c.n and w[j] in ("across", "between", "among", "amongst", "over", "into", "and", "in"):
        m = c.num_at.get(j + 1)
        if m is None or not isinstance(m.value, int) or m.value < 1 or m.vague:
            break
        divisor *= m.value
        j = m.end + 1       # skip "events", "locations", "days"
        end = j
    return divisor, end


def _of_phrase(c: _Ctx, k: int, floor: int, out: list[FatalityMention], summary: bool = False) -> int:
    """ "the killing of two protesters", "the bodies of four men", "the death of a soldier" """
    if _background(c, k, nominal=True) or _intent(c, k):
        return k + 2
    s2, e2 = _np_right(c, k + 2, c.n)
    np = _quantify(c, s2, e2)
    if np is None:
        return k + 2
    nps = _coordinated_right(c, np, c.n)
    s = k - 1 if k - 1 >= floor and c.words[k - 1] in _DET_DEF else k
    _add(out, _mention(c, s, nps[-1].end, nps, summary=summary))
    return nps[-1].end


def _figure(c: _Ctx, m: NumberMatch, s: int, e: int, out: list[FatalityMention], summary: bool = True) -> int:
    """A figure of deaths, "3 fatalities" (with ACLED's "split across N events")."""
    count = int(m.value)
    divisor, end = _split(c, e)
    final = divisor > 1 and not any(x.final for x in out)
    if divisor > 1:
        count = int(count / divisor + 0.5)
        e = end
    out.append(FatalityMention(s, e, count, "total" if count else "zero", _text(c, s, e), victim="person",
                               vague=m.vague, summary=summary, final=final))
    return e


def _noun_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "3 fatalities", "no deaths", "death toll rose to 12", "the bodies of four men",
    "lost their lives", "claimed 5 lives" """
    w = c.words
    t = w[k]
    nxt = w[k + 1] if k + 1 < c.n else ""
    prev = w[k - 1] if k - 1 >= floor else ""
    if t == "toll":
        if prev not in ("death", "casualty", "the", "a", "its", "final"):
            return k + 1
        m = _toll_figure(c, k)
        if m is None:
            return k + 1
        s = k - 1 if prev in ("death", "casualty") else k
        return _figure(c, m, s, m.end, out)
    if t in ("lives", "life"):
        if prev == "lost" or (prev in ("their", "his", "her") and k - 2 >= floor and w[k - 2] == "lost"):
            j = k - 1 if prev == "lost" else k - 2
            if _intent(c, j):
                return k + 1
            return max(_passive(c, j, floor, out, k + 1), k + 1)
        if nxt == "of" and prev == "the":
            return _of_phrase(c, k, floor, out)
        m = _number_before(c, k, floor, 2)
        if m is not None:
            return _figure(c, m, m.start, k + 1, out, summary=False)
        return k + 1
    if t in ("bodies", "body", "corpses", "corpse"):
        if prev in ("his", "her", "their", "its", "whose", "the") and nxt != "of":
            return k + 1
        if nxt == "of":
            if prev in ("his", "her", "their", "whose", "its"):
                return k + 1
            return _of_phrase(c, k, floor, out)
        m = _number_before(c, k, floor, 3)
        if m is not None:
            return _figure(c, m, m.start, k + 1, out, summary=False)
        if prev in ("a", "an") or (prev == "dead" and k - 2 >= floor and w[k - 2] in ("a", "an")):
            s = k - 1 if prev in ("a", "an") else k - 2
            if not _background(c, s, nominal=True):
                out.append(FatalityMention(s, k + 1, 1, "individual", _text(c, s, k + 1), victim="person"))
        return k + 1
    if t == "killings":
        if nxt == "of":
            return _of_phrase(c, k, floor, out)
        return k + 1
    # deaths, fatalities, fatality
    if prev == "no" or (k - 2 >= floor and w[k - 2] == "no"
                        and prev in ("reported", "further", "known", "more", "other", "confirmed")):
        s = k - 1 if prev == "no" else k - 2
        final = nxt in ("coded", "recorded")
        # "No fatalities were reported" is a figure for the whole event; "no deaths among the
        # soldiers" or "no further deaths" is not
        qualified = prev in ("further", "more", "other") or _qualified(c, k + 1)
        out.append(FatalityMention(s, k + 1, 0, "zero", _text(c, s, k + 1), final=final,
                                   summary=not qualified))
        return k + 1
    if t == "deaths" and nxt == "of":
        return _of_phrase(c, k, floor, out)
    # ACLED: "Fatalities are split across 3 events (4)", "Fatalities are split across two events"
    j = k + 1
    if j < c.n and w[j] in ("are", "were", "have", "been"):
        j += 1
    if t != "deaths" and j < c.n and w[j] in _SPLIT and _number_before(c, k, floor, 3) is None:
        divisor, end = _split(c, j - 1 if w[j - 1] != w[k] else k + 1)
        if divisor > 1:
            if end + 2 < c.n and w[end] == "(" and end + 1 in c.num_at and w[c.num_at[end + 1].end] == ")":
                m = c.num_at[end + 1]
                out.append(FatalityMention(k, m.end + 1, int(m.value), "total" if m.value else "zero",
                                           _text(c, k, m.end + 1), victim="person", summary=True, final=True))
                return m.end + 1
            out.append(FatalityMention(k, end, 0, "total", _text(c, k, end), victim="person", split=divisor))
            return end
    if nxt in (":", "=") and k + 2 < c.n and (k + 2) in c.num_at:       # "FATALITIES: 17"
        m = c.num_at[k + 2]
        return _figure(c, m, k, m.end, out)
    m = _number_before(c, k, floor, 3)
    if m is not None:
        if _background(c, m.start):
            return k + 1
        # "3 fatalities" is ACLED's figure for the event; "2 deaths" may be a part of it
        return _figure(c, m, m.start, k + 1, out, summary=t != "deaths")
    if t in ("fatalities", "deaths") and not _background(c, k, nominal=True) and nxt not in (
            "unknown", "unclear"):
        # "resulting in fatalities", "there were fatalities": plural, no number
        if prev in ("unknown", "unclear", "unspecified", "some", "multiple", "were", "in", "caused",
                    "causing", "resulting", "reported", "with", "and", "heavy"):
            out.append(FatalityMention(k, k + 1, SEVERAL, "total", _text(c, k, k + 1), victim="person",
                                       vague=True))
    return k + 1


def _death_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "death": "beaten to death", "the death of a soldier", "one death"; not "death threats" """
    w = c.words
    nxt = w[k + 1] if k + 1 < c.n else ""
    prev = w[k - 1] if k - 1 >= floor else ""
    if nxt in _NOT_DEATH_NEXT or prev in ("near", "brush", "escaped", "cheated"):
        return k + 1
    if prev == "to":
        verb = w[k - 2] if k - 2 >= floor else ""
        if verb in _NOT_TO_DEATH or _intent(c, k - 2):
            return k + 1
        if verb in _TO_DEATH_VERBS or (verb.endswith("ed") and len(verb) > 4):
            j, passive, negated, relative, _ = _aux_back(c, k - 2, floor)
            if not passive and _starts_np(c, k + 1):
                return _active(c, k - 2, k + 1, out)          # "burned to death two robbers"
            return _passive(c, k - 2, floor, out, k + 1)       # "was stabbed to death"
        # "beat a man to death": the victim sits between the verb and "to death"
        j = k - 2
        if j < floor:
            return k + 1
        s, e = _np_left(c, j, floor)
        np = _quantify(c, s, e)
        if np is None or _background(c, s):
            return k + 1
        _add(out, _mention(c, s, k + 1, _coordinated_left(c, np, floor)))
        return k + 1
    if nxt == "of":
        return _of_phrase(c, k, floor, out)
    m = _number_before(c, k, floor, 2)
    if m is not None and int(m.value) == 1 and not _background(c, m.start):     # "leading to one death"
        return _figure(c, m, m.start, k + 1, out, summary=False)
    return k + 1


def _dead_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "12 dead", "left 3 people dead", "was shot dead", "police shot dead a suspect" """
    w = c.words
    nxt = w[k + 1] if k + 1 < c.n else ""
    prev = w[k - 1] if k - 1 >= floor else ""
    if nxt in ("body", "bodies", "end", "ends", "heat", "zone", "letter", "weight", "serious", "wrong", "set",
               "against", "tired", "drunk", "center", "centre", "calm", "silent", "certain", "of"):
        return k + 1
    if prev in ("the", "for", "more", "than", "a", "half", "nearly", "almost", "playing", "play") or _intent(
            c, k):
        return k + 1
    if prev in ("shot", "shooting", "shoots", "shoot") and _starts_np(c, k + 1) and not (
            k - 2 >= floor and w[k - 2] in _PASSIVE_AUX):
        return _active(c, k - 1, k + 1, out)
    return _passive(c, k, floor, out, k + 1)


def _coded_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ACLED's coding statements: "Fatalities coded as 3", "Unknown fatalities coded as 3 and split
    between 2 locations"."""
    w = c.words
    if k + 3 < c.n and w[k + 1] in ("for", "to", "in") and w[k + 2] == "this" and w[k + 3] == "event":
        m = _number_before(c, k - 1, c.sfloor, 2) if k - 1 >= c.sfloor and w[k - 1] in (
            "fatality", "fatalities") else None
        if m is not None:                        # "1 fatality coded for this event"
            out.append(FatalityMention(m.start, k + 4, int(m.value), "total" if m.value else "zero",
                                       _text(c, m.start, k + 4), victim="person", summary=True, final=True))
            return k + 4
        return k + 1
    if k + 2 >= c.n or w[k + 1] not in ("as", "to", "at") or (k + 2) not in c.num_at:
        return k + 1
    lo = max(c.sfloor, k - 8)
    m = c.num_at[k + 2]
    if not any(w[j] in ("fatalities", "fatality", "deaths", "killed", "dead") for j in range(lo, k)):
        if not (m.end < c.n and w[m.end] in ("fatalities", "fatality", "deaths")):
            return k + 1
    s = k
    for j in range(k - 1, lo - 1, -1):
        if w[j] in (".", ";", ")", ","):
            break
        s = j
    count = int(m.value)
    e = m.end
    divisor, end = _split(c, e)
    if divisor > 1:
        count, e = int(count / divisor + 0.5), end
    out.append(FatalityMention(s, e, count, "total" if count else "zero", _text(c, s, e),
                               victim="person", summary=True, final=True))
    return e


def _self_at(c: _Ctx, k: int, floor: int, out: list[FatalityMention]) -> int:
    """ "blew himself up": the bomber died."""
    w = c.words
    if k - 1 >= floor and w[k - 1] in ("blew", "blows", "blown") and k + 1 < c.n and w[k + 1] == "up":
        out.append(FatalityMention(k - 1, k + 2, 1, "individual", _text(c, k - 1, k + 2), victim="bomber",
                                   additive=True))
        return k + 2
    return k + 1


def _coded_elsewhere(c: _Ctx, m: FatalityMention) -> bool:
    """ "(coded separately)", "(coded as a separate event)" right after a statement: ACLED counted
    those deaths in another event."""
    w = c.words
    for j in range(m.end, min(c.n, m.end + 14)):
        t = w[j]
        if t in (".", ";"):
            return False
        if t in ("separately", "seperately") or (
                t == "separate" and j + 1 < c.n and w[j + 1] in ("event", "events")):
            return True
        if (t == "coded" and j + 1 < c.n and w[j + 1] in ("to", "in", "under") and (j + 2) not in c.num_at
                and any(w[x] in ("event", "events") for x in range(j + 2, min(c.n, j + 7)))):
            return True     # "(fatalities coded to Novotroitske event)"
        if t in ("other", "another") and j + 1 < c.n and w[j + 1] in ("event", "events") and w[j - 1] in (
                "in", "as", "to"):
            return True
    return False


# ----------------------------------------------------------------------------- public

def find_fatalities(tokens: Tokens) -> list[FatalityMention]:
    """The statements about deaths in ``tokens``, in text order."""
    words = tokens.words
    if _TRIGGERS.isdisjoint(words):
        return []
    c = _Ctx(tokens)
    out: list[FatalityMention] = []
    floor = 0
    k = 0
    n = c.n
    injury = False
    for j in [x for x, w in enumerate(words) if w in _SCANNED]:  # every other token is stepped over
        if j < k:
            continue  # inside the statement read before
        k = j
        t = words[k]
        if t not in _ANCHORS:
            if t in (".", ";", "!", "?"):
                floor = c.sfloor = k + 1
            elif t in _INJURY:
                injury = True
                if t in ("casualties", "casualty", "injuries") and k - 1 >= floor and words[k - 1] == "no":
                    out.append(FatalityMention(k - 1, k + 1, 0, "zero", _text(c, k - 1, k + 1),
                                               summary=t != "injuries" and not _qualified(c, k + 1)))
            k += 1
            continue
        before = len(out)
        if t == "coded":
            end = _coded_at(c, k, floor, out)
        elif t in _KILL or t == "killings":
            end = _kill_at(c, k, floor, out) if t != "killings" else _noun_at(c, k, floor, out)
        elif t in _DIE:
            end = _die_at(c, k, floor, out)
        elif t == "dead":
            end = _dead_at(c, k, floor, out)
        elif t == "death":
            end = _death_at(c, k, floor, out)
        elif t == "down":
            end = _kill_at(c, k, floor, out) if k - 1 >= floor and words[k - 1] == "gunned" else k + 1
        elif t in ("himself", "herself"):
            end = _self_at(c, k, floor, out)
        else:
            end = _noun_at(c, k, floor, out)
        if len(out) > before:
            if _coded_elsewhere(c, out[-1]):
                del out[before:]
            else:
                floor = max(floor, min(end, n))
        k = max(end, k + 1)
    if not out and (injury or "nobody" in words):
        s = next((i for i, w in enumerate(words) if w in _INJURY or w == "nobody"), 0)
        out.append(FatalityMention(s, s + 1, 0, "zero", _text(c, s, s + 1)))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def combine(mentions: Sequence[FatalityMention]) -> int | None:
    """The fatalities of one event from its statements (see the module docstring)."""
    if not mentions:
        return None
    finals = [m for m in mentions if m.final]
    if finals:
        return finals[-1].count
    divisor = 1
    for m in mentions:
        divisor *= m.split
    if divisor > 1:
        whole = combine([m for m in mentions if m.split == 1])
        return None if whole is None else int(whole / divisor + 0.5)
    summaries = [m for m in mentions if m.summary]
    if summaries:
        precise = [m.count for m in summaries if not m.vague]
        return min(precise) if precise else min(m.count for m in summaries)
    counts = [m for m in mentions if m.kind in ("total", "individual") and m.count > 0]
    if counts:
        precise = [m for m in counts if not m.vague]
        pool = precise or counts
        base = [m for m in pool if not m.additive and not m.definite]
        more = [m for m in pool if m.additive]
        if not base and not more:
            base = pool[:1]
        by_victim: dict[str, int] = {}
        generic = 0
        for m in base:
            if m.victim in _GENERIC:
                generic = min(generic, m.count) if generic else m.count
            else:
                by_victim[m.victim] = min(by_victim.get(m.victim, m.count), m.count)
        # "another member" adds to the named victims (a general count may already cover both);
        # "two others", "another person" add to everything
        more_specific = sum(m.count for m in more if m.victim not in _GENERIC)
        more_general = sum(m.count for m in more if m.victim in _GENERIC)
        return max(generic, sum(by_victim.values()) + more_specific) + more_general
    return 0
