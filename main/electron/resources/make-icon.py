#!/usr/bin/env python3
"""Draws icon.png (512x512 RGBA): a rounded blue square with a white upward arrow over a bar,
"publish upstream". Standard library only (zlib + struct), so anyone can regenerate it."""
import struct
import zlib
from pathlib import Path

SIZE = 512
RADIUS = 96
TOP = (0x3B, 0x82, 0xF6)  # gradient from this blue at the top...
BOTTOM = (0x1E, 0x3A, 0x8A)  # ...to this one at the bottom


def inside_rounded_square(x: float, y: float) -> float:
    """Coverage (0..1) of the rounded square at pixel centre (x, y), with a 1px soft edge."""
    cx = min(max(x, RADIUS), SIZE - RADIUS)
    cy = min(max(y, RADIUS), SIZE - RADIUS)
    distance = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
    return min(max(RADIUS - distance + 0.5, 0.0), 1.0)


def in_arrow(x: float, y: float) -> bool:
    """A white arrow pointing up (head and shaft) and the bar it rises from."""
    head = 120 <= y <= 260 and abs(x - 256) <= (y - 120) * 0.93
    shaft = 255 <= y <= 360 and abs(x - 256) <= 38
    bar = 392 <= y <= 424 and 136 <= x <= 376
    return head or shaft or bar


def pixel(x: int, y: int) -> bytes:
    px, py = x + 0.5, y + 0.5
    alpha = inside_rounded_square(px, py)
    if alpha == 0:
        return b"\0\0\0\0"
    t = py / SIZE
    colour = [round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM)]
    if in_arrow(px, py):
        colour = [255, 255, 255]
    return bytes(colour + [round(alpha * 255)])


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main() -> None:
    rows = b"".join(b"\0" + b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    out = Path(__file__).with_name("icon.png")
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
