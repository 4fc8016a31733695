"""Graph algorithms with networkx on graphs given as lists of edges between named nodes.

A node is a string or an integer (1 and "1" are different nodes).
"""

from __future__ import annotations

from typing import Literal, NotRequired, overload

import networkx as nx

try:  # pydantic reads these hints outside the sandbox and needs this TypedDict before 3.12
    from typing_extensions import TypedDict
except ImportError:  # the sandbox has only the standard library's
    from typing import TypedDict

__all__ = [
    "shortest_path",
    "connected_components",
    "topological_sort",
    "find_cycle",
    "max_flow",
    "is_isomorphic",
    "minimum_spanning_tree",
]

Node = str | int


class Edge(TypedDict):
    """A graph edge; `weight` is its length (paths, spanning trees) or capacity (max flow)."""

    source: Node
    target: Node
    weight: NotRequired[float]


@overload
def _graph(edges: list[Edge], directed: Literal[True]) -> nx.DiGraph[Node]: ...
@overload
def _graph(edges: list[Edge], directed: bool) -> nx.Graph[Node]: ...
def _graph(edges: list[Edge], directed: bool) -> nx.Graph[Node]:
    """The graph of these edges, each weighing 1 unless it says otherwise."""
    graph: nx.Graph[Node] = nx.DiGraph() if directed else nx.Graph()
    for edge in edges:
        graph.add_edge(edge["source"], edge["target"], weight=edge.get("weight", 1))
    return graph


def _require(graph: nx.Graph[Node], *nodes: Node) -> None:
    """ValueError unless every node is in the graph."""
    for node in nodes:
        if node not in graph:
            raise ValueError(f"unknown node {node!r}: it is on no edge")


def shortest_path(
    edges: list[Edge], source: Node, target: Node, directed: bool = False
) -> dict[str, list[Node] | float]:
    """The shortest path from `source` to `target` by total weight, with its length."""
    graph = _graph(edges, directed)
    _require(graph, source, target)
    try:
        path = nx.shortest_path(graph, source, target, weight="weight")
    except nx.NetworkXNoPath:
        raise ValueError(f"there is no path from {source!r} to {target!r}") from None
    return {"path": path, "length": nx.path_weight(graph, path, "weight")}


def connected_components(edges: list[Edge]) -> list[list[Node]]:
    """The connected components of an undirected graph, largest first."""
    components = [sorted(nodes, key=str) for nodes in nx.connected_components(_graph(edges, False))]
    return sorted(components, key=lambda nodes: (-len(nodes), str(nodes[0])))


def topological_sort(edges: list[Edge]) -> list[Node]:
    """An order of a directed graph's nodes putting every edge's source before its target."""
    graph = _graph(edges, True)
    try:
        return list(nx.lexicographical_topological_sort(graph, key=str))
    except nx.NetworkXUnfeasible:
        cycle = " -> ".join(str(source) for source, _ in nx.find_cycle(graph))
        raise ValueError(f"the graph has a cycle, so no topological order: {cycle}") from None


def find_cycle(edges: list[Edge], directed: bool = True) -> list[Node]:
    """The nodes of one cycle of the graph, in order, or [] if it has none."""
    try:
        return [edge[0] for edge in nx.find_cycle(_graph(edges, directed))]
    except nx.NetworkXNoCycle:
        return []


def max_flow(
    edges: list[Edge], source: Node, sink: Node
) -> dict[str, float | list[dict[str, Node | float]]]:
    """The maximum flow from `source` to `sink` along directed edges; weights are capacities."""
    graph = _graph(edges, True)
    _require(graph, source, sink)
    value, flows = nx.maximum_flow(graph, source, sink, capacity="weight")
    used = [
        {"source": start, "target": end, "flow": flow}
        for start, ends in flows.items()
        for end, flow in ends.items()
        if flow > 0
    ]
    return {"value": value, "flows": used}


def is_isomorphic(first: list[Edge], second: list[Edge], directed: bool = False) -> bool:
    """Whether two graphs have the same shape, up to renaming nodes (weights are ignored)."""
    return nx.is_isomorphic(_graph(first, directed), _graph(second, directed))


def minimum_spanning_tree(edges: list[Edge]) -> dict[str, list[Edge] | float]:
    """A minimum-weight spanning tree (a forest if disconnected) of an undirected graph."""
    tree = nx.minimum_spanning_tree(_graph(edges, False), weight="weight")
    chosen = [
        Edge(source=start, target=end, weight=data["weight"])
        for start, end, data in tree.edges(data=True)
    ]
    return {"edges": chosen, "weight": sum(edge["weight"] for edge in chosen)}
