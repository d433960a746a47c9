"""The federal judiciary's structure as plain data (28 U.S.C. ch. 5): districts and circuits.

Pure Python, no Django: the casebook and the sentencing app both read it.
"""
