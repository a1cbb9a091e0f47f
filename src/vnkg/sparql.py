"""Telling a SPARQL Update from a query, so that ad hoc text cannot change the store by surprise."""
from __future__ import annotations

import re

# Text that cannot hold an operation: comments (which end at \n or \r, as in SPARQL's grammar:
# "#…\rINSERT" is an update), strings, IRIs, variables (?insert) and the local part of prefixed
# names (ex:add). Only the local part: Oxigraph reads "ADD:a TO:b" as ADD of the graph :a.
_COMMENT_OR_STRING = re.compile(r'#[^\n\r]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n\r]|\\.)*"'
                                r'|\'(?:[^\'\\\n\r]|\\.)*\'|<[^<>\s]*>|[?$]\w+|:[\w.:%\\-]+')
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def is_update(text: str) -> bool:
    """True when the text holds an update operation outside comments, strings and IRIs."""
    return bool(_UPDATE.search(_COMMENT_OR_STRING.sub(" ", text)))
