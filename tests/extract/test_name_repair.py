"""Person names the recogniser gets wrong, mended before the extractor reads them.

Made-up sentences (the names are invented). Needs the spaCy pipeline.
"""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.usefixtures("nlp")


def _roles(claims_of, text, published=dt.date(2024, 5, 10)):
    return {(c.fields["entity"], c.fields["role"]) for c in claims_of(text, published) if c.kind == "role"}


@pytest.mark.parametrize(("text", "entity"), [
    ("Trade Commissioner Greta van der Berg told reporters the talks would resume.", "Greta van der Berg"),
    ("Finance Minister Luis de la Fuente said the budget was balanced.", "Luis de la Fuente"),
])
def test_a_family_name_goes_on_after_its_particles(claims_of, text, entity):
    assert entity in {e for e, _role in _roles(claims_of, text)}


def test_a_title_the_recogniser_took_into_the_name_is_the_role(claims_of):
    roles = _roles(claims_of, "Crown Prince Mohammed bin Salman met the delegation on Monday.")
    assert ("Mohammed bin Salman", "Crown Prince") in roles


def test_a_name_that_ends_in_a_title_word_keeps_it(claims_of):
    assert {e for e, _role in _roles(claims_of, "Former Prime Minister John Major said the plan would fail.")} == {"John Major"}


def test_a_titled_name_the_recogniser_calls_an_organisation_is_a_person(nlp):
    from claimcheck.extract.name_repair import mend_person_names

    doc = nlp("Former German Chancellor Olaf Scholz said on Wednesday that the plan was sound.")
    mend_person_names(doc)
    assert ("Olaf Scholz", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    company = nlp("President Harlow Foods Inc said profits rose.")     # a word of an organisation: stays one
    mend_person_names(company)
    assert ("Harlow Foods Inc", "ORG") in {(e.text, e.label_) for e in company.ents}


def test_a_place_or_a_business_the_recogniser_calls_a_person_is_not_one(nlp):
    from claimcheck.extract.name_repair import mend_person_names

    for text, name, label in [("Rennick Airport handled 2 million passengers.", "Rennick Airport", "FAC"),
                              ("Kestrel Motors sold 9,000 cars.", "Kestrel Motors", "ORG")]:
        doc = nlp(text)
        mend_person_names(doc)
        found = {(e.text, e.label_) for e in doc.ents}
        assert not any(t == name and lab == "PERSON" for t, lab in found), found
        assert (name, label) in found or name not in {t for t, _ in found}
    doc = nlp("Margaret Court won the title.")      # a family name that is also a word of a body stays a person
    mend_person_names(doc)
    assert all(e.label_ == "PERSON" for e in doc.ents if e.text == "Margaret Court")
