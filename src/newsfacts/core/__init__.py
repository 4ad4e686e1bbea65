"""The extraction, one module per stage in the order data flows:

normalize (fold, compact) -> sentences -> numbers (find) -> quantities
(value, unit, range, sign) -> kinds -> filters (non-claims) -> context
(one step per sentence: measure, change, qualifier, time, entity) ->
pipeline, which wires them together. Word lists are data files in
lexicons/, loaded by lexicon.py. Compiled with mypyc on a regular install.
"""
