"""Solve one ARC training task twice: by the DSL search, then by the embedded local model
alone, and show what was checked."""

import abduce

task = abduce.load_arc("training")["d037b0a7"]
for planner in ("search", "llm"):
    solution = abduce.solve(task, planner=planner, budget=abduce.Budget(max_llm_calls=6))
    print(f"--- planner: {planner}")
    print("hypothesis:", solution.hypothesis)
    print("program:\n", solution.program)
    print("train verdicts:", [v.passed for v in solution.verdicts])
    print("attempts:", solution.attempts, "correct:", solution.correct)
    print("tokens in/out:", solution.tokens_in, solution.tokens_out, f"in {solution.seconds:.0f} s")
