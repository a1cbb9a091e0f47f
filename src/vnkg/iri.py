"""Namespaces and the minting of stable IRIs (same input → same IRI)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VNKG = "https://w3id.org/vnkg/ontology#"
ID = "https://w3id.org/vnkg/id/"
REFERENCE_GRAPH = "https://w3id.org/vnkg/graph/reference"
ONTOLOGY_GRAPH = "https://w3id.org/vnkg/graph/ontology"
STATE_GRAPH = "https://w3id.org/vnkg/graph/state"  # what the store knows of its own upkeep

ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "vnkg": VNKG, "org": ORG, "prov": PROV, "schema": SCHEMA, "skos": SKOS, "dcterms": DCTERMS,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}


@lru_cache(maxsize=100_000)  # names, titles and offices recur across articles
def slug(label: str) -> str:
    """ASCII fold of a Vietnamese label: "Bí thư Tỉnh ủy Tuyên Quang" → "bi-thu-tinh-uy-tuyen-quang"."""
    s = unicodedata.normalize("NFD", label.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def entity(kind: str, key: str) -> str:
    return f"{ID}{kind}/{slug(key)}"


# Only what an IRI path segment cannot hold is percent-encoded, so that the last segment of
# an article's IRI reads as its id ("vntc-XH_NLD__(4062)", "bài-1") for people and for tools.
# Beyond ASCII, what RFC 3987 leaves out of ucschar is encoded too (private use, non-characters, tags):
# Oxigraph refuses such an IRI, so an id holding "[", U+E0001 or U+FFFF failed the whole load.
_NOT_IN_SEGMENT = re.compile(r'[\x00-\x20<>"{}[\]|\\^`/?#%\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff'
                             + "".join(f"\\U{p:04X}FFFE-\\U{p:04X}FFFF" for p in range(1, 14))
                             + r"\U000DFFFE-\U000E0FFF\U000EFFFE-\U0010FFFF]")


def article(article_id: str) -> str:
    """The article's IRI, which is also its named graph; its last segment is the id."""
    return f"{ID}article/" + _NOT_IN_SEGMENT.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), article_id)
