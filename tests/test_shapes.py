"""SHACL shapes: each fixture in tests/shapes/ conforms exactly when its name says "-valid-"."""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((Path(__file__).parent / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "vnkg.ttl")


def test_there_are_enough_fixtures():
    assert len([f for f in FIXTURES if "-valid-" in f.name]) >= 3
    assert len([f for f in FIXTURES if "-invalid-" in f.name]) >= 5


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture(fixture: Path, shapes: Graph, ontology: Graph):
    data = Graph().parse(fixture)
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology)
    assert conforms == ("-valid-" in fixture.name), report
    # Shapes target the classes the data asserts, so the answer must not depend on the ontology.
    alone, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert alone == conforms, report
