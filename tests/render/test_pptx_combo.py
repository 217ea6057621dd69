"""Dense slides (pptx_combo): parts side by side or stacked share the content area; a part whose data is
missing drops out; what does not fit is split group by group."""
from __future__ import annotations

from plangen.render.pptx.combo import GAP, Group, Leaf, place, resolve, split


def fits_always(paras, width, height):
    return 14.0


def it_cuts_a_box_by_weights_gap_apart():
    """A box 10,000 wide plus the gap in two by 2:3 with a 300 gap: 10,000 shared out as 4,000 and 6,000."""
    a, b = split((0, 0, 10_000 + GAP, 500), "side", (2.0, 3.0))
    assert a == (0, 0, 4_000, 500) and b == (4_000 + GAP, 0, 6_000, 500)


def it_drops_missing_parts_and_unwraps_a_group_of_one():
    data = {("text", "left"): ["x"]}
    node = resolve({"parts": [{"text": "left"}, {"table": "absent"}]}, lambda k, n: data.get((k, n)))
    assert node == Leaf("text", ["x"], "left")


def it_places_every_part_when_all_fit_and_nothing_when_one_does_not():
    both = Group("stack", (Leaf("text", ["a"], "a"), Leaf("text", ["b"], "b")), (1.0, 1.0))
    placed = place(both, (0, 0, 1000, 1000 + GAP), fits_always)
    assert [box for _, box, _ in placed] == [(0, 0, 1000, 500), (0, 500 + GAP, 1000, 500)]
    assert place(both, (0, 0, 1000, 1000), lambda p, w, h: None) is None
