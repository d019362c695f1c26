"""A file that names its OPD only by a name two OPDs hold (two "Desa Sukamulya" under two
kecamatan, etl.opd_names.shared_names): the refusal names both, with their kecamatan, and says
how to choose, instead of the generic "OPD pemilik postingan tidak dapat ditentukan"."""

from __future__ import annotations

from collections.abc import Iterable

from etl.opd_index import OpdIndex
from etl.opd_names import normalize_opd_name


def shared_named(index: OpdIndex, texts: Iterable[str]) -> tuple[str, list[int]]:
    """The first shared name (normalized) found as whole words in `texts` (a path's parts, a
    logbook's title rows) and the OPDs holding it, in id order; ("", []) when none."""
    if not index.shared:
        return "", []
    for text in texts:
        padded = f" {normalize_opd_name(text)} "
        for key, ids in sorted(index.shared.items(), key=lambda kv: -len(kv[0])):
            if f" {key} " in padded:
                return key, sorted(ids)
    return "", []


def shared_refusal(index: OpdIndex, texts: Iterable[str]) -> str:
    """' Nama "..." ... dipakai oleh N OPD: ...' with how to choose (Bahasa Indonesia), or ""
    when `texts` name no shared name."""
    key, ids = shared_named(index, texts)
    if not ids:
        return ""
    shown = [index.shown.get(o, index.names.get(o, "")) for o in ids]
    listed = " dan ".join(f'"{s}"' for s in shown)
    example = shown[0].replace("(", "").replace(")", "")
    return (
        f' Nama "{key.title()}" pada nama berkas/judul dipakai oleh {len(ids)} OPD: {listed}. '
        f'Tulis kecamatannya pada nama berkas atau judul (mis. "{example}") atau pilih OPD '
        f'dengan --opd "{shown[0]}" / halaman unggah, lalu muat ulang.'
    )
