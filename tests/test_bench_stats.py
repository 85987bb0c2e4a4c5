"""The statistics the benchmarks print: the bootstrap interval around a competence micro-F1."""

from __future__ import annotations

from bench.nlp_eval import bootstrap_f1, f1


def test_a_perfect_part_has_no_spread() -> None:
    assert bootstrap_f1([(2, 0, 0), (1, 0, 0), (0, 0, 0)]) == (1.0, 1.0)


def test_the_interval_holds_the_figure_and_is_wider_on_fewer_units() -> None:
    unit_counts = [(1, 0, 0)] * 6 + [(0, 1, 1)] * 2 + [(1, 1, 0)] * 2  # 8 right, 3 false, 2 missed
    point = f1(8, 3, 2)[2]
    low, high = bootstrap_f1(unit_counts)
    assert low < point < high
    wide = high - low
    low_many, high_many = bootstrap_f1(unit_counts * 10)  # the same mix on ten times the units
    assert low_many < point < high_many and high_many - low_many < wide / 2
    assert bootstrap_f1(unit_counts) == (low, high)  # seeded: the same tags print the same interval
