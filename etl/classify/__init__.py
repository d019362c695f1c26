"""Content labels (ucapan vs kinerja types) and the figure-centric flag.

Modules: vocab (codes and names), textnorm (caption text as matched), rules (rule sets and
their validation), matching (which rule phrases a caption contains), engine (the rules'
decision, and the model beside it), model (the learned model: scoring), model_features (its
tokens and matrices), model_fit (fitting it), combine (how rules and model make one label), training (training data, fitting),
model_store (model versions in the warehouse), logbook (the OPDs' own labels), store
(rule-set versions and labels in the warehouse), basis (what a stored label was computed
from, for carrying it over), overrides (analysts' corrections). This package re-exports the
public names so callers import from ``etl.classify``.
"""

from etl.classify.engine import classify_frame, classify_normalized, label_text
from etl.classify.logbook import map_logbook_label, map_logbook_series
from etl.classify.matching import _compile
from etl.classify.overrides import clear_override, set_override
from etl.classify.rules import (
    FIGURE_GROUPS,
    RULE_GROUPS,
    Rules,
    bounded,
    default_rules,
    nested_repetition,
    pattern_problem,
    rules_table,
    rules_with_table,
    validate_rules,
)
from etl.classify.store import (
    SHIPPED_BY,
    classify_posts,
    load_rules,
    save_rules,
    save_rules_and_relabel,
    seed_shipped_rules,
    upgrade_shipped_rules,
)
from etl.classify.textnorm import normalize_series, normalize_text
from etl.classify.vocab import (
    CONTENT_SOURCES,
    CONTENT_TYPES,
    FIGURE_PARTS,
    KINERJA_TYPES,
    NO_MATCH_REASON,
    RULES_FILE,
)

__all__ = [
    "CONTENT_SOURCES",
    "CONTENT_TYPES",
    "FIGURE_GROUPS",
    "FIGURE_PARTS",
    "KINERJA_TYPES",
    "NO_MATCH_REASON",
    "RULES_FILE",
    "RULE_GROUPS",
    "SHIPPED_BY",
    "Rules",
    "_compile",
    "bounded",
    "classify_frame",
    "classify_normalized",
    "classify_posts",
    "label_text",
    "clear_override",
    "default_rules",
    "load_rules",
    "map_logbook_label",
    "map_logbook_series",
    "nested_repetition",
    "normalize_series",
    "normalize_text",
    "pattern_problem",
    "rules_table",
    "rules_with_table",
    "save_rules",
    "save_rules_and_relabel",
    "seed_shipped_rules",
    "set_override",
    "upgrade_shipped_rules",
    "validate_rules",
]
