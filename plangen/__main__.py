"""`python -m plangen <command>`: the same commands as the `plangen` script."""
from plangen.cli import main

if __name__ == "__main__":
    main()
