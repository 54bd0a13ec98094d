"""Anchors (HTML ids, URL fragments, file names) for topics, claims and sources.

Claim ids contain ':' ("es-wikipedia:31098-31114:time") and topic keys may too
("auto:vote:trotski"). A ':' is legal in an HTML5 id but breaks CSS selectors and old tools, so
every character other than a letter, digit, '_' or '-' becomes '-'. Two keys that would share an
anchor get '-2', '-3'… in the order of their sorted keys, so the same ids always give the same
anchors whatever order they arrive in.
"""
from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^\w-]+")


def slug(key: str) -> str:
    """A key as a safe id fragment: letters (any script), digits, '_' and '-'.

    >>> slug("es-wikipedia:31098-31114:time")
    'es-wikipedia-31098-31114-time'
    >>> slug("palace_fall_time"), slug("<b>"), slug("")
    ('palace_fall_time', 'b', 'x')
    """
    return _UNSAFE.sub("-", key).strip("-") or "x"


class Anchors:
    """Unique anchors for one kind of key; ids that only differ in case stay apart too, so the
    anchors can also be file names on case-insensitive disks.

    >>> a = Anchors("claim", ["a:b", "a-b", "A.b"])
    >>> a["A.b"], a["a-b"], a["a:b"]
    ('claim-A-b', 'claim-a-b-2', 'claim-a-b-3')
    >>> a.get("unknown") is None
    True
    """

    def __init__(self, prefix: str, keys):
        self.prefix = prefix
        self._anchors: dict[str, str] = {}
        taken: set[str] = set()
        for key in sorted(set(keys)):
            base = f"{prefix}-{slug(key)}" if prefix else slug(key)
            anchor, n = base, 2
            while anchor.casefold() in taken:
                anchor, n = f"{base}-{n}", n + 1
            taken.add(anchor.casefold())
            self._anchors[key] = anchor

    def __getitem__(self, key: str) -> str:
        return self._anchors[key]

    def get(self, key: str | None) -> str | None:
        return self._anchors.get(key) if key is not None else None
