"""Payment data detection: card numbers, security codes, expiry dates, UK bank details, IBANs."""
