"""Telling a SPARQL Update from a query, so that ad hoc text cannot change the store by surprise."""
from __future__ import annotations

import re

_COMMENT_OR_STRING = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>')
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def is_update(text: str) -> bool:
    """True when the text holds an update operation outside comments, strings and IRIs."""
    return bool(_UPDATE.search(_COMMENT_OR_STRING.sub(" ", text)))
