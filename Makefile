# `make demo` sets everything up and solves a few ARC tasks; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Portable, fast llama.cpp build (AVX2/FMA/F16C, no native tuning, no llava): ~7 min on 2 cores.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DLLAVA_BUILD=OFF

.PHONY: install demo test bench bench-search bench-math bench-gamma bench-generated \
	bench-executors clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e '.[local,ray,dev]'
	$(BIN)/python -c 'from abduce.programs.search import kernels; kernels.ready()'  # compile the search's twins once (~20 s)
	touch $@

demo: install
	$(BIN)/abduce models
	$(BIN)/abduce bench benchmarks/demo.txt --out runs/demo.jsonl --max-calls 6
	$(BIN)/python examples/solve_arc.py

test: install
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples
	$(BIN)/mypy
	$(BIN)/pytest

bench: install
	$(BIN)/abduce bench benchmarks/arc1_training_20.txt --out runs/bench20.jsonl \
		--max-calls 8 --max-seconds 240 --no-cache
	$(BIN)/python benchmarks/prefix_reuse.py

bench-math: install  # direct answers vs the checked agent, local model (see RESULTS.md)
	$(BIN)/python benchmarks/math_verified.py --mode agent --limit 60 --out runs/math_agent.jsonl
	$(BIN)/python benchmarks/math_verified.py --mode direct --limit 60 --out runs/math_direct.jsonl
	$(BIN)/python benchmarks/math_verified.py --summary runs/math_direct.jsonl runs/math_agent.jsonl

bench-search: install  # the DSL search on ARC, as in benchmarks/RESULTS.md (~22 min)
	$(BIN)/abduce bench arc1-training --planner search --search-seconds 3 --workers 2 \
		--out runs/search_arc1_training.jsonl
	$(BIN)/abduce bench arc1-evaluation --planner search --search-seconds 3 --workers 2 \
		--out runs/search_arc1_evaluation.jsonl
	$(BIN)/abduce bench arc2-evaluation --planner search --search-seconds 3 \
		--workers 2 --out runs/search_arc2_evaluation.jsonl

bench-gamma: install  # Γ/Δ under colour remapping, search and local LLM (see RESULTS.md)
	$(BIN)/abduce bench arc1-training --planner search --search-seconds 3 --workers 2 \
		--remap colours --remap-seeds 3 --out runs/gamma_search_arc1_training.jsonl
	$(BIN)/abduce bench benchmarks/hypsearch_random100.txt --planner search --search-seconds 3 \
		--workers 2 --remap all --remap-seeds 3 --out runs/gamma_search_arc1_training.jsonl
	$(BIN)/abduce bench benchmarks/arc1_training_20.txt --planner llm --max-calls 4 \
		--max-seconds 45 --no-cache --remap colours --remap-seeds 1 --out runs/gamma_llm_20.jsonl

bench-generated: install  # which generated concepts the search recovers
	$(BIN)/abduce bench generated --families all --per-family 20 --seed 0 --planner search \
		--search-seconds 3 --workers 2 --out runs/generated_search.jsonl

bench-executors: install  # the same 100-task sweep on the process pool and on Ray
	$(BIN)/python benchmarks/executors.py --limit 100 --search-seconds 1 --workers 2 --repeats 3

clean:
	rm -rf $(VENV) runs .pytest_cache
