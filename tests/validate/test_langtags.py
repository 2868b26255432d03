"""The language tags answered without langcodes are exactly those langcodes calls valid."""

from __future__ import annotations

import langcodes

from tagprint import langtags


def test_every_tag_of_the_small_tables_is_valid_in_the_registry():
    for language in langtags.LANGUAGES:
        assert langcodes.tag_is_valid(language), language
        for region in langtags.REGIONS:
            assert langcodes.tag_is_valid(f"{language}-{region}"), f"{language}-{region}"


def test_other_tags_are_asked_of_langcodes():
    langtags.tag_is_valid.cache_clear()
    assert langtags.tag_is_valid("de-CH-1996")          # a variant: not in the tables, valid
    assert langtags.tag_is_valid("sr-Latn-RS")          # a script
    assert not langtags.tag_is_valid("en-AB")           # a region no registry has
    assert not langtags.tag_is_valid("zz-US")           # a language no registry has
    assert langtags.tag_is_valid("xx") == langcodes.tag_is_valid("xx") is False
