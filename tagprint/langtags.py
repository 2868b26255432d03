"""Is a language tag in the IANA registry? langcodes knows, but loading its registry costs a tenth of a
second per process (a large regular expression compiled on import). The common tags, an ISO 639-1
language alone or with an ISO 3166 region, are answered from the small tables here; tests check every
combination against langcodes, and every other tag is asked of langcodes itself."""

from __future__ import annotations

import functools

LANGUAGES = frozenset("""
ar bg bn ca cs cy da de el en es et eu fa fi fr ga gl he hi hr hu hy id is it ja ka kk ko lt lv mk ms mt nb
nl nn no pl pt ro ru sk sl sq sr sv sw ta th tr uk ur uz vi zh zu
""".split())

REGIONS = frozenset("""
AE AR AT AU BE BG BR CA CH CL CN CO CY CZ DE DK EE EG ES FI FR GB GR HK HR HU ID IE IL IN IS IT JP KR LT
LU LV MT MX MY NL NO NZ PE PH PL PT RO RS RU SA SE SG SI SK TH TR TW UA US ZA
""".split())


@functools.lru_cache(maxsize=256)
def tag_is_valid(tag: str) -> bool:
    parts = tag.split("-")
    if parts[0].lower() in LANGUAGES and (len(parts) == 1 or (len(parts) == 2 and parts[1].upper() in REGIONS)):
        return True
    import langcodes

    return langcodes.tag_is_valid(tag)
