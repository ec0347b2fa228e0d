"""What an article is about: its named events and entities, for the subjects of figures.

Figures that state the same quantity in two articles must get the same `subject` for the
checker to compare them, so a figure's subject is the named event or entity the quantity is
about as an editor names it across a story, not the nearest noun phrase: "five people were
killed in the blast" is about the attack the headline names ("Madrid train bombing"), "the
company's sales" are the sales of the company the article names.

`StoryIndex.build(ctx)` reads the article once:

* the dateline ("BOZEMAN, Mont. (Reuters) - ") is no part of any name;
* events: spaCy's EVENT entities ("Hurricane Irma") and noun phrases headed by an event noun
  (`EVENT_FAMILIES`: attack, bombing, blast, earthquake, storm, election, war, ...), named by
  their place and kind ("Mexico earthquake"; "the earthquake in Mexico" is the same name);
  the story's event is the first one the headline or the lead names;
* entities: organisations, people, places, works and products in text order.

`resolve(tok)` maps a noun phrase to the event or entity it refers to: an event noun that
names no place of its own ("the blast", "Monday's attack") is the story's event of that
family; "the company", "the film", "the country" are the latest organisation, work or place
named before it. `clean(text)` is the normal form of every subject: no dateline, leading
article, trailing possessive, date words ("this week"), brackets or line breaks.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .lexicon import CITIES, DEMONYMS, RATING_SCALES

# Event nouns by family: a mention of one family refers back to the story's event of that family.
EVENT_FAMILIES = {
    "attack": {"attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion", "explosions",
               "shooting", "shootings", "massacre", "ambush", "assault", "stabbing", "stabbings", "rampage"},
    "earthquake": {"earthquake", "earthquakes", "quake", "quakes", "tremor", "aftershock"},
    "storm": {"hurricane", "storm", "storms", "typhoon", "cyclone", "tornado", "tornadoes"},
    "flood": {"flood", "floods", "flooding", "landslide", "landslides", "mudslide", "mudslides", "tsunami"},
    "fire": {"fire", "fires", "blaze", "blazes", "wildfire", "wildfires", "inferno"},
    "crash": {"crash", "crashes", "collision", "derailment", "accident", "sinking", "capsizing"},
    "election": {"election", "elections", "referendum", "primary", "runoff", "by-election", "poll", "ballot"},
    "conflict": {"war", "conflict", "fighting", "clashes", "violence", "crackdown", "offensive",
                 "insurgency", "unrest", "uprising", "siege", "bombardment", "airstrikes", "strikes"},
    "protest": {"protest", "protests", "demonstration", "demonstrations", "riot", "riots", "march"},
    "outbreak": {"outbreak", "epidemic", "pandemic"},
    "disaster": {"disaster", "catastrophe", "drought", "famine", "heatwave", "avalanche", "collapse", "cave-in"},
    # arrests and charges are a probe's ("a probe in which 12 people have been arrested")
    "investigation": {"probe", "probes", "investigation", "investigations", "inquiry"},
}
EVENT_NOUNS = {word: family for family, words in EVENT_FAMILIES.items() for word in words}
# Storms are named ("Hurricane Irma", "Typhoon Haiyan"): the name is the event's name.
_STORM_TITLES = {"hurricane", "typhoon", "cyclone", "storm", "tropical", "super", "superstorm"}

# Common nouns that refer back to the latest named thing of a kind ("the company", "the film").
REFERRING_NOUNS = {
    "org": {"company", "firm", "group", "carrier", "airline", "bank", "lender", "retailer", "insurer",
            "maker", "manufacturer", "giant", "chain", "operator", "business", "conglomerate", "broadcaster", "network", "club", "team", "side", "party", "union", "agency", "organisation",
            "organization", "corporation", "supermarket", "publisher", "studio", "label", "brand", "carmaker",
            "automaker", "drugmaker", "chipmaker", "steelmaker", "planemaker", "miner", "producer", "brewer",
            "developer", "utility", "exporter", "shipper", "startup", "lab", "laboratory", "charity", "council"},
    "facility": {"airport", "port", "stadium", "museum", "hospital", "station", "refinery", "plant", "factory",
                 "mine", "dam", "bridge", "prison", "arena", "terminal", "reactor"},
    "work": {"film", "movie", "picture", "show", "series", "album", "book", "game", "drama", "play",
             "musical", "novel", "single", "song", "programme", "program", "sequel", "title"},
    "place": {"country", "nation", "city", "island", "territory", "province", "region", "capital", "town"},
}
_KIND_OF_LABEL = {"ORG": "org", "WORK_OF_ART": "work", "PRODUCT": "work", "GPE": "place", "LOC": "place", "FAC": "facility"}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# Modifiers that say nothing about which event it is ("the deadly attack", "last week's storm").
_VAGUE_MODIFIERS = {"deadly", "recent", "latest", "last", "new", "huge", "massive", "powerful", "major",
                    "devastating", "strong", "big", "biggest", "worst", "first", "second", "third", "fresh",
                    "further", "suspected", "apparent", "alleged", "same", "this", "that", "such", "current",
                    "ongoing", "planned", "upcoming", "previous", "earlier", "latter", "former", "bloody",
                    "brutal", "violent", "horrific", "terrible", "tragic", "fatal", "weekend", "overnight",
                    "fierce", "ferocious", "harsh", "heavy", "intense", "sweeping", "widespread", "sustained",
                    "renewed", "so-called", "unprecedented", "twin", "double", "triple", "coordinated", "lethal",
                    "fast", "moving", "fast-moving", "raging", "uncontained", "out-of-control", "wind-driven",
                    "wind-whipped", "explosive", "catastrophic", "historic", "rare"} | RATING_SCALES
# "Southern California", "northern Peru": a compass word before a place is no part of an event's name.
_COMPASS = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|central)\s+", re.IGNORECASE)
# One name for one kind of event whichever word a writer picks: "quake" is "earthquake",
# "bombings" is "bombing" ("the Mexico quake" and "Mexico's earthquake" are one event).
_CANONICAL_HEADS = {"quake": "earthquake", "quakes": "earthquake", "earthquakes": "earthquake",
                    "tremor": "earthquake", "blast": "explosion", "blasts": "explosion", "bombings": "bombing", "attacks": "attack",
                    "shootings": "shooting", "explosions": "explosion", "floods": "flood", "flooding": "flood",
                    "wildfires": "wildfire", "fires": "fire", "blaze": "fire", "blazes": "fire", "storms": "storm",
                    "elections": "election", "protests": "protest", "demonstrations": "protest",
                    "demonstration": "protest", "riots": "riot", "clashes": "clashes", "stabbings": "stabbing",
                    "landslides": "landslide", "mudslides": "mudslide", "crashes": "crash",
                    "probe": "investigation", "probes": "investigation", "investigations": "investigation",
                    "inquiry": "investigation"}

# Sentences after the lead still looked at for the story's event when the lead names none.
_OPENING_EXTRA = 2
# "BOZEMAN, Mont. (Reuters) - ", "MAJENE, Indonesia, Nov 16 (Global Wire) - ": a place, maybe a
# date, the outlet in brackets and a dash; after the headline's line when the text repeats it.
# Without an outlet, a city in capitals and a date make one: "NAIROBI, DEC. 14 — ", "LYON, France, May 3 - ".
DATELINE = re.compile(r"\A\s*(?:[^\n]{1,200}\n[ \t]*\n\s*)?(?:(?P<place>[A-Z][\w.,'’ /&-]{0,80}?\s)?"
                      r"\((?:Reuters|AP|AFP|Reuters Breakingviews|[A-Z][\w.&'’ -]{0,40})\)\s*[-–—]+\s*"
                      r"|(?P<city>[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ ]{1,30}?)?),\s*"
                      r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*[-–—]+\s*)")
_DATE_WORDS = {"this", "last", "next", "week", "weekend", "month", "year", "today", "yesterday", "tonight",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
               "afternoon", "evening", "night", "earlier", "later", "ago"}
_PRONOUNS = {"it", "its", "they", "their", "them", "this", "that", "these", "those", "which", "who", "he",
             "she", "his", "her", "we", "our", "i", "my", "you", "your", "one", "both", "each", "all",
             "some", "many", "most", "others", "another", "itself", "themselves", "what", "whose"}


_DATELINE_ANYWHERE = re.compile(r"^.*?\(\s*(?:Reuters|AP|AFP)\s*\)\s*[-–—]+\s*", re.DOTALL)


def clean(text: str) -> str:
    """A subject's normal form: no dateline, brackets, leading article or trailing possessive,
    no date words at its ends ("this week's vote" -> "vote"), one space between words."""
    text = _DATELINE_ANYWHERE.sub("", DATELINE.sub("", text))
    text = re.sub(r"\([^)]*\)", " ", text)
    text = text.replace("“", "").replace("”", "").replace('"', "")
    words = text.split()
    while words and (words[0].lower() in ("the", "a", "an") or words[0].lower().rstrip("’'s") in _DATE_WORDS):
        words.pop(0)
    while words and words[0].lower().endswith(("’s", "'s")) and words[0].lower()[:-2] in _DATE_WORDS:
        words.pop(0)
    while words and words[-1].lower().strip(",.;:") in _DATE_WORDS | {"-", "–", "—"}:
        words.pop()
    text = " ".join(words).strip(" ,.;:-–—")
    return re.sub(r"(?:’s|'s|’|')$", "", text).strip()


def body_start_token(doc, body: str) -> int:
    """The first token after the dateline ("WASHINGTON (Reuters) - "), 0 without one: a dateline
    is no part of any name, subject or claim text."""
    m = DATELINE.match(body)
    if not m:
        return 0
    start = doc.char_span(0, m.end(), alignment_mode="expand")
    return start.end if start is not None else 0


@dataclass
class Named:
    """An event or entity the article names: where, its kind, and its name."""

    pos: int            # token index of its head
    kind: str           # "event:<family>", "org", "work", "place", "person", "other"
    name: str


@dataclass
class StoryIndex:
    doc: object
    body_start: int = 0                 # first token after the dateline
    lead_end: int = 0                   # tokens of the headline and the first two sentences of the body
    events: list[Named] = field(default_factory=list)
    entities: list[Named] = field(default_factory=list)
    story_event: Named | None = None    # the event the headline or the lead names
    topic: str = ""                     # what the headline is about, failing an event
    year: int | None = None             # the year of publication
    headline: str = ""                  # the headline (the metadata's title, else a first line)
    dateline_country: str = ""          # "MAJENE, Indonesia, Nov 16 (...) -" -> Indonesia
    place: str = ""                     # the country or place the article is set in (`_main_place`)

    @classmethod
    def build(cls, ctx) -> StoryIndex:
        doc = ctx.doc
        index = cls(doc)
        index.body_start = ctx.body_start
        index.dateline_country = dateline_country(ctx.article.body)
        index.year = getattr(ctx.published, "year", None)
        sents = [s for s in doc.sents if s.end > index.body_start]
        lead = sents[:3] if sents and _is_headline(sents[0]) else sents[:2]
        index.lead_end = lead[-1].end if lead else 0
        for ent in doc.ents:
            if ent.start < index.body_start:
                continue
            kind = "person" if ent.label_ == "PERSON" else _KIND_OF_LABEL.get(ent.label_, "other")
            if ent.label_ == "EVENT":
                index.events.append(Named(ent.root.i, "event:" + _family_of_name(ent), clean(ent.text)))
            elif ent.label_ in ("ORG", "PERSON", "GPE", "LOC", "WORK_OF_ART", "PRODUCT", "FAC", "LAW"):
                name = ctx.full_name(ent.text) if ent.label_ == "PERSON" else ent.text
                index.entities.append(Named(ent.root.i, kind, clean(name)))
        for tok in doc[index.body_start:]:
            named = named_event(tok)
            if named is not None:             # "Typhoon Dalisay", "the Ridgeline Fire", whatever the recogniser made of it
                index.events.append(Named(tok.i, named[0], named[1]))
                continue
            family = EVENT_NOUNS.get(tok.lower_)
            if family is None or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("EVENT", "DATE", "TIME", "ORG", "PERSON", "WORK_OF_ART"):
                continue              # "in March", "the Fire Brigades Union" are no events
            name = event_name(tok)
            if name:
                index.events.append(Named(tok.i, "event:" + family, name))
        index.events.sort(key=lambda e: e.pos)
        index.entities.sort(key=lambda e: e.pos)
        in_lead = [e for e in index.events if e.pos < index.lead_end and event_names_something(e)]
        title = (ctx.article.meta.get("title") or "") if hasattr(ctx.article, "meta") else ""
        index.story_event = in_lead[0] if in_lead else None
        if index.story_event is None and title:
            places = {e.name.lower() for e in index.entities if e.kind == "place"} | _dateline_places(ctx.article.body)
            index.story_event = _event_in_title(title, index.events, places)
        if index.story_event is None:
            index.story_event = _placed_lead_event(index, lead)
        if index.story_event is None:
            # a rewrite moves a sentence of the lead one or two places down: the first event
            # named in the opening paragraph's sentences is still the story's
            opening = sents[:len(lead) + _OPENING_EXTRA]
            end = opening[-1].end if opening else 0
            near = [e for e in index.events if e.pos < end and event_names_something(e)]
            index.story_event = near[0] if near else _placed_lead_event(index, opening, end)
        index.story_event = _named_instead(index.story_event, index.events + _named_in_title(title))
        index.topic = _topic(index, lead)
        index.place = index.dateline_country or _main_place(doc, index.body_start) or dateline_city_country(ctx.article.body)
        first = sents[0].text.strip() if sents else ""
        index.headline = title or (first if sents and _is_headline(sents[0]) else "")
        return index

    # ------------------------------------------------------------------ resolving
    def event_at(self, tok) -> Named | None:
        """The event an event noun refers to: its own name when it names a place or is named,
        else the story's event of its family (the blast -> the bombing the lead names). One
        dated by a year other than the article's is another event, named with its year: "a
        2007 earthquake", "the quake in 2019" in a story of this year's earthquake."""
        family = EVENT_NOUNS.get(tok.lower_)
        named = named_event(tok) or next((named_event(c) for c in tok.children if named_event(c)), None)
        if named is not None:
            return Named(tok.i, *named)
        if tok.ent_type_ == "EVENT":
            return next((e for e in self.events if e.pos == tok.i or e.pos == _ent_root(tok)), None)
        if family is None:
            return None
        own = next((e for e in self.events if e.pos == tok.i), None)
        year = own_year(tok)
        if own is not None and year is not None and year != self.year:
            return Named(own.pos, own.kind, clean(f"{year} {own.name}"))
        story = self.story_event
        if own is not None and story is not None and _is_proper(story.name) and story.kind == "event:" + family \
                and not any(c.lower_ in _ANOTHER for c in tok.lefts):
            return story                      # "a wildfire in Kern County" in a story of the Sawtooth Fire
        if own is not None and _has_place(tok):
            return own
        story = self.story_event
        if story is not None and story.kind == "event:" + family:
            return story
        earlier = [e for e in self.events if e.kind == "event:" + family and e.pos < tok.i and event_names_something(e)]
        return earlier[0] if earlier else own

    def longer_org_name(self, name: str) -> str:
        """'Norvane' -> 'Norvane Bio' when the article names the organisation so: the longest
        organisation name it gives that opens with this one's words (a company is named in full
        once, then shortened)."""
        words = name.split()
        longer = [e.name for e in self.entities if e.kind == "org" and len(e.name.split()) > len(words)
                  and e.name.split()[:len(words)] == words]
        return max(longer, key=len) if longer and len(set(longer)) == 1 else name

    def event_in(self, sent) -> Named | None:
        """The event a sentence names, for a harm its parse hangs on no event ("killed in a blast
        at a works in Ohio" read with the works on "killed"): the first event noun's event, named
        by the sentence's place when it names none itself; None when no place names it (a bare
        "explosion" would join unrelated stories' tolls)."""
        for event in self.events:
            if not sent.start <= event.pos < sent.end or event.pos < self.body_start:
                continue
            found = self.event_at(self.doc[event.pos]) or event
            if event_names_something(found):
                return found
            place = _sentence_place(sent, self.body_start)
            return Named(found.pos, found.kind, clean(f"{place} {found.name}")) if place else None
        return None

    def referent(self, tok) -> str | None:
        """What a noun phrase names: an event, a named entity, or the named thing a referring
        noun ("the company", "the film") stands for; None for anything else."""
        event = self.event_at(tok)
        if event is not None:
            return event.name
        for kind, words in REFERRING_NOUNS.items():
            if tok.lower_ in words and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                before = [e for e in self.entities if e.kind == kind and e.pos < tok.i]
                if before:
                    return before[-1].name
        return None


