"""Rule sets: the JSON document (labels -> weighted patterns, figure parts, decision settings,
logbook spellings), its editor table, and validation of every pattern before it is saved.

Patterns are matched only by the Rust regex engine polars uses (linear time: no backtracking,
so no pattern can take exponential time); a pattern it cannot compile is refused with a message
in Bahasa Indonesia, and so is one written for a backtracking engine (nested unbounded
repetition such as ``(x+x+)+y``) because it would be catastrophic anywhere else it is copied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from etl.classify.vocab import CONTENT_TYPES, FIGURE_PARTS, RULES_FILE

# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rules:
    """A rule set: the JSON document as stored in rule_set.rules, plus its version (None = file)."""

    data: dict[str, Any]
    version: int | None = None
    _key: str = field(default="", compare=False, repr=False)

    @property
    def key(self) -> str:
        return self._key or json.dumps(self.data, sort_keys=True, ensure_ascii=False)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=1)


def default_rules() -> Rules:
    """The rules shipped in the repository (seeded as version 1 of rule_set)."""
    return Rules(json.loads(RULES_FILE.read_text(encoding="utf-8")), None)


def _ascii_classes(pattern: str) -> str:
    r"""\b \w \d \s (and negations) outside [...] -> their ASCII forms, (?-u:\b) etc.

    A Unicode word boundary makes the Rust regex engine give up its DFA: one rule set of ~400
    patterns then scans at ~2 ms per caption instead of ~1 us. Captions are normalized to ASCII
    letterforms and lower-cased first (etl.classify.textnorm), so this loses nothing.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            half = nxt in "bB" and pattern[i + 2 : i + 3] == "{"  # \b{start-half} etc.
            if not in_class and nxt in "bBwWdDsS" and not half:
                out.append(f"(?-u:\\{nxt})")
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


# Half word boundaries on both sides, always: 'tim' must not fire inside 'timbang', nor
# 'tim( \w+)?' (which can end on a word character whatever its last symbol is). A half
# boundary only asks that the neighbour outside the match is not a word character, so a
# pattern that starts or ends with punctuation or an emoji still matches.
_START = r"(?-u:\b{start-half})"
_END = r"(?-u:\b{end-half})"


def bounded(pattern: str) -> str:
    """A rule pattern as matched on normalized captions: whole words, ASCII word classes."""
    return f"{_START}(?:{_ascii_classes(pattern)}){_END}"


def nested_repetition(pattern: str) -> bool:
    """True when an unbounded repetition (*, +, {n,}) applies to a group that itself holds
    one, e.g. (x+x+)+y or (a*)*: exponential in a backtracking engine."""
    stack = [False]  # per open group: does it contain an unbounded repetition?
    last_group_flag: bool | None = None  # flag of the group just closed, if the last atom was one
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            last_group_flag = None
            continue
        if ch == "[":
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            last_group_flag = None
            continue
        if ch == "(":
            stack.append(False)
            last_group_flag = None
        elif ch == ")" and len(stack) > 1:
            inner = stack.pop()
            stack[-1] = stack[-1] or inner
            last_group_flag = inner
            i += 1
            continue
        elif ch in "*+" or (ch == "{" and _open_ended(pattern, i)):
            if last_group_flag:
                return True
            stack[-1] = True
        elif ch not in "?":
            last_group_flag = None
        i += 1
    return False


def _open_ended(pattern: str, i: int) -> bool:
    j = pattern.find("}", i)
    body = pattern[i + 1 : j] if j > 0 else ""
    return body.endswith(",") and body[:-1].isdigit()


# Rule groups as one flat table (the analyst's editor): content labels, then the three parts of
# the figure-centric test, each with a stable code.
FIGURE_GROUPS = {"person": "figur_tokoh", "action": "figur_peran", "substance": "figur_substansi"}
RULE_GROUPS = (*CONTENT_TYPES, *FIGURE_GROUPS.values())


def rules_table(rules: Rules) -> pl.DataFrame:
    """Every pattern of a rule set as rows (group, pattern, weight), groups in RULE_GROUPS order."""
    rows = [
        (g, str(e.get("pattern", "")), float(e.get("weight", 1)))
        for g in CONTENT_TYPES
        for e in rules.data.get("labels", {}).get(g, [])
    ]
    rows += [
        (code, str(e.get("pattern", "")), float(e.get("weight", 1)))
        for part, code in FIGURE_GROUPS.items()
        for e in rules.data.get("figure", {}).get(part, [])
    ]
    return pl.DataFrame(
        rows, schema={"group": pl.String, "pattern": pl.String, "weight": pl.Float64}, orient="row"
    )


