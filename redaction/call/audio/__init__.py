"""Audio side of call redaction: decoding, DTMF and pause detection, applying silence.

Everything here is pure: numpy arrays (and encoded bytes) in, arrays and spans out.
"""
