"""Word lists the extractors share. Kept in one place so they can grow."""

from pathlib import Path

# Verbs that put words in someone's mouth (lemmas).
SPEECH_VERBS = {
    "say", "tell", "add", "write", "wonder", "warn", "describe", "call", "observe", "dub",
    "boast", "insist", "claim", "state", "note", "argue", "ask", "explain", "announce",
    "declare", "reply", "respond", "remark", "suggest", "acknowledge", "admit", "report",
    "tweet", "comment", "mock", "dismiss", "term", "brand", "label", "characterize",
    "characterise", "threaten", "stress", "urge", "vow", "promise", "predict", "conclude",
    "complain", "recall", "quip", "concede", "deny", "assert", "allege", "contend",
    "lament", "exclaim", "reiterate", "emphasize", "emphasise", "caution", "confirm",
    "repeat", "testify", "scoff", "joke", "accuse", "demand", "recount", "elaborate",
    "reveal", "disclose", "shout", "yell", "whisper", "plead", "chant", "muse", "retort",
}
# Verbs of judging that take a quoted phrase as their object or complement
# ("welcomed the targets 'to make faster progress'", "hailed the 'historic' deal"):
# the quoted words are the subject's, though the verb is not one of saying.
EVALUATIVE_VERBS = {
    "welcome", "praise", "hail", "criticise", "criticize", "condemn", "slam", "blast",
    "denounce", "decry", "applaud", "commend", "attack", "defend", "question", "reject",
    "pledge", "express", "lambast", "lambaste", "castigate", "rebuke", "endorse",
}
# Words naming a title or function (lowercase); a person phrase needs one to be a role.
TITLE_WORDS = {
    "president", "vice", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "mayor", "chief", "head", "director", "leader", "negotiator", "chairman", "chairwoman",
    "chair", "candidate", "rep.", "rep", "sen.", "senator", "governor", "ambassador", "general",
    "gen.", "commander", "fellow", "analyst", "politician", "activist", "aide", "adviser",
    "advisor", "premier", "king", "queen", "prince", "chancellor", "deputy", "member",
    "official", "envoy", "lawmaker", "judge", "ceo", "founder", "professor", "economist",
    "scientist", "correspondent", "editor", "reporter", "journalist", "lieutenant", "colonel",
    "major", "admiral", "captain", "sergeant", "prosecutor", "attorney", "speaker",
    "representative", "congressman", "congresswoman", "mp", "commissioner", "chairperson",
    "coordinator", "manager", "executive", "researcher", "expert", "historian", "contributor",
    "ombudsman", "pope", "patriarch", "bishop", "cardinal", "emir", "sheikh",
    "counsel", "counselor", "diplomat", "officer", "inspector", "presidential", "constable", "sheriff",
    "superintendent", "marshal", "detective",
}
# Lowercase modifiers that may sit inside a title ("senior policy fellow").
TITLE_MODIFIERS = {"senior", "deputy", "former", "lead", "chief", "top", "acting", "interim",
                   "foreign", "prime", "then", "ex", "assistant", "associate", "executive",
                   # portfolios an adjective names ("interior minister", "economic adviser")
                   "interior", "home", "domestic", "economic", "financial", "naval", "judicial",
                   "federal", "regional", "municipal", "cultural", "social", "environmental",
                   "agricultural", "industrial", "commercial", "digital", "medical", "legal",
                   "principal", "regular", "outgoing", "incoming", "political", "national",
                   "defense", "defence", "press", "general", "special", "first", "vice",
                   "military", "armed", "state", "-", "and", "of", "the", "at", "’s", "'s"}
# Nouns naming organisations (an attribution source of type organization).
ORG_NOUNS = {
    "ministry", "government", "agency", "army", "military", "police", "committee", "council",
    "office", "department", "administration", "company", "kremlin", "pentagon", "white house",
    "parliament", "duma", "court", "commission", "service", "embassy", "newspaper", "outlet",
    "broadcaster", "survey", "poll", "institute", "bank", "party", "alliance", "union", "nato",
    "un", "command", "headquarters", "staff", "authorities", "cabinet", "presidency",
    "guard", "coastguard", "navy", "regulator", "watchdog", "authority", "firm", "university",
    "hospital", "airline", "operator", "utility", "tribunal", "bureau", "directorate", "inspectorate",
}
# Nouns of businesses: "the company" refers back to the business named last, and a business
# that reports a result reports its own ("the firm reported a profit of $3 million").
BUSINESS_NOUNS = {"company", "firm", "carrier", "airline", "bank", "lender", "retailer", "insurer", "maker",
                  "manufacturer", "conglomerate", "corporation", "operator", "broadcaster", "publisher", "supermarket"}
