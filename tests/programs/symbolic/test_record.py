"""Tool calls are recorded only once recording has started, as plain data."""

from abduce.programs.symbolic import algebra, record


def test_calls_are_recorded_with_their_arguments_and_results(monkeypatch):
    monkeypatch.setattr(record, "_calls", None)  # restored after the test
    algebra.solve("x**2 - 1")  # before start: not recorded
    record.start()
    algebra.solve("x**2 - 4", "x")
    algebra.factor(expression="x**2 - 1")
    assert record.calls() == [
        {"tool": "sympy.solve", "arguments": {"equation": "x**2 - 4", "symbol": "x"},
         "result": ["-2", "2"]},
        {"tool": "sympy.factor", "arguments": {"expression": "x**2 - 1"},
         "result": "(x - 1)*(x + 1)"},
    ]  # fmt: skip


def test_an_infinite_point_is_recorded_as_sympy_writes_it(monkeypatch):
    monkeypatch.setattr(record, "_calls", None)
    record.start()
    algebra.limit("1/x", "x", float("inf"))
    assert record.calls()[0]["arguments"]["point"] == "oo"