def _is_headline(sent) -> bool:
    text = sent.text.strip()
    return "\n" in sent.text.strip("\n") or (len(sent) <= 16 and not text.endswith((".", "?", "!", '"', "”")))


def _ent_root(tok) -> int:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.root.i if ent is not None else tok.i


def _family_of_name(ent) -> str:
    words = {w.lower() for w in ent.text.split()}
    for word in words:
        if word in _STORM_TITLES:
            return "storm"
        if word in EVENT_NOUNS:
            return EVENT_NOUNS[word]
    return "named"


def event_names_something(event: Named) -> bool:
    """An event name with more than its kind's noun in it ("Mexico earthquake", not "earthquake")."""
    return len(event.name.split()) > 1 or event.kind == "event:named"


def _has_place(tok) -> bool:
    if any(c.dep_ in ("compound", "nmod", "amod", "poss") and c.ent_type_ in _PLACE_LABELS | {"ORG", "EVENT"} for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "near") and
               any(g.dep_ == "pobj" and g.ent_type_ in _PLACE_LABELS for g in c.children) for c in tok.children)


def event_name(tok) -> str:
    """The name of the event an event noun heads: its place and kind, as an editor writes it:
    "Mexico earthquake" for "the earthquake in Mexico" and "Mexico's earthquake"; "Montana
    special election"; "suicide bombing". Vague modifiers ("the deadly attack") are left out."""
    place: list[str] = []
    mods: list[str] = []
    for c in tok.lefts:
        if c.dep_ in ("det", "predet", "punct", "nummod") or c.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            continue
        words = [t for t in c.subtree if t.dep_ not in ("det", "case", "punct") and t.ent_type_ not in ("DATE", "TIME") and not t.like_num
                 and t.lower_ not in _VAGUE_MODIFIERS and t.tag_ not in ("JJS", "RBS")]   # "America's deadliest shooting"
        text = " ".join(t.text for t in words if t.lower_ not in ("’s", "'s"))
        if not text or text.lower() in _VAGUE_MODIFIERS or c.lower_ in _PRONOUNS:
            continue
        if c.ent_type_ in _PLACE_LABELS | {"ORG"}:
            place.append(text)
        elif c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
            mods.append(text)
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and EVENT_NOUNS.get(tok.lower_) == "disaster" and not mods:
            what, obj = _what_collapsed(c)    # "the collapse of the bank": the bank collapse
            if what:
                mods.append(what)
            where = _place_of(obj) if obj is not None and not place else None
            if where and where not in what:
                place.append(where)           # "the collapse of a bridge in Genoa": the Genoa collapse
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "near") and not place:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            where = _place_of(obj) if obj is not None else None
            if where is not None:
                place.append(where)
    head = _CANONICAL_HEADS.get(tok.lower_, tok.lower_)
    place = [as_place(_COMPASS.sub("", p)) for p in place]
    # With a place, the place and the kind name it: outlets agree on "Corvale attack" more than on
    # "car bomb attack", "suicide attack" or "bomb attack".
    return clean(" ".join([*place, head] if place else [*mods, head]))