# Plural or collective nouns that make a vague source ("analysts said").
VAGUE_NOUNS = {
    "analysts", "officials", "experts", "observers", "critics", "sources", "diplomats",
    "people", "residents", "miners", "bosses", "reports", "media", "commentators", "insiders",
    "witnesses", "activists", "lawmakers", "leaders", "authorities", "negotiators",
    "investigators", "scientists", "economists", "historians", "others", "many", "some",
    "researchers", "videos", "users", "journalists", "members",
}
# Cues of vague or missing sourcing for statements (regex fragments, matched case-insensitively).
HEDGE_CUES = [
    r"(?:is|are|was|were|been|being)?\s*widely\s+(?:seen|regarded|considered|believed|viewed|thought)",
    r"(?:is|are|was|were)\s+seen\s+(?:in\s+[\w\s]+?\s+)?as",
    r"(?:is|are|was|were)\s+(?:considered|believed|thought|said|understood|rumou?red)\s+(?:to|as|that|part)",
    r"(?:\w+\s+)?(?:analysts|experts|observers|critics|officials|diplomats|sources|commentators)\s+(?:have\s+|had\s+)?(?:said|say|says|warned|warn|believe|describe|described|note|noted|suggest|suggested|argue|argued|expressed|criticized|criticised|fear|feared)",
    r"many\s+(?:observers|experts|analysts|people|residents|european\s+allies|allies|critics)",
    r"reportedly", r"allegedly", r"purportedly", r"supposedly", r"apparently",
    r"it\s+(?:appears|seems|is\s+believed|is\s+thought|is\s+said)",
    r"(?:has\s+|have\s+|had\s+)?(?:appeared|appears|appear)\s+to(?:\s+be|\s+have)?",
    r"(?:seems|seem|seemed)(?:\s+to)?",
    r"(?:sparked|raised|fuelled|fueled|amid)\s+fears",
    r"(?:according\s+to\s+)?(?:some|unnamed|anonymous)\s+(?:sources|officials|reports)",
    r"alleged|allegations",
    r"rumou?rs?",
]
# Nouns/verbs that make a figure a running total (a death toll only grows).
TOLL_WORDS = {"kill", "killed", "die", "died", "death", "deaths", "dead", "destroy", "destroyed",
              "toll", "fatality", "fatalities", "casualty", "casualties", "lose", "lost", "life",
              "lives", "displace", "displaced", "flee", "fled", "refugee", "refugees", "arrest",
              "arrested", "detain", "detained", "evacuate", "evacuated", "infection", "infections",
              "case", "cases", "vaccinate", "vaccinated"}
# Nouns naming something said ("Shoigu's claim that ...", "warnings against ..."):
# quoted words inside their content belong to whoever made the claim.
SPEECH_NOUNS = {
    "claim", "assertion", "suggestion", "allegation", "accusation", "charge", "statement",
    "comment", "remark", "warning", "threat", "insistence", "argument", "contention",
    "description", "characterization", "characterisation", "demand", "promise", "pledge",
    "vow", "rhetoric", "complaint", "denial", "prediction", "assurance", "insinuation",
    "announcement", "boast", "ultimatum", "appeal", "speech", "address", "declaration",
}
# Verbs that make a speech act of a speech noun ("issued new threats", "made the claim").
LIGHT_SPEECH_VERBS = {"issue", "make", "level", "voice", "deliver", "repeat", "utter", "give",
                      "renew", "reiterate", "air", "post", "publish", "send", "put"}
# Nouns a year names rather than dates: "the 2022 budget", "fiscal 2022" (the
# period a plan or document covers, not when something happened).
YEAR_NAMED_NOUNS = {"budget", "budgets", "appropriation", "appropriations", "fiscal",
                    "model", "edition", "version", "forecast", "forecasts", "target",
                    "targets", "quota", "quotas", "calendar", "cohort", "vintage", "class"}
