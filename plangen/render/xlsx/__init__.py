"""Excel writers: the decomposition workbook."""
