"""The registered-names table of PRINT-OUTPUT-INTENT against the ICC's characterisation data registry: each
registered condition accepts a profile made from its own data and refuses one made from a neighbour's."""

from __future__ import annotations

import pytest

from tagprint.preflight.checks.print_pdfx import REGISTERED, describes

# identifier, a description its own profiles carry, a description of a neighbouring condition's profile
ROWS = [
    ("CGATS TR 001", "U.S. Web Coated (SWOP) v2", "SNAP 2007"),
    ("CGATS TR 002", "SNAP 2007 (CGATS TR 002)", "U.S. Web Coated (SWOP) v2"),
    ("CGATS TR 003", "SWOP2006_Coated3v2", "SWOP2006_Coated5v2"),
    ("CGATS TR 005", "SWOP2006_Coated5v2", "GRACoL2006_Coated1v2"),
    ("CGATS TR 006", "GRACoL2006_Coated1v2", "GRACoL2013_CRPC6"),
    ("CGATS 21-2-CRPC6", "GRACoL2013_CRPC6", "GRACoL2006_Coated1v2"),
    ("CGATS 21-2-CRPC5", "SWOP2013C3_CRPC5", "SWOP2006_Coated3v2"),
    ("FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004)", "PSO Coated v3"),
    ("FOGRA51", "PSO Coated v3", "ISO Coated v2 (ECI)"),
    ("FOGRA52", "PSO Uncoated v3 (FOGRA52)", "PSO Coated v3"),
    ("FOGRA29", "ISO Uncoated", "ISO Coated v2 (ECI)"),
    ("JC200103", "Japan Color 2001 Coated", "Coated FOGRA39 (ISO 12647-2:2004)"),
]


def test_every_row_of_the_table_is_tested():
    assert {row[0] for row in ROWS} == set(REGISTERED)


@pytest.mark.parametrize("identifier, own, neighbour", ROWS, ids=[row[0] for row in ROWS])
def test_a_registered_condition_accepts_its_own_data_and_refuses_a_neighbours(identifier, own, neighbour):
    assert describes(identifier, own) is True
    assert describes(identifier, neighbour) is False


def test_the_issues_false_alarm_and_false_passes():
    # a correct GRACoL 2006 profile under TR 006 was a false alarm; TR 005 with GRACoL 2006, TR 006 with
    # GRACoL 2013 and TR 003 with SNAP passed
    assert describes("CGATS TR 006", "Coated GRACoL 2006 (ISO 12647-2:2004)") is True
    assert describes("CGATS TR 005", "Coated GRACoL 2006 (ISO 12647-2:2004)") is False
    assert describes("CGATS TR 006", "GRACoL 2013 (CGATS 21-2 CRPC6)") is False
    assert describes("CGATS TR 003", "SNAP 2007") is False
    assert describes("Custom", "anything") is None
