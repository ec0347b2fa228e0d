from claimcheck.normalize import Normalizer, name_key


def test_name_key_ignores_case_punctuation_articles_accents():
    assert name_key("The U.S. President") == name_key("US president") == "us president"
    assert name_key("Zelenskyy’s") == name_key("zelenskyy's")
    assert name_key("Sergei  Shoígu") == "sergei shoigu"


def test_aliases_join_spellings_and_chains():
    norm = Normalizer({"Sergei Shoigu": ["Sergey Shoigu"], "President of the United States": ["US President", "U.S. President"]})
    assert norm.same("sergey shoigu", "Sergei Shoigu")
    assert norm.key("The U.S. President") == norm.key("President of the United States")
    assert norm.display("US President") == "President of the United States"
    assert not norm.same("Sergei Lavrov", "Sergei Shoigu")
