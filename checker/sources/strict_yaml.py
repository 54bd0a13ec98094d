"""YAML as claimcheck reads its own files: a key given twice is an error, not a silent
replacement of the first (a catalog's second `aurora:` entity, a lexicon's second word list)."""
from __future__ import annotations

import yaml


class UniqueKeyLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses a mapping with a repeated key, naming the key's line.

    >>> yaml.load("a: 1\\nb: 2", Loader=UniqueKeyLoader)
    {'a': 1, 'b': 2}
    >>> yaml.load("a: 1\\na: 2", Loader=UniqueKeyLoader)
    Traceback (most recent call last):
    ...
    yaml.constructor.ConstructorError: key 'a' given twice (first on line 1)
      in "<unicode string>", line 2, column 1:
        a: 2
        ^
    """

    REPEAT = "given twice"

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} {self.REPEAT} (first on line {seen[key] + 1})", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)

    @classmethod
    def is_repeat(cls, exc: yaml.YAMLError) -> bool:
        """Whether a load failed on a repeated key, not on the YAML's syntax."""
        return isinstance(exc, yaml.constructor.ConstructorError) and cls.REPEAT in (exc.problem or "")
