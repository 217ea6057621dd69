"""Word writers: blocks, tables, charts, the outline walker, the annual plan and the rep plans."""
