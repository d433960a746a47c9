"""A second copy of the loss tables, typed from the Commission's own text, to check the engine's.

Each row is (more_than_dollars, levels): a loss of more than ``more_than_dollars`` adds ``levels``.
The first row, (0, 0), stands for the table's row "(A) $X or less — no increase".
"""

Row = tuple[int, int]

# §2B1.1(b)(1) as rewritten by Amendment 791 (Nov. 1, 2015): the inserted table in Supplement to
# Appendix C (Nov. 1, 2016), p. 101. Typed from the Guidelines Manual, Nov. 1, 2016, §2B1.1(b)(1)
# (pp. 88-89), and checked against the Manual, Nov. 1, 2025, §2B1.1(b)(1) (pp. 73-74): the same.
TABLE_2015: tuple[Row, ...] = (
    (0, 0),  # (A) $6,500 or less: no increase
    (6_500, 2),  # (B)
    (15_000, 4),  # (C)
    (40_000, 6),  # (D)
    (95_000, 8),  # (E)
    (150_000, 10),  # (F)
    (250_000, 12),  # (G)
    (550_000, 14),  # (H)
    (1_500_000, 16),  # (I)
    (3_500_000, 18),  # (J)
    (9_500_000, 20),  # (K)
    (25_000_000, 22),  # (L)
    (65_000_000, 24),  # (M)
    (150_000_000, 26),  # (N)
    (250_000_000, 28),  # (O)
    (550_000_000, 30),  # (P)
)

# §2B1.1(b)(1) of the consolidated theft and fraud guideline, Amendment 617 (Nov. 1, 2001), with
# rows (O) and (P) that Amendment 647 (Jan. 25, 2003; repromulgated by Amendment 653, Nov. 1,
# 2003) added: the table the 2003 to 2014 Manuals print. Appendix C does not reprint the
# replacement §2B1.1 that Amendment 617 inserted, so the rows are typed from the text Amendment
# 791 struck (Supplement to Appendix C, Nov. 1, 2016, pp. 100-101); rows (O)-(P) are checked
# against Amendment 647 (Appendix C, Vol. II, p. 285), and the first step ($5,000) and the top
# of 617's table (26 levels above $100,000,000) against the reasons for Amendments 617 (p. 176)
# and 647 (p. 293). No amendment between 647 and 791 changed §2B1.1(b)(1).
TABLE_2001: tuple[Row, ...] = (
    (0, 0),  # (A) $5,000 or less: no increase
    (5_000, 2),  # (B)
    (10_000, 4),  # (C)
    (30_000, 6),  # (D)
    (70_000, 8),  # (E)
    (120_000, 10),  # (F)
    (200_000, 12),  # (G)
    (400_000, 14),  # (H)
    (1_000_000, 16),  # (I)
    (2_500_000, 18),  # (J)
    (7_000_000, 20),  # (K)
    (20_000_000, 22),  # (L)
    (50_000_000, 24),  # (M)
    (100_000_000, 26),  # (N)
    (200_000_000, 28),  # (O) Amendment 647
    (400_000_000, 30),  # (P) Amendment 647
)

# The theft table, §2B1.1(b)(1), as inserted by Amendment 99 (Nov. 1, 1989), Appendix C, Vol. I,
# p. 47; no later amendment touched it before Amendment 617 struck it (Nov. 1, 2001), and
# the text 617 struck (Appendix C, Vol. II, pp. 128-129) is the same.
TABLE_1995_2B1_1: tuple[Row, ...] = (
    (0, 0),  # (A) $100 or less: no increase
    (100, 1),  # (B)
    (1_000, 2),  # (C)
    (2_000, 3),  # (D)
    (5_000, 4),  # (E)
    (10_000, 5),  # (F)
    (20_000, 6),  # (G)
    (40_000, 7),  # (H)
    (70_000, 8),  # (I)
    (120_000, 9),  # (J)
    (200_000, 10),  # (K)
    (350_000, 11),  # (L)
    (500_000, 12),  # (M)
    (800_000, 13),  # (N)
    (1_500_000, 14),  # (O)
    (2_500_000, 15),  # (P)
    (5_000_000, 16),  # (Q)
    (10_000_000, 17),  # (R)
    (20_000_000, 18),  # (S)
    (40_000_000, 19),  # (T)
    (80_000_000, 20),  # (U)
)

# The fraud table, §2F1.1(b)(1), as inserted by Amendment 154 (Nov. 1, 1989), Appendix C, Vol. I,
# p. 82; no later amendment touched it before Amendment 617 struck Part F (Nov. 1, 2001),
# and the text 617 struck (Appendix C, Vol. II, p. 136) is the same.
TABLE_1995_2F1_1: tuple[Row, ...] = (
    (0, 0),  # (A) $2,000 or less: no increase
    (2_000, 1),  # (B)
    (5_000, 2),  # (C)
    (10_000, 3),  # (D)
    (20_000, 4),  # (E)
    (40_000, 5),  # (F)
    (70_000, 6),  # (G)
    (120_000, 7),  # (H)
    (200_000, 8),  # (I)
    (350_000, 9),  # (J)
    (500_000, 10),  # (K)
    (800_000, 11),  # (L)
    (1_500_000, 12),  # (M)
    (2_500_000, 13),  # (N)
    (5_000_000, 14),  # (O)
    (10_000_000, 15),  # (P)
    (20_000_000, 16),  # (Q)
    (40_000_000, 17),  # (R)
    (80_000_000, 18),  # (S)
)

TABLES: dict[str, tuple[Row, ...]] = {
    "2015": TABLE_2015,
    "2001": TABLE_2001,
    "1995-2B1.1": TABLE_1995_2B1_1,
    "1995-2F1.1": TABLE_1995_2F1_1,
}