# Nouns that small spelled-out numbers merely refer to ("the two sides", "both
# parties", "two men"): a count of them is not a reported figure.
GENERIC_COUNT_NOUNS = {
    "side", "sides", "party", "parties", "country", "countries", "nation", "nations",
    "leader", "leaders", "man", "men", "woman", "women", "camp", "camps", "power", "powers",
    "neighbor", "neighbors", "neighbour", "neighbours", "rival", "rivals", "ally", "allies",
    "government", "governments", "delegation", "delegations", "state", "states", "way",
    "ways", "thing", "things", "time", "times", "hand", "hands", "kind", "kinds", "sort",
    "sorts", "issue", "issues", "point", "points", "question", "questions", "option",
    "options", "step", "steps", "presidents", "ministers", "capitals", "parts", "halves",
    "words", "reasons", "minds", "faces", "eyes",
}
# Counted nouns that make even a referential small number a figure that matters.
COUNT_NOUNS = {
    "troops", "soldiers", "civilians", "victims", "people", "children", "prisoners",
    "hostages", "refugees", "migrants", "casualties", "fatalities", "deaths", "dead",
    "injured", "wounded", "votes", "seats", "jobs", "cases", "missiles", "drones", "tanks",
    "aircraft", "jets", "ships", "vessels", "bombs", "shells", "rockets", "miners", "workers",
    "officers", "police", "protesters", "detainees", "suspects", "journalists",
}
# Verbs of change: "rose from 5 to 10 percent" gives two values (before and after), not a range.
CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump",
                "decline", "cut", "raise", "reduce", "double", "triple", "halve", "shrink",
                "slip", "surge", "soar", "plunge", "swell", "go", "move", "lower", "boost",
                "expand", "slash", "change", "shift"}
# Verbs of change whose subject is a quantity: dated by a period, they state a trend or
# a figure's period ("prices rose in March", "grew by 3% in 2004"), not a happening.
TREND_VERBS = {"rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "decline",
               "shrink", "slip", "surge", "soar", "plunge", "swell", "contract", "expand", "dip",
               "slide", "tumble", "rebound", "recover", "slow", "accelerate", "ease", "edge",
               "gain", "lose", "average", "total", "record", "post", "register", "double",
               "triple", "halve", "fluctuate", "stagnate", "widen", "narrow", "sink", "rocket"}
# Nouns naming a quantity, or its change, that a date gives the period of ("sales in
# December", "a decline since October", "2017 enrollment"): no happening.
MEASURE_NOUNS = {
    "sales", "output", "growth", "inflation", "unemployment", "gdp", "revenue", "revenues",
    "profit", "profits", "earnings", "income", "turnover", "exports", "imports", "spending",
    "prices", "price", "figures", "statistics", "data", "numbers", "enrollment", "enrolment",
    "attendance", "production", "productivity", "deficit", "surplus", "borrowing", "lending",
    "demand", "costs", "receipts", "takings", "margin", "margins", "volume", "volumes",
    "shipments", "orders", "deliveries", "ratings", "viewing", "viewers", "audience",
    "audiences", "turnout", "yield", "yields", "level", "levels", "rate", "rates", "average",
}
CHANGE_NOUNS = {"increase", "increases", "rise", "rises", "fall", "falls", "decline", "declines",
                "drop", "drops", "gain", "gains", "jump", "slowdown", "contraction", "expansion",
                "surge", "slump", "downturn", "upturn", "rebound", "dip", "slide", "growth"}
# Nouns a date names rather than dates, added to YEAR_NAMED_NOUNS: cohorts and products
# of a period ("this year's nominees", "benchmark 2017 plans", "the 2016 season").
YEAR_NAMED_NOUNS |= {"plan", "plans", "premium", "premiums", "season", "seasons", "term",
                     "nominee", "nominees", "winner", "winners", "intake", "squad", "crop",
                     "harvest", "graduates", "lineup", "line-up", "roster", "models", "editions",
                     "versions", "figures", "results", "accounts"}
# Subjects of a verb of change that make it a trend ("shares rose in March"), with MEASURE_NOUNS.
TREND_SUBJECTS = {"shares", "stocks", "stock", "index", "market", "markets", "economy", "currency",
                  "dollar", "pound", "euro", "yen", "bonds", "value", "values", "wages", "pay",
                  "salaries", "rents", "fares", "population", "membership", "stake", "debt",
                  "investment", "confidence", "support", "popularity", "share"}
