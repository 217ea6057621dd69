"""A zip archive written directly: parts compressed once can be stored again without recompressing.

A batch writes thousands of .docx files whose styles, theme and fonts are the same bytes; only
the body, header, footer and properties differ. `compressed` deflates a part once; `ZipOut`
stores such entries (and fresh ones) as a plain zip (no zip64: a rep plan is far below 4 GiB).
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_STORED, _DEFLATED, _VERSION = 0, 8, 20
_DOS_TIME, _DOS_DATE = 0, (2026 - 1980) << 9 | 1 << 5 | 1   # a fixed stamp: same input, same bytes


@dataclass(frozen=True)
class Entry:
    """One member: its name, deflated bytes, CRC-32 and uncompressed size."""

    name: str
    data: bytes
    crc: int
    size: int
    method: int = 8   # 8 deflated, 0 stored


def compressed(name: str, raw: bytes, level: int = 6) -> Entry:
    """`raw` deflated (raw deflate, as zip stores it) under `name`."""
    z = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Entry(name, z.compress(raw) + z.flush(), zlib.crc32(raw), len(raw))


def stored(name: str, raw: bytes) -> Entry:
    """`raw` stored as is under `name` (an embedded workbook is a zip already: deflating it again gains
    a tenth for the time of a whole part)."""
    return Entry(name, raw, zlib.crc32(raw), len(raw), _STORED)


class ZipOut:
    """Entries appended in order, then `close()` gives the archive's bytes."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.central: list[bytes] = []
        self.offset = 0

    def add(self, name: str, raw: bytes) -> None:
        """Compress and append a member."""
        self.entry(compressed(name, raw))

    def entry(self, e: Entry) -> None:
        """Append an already compressed member."""
        name = e.name.encode("utf-8")
        fields = (_VERSION, 0x800, e.method, _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size, len(name))
        self.chunks += [_LOCAL.pack(b"PK\x03\x04", *fields, 0), name, e.data]
        self.central += [_CENTRAL.pack(b"PK\x01\x02", _VERSION, *fields, 0, 0, 0, 0, 0, self.offset), name]
        self.offset += _LOCAL.size + len(name) + len(e.data)

    def close(self) -> bytes:
        """The archive: members, central directory, end record."""
        directory = b"".join(self.central)
        count = len(self.central) // 2
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), self.offset, 0)
        return b"".join(self.chunks) + directory + end
