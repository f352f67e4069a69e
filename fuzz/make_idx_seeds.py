#!/usr/bin/env python3
"""make_idx_seeds.py — writes the small IDX seed files of the IDX fuzz target
into fuzz/seeds/idx/: valid images and labels (plain and gzip, two gzip
members, zero images), and broken ones (bad magic, truncated data, truncated
gzip, dimensions past int). Deterministic; rerun after changing it."""
import gzip
import os
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds", "idx")


def idx(ndims, dims, payload):
    return bytes([0, 0, 8, ndims]) + b"".join(struct.pack(">I", d) for d in dims) + payload


def gz(data):
    return gzip.compress(data, mtime=0)


def main():
    images = idx(3, [2, 2, 3], bytes(range(0, 240, 20)))
    labels = idx(1, [4], bytes([0, 9, 3, 7]))
    seeds = {
        "images_plain.idx": images,
        "images.idx.gz": gz(images),
        "images_two_members.idx.gz": gz(images[:9]) + gz(images[9:]),
        "images_trailing_bytes.idx": images + b"\x01\x02",
        "images_zero_count.idx": idx(3, [0, 28, 28], b""),
        "labels_plain.idx": labels,
        "labels.idx.gz": gz(labels),
        "bad_magic.idx": bytes([0, 0, 9, 3]) + images[4:],
        "truncated_images.idx": images[:-1],
        "truncated_header.idx": images[:10],
        "truncated.idx.gz": gz(images)[:-9],
        "huge_dims.idx": idx(3, [0, 0xFFFFFFFF, 0xFFFFFFFF], b""),
        "wrapping_dims.idx": idx(3, [1 << 22, 1 << 22, 1 << 20], b"\x00" * 16),  # product 2**64
        "gzip_garbage.idx.gz": b"\x1f\x8b\x08\x00garbage",
        "empty.idx": b"",
    }
    os.makedirs(OUT, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(seeds)} seeds to {OUT}")


if __name__ == "__main__":
    main()
