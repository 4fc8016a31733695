import json
from pathlib import Path

import pytest

from abduce.tasks import (
    ArcDomain,
    Task,
    TaskError,
    TaskFormatError,
    TaskNotFoundError,
    find_arc_task,
    load_any,
    load_arc,
    load_task,
)

GOOD = {"train": [{"input": [[1, 0]], "output": [[0, 1]]}], "test": [{"input": [[2, 0]]}]}


def write(tmp_path: Path, content: object, name: str = "task.json") -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def test_arc_agi_1_splits_have_400_tasks_each():
    training = load_arc("training")
    assert len(training) == 400
    assert len(load_arc("evaluation")) == 400
    task = training["007bbfb7"]
    assert isinstance(task, Task)
    assert len(task.train) == 5
    assert task.test[0].output is not None


def test_arc_agi_2_loads():
    assert len(load_arc("evaluation", version="arc-agi-2")) == 120


def test_find_by_id_searches_every_split():
    assert find_arc_task("00576224").id == "00576224"


def test_load_task_file_and_directory(tmp_path):
    task = load_task(write(tmp_path, GOOD, "abc.json"))
    assert task.id == "abc"
    assert task.train[0].output == [[0, 1]]
    assert task.test[0].output is None
    write(tmp_path, GOOD, "def.json")
    assert [t.id for t in load_task(tmp_path)] == ["abc", "def"]


def test_load_any_takes_an_id_a_file_a_directory_or_a_list_file(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder, GOOD, "abc.json")
    write(folder, GOOD, "def.json")
    write(tmp_path, GOOD, "ghi.json")
    listing = write(tmp_path, "# my tasks\nghi.json\n\n007bbfb7  # an ARC id\nmine\n", "list.txt")
    assert [t.id for t in load_any("00576224")] == ["00576224"]
    assert [t.id for t in load_any(str(folder / "abc.json"))] == ["abc"]
    assert [t.id for t in load_any(str(folder))] == ["abc", "def"]
    assert [t.id for t in load_any(str(listing))] == ["ghi", "007bbfb7", "abc", "def"]


@pytest.mark.parametrize(("listing", "error", "words"), [
    ("007bbfb7\nffffffff\n", TaskNotFoundError, "ffffffff: no ARC task with this id"),
    ("missing.json\n", TaskNotFoundError, "missing.json: no such file"),
    (b"\xff\xfe\x00", TaskFormatError, "list.txt: not a text file listing tasks"),
])  # fmt: skip
def test_a_bad_list_file_names_the_bad_entry(tmp_path, listing, error, words):
    path = tmp_path / "list.txt"
    if isinstance(listing, bytes):
        path.write_bytes(listing)
    else:
        path.write_text(listing)
    with pytest.raises(error, match=words):
        load_any(str(path))


BAD_INPUTS = [
    ("{not json", TaskFormatError, "not valid JSON"),
    ([1, 2], TaskFormatError, "JSON object"),
    ({"test": GOOD["test"]}, TaskFormatError, "missing 'train'"),
    ({"train": GOOD["train"]}, TaskFormatError, "missing 'test'"),
    ({**GOOD, "train": []}, TaskFormatError, "at least one example"),
    ({**GOOD, "test": [{"input": [[1, 2], [3]]}]}, TaskFormatError, "not rectangular"),
    ({**GOOD, "test": [{"input": []}]}, TaskFormatError, "non-empty"),
    ({**GOOD, "test": [{"input": [[]]}]}, TaskFormatError, "non-empty"),
    ({**GOOD, "test": [{"input": [[1, 10]]}]}, TaskFormatError, "0-9"),
    ({**GOOD, "test": [{"input": [[1, -1]]}]}, TaskFormatError, "0-9"),
    ({**GOOD, "test": [{"input": [[1, "2"]]}]}, TaskFormatError, "0-9"),
    ({**GOOD, "test": [{"input": [[1.5]]}]}, TaskFormatError, "0-9"),
    ({**GOOD, "test": [{"output": [[1]]}]}, TaskFormatError, "input"),
]


@pytest.mark.parametrize(("content", "error", "words"), BAD_INPUTS)
def test_bad_task_files_raise_one_line_task_errors(tmp_path, content, error, words):
    path = write(tmp_path, content)
    with pytest.raises(error) as caught:
        load_task(path)
    message = str(caught.value)
    assert isinstance(caught.value, TaskError)
    assert words in message
    assert str(path) in message
    assert "\n" not in message


@pytest.mark.parametrize("call", [
    lambda: find_arc_task("ffffffff"),
    lambda: load_arc("validation"),
    lambda: load_arc("training", version="arc-agi-9"),
    lambda: load_task("/no/such/file.json"),
])  # fmt: skip
def test_unknown_names_raise_not_found(call):
    with pytest.raises(TaskNotFoundError):
        call()


def test_arc_domain_diff_names_cells_and_caps_length():
    domain = ArcDomain()
    assert domain.describe_difference([[1, 2]], [[1, 2], [3, 4]]).startswith("wrong shape")
    text = domain.describe_difference([[1, 2], [3, 4]], [[1, 0], [3, 4]])
    assert text == "1 cells differ: row 0, col 1: expected 2, got 0"
    many = domain.describe_difference([[0] * 20], [[1] * 20])
    assert "and 12 more" in many
    assert domain.score([[1, 2]], [[1, 0]]) == 0.5
    assert domain.score([[1, 2]], [[1, 2], [1, 2]]) == 0.0
