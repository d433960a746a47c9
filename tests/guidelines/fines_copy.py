"""A second copy of the Fine Table for individual defendants, typed from the Commission's own text.

Sources (nothing else was consulted):

- Guidelines Manual, Nov. 1, 2016, §5E1.2 (Fines for Individual Defendants): the Fine Table in
  subsection (c)(3), p. 451; subsection (c)(4), p. 452; the Special Instruction, subsection (h),
  p. 453.
- Guidelines Manual, Nov. 1, 2025, §5E1.2: the Fine Table in (c)(3) and subsection (c)(4),
  p. 420; subsection (h), p. 422. Its table and (c)(4) figure are the same as the 2016 Manual's.
- Amendment 791 (effective Nov. 1, 2015), Supplement to Appendix C (Nov. 1, 2016), pp. 100-108:
  its §5E1.2 part (pp. 104-105) quotes the Fine Table it struck and the one it inserted, strikes
  "$250,000" and inserts "$500,000" in (c)(4), and adds subsection (h); its reason (p. 108)
  gives the 1989-to-2014 inflation multiplier ($1.00 = $1.91) and the effective date.
- Amendment 281 (effective Nov. 1, 1989), Appendix C, Vol. I, pp. 139-140: the last earlier change
  to the table's amounts (see the comment above TABLE_BEFORE_2015).

Each table maps every offense level 1-43 to (column A minimum, column B maximum) in whole
dollars; the bands the Manual prints ("3 and below", "4–5", ..., "38 and above") are expanded
here into one entry per level, with "3 and below" taken as levels 1-3 and "38 and above" as
levels 38-43.
"""

# Fine Table as inserted by Amendment 791 (Supplement to Appendix C, p. 105, "and inserting the
# following"), in force from Nov. 1, 2015. Typed from the Guidelines Manual, Nov. 1, 2016,
# §5E1.2(c)(3) (p. 451), and checked against the Manual, Nov. 1, 2025, §5E1.2(c)(3) (p. 420) and
# Amendment 791's inserted table: all three the same. The 2025 Manual's historical note also
# names Amendments 831 (Nov. 1, 2024) and 836 (Nov. 1, 2025), whose texts are not among the
# sources; its printed table is unchanged, so they did not alter these amounts.
TABLE_FROM_2015: dict[int, tuple[int, int]] = {
    1: (200, 9_500),  # row "3 and below"
    2: (200, 9_500),  # row "3 and below"
    3: (200, 9_500),  # row "3 and below"
    4: (500, 9_500),  # row "4–5"
    5: (500, 9_500),  # row "4–5"
    6: (1_000, 9_500),  # row "6–7"
    7: (1_000, 9_500),  # row "6–7"
    8: (2_000, 20_000),  # row "8–9"
    9: (2_000, 20_000),  # row "8–9"
    10: (4_000, 40_000),  # row "10–11"
    11: (4_000, 40_000),  # row "10–11"
    12: (5_500, 55_000),  # row "12–13"
    13: (5_500, 55_000),  # row "12–13"
    14: (7_500, 75_000),  # row "14–15"
    15: (7_500, 75_000),  # row "14–15"
    16: (10_000, 95_000),  # row "16–17"
    17: (10_000, 95_000),  # row "16–17"
    18: (10_000, 100_000),  # row "18–19"
    19: (10_000, 100_000),  # row "18–19"
    20: (15_000, 150_000),  # row "20–22"
    21: (15_000, 150_000),  # row "20–22"
    22: (15_000, 150_000),  # row "20–22"
    23: (20_000, 200_000),  # row "23–25"
    24: (20_000, 200_000),  # row "23–25"
    25: (20_000, 200_000),  # row "23–25"
    26: (25_000, 250_000),  # row "26–28"
    27: (25_000, 250_000),  # row "26–28"
    28: (25_000, 250_000),  # row "26–28"
    29: (30_000, 300_000),  # row "29–31"
    30: (30_000, 300_000),  # row "29–31"
    31: (30_000, 300_000),  # row "29–31"
    32: (35_000, 350_000),  # row "32–34"
    33: (35_000, 350_000),  # row "32–34"
    34: (35_000, 350_000),  # row "32–34"
    35: (40_000, 400_000),  # row "35–37"
    36: (40_000, 400_000),  # row "35–37"
    37: (40_000, 400_000),  # row "35–37"
    38: (50_000, 500_000),  # row "38 and above"
    39: (50_000, 500_000),  # row "38 and above"
    40: (50_000, 500_000),  # row "38 and above"
    41: (50_000, 500_000),  # row "38 and above"
    42: (50_000, 500_000),  # row "38 and above"
    43: (50_000, 500_000),  # row "38 and above"
}

