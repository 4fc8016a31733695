"""A library file is run in this process (its functions join the search), so anything in it
but DSL calls on the parameters and plain literals must be refused before it runs."""

import json

import pytest

from abduce.programs.library import load_library, shipped_library
from abduce.programs.library.functions import LibraryError

GOOD = {"name": "trim_then_flip", "params": [["x0", "Grid"]], "returns": "Grid",
        "body": "flip_up_down(trim(x0))", "phrase": "Crop, then flip.", "uses": 2,
        "tasks": ["a", "b"]}  # fmt: skip
MARK = "MARKER"  # replaced by a path no attack may create

ATTACKS = [
    ("an import in the body", {"body": f"__import__('os').mkdir('{MARK}')"}),
    ("a builtin called", {"body": f"open('{MARK}', 'w')"}),
    ("an attribute reached", {"body": "x0.__class__.__base__"}),
    ("a lambda", {"body": "(lambda: 1)()"}),
    ("a keyword argument", {"body": "trim(x0, color=2)"}),
    ("a name outside the DSL", {"body": "flip_up_down(grid)"}),
    ("a walrus", {"body": "(y := trim(x0))"}),
    ("a statement for a body", {"body": f"1\nimport os; os.mkdir('{MARK}')"}),
    ("code in the name", {"name": f"f(): pass\nimport os; os.mkdir('{MARK}')\ndef g"}),
    ("code in a parameter", {"params": [["x0=__import__('os')", "Grid"]]}),
    ("code in a type", {"params": [["x0", "Grid = __import__('os')"]]}),
    ("code in the return type", {"returns": "__import__('os').getcwd()"}),
    ("a DSL name taken over", {"name": "trim"}),
    ("a parameter twice", {"params": [["x0", "Grid"], ["x0", "Grid"]]}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_library_with_more_than_dsl_calls_is_refused_before_it_runs(tmp_path, name, change):
    marker = tmp_path / "marker"
    function = json.loads(json.dumps({**GOOD, **change}).replace(MARK, str(marker)))
    library = {"version": 1, "programs": 2, "tasks": 2, "cost_before": 9, "cost_after": 7,
               "functions": [function]}  # fmt: skip
    path = tmp_path / "library.json"
    path.write_text(json.dumps(library))
    with pytest.raises(LibraryError) as refused:
        load_library(path).module()
    assert "\n" not in str(refused.value) and not marker.exists()


def test_a_phrase_cannot_break_out_of_its_docstring(tmp_path):
    marker = tmp_path / "marker"
    phrase = f'Crop."""\nimport os; os.mkdir("{marker}")\n"""'
    library = {"version": 1, "programs": 2, "tasks": 2, "cost_before": 9, "cost_after": 7,
               "functions": [{**GOOD, "phrase": phrase}]}  # fmt: skip
    path = tmp_path / "library.json"
    path.write_text(json.dumps(library))
    module = load_library(path).module()
    assert module.trim_then_flip.__doc__ == phrase and not marker.exists()
    assert shipped_library().module()  # the shipped library passes the same checks
