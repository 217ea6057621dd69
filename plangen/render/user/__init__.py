"""Company files used as templates: docxtpl Word files and PowerPoint files with tags."""
