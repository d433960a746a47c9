"""A second copy of §2D1.1(c)'s Drug Quantity Table, typed from the Manual, to check the engine's.

Each column is a tuple of (at_least_grams, level) rows, ascending: a quantity of at least
``at_least_grams`` grams (and less than the next row's) has base offense level ``level``. The
first row's "0" stands for the table's "Less than X" line. The Manual prints KG, G and MG; here
every quantity is in grams (1 KG = 1,000 G; 1 MG = 0.001 G), with the printed figure beside it.

"methamphetamine_actual" and "ice" are the Manual's "Methamphetamine (actual)" (the weight of
the pure substance, Note (B)) and "Ice" (d-methamphetamine hydrochloride of at least 80% purity,
Note (C)); "methamphetamine" is the weight of the mixture (Note (A)).
"""

Row = tuple[str, int]
Column = tuple[Row, ...]

# §2D1.1(c) as printed in the Guidelines Manual, Nov. 1, 2016, pp. 155-161
# (/work/shared/manual/GLM2016.txt, lines 8932-9294): the table as Amendment 782 (Nov. 1, 2014)
# set it, two levels lower than before with the minimum of 6 and maximum of 38 kept (reason for
# Amendment 782, Supplement to Appendix C, Nov. 1, 2016, pp. 70-71).
TABLE_2014: dict[str, Column] = {
    "heroin": (
        ("0", 12),  # (14) less than 10 G
        ("10", 14),  # (13) 10 G
        ("20", 16),  # (12) 20 G
        ("40", 18),  # (11) 40 G
        ("60", 20),  # (10) 60 G
        ("80", 22),  # (9) 80 G
        ("100", 24),  # (8) 100 G
        ("400", 26),  # (7) 400 G
        ("700", 28),  # (6) 700 G
        ("1000", 30),  # (5) 1 KG
        ("3000", 32),  # (4) 3 KG
        ("10000", 34),  # (3) 10 KG
        ("30000", 36),  # (2) 30 KG
        ("90000", 38),  # (1) 90 KG or more
    ),
    "cocaine": (
        ("0", 12),  # (14) less than 50 G
        ("50", 14),  # (13) 50 G
        ("100", 16),  # (12) 100 G
        ("200", 18),  # (11) 200 G
        ("300", 20),  # (10) 300 G
        ("400", 22),  # (9) 400 G
        ("500", 24),  # (8) 500 G
        ("2000", 26),  # (7) 2 KG
        ("3500", 28),  # (6) 3.5 KG
        ("5000", 30),  # (5) 5 KG
        ("15000", 32),  # (4) 15 KG
        ("50000", 34),  # (3) 50 KG
        ("150000", 36),  # (2) 150 KG
        ("450000", 38),  # (1) 450 KG or more
    ),
    "cocaine_base": (
        ("0", 12),  # (14) less than 2.8 G
        ("2.8", 14),  # (13) 2.8 G
        ("5.6", 16),  # (12) 5.6 G
        ("11.2", 18),  # (11) 11.2 G
        ("16.8", 20),  # (10) 16.8 G
        ("22.4", 22),  # (9) 22.4 G
        ("28", 24),  # (8) 28 G
        ("112", 26),  # (7) 112 G
        ("196", 28),  # (6) 196 G
        ("280", 30),  # (5) 280 G
        ("840", 32),  # (4) 840 G
        ("2800", 34),  # (3) 2.8 KG
        ("8400", 36),  # (2) 8.4 KG
        ("25200", 38),  # (1) 25.2 KG or more
    ),
    "methamphetamine": (
        ("0", 12),  # (14) less than 5 G
        ("5", 14),  # (13) 5 G
        ("10", 16),  # (12) 10 G
        ("20", 18),  # (11) 20 G
        ("30", 20),  # (10) 30 G
        ("40", 22),  # (9) 40 G
        ("50", 24),  # (8) 50 G
        ("200", 26),  # (7) 200 G
        ("350", 28),  # (6) 350 G
        ("500", 30),  # (5) 500 G
        ("1500", 32),  # (4) 1.5 KG
        ("5000", 34),  # (3) 5 KG
        ("15000", 36),  # (2) 15 KG
        ("45000", 38),  # (1) 45 KG or more
    ),
    "methamphetamine_actual": (
        ("0", 12),  # (14) less than 500 MG
        ("0.5", 14),  # (13) 500 MG
        ("1", 16),  # (12) 1 G
        ("2", 18),  # (11) 2 G
        ("3", 20),  # (10) 3 G
        ("4", 22),  # (9) 4 G
        ("5", 24),  # (8) 5 G
        ("20", 26),  # (7) 20 G
        ("35", 28),  # (6) 35 G
        ("50", 30),  # (5) 50 G
        ("150", 32),  # (4) 150 G
        ("500", 34),  # (3) 500 G
        ("1500", 36),  # (2) 1.5 KG
        ("4500", 38),  # (1) 4.5 KG or more
    ),
    "ice": (
        ("0", 12),  # (14) less than 500 MG
        ("0.5", 14),  # (13) 500 MG
        ("1", 16),  # (12) 1 G
        ("2", 18),  # (11) 2 G
        ("3", 20),  # (10) 3 G
        ("4", 22),  # (9) 4 G
        ("5", 24),  # (8) 5 G
        ("20", 26),  # (7) 20 G
        ("35", 28),  # (6) 35 G
        ("50", 30),  # (5) 50 G
        ("150", 32),  # (4) 150 G
        ("500", 34),  # (3) 500 G
        ("1500", 36),  # (2) 1.5 KG
        ("4500", 38),  # (1) 4.5 KG or more
    ),
    "fentanyl": (
        ("0", 12),  # (14) less than 4 G
        ("4", 14),  # (13) 4 G
        ("8", 16),  # (12) 8 G
        ("16", 18),  # (11) 16 G
        ("24", 20),  # (10) 24 G
        ("32", 22),  # (9) 32 G
        ("40", 24),  # (8) 40 G
        ("160", 26),  # (7) 160 G
        ("280", 28),  # (6) 280 G
        ("400", 30),  # (5) 400 G
        ("1200", 32),  # (4) 1.2 KG
        ("4000", 34),  # (3) 4 KG
        ("12000", 36),  # (2) 12 KG
        ("36000", 38),  # (1) 36 KG or more
    ),
    "fentanyl_analogue": (
        ("0", 12),  # (14) less than 1 G
        ("1", 14),  # (13) 1 G
        ("2", 16),  # (12) 2 G
        ("4", 18),  # (11) 4 G
        ("6", 20),  # (10) 6 G
        ("8", 22),  # (9) 8 G
        ("10", 24),  # (8) 10 G
        ("40", 26),  # (7) 40 G
        ("70", 28),  # (6) 70 G
        ("100", 30),  # (5) 100 G
        ("300", 32),  # (4) 300 G
        ("1000", 34),  # (3) 1 KG
        ("3000", 36),  # (2) 3 KG
        ("9000", 38),  # (1) 9 KG or more
    ),
    "marihuana": (
        ("0", 6),  # (17) less than 1 KG
        ("1000", 8),  # (16) 1 KG
        ("2500", 10),  # (15) 2.5 KG
        ("5000", 12),  # (14) 5 KG
        ("10000", 14),  # (13) 10 KG
        ("20000", 16),  # (12) 20 KG
        ("40000", 18),  # (11) 40 KG
        ("60000", 20),  # (10) 60 KG
        ("80000", 22),  # (9) 80 KG
        ("100000", 24),  # (8) 100 KG
        ("400000", 26),  # (7) 400 KG
        ("700000", 28),  # (6) 700 KG
        ("1000000", 30),  # (5) 1,000 KG
        ("3000000", 32),  # (4) 3,000 KG
        ("10000000", 34),  # (3) 10,000 KG
        ("30000000", 36),  # (2) 30,000 KG
        ("90000000", 38),  # (1) 90,000 KG or more
    ),
}

