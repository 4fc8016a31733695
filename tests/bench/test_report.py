import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from abduce.bench.html import PALETTE, grid_svg, nice_ticks
from abduce.bench.report import render_report
from abduce.cli.app import app
from tests.bench.report_data import (
    PAYLOAD,
    SAMPLE,
    hostile_line,
    llm_line,
    old_lines,
    sample_lines,
)


class Page(HTMLParser):
    """Every tag of a document, and each grid's caption and colours."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.grids: list[tuple[str, set[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "svg" and attrs.get("class") == "grid":
            self.grids.append((attrs["aria-label"], set()))
        elif tag == "path" and attrs.get("fill", "none") != "none" and self.grids:
            self.grids[-1][1].add(attrs["fill"])

    def grid(self, caption: str, nth: int = 0) -> set[str]:
        return [colors for label, colors in self.grids if label == caption][nth]


def colors(*values: int) -> set[str]:
    return {PALETTE[value] for value in values}


def test_a_grid_is_a_path_per_color_over_runs_of_cells():
    svg = grid_svg([[0, 1, 1], [2, 9, 9]], "train 1 input")
    assert 'class="grid"' in svg and 'width="54" height="36"' in svg
    assert f'<path fill="{PALETTE[1]}" d="M1 0h2v1h-2z"/>' in svg
    assert f'<path fill="{PALETTE[9]}" d="M1 1h2v1h-2z"/>' in svg
    assert Page(svg).grids == [("train 1 input", colors(0, 1, 2, 9))]


def test_every_pair_test_input_attempt_and_expected_output_is_drawn_in_its_colors():
    lines = sample_lines()
    page = Page(render_report(lines, title="sample"))
    captions = [label for label, _ in page.grids]
    trains = {line.task_id: len(line.task.train) for line in lines}
    assert len(captions) == sum(
        2 * count + 3 for count in trains.values()
    )  # + input, attempt, expected
    assert captions[:4] == ["train 1 input", "train 1 output", "train 2 input", "train 2 output"]
    assert page.grid("train 1 input") == colors(0, 7)  # 007bbfb7 sorts first
    assert page.grid("train 1 output", nth=1) == colors(0, 3, 4)  # 00d62c1b
    assert page.grid("train 1 output", nth=2) == colors(0, 9, 3)  # its copy: 3→9, 4→3
    assert all(fills <= set(PALETTE) for _, fills in page.grids)


def test_attempts_are_marked_right_or_wrong():
    html = render_report(sample_lines(), title="sample")
    assert html.count('attempt 1 <b class="ok">✓</b>') == 2
    assert html.count('attempt 1 <b class="bad">✗</b>') == 1


def test_model_written_text_is_shown_as_text_never_as_markup():
    html = render_report(
        [hostile_line()], title=PAYLOAD, compare=[llm_line()], compare_title=PAYLOAD
    )
    page = Page(html)
    assert not [tag for tag, _ in page.tags if tag in ("script", "img")]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert (
        html.count("&lt;/script&gt;&lt;script&gt;alert(1)") >= 5
    )  # title, hypothesis, error, trace
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_the_failing_train_pair_shows_the_programs_output_and_error():
    page_html = render_report([hostile_line()], title="t")
    assert Page(page_html).grid("program output") == colors(1, 2, 3, 4)
    assert '<li class="bad">✗ train 1 · score 1.00 <code>&lt;/script&gt;' in page_html


def test_the_trace_is_a_tree_of_hypotheses_programs_and_verdicts():
    html = render_report([llm_line()], title="llm")
    tree = html[html.index('<ul class="tree">') :]
    assert "Trace: 1 hypothesis, 3 programs" in html
    assert "hypothesis <b>h1</b>: mirror each row" in tree
    assert tree.index("<b>p1</b>") < tree.index("<b>p2</b>") < tree.index("<b>p3</b>")
    assert "revised from p1" in tree and "revised from p2" in tree
    assert tree.count("verdict: failed") == 2 and tree.count("verdict: passed, accuracy 100%") == 1
    assert '<span class="k">def</span>' in html  # the program, highlighted


def test_robustness_table_only_with_remapped_lines_and_it_lists_flips():
    lines = sample_lines()
    assert "Γ'" not in render_report(lines[:2], title="originals")
    lines[2].solved = False
    html = render_report(lines, title="remapped")
    assert (
        "<td>colours</td><td>1</td><td>1</td><td>100.0%</td><td>0.0%</td><td>+100.0%</td><td>1</td>"
        in html
    )
    assert 'solved, but not under <a href="#task-00d62c1b@colours-1">colours-1</a>' in html
    assert "<td>original</td><td>2</td><td>1</td>" in html  # the summary by remapping


def test_compare_lists_tasks_gained_and_lost_by_task_id():
    new, old = old_lines(4), old_lines(4)
    for line, solved in zip(new, [True, False, True, False], strict=True):
        line.solved = solved
    for line, solved in zip(old, [False, True, True, False], strict=True):
        line.solved = solved
    html = render_report(new, title="new.jsonl", compare=old[:3], compare_title="old.jsonl")
    gained = re.search(r'<ul class="ids gained">(.*?)</ul>', html)[1]
    lost = re.search(r'<ul class="ids lost">(.*?)</ul>', html)[1]
    assert re.findall(r">(\w+)</a>", gained) == [new[0].task_id]
    assert re.findall(r">(\w+)</a>", lost) == [new[1].task_id]
    assert "3 tasks in both files; 1 only in new.jsonl, 0 only in old.jsonl." in html
    assert "new.jsonl: solved" in html and "old.jsonl: solved" in html  # both curves in the plots


def test_old_files_without_tasks_or_traces_still_draw_the_arc_grids():
    own_task = {"task_id": "my-own-task", "source_id": "my-own-task"}
    lines = old_lines(3) + [old_lines(1)[0].model_copy(update=own_task)]
    page = Page(html := render_report(lines, title="old"))
    assert "seconds, summed over tasks" in html and "Trace:" not in html
    assert len(page.grids) > 20 and page.grid("train 1 input") == colors(0, 7)  # 007bbfb7
    own = html[html.index('id="task-my-own-task"') :]
    assert own.count('class="grid"') == 1  # only the attempt: the task itself is unknown


def test_plots_have_axes_ticks_and_labels():
    html = render_report(sample_lines(), title="sample")
    assert html.count('<svg class="plot"') == 2
    for label in ("wall seconds since the run started", "seconds per task", "tasks solved"):
        assert f">{label}</text>" in html
    assert nice_ticks(3, whole=True) == [0, 1, 2, 3]


def test_report_command_writes_the_page(tmp_path):
    out = tmp_path / "out" / "report.html"
    args = ["report", str(SAMPLE), "-o", str(out), "--compare", str(SAMPLE)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 3 tasks, 2 solved, compared with 3 in {SAMPLE}\n"
    assert out.read_text().startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such results file"),
        ("", "no result lines in it"),
        ('{"task_id": "x"}\n', "line 1 is not a result line (solved: Field required)"),
    ],
)
def test_report_on_a_missing_or_empty_file_is_a_one_line_error(tmp_path, content, words):
    results = tmp_path / "results.jsonl"
    if content is not None:
        results.write_text(content)
    command = [
        sys.executable,
        "-m",
        "abduce",
        "report",
        str(results),
        "-o",
        str(tmp_path / "r.html"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr == f"abduce: error: {results}: {words}\n"
    assert not (tmp_path / "r.html").exists()
