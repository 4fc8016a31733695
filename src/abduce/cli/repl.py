"""`abduce chat`: questions answered by checked programs, at a prompt with history."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.history import FileHistory
from rich.console import Console
from rich.markdown import Markdown
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from abduce.agent import Solver, describe_llm
from abduce.agent.answer import Agent, Answer
from abduce.cli.render import grid_text, hint_view, solution_view, task_view
from abduce.errors import AbduceError, LLMSpecError
from abduce.settings import Settings
from abduce.tasks import Task, is_grid, load_arc
from abduce.tools import all_tools, registry

LAST = "last.json"


class Repl:
    """The chat loop: one method per slash command, the conversation, the last answer's events."""

    def __init__(
        self, settings: Settings, *, verbose: bool, seed: int, use_cache: bool, console: Console
    ) -> None:
        self.settings = settings
        self.verbose = verbose
        self.seed = seed
        self.use_cache = use_cache
        self.console = console
        self.agent: Agent | None = None
        self.answers: list[Answer] = []
        self.events: list[tuple[str, str]] = []  # the last answer's (event, text)
        self.done = False
        self.task: Task | None = None  # the task the last /arc showed
        self.commands: dict[str, Callable[[str], None]] = {
            "/help": self.help,
            "/tools": self.tools,
            "/model": self.model,
            "/trace": self.trace,
            "/save": self.save,
            "/load": self.load,
            "/reset": self.reset,
            "/verbose": self.toggle_verbose,
            "/arc": self.arc,
            "/hint": self.hint,
            "/exit": self.exit,
        }

    def run(self, resume: bool) -> None:
        """Read lines until /exit or Ctrl-D; Ctrl-C at the prompt clears the line."""
        if resume:
            self.resume()
        self.settings.history_file.parent.mkdir(parents=True, exist_ok=True)
        session: PromptSession[str] = PromptSession(history=FileHistory(self.settings.history_file))
        self._say("Ask a question, or /help for commands.", "dim")
        while not self.done:
            try:
                line = session.prompt("> ").strip()
            except KeyboardInterrupt:
                continue
            except EOFError:
                return
            if line.startswith("/"):
                self.command(line)
            elif line:
                self.ask(line)

    def command(self, line: str) -> None:
        """Run a slash command with the rest of the line as its argument."""
        name, _, argument = line.partition(" ")
        method = self.commands.get(name.lower())
        if method is None:
            self._say(f"unknown command {name}; /help lists the commands", "yellow")
            return
        method(argument.strip())

    def ask(self, question: str) -> None:
        """Answer with the agent, streaming its steps; Ctrl-C abandons this answer only."""
        self.events = []
        try:
            agent = self._agent()
            if agent is None:
                return
            agent.history = [(answer.question, answer.text) for answer in self.answers]
            with self.console.status("thinking…"):
                answer = agent.ask(question, self._on_event)
        except KeyboardInterrupt:
            self._say("interrupted", "yellow")
            return
        except AbduceError as error:  # e.g. the model's server is unreachable: keep the session
            self._say(f"error: {error}", "red")
            return
        self.answers.append(answer)
        self._show_answer(answer)
        self._write(self.settings.conversations_dir / LAST)

    def help(self, argument: str) -> None:
        """List the commands."""
        for name, method in self.commands.items():
            self.console.print(Text.assemble((f"  {name:<9} ", "bold"), method.__doc__ or ""))

    def tools(self, argument: str) -> None:
        """The tools programs may call, and plugins that failed to load."""
        table = Table("tool", "description", box=None)
        for tool in all_tools():
            table.add_row(Text(tool.name, style="bold"), Text(tool.description))
        self.console.print(table)
        for plugin, error in registry.errors.items():
            self._say(f"plugin {plugin} failed to load: {error}", "red")

    def model(self, argument: str) -> None:
        """The LLM in use."""
        table = Table(show_header=False, box=None)
        for key, value in describe_llm(self.settings.llm).items():
            table.add_row(Text(key, style="bold"), Text(value))
        self.console.print(table)

    def trace(self, argument: str) -> None:
        """The last answer's approach, programs and checks."""
        if not self.events:
            self._say("nothing to trace yet: ask a question first")
        for event, text in self.events:
            if event == "program":
                self.console.print(Syntax(text, "python", theme="ansi_dark"))
            else:
                self.console.print(Text.assemble((f"{event}: ", "bold"), text))

    def save(self, argument: str) -> None:
        """Save the conversation as JSON (/save [file])."""
        stamp = f"{datetime.now():%Y-%m-%d-%H%M%S}.json"
        path = Path(argument).expanduser() if argument else self.settings.conversations_dir / stamp
        try:
            self._write(path)
        except OSError as error:
            self._say(f"could not save to {path}: {error.strerror}", "red")
            return
        self._say(f"saved {_count(len(self.answers), 'turn')} to {path}")

    def load(self, argument: str) -> None:
        """Continue a saved conversation (/load <file>)."""
        if not argument:
            self._say("usage: /load <file>", "yellow")
            return
        path = Path(argument).expanduser()
        if not path.exists() and (self.settings.conversations_dir / argument).exists():
            path = self.settings.conversations_dir / argument
        self._read(path)

    def reset(self, argument: str) -> None:
        """Start a new conversation."""
        self.answers.clear()
        self.events.clear()
        self._write(self.settings.conversations_dir / LAST)
        self._say("conversation cleared")

    def toggle_verbose(self, argument: str) -> None:
        """Show or hide the programs as they are written."""
        self.verbose = not self.verbose
        self._say(f"programs {'shown' if self.verbose else 'hidden'}")

    def arc(self, argument: str) -> None:
        """Solve an ARC-AGI-1 task with the DSL search and show it (/arc <task_id>)."""
        task = _arc_task(argument)
        if task is None:
            self._say(f"no ARC-AGI-1 training or evaluation task {argument!r}", "red")
            return
        self.task = task
        self.console.print(task_view(task))
        self._search(task, Solver(planner="search"))

    def hint(self, argument: str) -> None:
        """Search the task shown by /arc again, steered by your words (/hint <words>)."""
        if self.task is None or not argument.strip():
            self._say("show a task with /arc <task_id> first, then /hint <your idea of the rule>")
            return
        solver = Solver(planner="search", hint=argument)
        if self._search(self.task, solver) and solver.search and solver.search.hint:
            self.console.print(hint_view(solver.search.hint))

    def _search(self, task: Task, solver: Solver) -> bool:
        """Solve `task` with the search and show the answer; False if interrupted."""
        try:
            with self.console.status(f"searching for a program for {task.id}…"):
                solution = solver.solve(task)
        except KeyboardInterrupt:
            self._say("interrupted", "yellow")
            return False
        self.console.print(solution_view(task, solution))
        return True

    def exit(self, argument: str) -> None:
        """Leave (Ctrl-D does too)."""
        self.done = True

    def resume(self) -> None:
        """Continue the conversation autosaved after the last answer."""
        path = self.settings.conversations_dir / LAST
        if not path.is_file():
            self._say("nothing to continue: starting a new conversation")
            return
        self._read(path)

    def _agent(self) -> Agent | None:
        """The agent, its model loaded on first use; None (and one line) if it cannot be."""
        if self.agent is None:
            try:
                with self.console.status("loading the model…"):
                    self.agent = Agent(
                        self.settings.llm,
                        rounds=self.settings.rounds,
                        max_seconds=self.settings.max_seconds,
                        seed=self.seed,
                        use_cache=self.use_cache,
                    )
            except LLMSpecError as error:
                self._say(f"error: {error}", "red")
        return self.agent

    def _on_event(self, event: str, text: str) -> None:
        """Print each step of an answer as it happens; keep it for /trace (words are shown
        with the answer)."""
        self.events.append((event, text))
        if event == "approach":
            self.console.print(Text.assemble(("hypothesis: ", "bold"), text))
        elif event == "program" and self.verbose:
            self.console.print(Syntax(text, "python", theme="ansi_dark"))
        elif event == "program":
            self._say(f"program written ({len(text.splitlines())} lines)", "dim")
        elif event == "derivation" and self.verbose:
            self.console.print(text, highlight=False, markup=False)
        elif event == "check":
            self._say(f"check: {text}", "dim")

    def _show_answer(self, answer: Answer) -> None:
        if not answer.computed:
            self.console.print(Markdown(answer.text))
            self._say(answer.mark, "dim")
            return
        if is_grid(answer.value):
            self.console.print(grid_text(answer.value))
        else:
            self._say(answer.text, "bold")
        self._say(answer.mark, "green" if answer.verified else "yellow")
        self._say(
            f"{_count(answer.programs, 'program')}, {answer.llm_calls} LLM calls, "
            f"{answer.tokens_in} tokens in, {answer.tokens_out} out, {answer.seconds:.1f} s",
            "dim",
        )

    def _write(self, path: Path) -> None:
        """Save the conversation: the LLM spec and every answer."""
        path.parent.mkdir(parents=True, exist_ok=True)
        answers = [answer.model_dump(mode="json") for answer in self.answers]
        saved = {"llm": self.settings.llm, "answers": answers}
        path.write_text(json.dumps(saved, indent=2, ensure_ascii=False), encoding="utf-8")

    def _read(self, path: Path) -> None:
        """Replace the conversation with a saved one; a bad file prints one line."""
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            answers = [Answer.model_validate(answer) for answer in saved["answers"]]
        except OSError as error:
            self._say(f"could not load {path}: {error.strerror}", "red")
            return
        except (ValueError, KeyError, TypeError):  # bad JSON or not our layout
            self._say(f"could not load {path}: not a saved conversation", "red")
            return
        self.answers = answers
        self.events = []
        self._say(f"restored {_count(len(answers), 'turn')} from {path}")

    def _say(self, line: str, style: str = "") -> None:
        """Print one line as it is: no markup, no highlighting."""
        self.console.print(Text(line, style=style))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _arc_task(task_id: str) -> Task | None:
    """The ARC-AGI-1 task with this id, from the training or the evaluation split."""
    for split in ("training", "evaluation"):
        task = load_arc(split).get(task_id)
        if task is not None:
            return task
    return None


def run_repl(
    settings: Settings,
    *,
    resume: bool = False,
    verbose: bool = False,
    seed: int = 0,
    use_cache: bool = True,
) -> None:
    """Run `abduce chat` until /exit or Ctrl-D; `resume` continues the last conversation."""
    repl = Repl(settings, verbose=verbose, seed=seed, use_cache=use_cache, console=Console())
    repl.run(resume)
