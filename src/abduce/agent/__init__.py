"""The loop: planner → synthesizer → verifier → feedback → selector, with LLMs via LangChain."""

from abduce.agent.channel import BudgetExhausted, ModelChannel
from abduce.agent.llm import describe_llm, make_llm
from abduce.agent.loop import Solver, solve
from abduce.agent.models import Budget, ExampleVerdict, Hypothesis, Program, Verdict
from abduce.agent.planner import LLMPlanner, Planner
from abduce.agent.selector import Selector, VoteSelector
from abduce.agent.solution import Solution
from abduce.agent.synthesizer import LLMSynthesizer, Synthesizer
from abduce.agent.trace import Trace
from abduce.agent.verifier import SandboxVerifier, Verifier
from abduce.errors import LLMSpecError

__all__ = [
    "Budget",
    "BudgetExhausted",
    "ExampleVerdict",
    "Hypothesis",
    "LLMPlanner",
    "LLMSpecError",
    "LLMSynthesizer",
    "ModelChannel",
    "Planner",
    "Program",
    "SandboxVerifier",
    "Selector",
    "Solution",
    "Solver",
    "Synthesizer",
    "Trace",
    "Verdict",
    "Verifier",
    "VoteSelector",
    "describe_llm",
    "make_llm",
    "solve",
]
