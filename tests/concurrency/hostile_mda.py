#!/usr/bin/env python3
"""Rewrites the committed metadata text of an image's first metadata area
with one substitution, keeping every checksum valid, so that only the
meaning of the text is hostile.  openlvm's own writer cannot produce such
metadata: its model refuses it.

usage: hostile_mda.py IMAGE OLD NEW      (OLD must occur in the text;
                                         NEW = @FILE: the file's bytes)
"""
import struct
import sys
import zlib

SEED = 0xF597A6CF
MAGIC = b" LVM2 x[5A%r0N*>"


def lvm_crc(data):
    # LVM2's CRC-32 has no pre/post inversion; zlib's has both.
    return ~zlib.crc32(data, ~SEED & 0xFFFFFFFF) & 0xFFFFFFFF


def first_mda(img):
    for sector in range(4):
        img.seek(sector * 512)
        buf = img.read(512)
        if buf[:8] == b"LABELONE":
            break
    else:
        sys.exit("no LVM label")
    pos = struct.unpack_from("<I", buf, 0x14)[0] + 32 + 8
    while struct.unpack_from("<Q", buf, pos)[0]:   # data areas
        pos += 16
    pos += 16
    off, size = struct.unpack_from("<QQ", buf, pos)
    if not off:
        sys.exit("no metadata area")
    return off, size


def main():
    path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
    if new.startswith(b"@"):
        with open(new[1:], "rb") as f:
            new = f.read()
    with open(path, "r+b") as img:
        start, area = first_mda(img)
        img.seek(start)
        hdr = bytearray(img.read(512))
        if hdr[4:20] != MAGIC or lvm_crc(bytes(hdr[4:])) != struct.unpack_from("<I", hdr)[0]:
            sys.exit("bad mda header")
        off, size = struct.unpack_from("<QQ", hdr, 0x28)
        if off + size > area:
            sys.exit("wrapped text not supported")
        img.seek(start + off)
        text = img.read(size).rstrip(b"\0")
        if old not in text:
            sys.exit("text lacks %r" % old)
        text = text.replace(old, new, 1) + b"\0"
        if off + len(text) > area:
            sys.exit("new text does not fit")
        img.seek(start + off)
        img.write(text)
        struct.pack_into("<QQI", hdr, 0x28, off, len(text), lvm_crc(text))
        struct.pack_into("<I", hdr, 0, lvm_crc(bytes(hdr[4:])))
        img.seek(start)
        img.write(hdr)


main()
