"""Person names the recogniser got wrong, mended before anything reads the entities.

spaCy's small English pipeline makes four mistakes with names of people in news:

- it cuts a family name at a particle: "Ursula von der Leyen" is a person "Ursula von der"
  and a place "Leyen". A family name goes on after its particles (von, van, der, de, bin,
  al: `claimcheck.normalize.NAME_PARTICLES`) to the next capitalised word;
- it takes a title into the name: "Crown Prince Mohammed bin Salman" is one person entity,
  so no title stands before the name. The name starts after the last title word
  (`lexicon.TITLE_WORDS`) that two or more words of the name follow ("John Major" keeps his);
- it calls a place or a business a person: "Rennick Airport", "Kestrel Motors", "the city of
  Győr". A name that ends in a capitalised word of a building or place (`_FACILITY_WORDS`) or of
  an organisation is one, and so is a name a noun of places takes with "of" (`_PLACE_OF`);
- it calls a person an organisation: "Chancellor Olaf Scholz" tagged ORG. Two or three
  capitalised words after a capitalised title word, with no word of an organisation among
  them, are a person. (Not every mention of a name tagged a person elsewhere: the recogniser
  tags places as people too, and "Kyiv" would become a speaker.)
"""
from __future__ import annotations

from spacy.tokens import Span

from claimcheck.normalize import NAME_PARTICLES

from .lexicon import ORG_NOUNS, TITLE_WORDS

# The last word of a business's or a body's name that no family name is ("Court", "Post" are).
_BUSINESS_ENDINGS = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "holdings", "bank", "fund", "foundation",
                     "association", "federation", "league", "club", "airlines", "airways", "motors", "systems",
                     "technologies", "industries", "council", "ministry", "institute", "agency", "commission", "committee",
                     "bio", "biotech", "pharma", "pharmaceuticals", "therapeutics", "labs", "mining", "metals", "foods",
                     "energy", "logistics", "telecom", "shipping", "insurance", "capital", "partners"}
# Words of an organisation's name anywhere in it: "Harlow Foods Inc" after a title is no person.
_ORG_WORDS = ORG_NOUNS | _BUSINESS_ENDINGS | {"network", "media", "news", "times", "post", "organization", "organisation",
                                              "railway", "railways", "airline"}


def mend_person_names(doc) -> None:
    """Rewrite `doc.ents` with the person names above mended (nothing else changes)."""
    ents = _joined_at_particles(doc, list(doc.ents))
    mended = [_mended(doc, e) for e in ents]
    if any(a is not b for a, b in zip(mended, doc.ents)) or len(mended) != len(doc.ents):
        doc.ents = [e for e in mended if len(e)]


# The last word of the name of a place or a building, never of a person's: "Rennick Airport",
# "St Mary's Hospital", "Arlen Stadium" tagged a person are a facility.
_FACILITY_WORDS = {"airport", "hospital", "stadium", "station", "port", "harbour", "harbor", "museum", "university",
                   "college", "school", "academy", "bridge", "dam", "mine", "prison", "park", "square", "street",
                   "road", "avenue", "centre", "center", "arena", "cathedral", "church", "mosque", "palace", "tower"}



# Nouns of places that name the place after "of": "the Hungarian city of Győr", "the island of Kos".
_PLACE_OF = {"city", "town", "village", "state", "province", "region", "county", "district", "island", "port",
             "capital", "country", "kingdom", "republic", "canton", "municipality", "borough", "suburb"}


def _mended(doc, ent) -> Span:
    if (ent.label_ == "PERSON" and ent.start > 1 and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lower_ in _PLACE_OF):
        return Span(doc, ent.start, ent.end, label="GPE")   # "the city of Győr" tagged a person
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in _FACILITY_WORDS and ent[-1].text[:1].isupper():
        return Span(doc, ent.start, ent.end, label="FAC")
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in _BUSINESS_ENDINGS and ent[-1].text[:1].isupper():
        return Span(doc, ent.start, ent.end, label="ORG")     # "Kestrel Motors", "Halden Bank" tagged a person
    if ent.label_ == "PERSON":
        return _without_titles(doc, ent)
    if ent.label_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT") and _titled_name(doc, ent):
        return Span(doc, ent.start, ent.end, label="PERSON")
    return ent


def _without_titles(doc, ent) -> Span:
    titles = [t.i for t in ent if t.lower_ in TITLE_WORDS and t.text[:1].isupper() and ent.end - t.i > 2]
    if not titles:
        return ent
    return Span(doc, titles[-1] + 1, ent.end, label="PERSON")


def _titled_name(doc, ent) -> bool:
    """'Chancellor Olaf Scholz' (tagged ORG): capitalised words after a capitalised title word."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is None or before.lower_ not in TITLE_WORDS or not before.text[:1].isupper():
        return False
    words = list(ent)
    return (2 <= len(words) <= 3 and all(t.is_alpha and t.text[:1].isupper() and not t.text.isupper() for t in words)
            and not any(t.lower_ in _ORG_WORDS or t.lower_ in TITLE_WORDS for t in words))


def _joined_at_particles(doc, ents: list) -> list:
    out, k = [], 0
    while k < len(ents):
        ent = ents[k]
        end = _name_end(doc, ent) if ent.label_ == "PERSON" else ent.end
        swallowed = k + 1
        while swallowed < len(ents) and ents[swallowed].start < end:
            swallowed += 1
        if end > ent.end and all(e.end <= end for e in ents[k + 1:swallowed]):
            out.append(Span(doc, ent.start, end, label="PERSON"))
            k = swallowed
        else:
            out.append(ent)
            k += 1
    return out


def _name_end(doc, ent) -> int:
    """Where the person name `ent` really ends: after the particles that end or follow it and the
    capitalised word after them; `ent.end` when there are none."""
    i = ent.end
    particle = doc[i - 1].lower_ in NAME_PARTICLES and doc[i - 1].text.islower() and i - 1 > ent.start
    while i < len(doc) and doc[i].lower_ in NAME_PARTICLES and doc[i].text.islower():
        i += 1
        particle = True
    if particle and i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper():
        return i + 1
    return ent.end
