"""Solve one ARC training task with the embedded local model and show what was checked."""

import abduce

task = abduce.load_arc("training")["d037b0a7"]
solution = abduce.solve(task, budget=abduce.Budget(max_llm_calls=6))

print("hypothesis:", solution.hypothesis)
print("program:\n", solution.program)
print("train verdicts:", [v.passed for v in solution.verdicts])
print("attempts:", solution.attempts, "correct:", solution.correct)
print("tokens in/out:", solution.tokens_in, solution.tokens_out, f"in {solution.seconds:.0f} s")
