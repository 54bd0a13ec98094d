"""Language packs: one folder a language, the same shape in each (see docs/language-packs.md).

A pack is found by its folder alone, so adding a language means adding a folder.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


def pack_code(tag: str) -> str:
    """The pack a BCP-47 tag uses: its primary subtag, lower-cased.

    >>> pack_code("es-AR"), pack_code("RU")
    ('es', 'ru')
    """
    return tag.split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    """Codes of the packs shipped, from the folders present (nothing imported)."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "__init__.py").is_file()))


def has_pack(tag: str) -> bool:
    return pack_code(tag) in available_languages()


@lru_cache(maxsize=None)
def get_pack(tag: str):
    """The LanguagePack of a tag, imported on first use."""
    code = pack_code(tag)
    if code not in available_languages():
        raise KeyError(code)
    return importlib.import_module(f"checker.extract.lang.{code}").PACK