def placed_event_name(place: str, noun: str) -> str:
    """An event of a kind named by its place, as `event_name` names one ("Bolivia investigation"
    for a bribery probe of an article set in Bolivia)."""
    return clean(f"{as_place(place)} {_CANONICAL_HEADS.get(noun.lower(), noun.lower())}")


def opening_plural(tok, body_start: int) -> bool:
    """'Rescuers recovered ...': a plural the tagger calls a name only because it opens the
    sentence (or the body, after the dateline) capitalised."""
    plural = tok.tag_ == "NNPS" or (tok.tag_ == "NNP" and _PLURAL_OF_PEOPLE.search(tok.lower_) is not None)
    return (plural and not tok.ent_type_ and tok.i in (tok.sent.start, body_start)
            and not any(c.dep_ in ("compound", "nmod", "amod", "poss") and c.pos_ == "PROPN" for c in tok.lefts))


# Plurals of doers ("Rescuers", "Investigators", "Officials", "Firefighters") the tagger may
# call a singular name when they open the text.
_PLURAL_OF_PEOPLE = re.compile(r"(?:ers|ors|ists|ians|ents|ants|als|ees)$")


def as_place(name: str) -> str:
    """A nationality adjective as the place it names ("Chilean" -> "Chile"): headlines write
    "a Chilean copper mine" where the body says "a mine in Chile"."""
    return DEMONYMS.get(name.lower(), name)