def rules_with_table(rules: Rules, table: pl.DataFrame) -> dict[str, Any]:
    """The rule document with its patterns replaced by the table's rows (blank patterns dropped);
    decision settings and logbook mappings are kept. Validate with validate_rules."""
    data = json.loads(rules.to_json())
    labels: dict[str, list[dict[str, Any]]] = {g: [] for g in CONTENT_TYPES}
    figure: dict[str, list[dict[str, Any]]] = {part: [] for part in FIGURE_GROUPS}
    part_of = {code: part for part, code in FIGURE_GROUPS.items()}
    unknown = []
    for group, pattern, weight in table.select("group", "pattern", "weight").iter_rows():
        if pattern is None or not str(pattern).strip():
            continue
        entry = {"pattern": str(pattern).strip(), "weight": weight if weight is not None else 1}
        if isinstance(entry["weight"], float) and entry["weight"].is_integer():
            entry["weight"] = int(entry["weight"])
        if group in labels:
            labels[group].append(entry)
        elif group in part_of:
            figure[part_of[group]].append(entry)
        else:
            unknown.append(group)
    data["labels"] = labels
    data["figure"] = figure
    if unknown:
        # Reported by validate_rules like any other unknown label.
        for g in unknown:
            data["labels"].setdefault(str(g), [])
    return data


def validate_rules(data: dict[str, Any]) -> list[str]:
    """Problems in a rule document, in Bahasa Indonesia (empty list = valid)."""
    problems: list[str] = []
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return ["Bagian 'labels' tidak ada atau bukan objek."]
    for label, entries in labels.items():
        if label not in CONTENT_TYPES:
            problems.append(f"Label '{label}' tidak dikenal (pilihan: {', '.join(CONTENT_TYPES)}).")
            continue
        problems += _validate_entries(entries, f"labels.{label}")
    figure = data.get("figure", {})
    for part, entries in figure.items():
        if part not in FIGURE_PARTS:
            problems.append(f"Bagian figur '{part}' tidak dikenal.")
            continue
        problems += _validate_entries(entries, f"figure.{part}")
    context = data.get("decision", {}).get("context_only", {})
    if not isinstance(context, dict):
        problems.append("'decision.context_only' harus berupa objek label -> bobot.")
        return problems
    for label, weight in context.items():
        if label not in CONTENT_TYPES:
            problems.append(f"decision.context_only: label '{label}' tidak dikenal.")
        elif not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            problems.append(f"decision.context_only.{label}: bobot harus angka positif.")
    return problems


def pattern_problem(pattern: str) -> str | None:
    """Why a pattern cannot be saved (Bahasa Indonesia), or None when it can."""
    if nested_repetition(pattern):
        return (
            "pola berisiko macet: pengulangan di dalam pengulangan (misalnya (x+x+)+y atau "
            "(a*)*); tulis tanpa pengulangan bertingkat"
        )
    try:
        empty = pl.Series([""], dtype=pl.String)
        empty.str.contains(bounded(pattern))
        matches_empty = bool(empty.str.contains(f"^(?:{pattern})$")[0])
    except Exception as exc:  # noqa: BLE001 - the engine's own reason is shown to the analyst
        reason = " ".join(str(exc).split())[:160]
        return (
            "pola tidak sah untuk mesin pencocok waktu-linear (tanpa lookaround dan "
            f"backreference): {reason}"
        )
    if matches_empty:
        return "pola cocok dengan teks kosong"
    return None


def _validate_entries(entries: Any, where: str) -> list[str]:
    problems = []
    if not isinstance(entries, list):
        return [f"{where}: harus berupa daftar pola."]
    for i, entry in enumerate(entries, start=1):
        pattern = entry.get("pattern") if isinstance(entry, dict) else None
        weight = entry.get("weight", 1) if isinstance(entry, dict) else None
        if not isinstance(pattern, str) or not pattern.strip():
            problems.append(f"{where} baris {i}: pola kosong.")
            continue
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            problems.append(f"{where} baris {i} ('{pattern}'): bobot harus angka lebih dari 0.")
        problem = pattern_problem(pattern.strip())
        if problem:
            problems.append(f"{where} baris {i} ('{pattern}'): {problem}.")
    return problems