# Occupations and relations that work as titles before or beside a name ("Former colleague
# Lord X", "chief strategist Y", "X, a banjo player"): roles, not speakers' titles (the roles
# extractor adds them to TITLE_WORDS).
DESCRIPTOR_WORDS = {
    "colleague", "strategist", "lawyer", "campaigner", "consultant", "actor", "actress", "singer",
    "producer", "writer", "author", "novelist", "presenter", "player", "striker", "midfielder",
    "defender", "goalkeeper", "coach", "boss", "owner", "investor", "banker", "trader", "broker",
    "entrepreneur", "businessman", "businesswoman", "tycoon", "magnate", "lecturer", "teacher",
    "doctor", "surgeon", "nurse", "engineer", "designer", "architect", "photographer", "artist",
    "musician", "composer", "comedian", "broadcaster", "host", "pollster", "lobbyist", "partner",
    "predecessor", "successor", "champion", "veteran", "chairwoman", "economist",
    "treasurer", "auditor", "regulator", "spokesperson", "aide", "organiser", "organizer",
    "physician", "scientist", "psychologist", "sociologist", "negotiator", "justice",
}
# Honorifics that belong to a name, not to a title before it ("Former colleague Lord X").
HONORIFICS = {"lord", "lady", "sir", "dame", "baroness", "baron", "earl", "mr", "mrs", "ms", "miss",
              "dr", "mr.", "mrs.", "ms.", "dr.", "rev", "rev.", "reverend"}
# Titles that are also part of how a person is named ("Sheikh Hasina"): before a one-word name
# the article gives no fuller form of, they stay in the name.
NAME_TITLES = {"sheikh", "sheik", "shaikh", "begum", "sayyid", "syed"}

# Scales a number rates a thing on rather than counts it ("a magnitude 8.0 quake", "a Category 4
# hurricane", "a level 3 alert"): the number is no figure, and the scale no part of an event's name.
RATING_SCALES = {"magnitude", "category", "level", "grade", "stage", "tier", "richter"}

# Gender a text gives a person, for "he" and "she": words next to the name ("Mrs Keller", "the
# spokeswoman, Ana Lind", "her husband, Tom") and common given names that are one gender's in
# English-language news (names borne by both, "Jordan", "Alex", "Jean", are in neither list).
FEMININE_WORDS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "baroness", "queen", "princess", "duchess",
                  "countess", "madam", "madame", "mme", "sister", "mother", "wife", "daughter", "widow", "grandmother",
                  "aunt", "niece", "girl", "woman", "actress", "spokeswoman", "chairwoman", "businesswoman",
                  "congresswoman", "councilwoman", "sportswoman", "policewoman", "waitress", "heiress", "empress"}
MASCULINE_WORDS = {"mr", "mr.", "sir", "lord", "baron", "king", "prince", "duke", "count", "monsieur", "brother",
                   "father", "husband", "son", "widower", "grandfather", "uncle", "nephew", "boy", "man", "actor",
                   "spokesman", "chairman", "businessman", "congressman", "councilman", "sportsman", "policeman",
                   "waiter", "heir", "emperor"}


def _given_names() -> dict[str, set[str]]:
    """claimcheck/data/given-names.txt: its lists by name ("feminine", "masculine")."""
    lists: dict[str, set[str]] = {}
    current: set[str] = set()
    text = (Path(__file__).resolve().parent.parent / "data" / "given-names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("["):
            current = lists.setdefault(line.strip("[] "), set())
        elif not line.startswith("#"):
            current.update(line.lower().split())
    return lists


FEMININE_NAMES = _given_names()["feminine"]
MASCULINE_NAMES = _given_names()["masculine"]


def _pairs(name: str) -> dict[str, str]:
    """A data file of "word = place" lines: the word (lower case) -> the place."""
    text = (Path(__file__).resolve().parent.parent / "data" / name).read_text(encoding="utf-8")
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    return {word.strip().lower(): place.strip() for word, place in pairs}


DEMONYMS = _pairs("demonyms.txt")     # nationality adjective -> the place it names
CITIES = _pairs("cities.txt")         # dateline city -> its country

