"""The sizes of the runtime's files, for the calculator's progress bar.

A host that compresses (GitHub Pages gzips the wasm and JSON) sends no Content-Length, and the
browser hands the worker the bytes after decompression. `sizes_module` writes
`export const SIZES = {file: {raw, gzip}}` for every file under assets/pyodide/: `raw` the file's
bytes, `gzip` about what such a host sends (gzip -6; archives and the gzipped snapshot are sent
as they are). calculator/web/downloads.mjs counts the received bytes against them.
"""

from __future__ import annotations

import json
import zlib

# Already compressed: hosts send these as they are.
AS_THEY_ARE = (".zip", ".whl", ".gz")


def served_sizes(name: str, data: bytes) -> dict[str, int]:
    if name.endswith(AS_THEY_ARE):
        return {"raw": len(data), "gzip": len(data)}
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip framing
    return {"raw": len(data), "gzip": min(len(data), len(packer.compress(data) + packer.flush()))}


def sizes_module(files, prefix: str) -> str:
    """The ES module for the mkdocs files under prefix ("assets/pyodide")."""
    sizes = {
        file.src_uri[len(prefix) + 1 :]: served_sizes(file.src_uri, file.content_bytes)
        for file in sorted(files, key=lambda f: f.src_uri)
        if file.src_uri.startswith(prefix + "/")
    }
    return (
        "// Written by the site build (site_overrides/kmo_build/sizes.py): the runtime's files,\n"
        "// bytes raw and as a compressing host sends them.\n"
        f"export const SIZES = Object.freeze({json.dumps(sizes, indent=1)});\n"
    )