_PART_NOUNS = {"part", "parts", "section", "sections", "portion", "wing", "floor", "roof", "wall", "span"}


def _what_collapsed(prep):
    """('bank', its token) for 'of the bank'; 'of part of the mine' -> the mine (a part is the
    whole's); ("", None) for nothing named."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    for _ in range(2):
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"):
            return "", None
        if obj.lower_ not in _PART_NOUNS:
            if obj.pos_ == "PROPN":
                return _ent_text(obj), obj
            words = [t for t in obj.doc[obj.left_edge.i:obj.i]
                     if t.dep_ in ("compound", "amod", "nmod") and not t.like_num and t.ent_type_ not in _PLACE_LABELS]
            # "the San Ramon copper mine" -> "San Ramon copper mine"; "a Genoa bridge" -> "bridge" (the place apart)
            return " ".join([*(t.text if t.pos_ == "PROPN" else t.lower_ for t in words), obj.lower_]), obj
        inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in inner.children if g.dep_ == "pobj"), None) if inner is not None else None
    return "", None


def _named_instead(story: Named | None, events: list[Named]) -> Named | None:
    """The story's event by its proper name when the article gives one anywhere ("a wildfire
    in Ventura County" ... "the Ridgeline Fire"): outlets that name an event agree on the name."""
    if story is None or _is_proper(story.name):
        return story
    return next((e for e in events if e.kind == story.kind and _is_proper(e.name)), story)