# §2D1.1(c) as printed in the Guidelines Manual, Nov. 1, 2025, pp. 136-142
# (/work/shared/manual/GLM2025.txt, lines 7904-8286), typed again from that text rather than
# from the 2016 copy above. In these nine columns no row differs from the 2016 Manual. The 2025
# table differs elsewhere: each row adds a line for "Converted Drug Weight" (the conversion unit
# that replaced marihuana, Amendment 808, Nov. 1, 2018, as the 2025 background commentary to
# §2D1.1 says), and Fentanyl is printed with its chemical name (N-phenyl-N-[1-(2-phenylethyl)-4-
# piperidinyl] Propanamide). The historical note credits the later amendments to §2D1.1 as 807
# and 808 (2018), 817, 818 and 824 (2023), 830 and 831 (2024), 833 and 836 (2025), without saying
# which touched the table; this copy does not attribute the chemical name to one of them.
TABLE_2025: dict[str, Column] = {
    # Heroin: 10 G, 20 G, 40 G, 60 G, 80 G, 100 G, 400 G, 700 G, 1 KG, 3 KG, 10 KG, 30 KG, 90 KG.
    "heroin": (
        ("0", 12),
        ("10", 14),
        ("20", 16),
        ("40", 18),
        ("60", 20),
        ("80", 22),
        ("100", 24),
        ("400", 26),
        ("700", 28),
        ("1000", 30),
        ("3000", 32),
        ("10000", 34),
        ("30000", 36),
        ("90000", 38),
    ),
    # Cocaine: 50 G, 100 G, 200 G, 300 G, 400 G, 500 G, 2 KG, 3.5 KG, 5 KG, 15 KG, 50 KG, 150 KG,
    # 450 KG.
    "cocaine": (
        ("0", 12),
        ("50", 14),
        ("100", 16),
        ("200", 18),
        ("300", 20),
        ("400", 22),
        ("500", 24),
        ("2000", 26),
        ("3500", 28),
        ("5000", 30),
        ("15000", 32),
        ("50000", 34),
        ("150000", 36),
        ("450000", 38),
    ),
    # Cocaine Base: 2.8 G, 5.6 G, 11.2 G, 16.8 G, 22.4 G, 28 G, 112 G, 196 G, 280 G, 840 G,
    # 2.8 KG, 8.4 KG, 25.2 KG.
    "cocaine_base": (
        ("0", 12),
        ("2.8", 14),
        ("5.6", 16),
        ("11.2", 18),
        ("16.8", 20),
        ("22.4", 22),
        ("28", 24),
        ("112", 26),
        ("196", 28),
        ("280", 30),
        ("840", 32),
        ("2800", 34),
        ("8400", 36),
        ("25200", 38),
    ),
    # Methamphetamine: 5 G, 10 G, 20 G, 30 G, 40 G, 50 G, 200 G, 350 G, 500 G, 1.5 KG, 5 KG,
    # 15 KG, 45 KG.
    "methamphetamine": (
        ("0", 12),
        ("5", 14),
        ("10", 16),
        ("20", 18),
        ("30", 20),
        ("40", 22),
        ("50", 24),
        ("200", 26),
        ("350", 28),
        ("500", 30),
        ("1500", 32),
        ("5000", 34),
        ("15000", 36),
        ("45000", 38),
    ),
    # Methamphetamine (actual): 500 MG, 1 G, 2 G, 3 G, 4 G, 5 G, 20 G, 35 G, 50 G, 150 G, 500 G,
    # 1.5 KG, 4.5 KG.
    "methamphetamine_actual": (
        ("0", 12),
        ("0.5", 14),
        ("1", 16),
        ("2", 18),
        ("3", 20),
        ("4", 22),
        ("5", 24),
        ("20", 26),
        ("35", 28),
        ("50", 30),
        ("150", 32),
        ("500", 34),
        ("1500", 36),
        ("4500", 38),
    ),
    # "Ice": 500 MG, 1 G, 2 G, 3 G, 4 G, 5 G, 20 G, 35 G, 50 G, 150 G, 500 G, 1.5 KG, 4.5 KG.
    "ice": (
        ("0", 12),
        ("0.5", 14),
        ("1", 16),
        ("2", 18),
        ("3", 20),
        ("4", 22),
        ("5", 24),
        ("20", 26),
        ("35", 28),
        ("50", 30),
        ("150", 32),
        ("500", 34),
        ("1500", 36),
        ("4500", 38),
    ),
    # Fentanyl: 4 G, 8 G, 16 G, 24 G, 32 G, 40 G, 160 G, 280 G, 400 G, 1.2 KG, 4 KG, 12 KG, 36 KG.
    "fentanyl": (
        ("0", 12),
        ("4", 14),
        ("8", 16),
        ("16", 18),
        ("24", 20),
        ("32", 22),
        ("40", 24),
        ("160", 26),
        ("280", 28),
        ("400", 30),
        ("1200", 32),
        ("4000", 34),
        ("12000", 36),
        ("36000", 38),
    ),
    # A Fentanyl Analogue: 1 G, 2 G, 4 G, 6 G, 8 G, 10 G, 40 G, 70 G, 100 G, 300 G, 1 KG, 3 KG,
    # 9 KG.
    "fentanyl_analogue": (
        ("0", 12),
        ("1", 14),
        ("2", 16),
        ("4", 18),
        ("6", 20),
        ("8", 22),
        ("10", 24),
        ("40", 26),
        ("70", 28),
        ("100", 30),
        ("300", 32),
        ("1000", 34),
        ("3000", 36),
        ("9000", 38),
    ),
    # Marihuana: 1 KG, 2.5 KG, 5 KG, 10 KG, 20 KG, 40 KG, 60 KG, 80 KG, 100 KG, 400 KG, 700 KG,
    # 1,000 KG, 3,000 KG, 10,000 KG, 30,000 KG, 90,000 KG.
    "marihuana": (
        ("0", 6),
        ("1000", 8),
        ("2500", 10),
        ("5000", 12),
        ("10000", 14),
        ("20000", 16),
        ("40000", 18),
        ("60000", 20),
        ("80000", 22),
        ("100000", 24),
        ("400000", 26),
        ("700000", 28),
        ("1000000", 30),
        ("3000000", 32),
        ("10000000", 34),
        ("30000000", 36),
        ("90000000", 38),
    ),
}

TABLES: dict[str, dict[str, Column]] = {"2014": TABLE_2014, "2025": TABLE_2025}
