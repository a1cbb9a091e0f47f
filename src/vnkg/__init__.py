"""vnkg: Vietnamese political news into an RDF knowledge graph."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def data_path(name: str) -> Path:
    """A folder shipped with vnkg (ontology, graph, queries): beside the package when
    installed from a wheel, at the repository root in a source checkout."""
    packaged = Path(__file__).parent / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
