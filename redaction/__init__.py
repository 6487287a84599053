"""Pure detection and redaction: text and audio in, findings and redacted copies out. No I/O."""
