import gzip
import json

from abduce.programs.search.corpus import (
    ARC_SOURCE,
    FAMILY_SOURCE,
    from_families,
    from_results,
    load_corpus,
    primitives_used,
    write_corpus,
)
from abduce.tasks.generate import FAMILIES

PROGRAM = "from dsl import *\n\n\ndef transform(grid):\n    x1 = rotate_90(trim(Grid(grid)))\n    x2 = apply_color_map(x1, ((1, 2),))\n    return x2.to_list()"


def test_primitives_used_are_the_dsl_calls_once_each():
    assert primitives_used(PROGRAM) == ["apply_color_map", "rotate_90", "trim"]
    assert primitives_used("def transform(grid):\n    return sorted(grid)") == []


def test_solved_results_become_entries_of_their_source_task(tmp_path):
    rows = [
        {"task_id": "aa", "solved": True, "program": PROGRAM},
        {"task_id": "aa@colours-1", "source_id": "aa", "solved": True, "program": PROGRAM},
        {"task_id": "bb", "solved": False, "program": PROGRAM},
        {"task_id": "cc", "solved": True, "program": None},
    ]
    path = tmp_path / "results.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)
    entries = from_results([path])
    assert [(e.task, e.source, e.primitives) for e in entries] == [
        ("aa", ARC_SOURCE, ("apply_color_map", "rotate_90", "trim"))
    ]


def test_every_family_is_an_entry_and_the_corpus_round_trips(tmp_path):
    entries = from_families()
    assert {e.task for e in entries} == set(FAMILIES)
    assert all(e.source == FAMILY_SOURCE and e.primitives for e in entries)
    write_corpus(entries, tmp_path / "corpus.jsonl")
    assert load_corpus(tmp_path / "corpus.jsonl") == entries


def test_the_shipped_corpus_names_arc_tasks_and_families():
    entries = load_corpus()
    assert {e.source for e in entries} == {ARC_SOURCE, FAMILY_SOURCE}
    assert all("@" not in e.task for e in entries)
