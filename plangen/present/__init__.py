"""The localised, typed render context: formatting, labels and wording, tables, chart specs."""
