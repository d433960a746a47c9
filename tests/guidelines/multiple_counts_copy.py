"""A second copy of the multiple-count rules, typed from the Commission's own text.

Source: §3D1.4 (Determining the Combined Offense Level), its Commentary (Application Notes and
Background), and the "Illustrations of the Operation of the Multiple-Count Rules" (Concluding
Commentary to Part D of Chapter Three, after §3D1.5), as printed in the Guidelines Manual,
Nov. 1, 2016 (§3D1.4 at pp. 385-386, Illustrations at pp. 387-388) and the Guidelines Manual,
Nov. 1, 2025 (§3D1.4 at pp. 353-354, Illustrations at pp. 355-356). The table, the Unit rules
and the examples below read the same in both editions.
"""

# §3D1.4's table (2016 Manual, p. 385; 2025 Manual, p. 353), keyed by Units x 2:
#   1 -> none; 1 1/2 -> add 1; 2 -> add 2; 2 1/2 - 3 -> add 3; 3 1/2 - 5 -> add 4;
#   More than 5 -> add 5.
INCREASE_BY_HALF_UNITS: dict[int, int] = {
    2: 0,  # 1 Unit: "none"
    3: 1,  # 1 1/2 Units: "add 1 level"
    4: 2,  # 2 Units: "add 2 levels"
    5: 3,  # 2 1/2 Units ("2 1/2 - 3"): "add 3 levels"
    6: 3,  # 3 Units ("2 1/2 - 3")
    7: 4,  # 3 1/2 Units ("3 1/2 - 5"): "add 4 levels"
    8: 4,  # 4 Units
    9: 4,  # 4 1/2 Units
    10: 4,  # 5 Units (still "3 1/2 - 5")
    11: 5,  # 5 1/2 Units: "More than 5": "add 5 levels"
    12: 5,
    13: 5,
    14: 5,
    15: 5,
    16: 5,
    17: 5,
    18: 5,
    19: 5,
    20: 5,
    21: 5,
    22: 5,
    23: 5,
    24: 5,  # 12 Units: the table stops at 5 levels (Background, 2016 p. 386: "the maximum
    # increase provided in the guideline is 5 levels")
}

# §3D1.4(a)-(c) (2016 Manual, p. 385; 2025 Manual, p. 354), keyed by how many levels less
# serious a Group is than the Group with the highest offense level.
UNITS_BY_DISTANCE: dict[int, tuple[int, int]] = {
    0: (1, 1),  # (a) the most serious Group, or one "equally serious": one Unit
    1: (1, 1),  # (a) "from 1 to 4 levels less serious": one additional Unit
    2: (1, 1),
    3: (1, 1),
    4: (1, 1),
    5: (1, 2),  # (b) "5 to 8 levels less serious": one-half Unit
    6: (1, 2),
    7: (1, 2),
    8: (1, 2),
    9: (0, 1),  # (c) "9 or more levels less serious": disregard
    10: (0, 1),
    11: (0, 1),
    12: (0, 1),
    13: (0, 1),
    14: (0, 1),
    15: (0, 1),
    16: (0, 1),
    17: (0, 1),
    18: (0, 1),
    19: (0, 1),
    20: (0, 1),
}

# (offense levels of the distinct Groups, combined offense level)
EXAMPLES: list[tuple[tuple[int, ...], int]] = [
    # Illustration 1 (Defendant A, four bank robberies), after §3D1.5, 2016 Manual, p. 387;
    # 2025 Manual, p. 355: three Groups at 22 (each 6 levels lower: one-half Unit) and one at
    # 28; "2 1/2 Units", 28 + 3 = 31.
    ((22, 22, 22, 28), 31),
    # §3D1.4, Commentary, Background, 2016 Manual, p. 386; 2025 Manual, p. 354: most serious
    # Group at 15, two others at 10; "two Units ... (one plus one-half plus one-half)", 17.
    ((15, 10, 10), 17),
    # Not included: Illustration 2 (Defendant B: drug counts and bribery end in one Group at
    # 26 under §3D1.2(c)/§3D1.3(a)) and Illustration 3 (Defendant C: four kickback counts,
    # combined offense level 9, one Group); the Application Notes to §3D1.4 give no numbers.
]