_ANOTHER = {"another", "separate", "second", "other", "different", "new", "earlier", "previous", "unrelated"}


def _named_in_title(title: str) -> list[Named]:
    """'California's Ridgeline Fire destroys homes': the event a headline names by its proper
    name (a capitalised kind word after a capitalised name), in a headline written in sentence
    case (in Title Case every word is capitalised, and nothing can be told from it)."""
    words = _TITLE_WORD.findall(title)
    if sum(w[:1].islower() for w in words) < 2:
        return []
    found = []
    for k in range(1, len(words)):
        word, before = words[k], re.sub(r"['’]s$", "", words[k - 1])
        family = EVENT_NOUNS.get(word.lower())
        if family and word[:1].isupper() and before[:1].isupper() and before.lower() not in _VAGUE_MODIFIERS and not _COMPASS.match(before + " "):
            found.append(Named(-1, "event:" + family, clean(f"{before} {word}")))
    return found


def _is_proper(name: str) -> bool:
    """'Typhoon Dalisay', 'Ridgeline Fire': every word capitalised, a kind word last or first."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) and (
        words[-1].lower() in EVENT_NOUNS or words[0].lower() in _STORM_TITLES)


def named_event(tok) -> tuple[str, str] | None:
    """(kind, name) of an event a proper name names, at its title or kind word: a storm's title
    before its name ("Typhoon Dalisay", "Hurricane Ian", "Tropical Storm Alberto") or a fire's
    name before "Fire" ("the Ridgeline Fire", "the Cedar Ridge Fire"); None otherwise."""
    doc = tok.doc
    if tok.lower_ in _STORM_TITLES and tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        words = list(doc[tok.i:tok.head.i + 1])
        if all(t.text[:1].isupper() for t in words):
            return "event:storm", clean(" ".join(t.text for t in words))
    if tok.text in ("Fire", "Complex") and tok.dep_ != "compound":
        # "the Ridgeline Fire", "the Cedar Ridge Fire", a headline's "Cedar Ridge Fire forces ..."
        # (not "Cal Fire", "the County Fire Chief"): its capitalised words after "the", or two or more
        k, words = tok.i - 1, []
        while (k >= tok.sent.start and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and not doc[k].is_stop
               and doc[k].ent_type_ != "PERSON" and len(words) < 4):
            words.insert(0, doc[k].text)
            k -= 1
        if words and ((k >= tok.sent.start and doc[k].lower_ == "the") or len(words) >= 2):
            return "event:fire", clean(" ".join([*words, tok.text]))
    return None


def own_year(tok) -> int | None:
    """The year an event noun is dated by in its own phrase: "a 2007 earthquake", "the 2019
    floods", "the quake in 2019", "the attack of March 2015"; None when it has none."""
    dates = [c for c in tok.lefts if c.ent_type_ == "DATE"]
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "on"):
            dates += [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
    for date in dates:
        for t in date.subtree:
            if t.ent_type_ == "DATE" and re.fullmatch(r"(1[89]|20)\d\d", t.text):
                return int(t.text)
    return None


# Parts of a country ("the Ayacucho region of Peru"); "the town of Kaya" names the town itself.
_REGION_NOUNS = {"region", "regions", "province", "provinces", "state", "district", "area", "areas", "part", "parts",
                 "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "coast"}


def country_of(tok) -> str | None:
    """The country a place phrase names as its owner, which outlets agree on more than on the
    region: "Peru's southern Andes", "the Ayacucho region of Peru" -> Peru; None without one."""
    for child in tok.children:
        owner = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "of" and tok.lower_ in _REGION_NOUNS:
            owner = next((g for g in child.children if g.dep_ == "pobj"), None)
        if owner is not None and owner.ent_type_ == "GPE":
            return _ent_text(owner)
    return None


def _main_place(doc, first: int) -> str:
    """The place named most often in the body (at least twice), first named on a tie: where an
    article without a dateline country is set."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "GPE" and ent.start >= first:
            name = clean(ent.text)
            name = CITIES.get(name.lower(), name)     # "Nairobi" and "Kenya" are one place here
            counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))   # max keeps the first of a tie
    return best[0] if best[1] >= 2 else ""


def _sentence_place(sent, first: int) -> str | None:
    """The place a sentence names, as `_place_of` reads it ("the US state of Ohio" is Ohio)."""
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.start < first:
            continue
        root = ent.root
        if root.dep_ in ("compound", "amod") and root.head.lower_ in _REGION_NOUNS:
            continue                          # "the US state of Ohio": the state, not the country
        return _place_of(root) or ent.text
    return None


def _place_of(obj, inside: bool = False) -> str | None:
    """The place a place or venue phrase names, as outlets that word it differently agree on it:
    "in Peru's southern Andes", "the Ayacucho region of Peru" -> Peru; "the US state of Texas" ->
    Texas; "a Texas fertilizer plant", "a nightclub in Florida" -> the place the venue is in (one
    level down); None without one."""
    country = country_of(obj)
    if country is not None:
        return country
    if obj.ent_type_ in _PLACE_LABELS:
        return _ent_text(obj)
    named = next((c for c in obj.lefts if c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ in ("GPE", "LOC")), None)
    if named is not None:
        return _ent_text(named)
    if inside:
        return None
    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "near")), None)
    inner = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    return _place_of(inner, inside=True) if inner is not None else None


def _placed_lead_event(index: StoryIndex, lead, end: int | None = None) -> Named | None:
    """The lead's event that names no place ("the storm killed 14 people in Tonga"), named by
    the first place of its sentence: "Tonga storm"."""
    for event in index.events:
        if event.pos >= (index.lead_end if end is None else end) or not event.kind.startswith("event:") or event.kind == "event:named":
            continue
        tok = index.doc[event.pos]
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        # where it happened: a name after "in", "at", "on", "near", "across" in the event's own
        # clause ("the cyclone killed 14 people in Vanuatu"), never where people went ("to Bangladesh")
        place = next((_ent_text(t) for t in verb.subtree if (t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "on", "near", "across")
                      and t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME", "ORG", "NORP"))
                      or (t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "on", "near", "across") and t.ent_type_ in ("GPE", "LOC"))
                      or (t.dep_ == "dobj" and t.head == verb and tok.dep_ == "nsubj" and t.ent_type_ in ("GPE", "LOC"))), None)
        struck = next((t for t in verb.children if t.dep_ == "dobj" and tok.dep_ == "nsubj"), None)
        if struck is not None and country_of(struck) is not None:
            place = country_of(struck)        # "struck Peru's southern Ayacucho region"
        # ... or the place the event itself struck ("the earthquake struck Peru", "the storm hit Florida")
        if place is None and index.dateline_country and event.name.split()[-1] == event.name:
            place = index.dateline_country    # "Tuesday's quake", datelined "MAJENE, Indonesia": Indonesia's
        if place is not None and index.doc[event.pos].i >= index.body_start:
            return Named(event.pos, event.kind, clean(f"{place} {event.name}"))
    return None


_MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)


def _dateline_place(body: str) -> str:
    """The place words of the body's dateline ("MAJENE, Indonesia, Nov 16 "), "" for none."""
    found = DATELINE.match(body)
    return (found.group("place") or found.group("city") or "") if found else ""


def _dateline_places(body: str) -> set[str]:
    """The places a dateline names, lower case ("LUSAKA (Reuters) -" -> {"lusaka"}): a headline's
    "Lusaka market fire" is named by the city even where the recogniser calls it something else."""
    return {p.strip().lower() for p in _dateline_place(body).split(",") if p.strip() and not any(c.isdigit() for c in p)}


def dateline_city_country(body: str) -> str:
    """The country of a dateline that names only its city ("NAIROBI (Reuters) -" -> Kenya), as
    cities.txt knows it; "" for none."""
    parts = [p.strip() for p in _dateline_place(body).split(",") if p.strip()]
    return CITIES.get(parts[0].lower(), "") if parts else ""


def dateline_country(body: str) -> str:
    """The country a dateline names after its city ("MAJENE, Indonesia, Nov 16 (Global Wire) -"
    -> Indonesia): a capitalised word or two after the city, not an abbreviated state ("BOZEMAN,
    Mont.") nor a date; "" for none."""
    parts = [p.strip() for p in _dateline_place(body).split(",")][1:]
    parts = [p for p in parts if p and not any(c.isdigit() for c in p) and not _MONTHS.search(p)]
    if not parts:
        return ""
    last = parts[-1]
    words = last.split()
    if len(words) > 2 or "." in last or not all(w[:1].isupper() and not w.isupper() for w in words):
        return ""
    return last


def _ent_text(tok) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.text if ent is not None else tok.text


def _event_in_title(title: str, events: list[Named], places: set[str] = frozenset()) -> Named | None:
    """The body's event whose name the headline (given in the metadata) contains, else the
    event the headline names with its place ("Car bomb attack in Corvale kills 52")."""
    low = title.lower()
    for event in events:
        if event_names_something(event) and event.name.lower() in low:
            return event
    return _event_named_by(title, places)


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _event_named_by(title: str, places: set[str]) -> Named | None:
    """'Car bomb attack in Corvale kills 52', 'Peru earthquake: survivors wait' -> the place and
    the kind of the event the headline names ("Corvale attack", "Peru earthquake"); a word before
    the kind is a place only when the article names that place (`places`, lower case): headlines
    capitalise every word."""
    words = _TITLE_WORD.findall(title)
    for k, word in enumerate(words):
        family = EVENT_NOUNS.get(word.lower())
        if family is None:
            continue
        head = _CANONICAL_HEADS.get(word.lower(), word.lower())
        after = words[k + 1:k + 4]
        if after and after[0].lower() in ("in", "at", "near") and len(after) > 1 and after[1][:1].isupper():
            place = list(itertools.takewhile(lambda w: w[:1].isupper(), after[1:]))
            name = re.sub(r"(?:’s|'s)$", "", " ".join(place))     # "collapse in Kenya's capital": Kenya
            return Named(-1, "event:" + family, clean(" ".join([as_place(name), head])))
        # "Peru earthquake: ...", "Nairobi building collapse": the place before the kind, over the
        # lower-case words that say what collapsed or burned
        j = k - 1
        while j >= 0 and words[j].islower() and k - j <= 2:
            j -= 1
        if j >= 0 and words[j].lower() in places:
            return Named(-1, "event:" + family, clean(f"{words[j]} {head}"))
    return None


def _topic(index: StoryIndex, lead) -> str:
    """What the headline (else the lead) is about: the subject of its main verb when that names
    something ("UK economy ends year with spurt" -> UK economy; through a verb of saying to what
    is said), else its first named entity."""
    for sent in lead[:2]:
        root = sent.root
        if root.lemma_.lower() in _SAYING:
            root = next((c for c in root.children if c.dep_ == "ccomp"), root)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i >= index.body_start and subj.lower_ not in _PRONOUNS and subj.pos_ in ("PROPN", "NOUN"):
            ent = next((e for e in index.entities if e.pos == subj.i), None)
            if ent is not None:
                return ent.name
            names = [c for c in subj.lefts if c.dep_ in ("compound", "nmod", "amod", "poss") and c.pos_ == "PROPN"]
            if (subj.pos_ == "PROPN" and not opening_plural(subj, index.body_start)) or names:
                words = [t for t in subj.subtree if t.dep_ not in ("det", "punct", "prep", "pobj", "relcl", "acl")
                         and index.body_start <= t.i <= subj.i and t.ent_type_ not in ("DATE", "TIME")]
                return clean(" ".join(t.text for t in words))
        # who says so, and whom they tell ("two officials told Reuters"), are no topic
        speakers = {t.i for subj in sent if subj.head.lemma_.lower() in _SAYING and (
                        subj.dep_ in ("nsubj", "nsubjpass") or (subj.dep_ in ("dobj", "dative") and subj.head.lemma_.lower() == "tell"))
                    for t in subj.subtree}
        speakers |= {t.i for according in sent if according.lower_ == "according" for t in according.subtree}
        named = [e for e in index.entities if sent.start <= e.pos < sent.end and e.kind in ("org", "place", "work", "person")
                 and e.pos not in speakers]           # who says so is no topic ("..., the statistics office said")
        if named:
            return named[0].name
    return ""


_SAYING = {"say", "report", "announce", "tell", "claim", "add", "state", "confirm", "estimate", "show"}
