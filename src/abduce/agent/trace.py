"""The record of a run: task → hypotheses → programs → verdicts, as a networkx graph."""

from __future__ import annotations

import json
from typing import Annotated, Any

import networkx as nx
from pydantic import BeforeValidator, PlainSerializer

from abduce.agent.models import Hypothesis, Judged, Program, Steering


class Trace:
    """Every node and edge of one solve; programs point back to the program they revised."""

    def __init__(self, task_id: str) -> None:
        self.graph: nx.DiGraph[str] = nx.DiGraph()
        self.root = f"task:{task_id}"
        self.graph.add_node(self.root, kind="task", task_id=task_id)

    def add_hypothesis(self, hypothesis: Hypothesis, steered_by: str | None = None) -> None:
        self.graph.add_node(hypothesis.id, kind="hypothesis", text=hypothesis.text)
        self.graph.add_edge(self.root, hypothesis.id, relation="proposed")
        if steered_by:
            self.graph.add_edge(steered_by, hypothesis.id, relation="steered")

    def add_steering(self, steering: Steering) -> str:
        """A search's prior and what it came from; returns its node."""
        node = f"steering:{len(self.nodes('steering')) + 1}"
        self.graph.add_node(node, kind="steering", **steering.model_dump())
        self.graph.add_edge(self.root, node, relation="searched-with")
        return node

    def add_ranks(self, program_id: str, ranks: dict[str, dict[str, int]]) -> None:
        """Where the program's primitives ranked (1 = likeliest) under each named prior."""
        self.graph.nodes[program_id]["ranks"] = ranks

    def add_program(self, program: Program) -> None:
        self.graph.add_node(program.id, kind="program", source=program.source)
        self.graph.add_edge(program.hypothesis_id, program.id, relation="implemented-by")
        if program.revised_from:
            self.graph.add_edge(program.id, program.revised_from, relation="revised-from")

    def add_verdict(self, verdict: Judged) -> None:
        node = f"verdict:{verdict.program_id}"
        self.graph.add_node(
            node, kind="verdict", passed=verdict.passed, accuracy=round(verdict.accuracy, 4)
        )
        self.graph.add_edge(verdict.program_id, node, relation="verified")

    def nodes(self, kind: str) -> list[str]:
        """Node ids of one kind ('hypothesis', 'program', 'verdict'), in insertion order."""
        return [node for node, data in self.graph.nodes(data=True) if data["kind"] == kind]

    def to_dict(self) -> dict[str, Any]:
        """Node-link data, ready for JSON."""
        return nx.node_link_data(self.graph, edges="edges")

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trace:
        trace = cls.__new__(cls)
        trace.graph = nx.DiGraph(nx.node_link_graph(data, edges="edges"))
        trace.root = next(n for n, d in trace.graph.nodes(data=True) if d["kind"] == "task")
        return trace


def _from_data(value: object) -> object:
    return Trace.from_dict(value) if isinstance(value, dict) else value


# A Trace as a pydantic field: node-link data in JSON, a Trace in Python.
TraceField = Annotated[Trace, BeforeValidator(_from_data), PlainSerializer(Trace.to_dict)]
