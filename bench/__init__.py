"""Benchmarks: run from the repository root (`python -m bench.throughput`); results go to bench/results/."""
