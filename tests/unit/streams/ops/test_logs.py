"""Worker log lines are JSON objects carrying the structured fields."""

from __future__ import annotations

import json
import logging

from ringfence.streams.ops.logs import JsonFormatter


def test_extra_fields_appear_in_the_json_line() -> None:
    record = logging.LogRecord("ringfence.chat", logging.INFO, __file__, 1, "chat stored", (), None)
    record.chat_id = "c-1"
    record.redactions = 2
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "chat stored" and line["level"] == "info"
    assert (line["chat_id"], line["redactions"]) == ("c-1", 2)
    assert "args" not in line and "pathname" not in line


def test_framework_loggers_never_reach_debug_where_raw_records_are_printed() -> None:
    from ringfence.streams.ops.logs import logging_config

    assert logging_config("info", "json")["loggers"]["aiokafka"] == {"level": "WARNING"}
    debug = logging_config("debug", "json")["loggers"]
    assert all(debug[name] == {"level": "INFO"} for name in ("faust", "aiokafka", "mode"))
