"""Tests for the networkx tools, on small literal edge lists."""

from __future__ import annotations

import pytest

from abduce.programs.symbolic import graphs as g


def edges(*triples: tuple) -> list[g.Edge]:
    """Edges from (source, target) or (source, target, weight) tuples."""
    return [dict(zip(("source", "target", "weight"), triple, strict=False)) for triple in triples]


ROADS = edges(("A", "B", 1), ("B", "C", 2), ("A", "C", 5), ("C", "D", 1))
TRIANGLE = edges((1, 2), (2, 3), (3, 1))
DRESSING = edges(("shirt", "tie"), ("tie", "jacket"), ("shirt", "belt"), ("belt", "jacket"))
FLOW = edges(("s", "a", 3), ("s", "b", 2), ("a", "b", 1), ("a", "t", 2), ("b", "t", 3))


@pytest.mark.parametrize(
    ("source", "target", "directed", "expected"),
    [
        ("A", "D", False, {"path": ["A", "B", "C", "D"], "length": 4}),
        ("D", "A", False, {"path": ["D", "C", "B", "A"], "length": 4}),
        ("A", "C", True, {"path": ["A", "B", "C"], "length": 3}),
        ("B", "B", False, {"path": ["B"], "length": 0}),
    ],
)
def test_shortest_path(source: str, target: str, directed: bool, expected: dict) -> None:
    assert g.shortest_path(ROADS, source, target, directed) == expected


def test_shortest_path_counts_unweighted_edges_as_one() -> None:
    assert g.shortest_path(TRIANGLE, 1, 3) == {"path": [1, 3], "length": 1}


@pytest.mark.parametrize(
    ("source", "target", "directed", "message"),
    [
        ("D", "A", True, "no path from 'D' to 'A'"),
        ("Z", "A", False, "unknown node 'Z'"),
        ("A", "1", False, "unknown node '1'"),
    ],
)
def test_shortest_path_errors(source: str, target: str, directed: bool, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        g.shortest_path(ROADS, source, target, directed)


def test_connected_components() -> None:
    graph = edges((1, 2), (3, 4), (4, 5), ("b", "a"), (6, 6))
    assert g.connected_components(graph) == [[3, 4, 5], [1, 2], ["a", "b"], [6]]


def test_topological_sort() -> None:
    assert g.topological_sort(DRESSING) == ["shirt", "belt", "tie", "jacket"]


def test_topological_sort_of_a_cycle() -> None:
    with pytest.raises(ValueError, match="cycle.*1 -> 2 -> 3"):
        g.topological_sort(TRIANGLE)


@pytest.mark.parametrize(
    ("graph", "directed", "expected"),
    [
        (TRIANGLE, True, [1, 2, 3]),
        (ROADS, True, []),
        (ROADS, False, ["A", "B", "C"]),
        (edges((7, 7)), True, [7]),
    ],
)
def test_find_cycle(graph: list[g.Edge], directed: bool, expected: list) -> None:
    assert g.find_cycle(graph, directed) == expected


def test_max_flow() -> None:
    assert g.max_flow(FLOW, "s", "t") == {
        "value": 5,
        "flows": [
            {"source": "s", "target": "a", "flow": 3},
            {"source": "s", "target": "b", "flow": 2},
            {"source": "a", "target": "b", "flow": 1},
            {"source": "a", "target": "t", "flow": 2},
            {"source": "b", "target": "t", "flow": 3},
        ],
    }


def test_max_flow_unknown_node() -> None:
    with pytest.raises(ValueError, match="unknown node 'x'"):
        g.max_flow(FLOW, "s", "x")


@pytest.mark.parametrize(
    ("first", "second", "directed", "expected"),
    [
        (edges((1, 2), (2, 3)), edges(("a", "c"), ("c", "b")), False, True),
        (edges((1, 2), (2, 3)), edges(("a", "b"), ("c", "b")), True, False),
        (TRIANGLE, edges((1, 2), (2, 3), (3, 4)), False, False),
    ],
)
def test_is_isomorphic(
    first: list[g.Edge], second: list[g.Edge], directed: bool, expected: bool
) -> None:
    assert g.is_isomorphic(first, second, directed) is expected


def test_minimum_spanning_tree() -> None:
    assert g.minimum_spanning_tree(ROADS) == {
        "edges": [
            {"source": "A", "target": "B", "weight": 1},
            {"source": "B", "target": "C", "weight": 2},
            {"source": "C", "target": "D", "weight": 1},
        ],
        "weight": 4,
    }
