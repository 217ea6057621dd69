"""PowerPoint writers: slides, native charts, tables, the deck."""