# Fine Table that Amendment 791 struck (Supplement to Appendix C, pp. 104-105, "by striking the
# following"), in force before Nov. 1, 2015 — the version "in effect on November 1, 2014" that
# subsection (h) points to. Its two lowest rows ("3 and below" $100/$5,000 and "4–5" $250/$5,000)
# match the rows Amendment 281 inserted in then-§5E4.2(c)(3) (Appendix C, Vol. I, p. 140), so
# this table is the one in force from Nov. 1, 1989 to Oct. 31, 2015. (§5E4.2 became §5E1.2 by
# Amendment 302, Nov. 1, 1989, Vol. I, p. 147, a renumbering only.)
#
# Other amendments that changed the table's dollar amounts before 791: one — Amendment 281
# (Nov. 1, 1989, Vol. I, pp. 139-140) replaced the original 1987 rows "1: $25/$250",
# "2-3: $100/$1,000" and "4-5: $250/$2,500" with "3 and below: $100/$5,000" and
# "4-5: $250/$5,000"; it left the other rows as they were, and Appendix C does not reprint
# them. None other. Searched all four Appendix C files (Vols. I-III, Supplement) for "5E1.2",
# "5E4.2" (the section's number before Amendment 302), "Fine Table", "3 and below",
# "38 and above", "5E1.2(c)", "each day of violation" and "maximum fine greater than", and read
# every amendment the Manuals' historical notes for §5E1.2 name (54, 280, 281, 302, 356, 384,
# 572, 646, 648, 656, 758, 791, 796): apart from 281 and 791, they change (a), (b), (c)(1)-(2)
# (alternative gain/loss maximums, the word "guideline"), (d)-(i) or the commentary, never the
# table's amounts or the (c)(4) figure.
TABLE_BEFORE_2015: dict[int, tuple[int, int]] = {
    1: (100, 5_000),  # row "3 and below"
    2: (100, 5_000),  # row "3 and below"
    3: (100, 5_000),  # row "3 and below"
    4: (250, 5_000),  # row "4–5"
    5: (250, 5_000),  # row "4–5"
    6: (500, 5_000),  # row "6–7"
    7: (500, 5_000),  # row "6–7"
    8: (1_000, 10_000),  # row "8–9"
    9: (1_000, 10_000),  # row "8–9"
    10: (2_000, 20_000),  # row "10–11"
    11: (2_000, 20_000),  # row "10–11"
    12: (3_000, 30_000),  # row "12–13"
    13: (3_000, 30_000),  # row "12–13"
    14: (4_000, 40_000),  # row "14–15"
    15: (4_000, 40_000),  # row "14–15"
    16: (5_000, 50_000),  # row "16–17"
    17: (5_000, 50_000),  # row "16–17"
    18: (6_000, 60_000),  # row "18–19"
    19: (6_000, 60_000),  # row "18–19"
    20: (7_500, 75_000),  # row "20–22"
    21: (7_500, 75_000),  # row "20–22"
    22: (7_500, 75_000),  # row "20–22"
    23: (10_000, 100_000),  # row "23–25"
    24: (10_000, 100_000),  # row "23–25"
    25: (10_000, 100_000),  # row "23–25"
    26: (12_500, 125_000),  # row "26–28"
    27: (12_500, 125_000),  # row "26–28"
    28: (12_500, 125_000),  # row "26–28"
    29: (15_000, 150_000),  # row "29–31"
    30: (15_000, 150_000),  # row "29–31"
    31: (15_000, 150_000),  # row "29–31"
    32: (17_500, 175_000),  # row "32–34"
    33: (17_500, 175_000),  # row "32–34"
    34: (17_500, 175_000),  # row "32–34"
    35: (20_000, 200_000),  # row "35–37"
    36: (20_000, 200_000),  # row "35–37"
    37: (20_000, 200_000),  # row "35–37"
    38: (25_000, 250_000),  # row "38 and above"
    39: (25_000, 250_000),  # row "38 and above"
    40: (25_000, 250_000),  # row "38 and above"
    41: (25_000, 250_000),  # row "38 and above"
    42: (25_000, 250_000),  # row "38 and above"
    43: (25_000, 250_000),  # row "38 and above"
}

# §5E1.2(c)(4)(A), "a maximum fine greater than $500,000": Manual, Nov. 1, 2016, p. 452, and
# Nov. 1, 2025, p. 420; inserted by Amendment 791 (Supplement to Appendix C, p. 105).
STATUTE_CAP_FROM_2015: int = 500_000

# The figure Amendment 791 struck from (c)(4): 'in subsection (c)(4) by striking "$250,000" and
# inserting "$500,000"' (Supplement to Appendix C, p. 105).
STATUTE_CAP_BEFORE_2015: int = 250_000

# Amendment 791: "Effective Date: The effective date of this amendment is November 1, 2015."
# (Supplement to Appendix C, p. 108); the 2016 and 2025 Manuals' historical notes for §5E1.2
# list "November 1, 2015 (amendments 791 and 796)" (796 changed only Application Note 5).
AMENDMENT_EFFECTIVE: str = "2015-11-01"
AMENDMENT_NUMBER: int = 791  # "AMENDMENT 791", Supplement to Appendix C, p. 100

# §5E1.2(h)(1), added by Amendment 791 (Supplement to Appendix C, p. 105); Manual, Nov. 1, 2016,
# p. 453, and Nov. 1, 2025, p. 422, print it word for word the same.
SPECIAL_INSTRUCTION: str = (
    "Subsection (h): if the offense was committed before November 1, 2015, the court uses the fine"
    " guideline range from §5E1.2(c) as it stood on November 1, 2014 (TABLE_BEFORE_2015), not the"
    " range in the current subsection (c)."
)
