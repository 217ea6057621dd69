"""What the Office writers share: fonts per locale, the package guard, LibreOffice conversion."""
