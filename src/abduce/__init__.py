"""abduce: a language model's guesses, checked by programs.

>>> import abduce
>>> training = abduce.load_arc("training")
>>> len(training)
400
"""

from abduce.agent import Budget, Solution, Solver, solve
from abduce.tasks import Example, Task, TaskError, load_arc, load_task
from abduce.tools.registry import tool

__all__ = [
    "Budget",
    "Example",
    "Solution",
    "Solver",
    "Task",
    "TaskError",
    "load_arc",
    "load_task",
    "solve",
    "tool",
]
__version__ = "0.1.0"
