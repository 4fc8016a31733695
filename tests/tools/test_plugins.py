"""A third-party tool plugin, found through its entry point like an installed package's.

The plugin is a package plus a hand-written `*.dist-info` directory (importlib.metadata finds
entry points in any dist-info on sys.path), put on PYTHONPATH for subprocesses, so this test
process's registry never sees it. The two subprocesses start together, to keep the module fast.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from abduce.tools import ToolError, find_tool

GCD_PLUGIN = '''\
import math
from abduce import tool

@tool(name="gcd.many")
def gcd_many(values: list[int]) -> int:
    """Greatest common divisor of several integers."""
    return math.gcd(*values)
'''

BROKEN_PLUGIN = '''\
import not_installed_xyz
from abduce import tool

@tool(name="broken.tool")
def broken(x: int) -> int:
    """Never registered: the import above fails."""
    return x
'''

# One interpreter with both plugins: what loaded, what failed, and a sandboxed call.
PROBE = """
import json
import abduce.tools as t

names = [x.name for x in t.all_tools()]
gcd = t.find_tool("gcd.many")
result = gcd.invoke({"values": [12, 18, 30]})
try:
    gcd.invoke({"values": ["twelve"]})
    error = None
except t.ToolError as failure:
    error = str(failure)

# The chat agent's programs call the plugin's tool like a built-in.
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from abduce.agent.answer import Agent
from abduce.agent.prompts import ask_system

program = "```python\\ndef answer():\\n    return gcd_many([12, 18, 30])\\n```"
second = "```python\\ndef answer():\\n    return 6\\n```"
model = FakeListChatModel(responses=["Approach: the plugin's gcd.", program, second])
answer = Agent(model, use_cache=False).ask("What is the gcd of 12, 18 and 30?")
agent = {"text": answer.text, "verified": answer.verified, "prompt": ask_system()}
print(json.dumps({"names": names, "errors": t.registry.errors, "result": result, "error": error,
                  "agent": agent}))
"""


def write_plugin(site: Path, package: str, entry_point: str, source: str) -> Path:
    """Write `package` with a dist-info declaring it as the `abduce.tools` entry point."""
    (site / package).mkdir(parents=True)
    (site / package / "__init__.py").write_text(source)
    dist_info = site / f"{package}-0.1.0.dist-info"
    dist_info.mkdir()
    name = package.replace("_", "-")
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    (dist_info / "entry_points.txt").write_text(f"[abduce.tools]\n{entry_point} = {package}\n")
    return site


def write_gcd_plugin(site: Path) -> Path:
    """The `gcd.many` plugin, in `site`."""
    return write_plugin(site, "abduce_gcd_plugin", "gcd", GCD_PLUGIN)


def start(command: list[str], *sites: Path) -> subprocess.Popen[str]:
    """Start `command` with this environment plus `sites` on PYTHONPATH."""
    path = os.pathsep.join(str(site) for site in sites)
    env = {**os.environ, "PYTHONPATH": path, "COLUMNS": "200"}
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The stdout and stderr of a process that must succeed."""
    stdout, stderr = process.communicate(timeout=90)
    assert process.returncode == 0, stderr
    return stdout, stderr


def last_json(process: subprocess.Popen[str]) -> dict:
    """The JSON object a Python snippet printed last."""
    stdout, _ = finish(process)
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory):
    """The plugins written, and the probe and `abduce tools list --json` started on them."""
    gcd_site = write_gcd_plugin(tmp_path_factory.mktemp("gcd_site"))
    broken_site = tmp_path_factory.mktemp("broken_site")
    write_plugin(broken_site, "abduce_broken_plugin", "broken", BROKEN_PLUGIN)
    started = {
        "probe": start([sys.executable, "-c", PROBE], gcd_site, broken_site),
        "cli": start(
            [sys.executable, "-m", "abduce", "tools", "list", "--json"], gcd_site, broken_site
        ),
    }
    yield started
    for process in started.values():
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.fixture(scope="module")
def probe(runs) -> dict:
    """What the probe interpreter found."""
    return last_json(runs["probe"])


def test_plugin_tool_is_listed_with_the_builtins(probe):
    assert "gcd.many" in probe["names"]
    assert {"sympy.solve", "networkx.shortest_path", "python.run"} <= set(probe["names"])


def test_this_process_never_sees_the_plugin(probe):
    # the plugin has been loaded in the probe's interpreter by now
    assert find_tool("sympy.solve").name == "sympy.solve"
    with pytest.raises(ToolError, match="no tool named 'gcd.many'"):
        find_tool("gcd.many")


def test_plugin_tool_runs_in_the_sandbox(probe):
    assert probe["result"] == 6
    assert probe["error"].startswith("gcd.many: values.0: Input should be a valid integer")


def test_the_agent_s_programs_call_the_plugin_tool(probe):
    assert "gcd_many(values: list[int]) -> int: Greatest common divisor" in probe["agent"]["prompt"]
    assert probe["agent"]["text"] == "6" and probe["agent"]["verified"]


def test_failing_plugin_is_reported_and_the_others_still_load(probe):
    errors = probe["errors"]
    assert set(errors) == {"broken"}, errors
    reason = errors["broken"]
    assert "\n" not in reason
    assert "abduce_broken_plugin" in reason
    assert "not_installed_xyz" in reason
    assert "broken.tool" not in probe["names"]
    assert {"gcd.many", "sympy.solve"} <= set(probe["names"])


def test_tools_list_cli_shows_the_plugin_and_the_failure(runs):
    stdout, stderr = finish(runs["cli"])
    listed = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    by_name = {entry["name"]: entry for entry in listed}
    assert by_name["gcd.many"]["description"] == "Greatest common divisor of several integers."
    assert by_name["gcd.many"]["parameters"]["required"] == ["values"]
    assert "sympy.solve" in by_name
    report = " ".join((stdout + stderr).split())  # undo the console's line wrapping
    assert "plugin broken failed to load" in report
    assert "not_installed_xyz" in report


BUILTINS_PROBE = """
import importlib.metadata, json, sys

if sys.argv[1] == "no metadata":
    importlib.metadata.entry_points = lambda **selection: []
import abduce.tools as t

names = [x.name for x in t.all_tools()]
print(json.dumps({"names": names, "errors": t.registry.errors}))
"""


def test_a_source_checkout_has_the_builtins_once_with_or_without_metadata(tmp_path):
    """Without any entry point the registry still imports the built-ins; an old installation's
    metadata that still names them as an entry point registers nothing twice."""
    source = Path(__file__).parents[2] / "src"
    stale = write_plugin(tmp_path, "abduce_stale_metadata", "builtins", "")
    entry_points = stale / "abduce_stale_metadata-0.1.0.dist-info" / "entry_points.txt"
    entry_points.write_text("[abduce.tools]\nbuiltins = abduce.tools.builtins\n")
    bare = start([sys.executable, "-c", BUILTINS_PROBE, "no metadata"], source)
    stale_run = start([sys.executable, "-c", BUILTINS_PROBE, "stale"], source, stale)
    without, with_stale = last_json(bare), last_json(stale_run)
    assert {"sympy.solve", "networkx.shortest_path", "grid.apply", "python.run"} <= set(
        without["names"]
    )
    assert without == with_stale == {"names": without["names"], "errors": {}}
    assert len(set(without["names"])) == len(without["names"])
